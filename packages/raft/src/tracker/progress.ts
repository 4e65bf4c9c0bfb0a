import type { Inflights } from './inflights.js';

/**
 * How the leader replicates to one follower (etcd raft's StateType):
 * - `probe`: the leader does not know where the follower's log ends; it sends at most one append
 *   per heartbeat interval and waits for the answer (accept or reject) to find the match point.
 * - `replicate`: the match point is known; the leader streams appends optimistically, bounded by
 *   the inflights window.
 * - `snapshot`: the follower needs a snapshot; nothing else is sent until the snapshot resolves.
 */
export type ProgressState = 'probe' | 'replicate' | 'snapshot';

const STATE_NAMES: Record<ProgressState, string> = {
  probe: 'StateProbe',
  replicate: 'StateReplicate',
  snapshot: 'StateSnapshot',
};

export interface ProgressInit {
  match?: bigint;
  next: bigint;
  inflights: Inflights;
  isLearner?: boolean;
  recentActive?: boolean;
}

/**
 * The leader's view of one follower's log (Raft paper §5.3 `nextIndex`/`matchIndex`), plus the flow
 * control that decides when the leader may send it more entries. Semantics follow etcd raft v3.6.
 */
export class Progress {
  /** The highest index known to be in the follower's log. */
  match: bigint;
  /** The index of the next entry to send. Invariant: `match < next`. */
  next: bigint;
  state: ProgressState = 'probe';
  /** In snapshot state, the index of the snapshot being sent; 0 otherwise. */
  pendingSnapshot = 0n;
  /**
   * The highest commit index sent to the follower (in an append or a snapshot), regressed when the
   * messages that carried it are presumed lost. Lets the leader send an empty append only when it
   * can move the follower's commit index (see `canBumpCommit`).
   */
  sentCommit = 0n;
  /**
   * True when the follower was heard from recently (reset on each check-quorum round). A new
   * progress starts active so that check-quorum does not count a just-added member as down.
   */
  recentActive: boolean;
  /**
   * Whether sending appends to this follower is paused: in probe state after one append was sent
   * (cleared by the answer or the next heartbeat response), in replicate state while the inflights
   * window is full.
   */
  msgAppFlowPaused = false;
  inflights: Inflights;
  isLearner: boolean;

  constructor(init: ProgressInit) {
    this.match = init.match ?? 0n;
    this.next = init.next;
    this.inflights = init.inflights;
    this.isLearner = init.isLearner ?? false;
    this.recentActive = init.recentActive ?? false;
  }

  /** Moves to `state`, clearing the pause, the pending snapshot and the inflights. */
  resetState(state: ProgressState): void {
    this.msgAppFlowPaused = false;
    this.pendingSnapshot = 0n;
    this.state = state;
    this.inflights.reset();
  }

  /**
   * Back to probing from `match + 1`. Coming from snapshot state, the snapshot (if it was
   * applied) already covers `pendingSnapshot`, so probing starts after whichever is higher.
   */
  becomeProbe(): void {
    if (this.state === 'snapshot') {
      const pending = this.pendingSnapshot;
      this.resetState('probe');
      this.next = max(this.match + 1n, pending + 1n);
    } else {
      this.resetState('probe');
      this.next = this.match + 1n;
    }
    this.sentCommit = min(this.sentCommit, this.next - 1n);
  }

  /** Starts streaming after the match point. */
  becomeReplicate(): void {
    this.resetState('replicate');
    this.next = this.match + 1n;
  }

  /** Waits for the follower to apply the snapshot at `snapshotIndex`. */
  becomeSnapshot(snapshotIndex: bigint): void {
    this.resetState('snapshot');
    this.pendingSnapshot = snapshotIndex;
    this.next = snapshotIndex + 1n;
    this.sentCommit = snapshotIndex;
  }

