import { describe, expect, it } from 'vitest';
import { Inflights } from '../../src/tracker/inflights.js';
import { Progress, type ProgressState } from '../../src/tracker/progress.js';

function progress(
  init: { match?: bigint; next: bigint; state?: ProgressState; size?: number; maxBytes?: number } = {
    next: 1n,
  },
): Progress {
  const pr = new Progress({
    match: init.match ?? 0n,
    next: init.next,
    inflights: new Inflights(init.size ?? 256, init.maxBytes ?? 0),
  });
  pr.recentActive = true;
  if (init.state === 'replicate') pr.becomeReplicate();
  if (init.state === 'snapshot') pr.becomeSnapshot(init.next - 1n);
  if (init.state === 'replicate') pr.next = init.next;
  return pr;
}

describe('Progress state transitions', () => {
  it('starts in probe state, not paused', () => {
    const pr = progress({ match: 0n, next: 5n });
    expect(pr.state).toBe('probe');
    expect(pr.isPaused()).toBe(false);
    expect(pr.pendingSnapshot).toBe(0n);
  });

  it('becomes replicate from match + 1 with an empty window', () => {
    const pr = progress({ match: 1n, next: 5n });
    pr.inflights.add(3n, 10);
    pr.msgAppFlowPaused = true;
    pr.becomeReplicate();
    expect(pr.state).toBe('replicate');
    expect(pr.next).toBe(2n);
    expect(pr.inflights.count()).toBe(0);
    expect(pr.isPaused()).toBe(false);
  });

  it('probes from match + 1 when coming from replicate', () => {
    const pr = progress({ match: 1n, next: 5n, state: 'replicate' });
    pr.updateOnEntriesSend(2, 20, 5n);
    pr.becomeProbe();
    expect(pr).toMatchObject({ state: 'probe', match: 1n, next: 2n });
    expect(pr.inflights.count()).toBe(0);
  });

  it('probes after the pending snapshot when coming from snapshot state', () => {
    const pr = progress({ match: 1n, next: 5n });
    pr.becomeSnapshot(10n);
    expect(pr).toMatchObject({ state: 'snapshot', pendingSnapshot: 10n, next: 11n });
    pr.becomeProbe();
    expect(pr).toMatchObject({ state: 'probe', match: 1n, next: 11n, pendingSnapshot: 0n });
  });

  it('probes after match when it passed the pending snapshot', () => {
    const pr = progress({ match: 1n, next: 5n });
    pr.becomeSnapshot(10n);
    pr.match = 15n;
    pr.becomeProbe();
    expect(pr.next).toBe(16n);
  });

  it('is always paused in snapshot state', () => {
    const pr = progress({ match: 1n, next: 5n });
    pr.becomeSnapshot(10n);
    expect(pr.isPaused()).toBe(true);
    expect(() => pr.updateOnEntriesSend(1, 1, 11n)).toThrow(/snapshot state/);
  });

  it('clears pause, snapshot and inflights on resetState', () => {
    const pr = progress({ match: 1n, next: 5n, state: 'replicate', size: 1 });
    pr.updateOnEntriesSend(1, 1, 5n);
    expect(pr.isPaused()).toBe(true);
    pr.resetState('probe');
    expect(pr).toMatchObject({ state: 'probe', msgAppFlowPaused: false, pendingSnapshot: 0n });
    expect(pr.inflights.count()).toBe(0);
  });
});

