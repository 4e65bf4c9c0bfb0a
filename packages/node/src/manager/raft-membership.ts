/**
 * Who is in raft, kept by the leader. Three rules:
 *
 * - **One member per node.** A node's member is the one its manager status names. A join by a node
 *   that already has a member replaces it; it never adds a second voter.
 * - **A join cannot cost more than the caller's own vote.** A joining manager starts as a learner
 *   (not counted for quorum). Only once it has caught up with the log (proof that it runs, is
 *   reachable at the address it gave, and holds the data) does it become a voter, in one joint
 *   change that also removes the node's previous member. A join to a made-up address never
 *   becomes a voter: its learner is removed after `joinTimeoutMs`.
 * - **Only managers stay.** A member whose node is not a manager now (demoted, removed, unknown)
 *   is removed; so is a learner nobody waits for (e.g. after a leader change during a join).
 *
 * Joins are served by the leader only (`NOT_LEADER` elsewhere, naming the leader), because only
 * the leader sees a learner's progress.
 */
import { type Clock, isSwarmError, type Logger, swarm, systemClock, toLong } from '@swarm/api';
import { isManagerNow, raftIdOf } from '@swarm/ca/manager';
import { ConfChangeType, type MemberId } from '@swarm/raft';
import type { RaftNode } from '@swarm/raft/driver';
import { type ReplicatedStore, retryRaced } from '@swarm/store';
import { NotLeaderError, RaftJoinError } from './errors.js';

const { AddNode, RemoveNode } = ConfChangeType;

export interface PendingJoin {
  readonly nodeId: string;
  readonly raftId: MemberId;
  readonly addr: string;
  /** When the learner was added (clock ms). */
  readonly since: number;
  /** The leader's commit index when the learner was added: caught up once its match reaches it. */
  readonly catchUpTo: bigint;
}

export interface RaftMembershipOptions {
  store: ReplicatedStore;
  raft: RaftNode;
  selfNodeId: string;
  selfRaftId: MemberId;
  /** The address of a raft member, for the NOT_LEADER hint. */
  resolve: (id: MemberId) => string | undefined;
  newMemberId: () => MemberId;
  clock: Clock;
  logger: Logger;
  /** A learner that has not caught up after this long is removed. Default 60,000 ms. */
  joinTimeoutMs?: number;
}

/** Checks a joining manager's raft address: HOST:PORT with a concrete host and a port in 1-65535. */
export function checkRaftAddress(addr: unknown): string {
  const bad = (why: string) =>
    new RaftJoinError(
      'INVALID_RAFT_ADDRESS',
      `raft join: address ${JSON.stringify(addr)} ${why}; give the HOST:PORT this manager listens on`,
      { addr: String(addr) },
    );
  if (typeof addr !== 'string' || addr.length > 300) throw bad('is not a string of at most 300 characters');
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]+)):(\d{1,5})$/.exec(addr);
  const host = m?.[1] ?? m?.[2];
  const port = Number(m?.[3]);
  if (m === null || host === undefined || !(port >= 1 && port <= 65535)) throw bad('is not HOST:PORT');
  if (host === '0.0.0.0' || host === '::' || host === '') throw bad('names no concrete host');
  return addr;
}

/**
 * Proposes a membership change and resolves once `isDone()` holds. Raft takes one change at a
 * time: a change proposed while another is unapplied (or before a joint configuration is left) is
 * replaced by an empty entry and never applies, so each attempt is short and, when it does not
 * apply, is made again; a change that another manager made meanwhile counts as done.
 */
export async function proposeMembership(
  raft: RaftNode,
  changes: { type: ConfChangeType; nodeId: MemberId }[],
  isDone: () => boolean,
  {
    attemptMs = 5_000,
    attempts = 4,
    clock = systemClock,
  }: { attemptMs?: number; attempts?: number; clock?: Clock } = {},
): Promise<void> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    // Wait until raft has applied what it committed (a change just resolved counts as unapplied
    // until the driver's next step) and has left a joint configuration (an automatic leave
    // follows every joint change).
    for (let w = 0; w < 200; w++) {
      const st = raft.status();
      if (st.config.votersOutgoing.length === 0 && st.applied >= st.hardState.commit) break;
      await new Promise<void>((r) => clock.setTimeout(r, 10));
    }
    if (isDone()) return;
    try {
      await raft.changeMembership(changes, { timeoutMs: attemptMs });
      if (isDone()) return;
    } catch (e) {
      last = e;
      if (!isSwarmError(e, 'RAFT_TIMEOUT') && !isSwarmError(e, 'PROPOSAL_DROPPED')) throw e;
    }
    if (isDone()) return;
  }
  throw (
    last ??
    new RaftJoinError('RAFT_JOIN_REFUSED', 'the raft membership change did not apply; retry', {
      changes: changes.map((c) => `${ConfChangeType[c.type]} ${c.nodeId}`),
    })
  );
}