  /**
   * Records that an append carrying `entries` entries (`bytes` of payload) starting at `nextIndex`
   * was sent. In replicate state `next` moves past them optimistically and the message enters the
   * inflights window (pausing the flow if the window fills). In probe state a non-empty append
   * pauses the flow until it is answered. Sending in snapshot state is a programming error.
   *
   * In replicate state with a full window the leader may still send an append without entries
   * (after a heartbeat response clears the pause), so that a follower whose acknowledgements were
   * all lost answers and frees the window; sending entries into a full window throws.
   */
  updateOnEntriesSend(entries: number, bytes: number, nextIndex: bigint): void {
    switch (this.state) {
      case 'replicate':
        if (entries > 0) {
          const last = nextIndex + BigInt(entries) - 1n;
          this.optimisticUpdate(last);
          this.inflights.add(last, bytes);
        }
        // A message that filled the window, or one sent into an already full one, acts as a
        // probe: the flow pauses until acknowledgements free the window.
        this.msgAppFlowPaused = this.inflights.full();
        return;
      case 'probe':
        if (entries > 0) this.msgAppFlowPaused = true;
        return;
      case 'snapshot':
        throw new RangeError('Progress.updateOnEntriesSend: cannot send entries in snapshot state');
    }
  }

  /**
   * Handles an accepted append that ends at `n`. Returns false if it is stale (not above `match`).
   * Otherwise moves `match` to `n` (and `next` past it) and resumes a paused flow.
   */
  maybeUpdate(n: bigint): boolean {
    if (n <= this.match) return false;
    this.match = n;
    this.next = max(this.next, n + 1n);
    this.msgAppFlowPaused = false;
    return true;
  }

  /** Moves `next` past `n` after sending up to `n` in replicate state. */
  optimisticUpdate(n: bigint): void {
    this.next = n + 1n;
  }

  /**
   * Handles a rejected append: the follower rejected the append at index `rejected` and hinted
   * that its log might match up to `matchHint`. Returns false when the rejection is stale (it
   * answers an older message), true when `next` was moved back.
   *
   * In replicate state a rejection above `match` means the optimistic stream went wrong: restart
   * right after `match`. In probe state only the answer to the probe in flight (`next - 1`) counts;
   * `next` moves back to the hint, but never to or below `match`.
   */
  maybeDecrTo(rejected: bigint, matchHint: bigint): boolean {
    if (this.state === 'replicate') {
      if (rejected <= this.match) return false;
      this.next = this.match + 1n;
      // A commit index sent past the rejected point was most likely not applied.
      this.sentCommit = min(this.sentCommit, this.next - 1n);
      return true;
    }
    if (this.next - 1n !== rejected) return false;
    this.next = max(min(rejected, matchHint + 1n), this.match + 1n);
    this.sentCommit = min(this.sentCommit, this.next - 1n);
    this.msgAppFlowPaused = false;
    return true;
  }

  /**
   * Whether sending commit index `index` could move the follower's commit index: it is above what
   * was sent, and what was sent does not already cover every entry sent (up to `next - 1`).
   */
  canBumpCommit(index: bigint): boolean {
    return index > this.sentCommit && this.sentCommit < this.next - 1n;
  }

  /** Records that commit index `commit` was sent to the follower. */
  recordSentCommit(commit: bigint): void {
    this.sentCommit = commit;
  }

  /**
   * Whether the leader should hold back appends to this follower (heartbeats still go out). In
   * probe and replicate state that is the flow-control flag; in snapshot state always.
   */
  isPaused(): boolean {
    switch (this.state) {
      case 'probe':
      case 'replicate':
        return this.msgAppFlowPaused;
      case 'snapshot':
        return true;
    }
  }

  clone(): Progress {
    const c = new Progress({
      match: this.match,
      next: this.next,
      inflights: this.inflights.clone(),
      isLearner: this.isLearner,
      recentActive: this.recentActive,
    });
    c.state = this.state;
    c.pendingSnapshot = this.pendingSnapshot;
    c.sentCommit = this.sentCommit;
    c.msgAppFlowPaused = this.msgAppFlowPaused;
    return c;
  }

  /** etcd's format, e.g. `StateReplicate match=5 next=6 learner paused inflight=2[full]`. */
  toString(): string {
    let s = `${STATE_NAMES[this.state]} match=${this.match} next=${this.next}`;
    if (this.isLearner) s += ' learner';
    if (this.isPaused()) s += ' paused';
    if (this.pendingSnapshot > 0n) s += ` pendingSnap=${this.pendingSnapshot}`;
    if (!this.recentActive) s += ' inactive';
    const n = this.inflights.count();
    if (n > 0) {
      s += ` inflight=${n}`;
      if (this.inflights.full()) s += '[full]';
    }
    return s;
  }
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