describe('Progress flow control', () => {
  it('sends one append per probe: a non-empty append pauses until answered', () => {
    const pr = progress({ match: 0n, next: 5n });
    pr.updateOnEntriesSend(0, 0, 5n);
    expect(pr.isPaused()).toBe(false);
    pr.updateOnEntriesSend(3, 30, 5n);
    expect(pr.isPaused()).toBe(true);
    expect(pr.next).toBe(5n); // probing does not move next optimistically
    expect(pr.inflights.count()).toBe(0);
  });

  it('is resumed in probe state by the heartbeat interval clearing the flag', () => {
    const pr = progress({ match: 0n, next: 5n });
    pr.updateOnEntriesSend(1, 1, 5n);
    pr.msgAppFlowPaused = false; // what the leader does on a heartbeat response
    expect(pr.isPaused()).toBe(false);
  });

  it('moves next optimistically and fills the window in replicate state', () => {
    const pr = progress({ match: 4n, next: 5n, state: 'replicate', size: 2 });
    pr.updateOnEntriesSend(3, 30, 5n);
    expect(pr.next).toBe(8n);
    expect(pr.inflights.toArray()).toEqual([7n]);
    expect(pr.isPaused()).toBe(false);
    pr.updateOnEntriesSend(2, 20, 8n);
    expect(pr.next).toBe(10n);
    expect(pr.isPaused()).toBe(true);
  });

  it('pauses replicate state when the byte limit is reached', () => {
    const pr = progress({ match: 4n, next: 5n, state: 'replicate', size: 100, maxBytes: 50 });
    pr.updateOnEntriesSend(1, 30, 5n);
    expect(pr.isPaused()).toBe(false);
    pr.updateOnEntriesSend(1, 30, 6n);
    expect(pr.isPaused()).toBe(true);
  });

  it('does not track an empty append in replicate state', () => {
    const pr = progress({ match: 4n, next: 5n, state: 'replicate', size: 1 });
    pr.updateOnEntriesSend(0, 0, 5n);
    expect(pr.next).toBe(5n);
    expect(pr.inflights.count()).toBe(0);
    expect(pr.isPaused()).toBe(false);
  });

  it('resumes replicate once an acknowledgement frees the window', () => {
    const pr = progress({ match: 4n, next: 5n, state: 'replicate', size: 1 });
    pr.updateOnEntriesSend(1, 10, 5n);
    expect(pr.isPaused()).toBe(true);
    expect(pr.maybeUpdate(5n)).toBe(true);
    pr.inflights.freeLE(5n);
    expect(pr.isPaused()).toBe(false);
  });
});

describe('Progress.maybeUpdate', () => {
  it.each([
    { update: 4n, updated: false, match: 5n, next: 10n, what: 'ignores an index below match' },
    { update: 5n, updated: false, match: 5n, next: 10n, what: 'ignores an index equal to match' },
    { update: 6n, updated: true, match: 6n, next: 10n, what: 'raises match and keeps next above' },
    { update: 10n, updated: true, match: 10n, next: 11n, what: 'raises next past a new match' },
    { update: 12n, updated: true, match: 12n, next: 13n, what: 'raises next past a far match' },
  ])('$what', ({ update, updated, match, next }) => {
    const pr = progress({ match: 5n, next: 10n });
    pr.msgAppFlowPaused = true;
    expect(pr.maybeUpdate(update)).toBe(updated);
    expect(pr.match).toBe(match);
    expect(pr.next).toBe(next);
    expect(pr.msgAppFlowPaused).toBe(!updated);
  });
});

describe('Progress.maybeDecrTo', () => {
  it.each([
    // replicate: a rejection at or below match is stale
    { state: 'replicate', match: 5n, next: 10n, rejected: 5n, hint: 5n, ok: false, wantNext: 10n },
    { state: 'replicate', match: 5n, next: 10n, rejected: 4n, hint: 4n, ok: false, wantNext: 10n },
    // replicate: a rejection above match restarts after match
    { state: 'replicate', match: 5n, next: 10n, rejected: 9n, hint: 9n, ok: true, wantNext: 6n },
    // probe: only the answer to the probe in flight (next - 1) counts
    { state: 'probe', match: 0n, next: 10n, rejected: 5n, hint: 5n, ok: false, wantNext: 10n },
    { state: 'probe', match: 0n, next: 10n, rejected: 9n, hint: 9n, ok: true, wantNext: 9n },
    // probe: the hint moves next back further
    { state: 'probe', match: 0n, next: 10n, rejected: 9n, hint: 2n, ok: true, wantNext: 3n },
    // probe: a hint beyond the rejected index does not move next forward
    { state: 'probe', match: 0n, next: 10n, rejected: 9n, hint: 20n, ok: true, wantNext: 9n },
    // probe: next never drops to or below match
    { state: 'probe', match: 3n, next: 10n, rejected: 9n, hint: 0n, ok: true, wantNext: 4n },
    // probe: with nothing matched, next never drops below 1
    { state: 'probe', match: 0n, next: 1n, rejected: 0n, hint: 0n, ok: true, wantNext: 1n },
  ] as const)(
    'in $state with match=$match next=$next, rejected=$rejected hint=$hint gives $ok, next=$wantNext',
    (c) => {
      const pr = progress({ match: c.match, next: c.next, state: c.state });
      pr.msgAppFlowPaused = true;
      expect(pr.maybeDecrTo(c.rejected, c.hint)).toBe(c.ok);
      expect(pr.next).toBe(c.wantNext);
      expect(pr.match).toBe(c.match);
      if (c.state === 'probe') expect(pr.msgAppFlowPaused).toBe(!c.ok);
    },
  );
});