function inConfig(raft: RaftNode, id: MemberId): 'voter' | 'learner' | undefined {
  const cs = raft.status().config;
  if (cs.voters.includes(id)) return 'voter';
  if (cs.learners.includes(id)) return 'learner';
  return undefined;
}

export class RaftMembership {
  readonly #o: RaftMembershipOptions;
  readonly #pending = new Map<string, PendingJoin>();
  readonly #joinTimeoutMs: number;
  #queue: Promise<unknown> = Promise.resolve();
  /** The commit index when this member became leader; nothing is removed before the store has caught up past it. */
  #commitAtElection: bigint | undefined;

  constructor(o: RaftMembershipOptions) {
    this.#o = o;
    this.#joinTimeoutMs = o.joinTimeoutMs ?? 60_000;
  }

  /** Pending joins (tests and metrics). */
  get pending(): readonly PendingJoin[] {
    return [...this.#pending.values()];
  }

  /** The address of a pending learner (only the leader needs to reach it). */
  addressOf(id: MemberId): string | undefined {
    for (const p of this.#pending.values()) if (p.raftId === id) return p.addr;
    return undefined;
  }

  /** This member became leader: membership decisions wait until its store has caught up. */
  becameLeader(): void {
    this.#commitAtElection = this.#o.raft.status().hardState.commit;
  }

  /** This member lost leadership: pending joins are forgotten (the next leader removes their learners). */
  lostLeadership(): void {
    this.#commitAtElection = undefined;
    this.#pending.clear();
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => {});
    return run;
  }

  /**
   * Adds `nodeId` (already authorized as a manager now) as a learner at `addr`, replacing a
   * learner it added before. Its voter, if any, stays until the new member has caught up.
   */
  join(nodeId: string, addr: string): Promise<swarm.JoinResponse> {
    return this.#serial(() => this.#join(nodeId, addr));
  }

  async #join(nodeId: string, addr: string): Promise<swarm.JoinResponse> {
    const raft = this.#o.raft;
    if (!raft.isLeader) throw new NotLeaderError('RaftMembership.Join', this.#o.resolve(raft.leader));
    checkRaftAddress(addr);
    if (nodeId === this.#o.selfNodeId)
      throw new RaftJoinError('RAFT_JOIN_REFUSED', 'raft join: the leader cannot join raft again', {
        nodeId,
      });
    const node = this.#o.store.view((tx) => tx.get('node', nodeId));
    if (!isManagerNow(node))
      throw new RaftJoinError(
        'RAFT_JOIN_REFUSED',
        `raft join: node ${nodeId} is not a manager (its role and desired role must both be manager)`,
        { nodeId },
      );
    const previous = this.#pending.get(nodeId);
    if (previous !== undefined) {
      this.#pending.delete(nodeId);
      await this.#remove(previous.raftId, 'replaced by a newer join of the same node');
    }
    const raftId = this.#o.newMemberId();
    const join: PendingJoin = {
      nodeId,
      raftId,
      addr,
      since: this.#o.clock.now(),
      catchUpTo: raft.status().hardState.commit,
    };
    this.#pending.set(nodeId, join);
    try {
      await proposeMembership(
        raft,
        [{ type: ConfChangeType.AddLearnerNode, nodeId: raftId }],
        () => inConfig(raft, raftId) !== undefined,
        { clock: this.#o.clock },
      );
    } catch (e) {
      if (this.#pending.get(nodeId) === join) this.#pending.delete(nodeId);
      throw e;
    }
    this.#o.logger.info('raft join: added a learner; it becomes a voter once it has caught up', {
      nodeId,
      raftId: raftId.toString(),
      addr,
    });
    return swarm.JoinResponse.create({ raftId: toLong(raftId), members: this.#voters() });
  }

  #voters(): swarm.RaftMember[] {
    return this.#o.store.view((tx) =>
      tx
        .list('node')
        .filter((n) => n.managerStatus?.addr)
        .map((n) =>
          swarm.RaftMember.create({
            raftId: n.managerStatus!.raftId!,
            nodeId: n.id,
            addr: n.managerStatus!.addr!,
          }),
        ),
    );
  }

  /** One step towards the rules above (leader only; one membership change per call). */
  reconcile(): Promise<void> {
    return this.#serial(() => this.#reconcile());
  }

  async #reconcile(): Promise<void> {
    const raft = this.#o.raft;
    if (!raft.isLeader || this.#commitAtElection === undefined) return;
    const status = raft.status();
    const progress = status.progress;
    const cs = status.config;
    if (progress === undefined || cs.votersOutgoing.length > 0) return; // a joint change is under way
    // The store must hold everything committed before this term before members are judged by it.
    if (!(status.hardState.commit > this.#commitAtElection && status.applied >= status.hardState.commit))
      return;
    const isMember = (id: MemberId) => cs.voters.includes(id) || cs.learners.includes(id);
    const nodes = this.#o.store.view((tx) => tx.list('node'));
    const owner = new Map<MemberId, swarm.Node>();
    for (const n of nodes) {
      const id = raftIdOf(n);
      if (id !== 0n) owner.set(id, n);
    }

    for (const p of [...this.#pending.values()]) {
      const node = nodes.find((n) => n.id === p.nodeId);
      const caughtUp = (progress.get(p.raftId)?.match ?? 0n) >= p.catchUpTo && isMember(p.raftId);
      if (!isManagerNow(node)) {
        this.#pending.delete(p.nodeId);
        await this.#remove(p.raftId, 'its node is not a manager any more');
        return;
      }
      if (caughtUp) {
        this.#pending.delete(p.nodeId);
        await this.#promote(p, owner);
        return;
      }
      if (this.#o.clock.now() - p.since > this.#joinTimeoutMs) {
        this.#pending.delete(p.nodeId);
        await this.#remove(p.raftId, `it did not catch up within ${this.#joinTimeoutMs} ms`);
        return;
      }
    }

    const waiting = new Set([...this.#pending.values()].map((p) => p.raftId));
    for (const id of [...cs.learners, ...cs.voters]) {
      if (id === this.#o.selfRaftId || waiting.has(id)) continue;
      const node = owner.get(id);
      if (node !== undefined && isManagerNow(node)) {
        // A learner its node claims (a leader change between the store write and the promotion).
        if (cs.learners.includes(id) && (progress.get(id)?.match ?? 0n) >= this.#commitAtElection) {
          await proposeMembership(
            raft,
            [{ type: AddNode, nodeId: id }],
            () => inConfig(raft, id) === 'voter',
            { clock: this.#o.clock },
          );
          return;
        }
        continue;
      }
      await this.#remove(
        id,
        node === undefined ? 'no node claims it' : `node ${node.id} is not a manager any more`,
      );
      if (node !== undefined)
        await retryRaced(
          this.#o.store,
          (tx) => {
            const n = tx.get('node', node.id);
            if (n === undefined || raftIdOf(n) !== id) return;
            n.managerStatus = null;
            tx.update('node', n);
          },
          { clock: this.#o.clock },
        );
      return;
    }
  }

  /** The learner caught up: record it as the node's member, then swap it in for the old one at once. */
  async #promote(p: PendingJoin, owner: ReadonlyMap<MemberId, swarm.Node>): Promise<void> {
    const cs = this.#o.raft.status().config;
    const node = this.#o.store.view((tx) => tx.get('node', p.nodeId));
    const old = raftIdOf(node);
    // Peers resolve the new member from the store, so the store names it before it becomes a voter.
    await retryRaced(
      this.#o.store,
      (tx) => {
        const n = tx.get('node', p.nodeId);
        if (n === undefined) return;
        n.managerStatus = swarm.ManagerStatus.create({
          raftId: toLong(p.raftId),
          addr: p.addr,
          leader: false,
          reachability: swarm.ManagerStatus.Reachability.REACHABLE,
        });
        tx.update('node', n);
      },
      { clock: this.#o.clock },
    );
    const changes: { type: ConfChangeType; nodeId: MemberId }[] = [{ type: AddNode, nodeId: p.raftId }];
    if (
      old !== 0n &&
      old !== p.raftId &&
      (cs.voters.includes(old) || cs.learners.includes(old)) &&
      owner.get(old)?.id === p.nodeId
    )
      changes.push({ type: RemoveNode, nodeId: old });
    const raft = this.#o.raft;
    await proposeMembership(
      raft,
      changes,
      () =>
        inConfig(raft, p.raftId) === 'voter' &&
        (changes.length === 1 || inConfig(raft, old) === undefined) &&
        raft.status().config.votersOutgoing.length === 0,
      { clock: this.#o.clock },
    );
    this.#o.logger.info('raft join: the new member caught up and is a voter now', {
      nodeId: p.nodeId,
      raftId: p.raftId.toString(),
      replaced: old === 0n ? '' : old.toString(),
    });
  }

  async #remove(id: MemberId, why: string): Promise<void> {
    const raft = this.#o.raft;
    if (inConfig(raft, id) === undefined) return;
    this.#o.logger.warn('removing a raft member', { raftId: id.toString(), reason: why });
    await proposeMembership(
      raft,
      [{ type: RemoveNode, nodeId: id }],
      () => inConfig(raft, id) === undefined,
      {
        clock: this.#o.clock,
      },
    );
  }

  /** Removes member `id` (one change at a time with the joins and the reconciliation). */
  remove(id: MemberId, why: string): Promise<void> {
    return this.#serial(() => this.#remove(id, why));
  }

  /** Forgets a node's pending join and removes its learner (demotion). */
  async drop(nodeId: string): Promise<void> {
    await this.#serial(async () => {
      const p = this.#pending.get(nodeId);
      if (p === undefined) return;
      this.#pending.delete(nodeId);
      await this.#remove(p.raftId, 'its node left or was demoted');
    });
  }
}