describe('Progress printing and cloning', () => {
  it("prints like etcd's tracker", () => {
    const pr = progress({ match: 1n, next: 2n });
    expect(pr.toString()).toBe('StateProbe match=1 next=2');
    pr.isLearner = true;
    pr.recentActive = false;
    pr.becomeSnapshot(7n);
    expect(pr.toString()).toBe('StateSnapshot match=1 next=8 learner paused pendingSnap=7 inactive');
    const rp = progress({ match: 4n, next: 5n, state: 'replicate', size: 1 });
    rp.updateOnEntriesSend(1, 1, 5n);
    expect(rp.toString()).toBe('StateReplicate match=4 next=6 paused inflight=1[full]');
  });

  it('clones every field, inflights included', () => {
    const pr = progress({ match: 4n, next: 5n, state: 'replicate', size: 4 });
    pr.updateOnEntriesSend(1, 3, 5n);
    pr.isLearner = true;
    const c = pr.clone();
    expect(c.toString()).toBe(pr.toString());
    expect(c).toMatchObject({ match: 4n, next: 6n, state: 'replicate', isLearner: true, recentActive: true });
    c.inflights.freeLE(5n);
    c.match = 9n;
    expect(pr.inflights.count()).toBe(1);
    expect(pr.match).toBe(4n);
  });
});

describe('Progress commit tracking', () => {
  it('allows a commit-only append while it can raise the follower commit index', () => {
    const pr = progress({ match: 4n, next: 5n, state: 'replicate' });
    pr.updateOnEntriesSend(3, 30, 5n); // entries 5..7 in flight, next = 8
    expect(pr.canBumpCommit(3n)).toBe(true);
    pr.recordSentCommit(5n);
    expect(pr.canBumpCommit(5n)).toBe(false); // already sent
    expect(pr.canBumpCommit(6n)).toBe(true);
    pr.recordSentCommit(7n);
    // Commit 7 covers every entry sent (next - 1): a higher commit index cannot help yet.
    expect(pr.canBumpCommit(9n)).toBe(false);
  });

  it('regresses the sent commit index when the stream is rejected', () => {
    const pr = progress({ match: 4n, next: 5n, state: 'replicate' });
    pr.updateOnEntriesSend(4, 40, 5n);
    pr.recordSentCommit(8n);
    expect(pr.maybeDecrTo(6n, 5n)).toBe(true);
    expect(pr.sentCommit).toBe(4n);
    expect(pr.canBumpCommit(8n)).toBe(false); // next = 5: nothing beyond match to commit
  });

  it('regresses the sent commit index on a probe rejection and on becoming probe', () => {
    const pr = progress({ match: 0n, next: 10n });
    pr.recordSentCommit(9n);
    expect(pr.maybeDecrTo(9n, 3n)).toBe(true);
    expect(pr.next).toBe(4n);
    expect(pr.sentCommit).toBe(3n);
    pr.recordSentCommit(9n);
    pr.becomeProbe();
    expect(pr.sentCommit).toBe(0n);
  });

  it('counts the snapshot index as sent commit', () => {
    const pr = progress({ match: 0n, next: 3n });
    pr.becomeSnapshot(12n);
    expect(pr.sentCommit).toBe(12n);
    expect(pr.clone().sentCommit).toBe(12n);
  });
});
