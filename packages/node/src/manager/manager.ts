/**
 * A manager: raft (LevelDB storage sealed with this manager's data key, gRPC transport), the
 * replicated store, the CA, the log store, and the loops only the leader runs (dispatcher,
 * orchestrator, node bookkeeping). Leadership moves cleanly: a manager that stops being leader
 * stops its loops before anything else happens, and the new leader starts them from the store.
 */

import { renameSync, rmSync } from 'node:fs';
import {
  type Clock,
  cryptoRandom,
  fromLong,
  isSwarmError,
  type Logger,
  type Random,
  SwarmError,
  type swarm,
  systemClock,
  type Timer,
} from '@swarm/api';
import type { NodeRole } from '@swarm/ca';
import { clusterOf, grantedRole, ManagerCA, RootRotationDriver } from '@swarm/ca/manager';
import { nativeBackend } from '@swarm/ca/native';
import { Dispatcher, EndpointsTable } from '@swarm/dispatcher';
import { attachAssignedTask } from '@swarm/network';
import { ConfChangeType, emptyConfState, type MemberId } from '@swarm/raft';
import { RaftNode, type Receiver } from '@swarm/raft/driver';
import { LevelStorage } from '@swarm/raft/level';
import { GrpcRaftTransport, type RpcClients } from '@swarm/rpc';
import { type SchedulerInit, schedulerInitOf, ZONE_LABEL } from '@swarm/scheduler';
import { Orchestrator } from '@swarm/scheduler/driver';
import type { KeyManager } from '@swarm/secret-store';
import { ReplicatedStore, retryRaced } from '@swarm/store';
import { QuorumLostError, type QuorumView } from './errors.js';
import { LogStore, type LogStoreOptions } from './log-store.js';
import { proposeMembership, RaftMembership } from './raft-membership.js';

/** Raft settings of every manager (what `swarm info` shows, as Docker's does). */
export const RAFT_SNAPSHOT_INTERVAL = 10_000;
/** Ticks between leader heartbeats. */
export const RAFT_HEARTBEAT_TICK = 1;
/** Ticks without a leader before an election (randomized up to twice as many). */
export const RAFT_ELECTION_TICK = 10;

/** What a Manager is built from: its identity, raft membership, keys, stores and seams. */
export interface ManagerOptions {
  raftDir: string;
  nodeId: string;
  raftId: bigint;
  /** host:port other managers and workers reach this one at. */
  advertiseAddr: string;
  keyManager: KeyManager;
  clients: RpcClients;
  logger: Logger;
  clock?: Clock;
  random?: Random;
  /** Raft tick in ms. Default 100 (elections after 1-2 s; swarm's production value is 1 s). */
  tickMs?: number;
  /** Start a new one-member cluster (init). */
  bootstrap?: boolean;
  /** Addresses of other members known before the store has them (from a raft join). */
  peers?: ReadonlyMap<MemberId, string>;
  /** Dispatcher heartbeat period in ms. Default 5,000 (tests and the demo may shorten it). */
  heartbeatPeriodMs?: number;
  /** Host ports a task may report (inclusive). Default [30000, 32767]. */
  taskPortRange?: readonly [number, number];
  /** Ports of this node's own daemon (never accepted as a task's host port). */
  reservedPorts?: readonly number[];
  /** Limits of the in-memory task logs. */
  logs?: LogStoreOptions;
  /** A raft learner that has not caught up after this long is removed. Default 60,000 ms. */
  joinTimeoutMs?: number;
  /**
   * This manager's placement strategy and rebalancing (`swarm daemon --placement-strategy`,
   * `--rebalance`), used while it leads; the cluster's settings (`swarm update`) override them.
   */
  scheduler?: SchedulerInit;
}

/** The manager half of a node: raft with its LevelDB storage, the replicated store, the CA, the log store, and on the leader the dispatcher and the orchestrator. */
export class Manager {
  readonly store: ReplicatedStore;
  readonly raft: RaftNode;
  readonly ca: ManagerCA;
  /** The root CA rotation: any manager begins one or waits for it; the leader drives it. */
  readonly rotation: RootRotationDriver;
  readonly logs: LogStore;
  /** The published-port table every node's ingress asks for, kept current from the store. */
  readonly endpoints: EndpointsTable;
  readonly transport: GrpcRaftTransport;
  readonly nodeId: string;
  readonly raftId: bigint;
  readonly advertiseAddr: string;
  readonly keyManager: KeyManager;
  /** Who is in raft: joins (leader only), promotions of caught-up learners, removals. */
  readonly membership: RaftMembership;
  #dispatcher: Dispatcher | undefined;
  #orchestrator: Orchestrator | undefined;
  readonly #peers: Map<MemberId, string>;
  readonly #log: Logger;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #heartbeatPeriodMs: number | undefined;
  readonly #o: ManagerOptions;
  #membershipTimer: Timer | undefined;
  readonly #unsubscribe: (() => void)[] = [];
  #leading = false;
  #stopped = false;
  #leaderWork: Promise<void> = Promise.resolve();
  #storage: LevelStorage | undefined;
  /** When each raft member was last heard from (any raft message it sent us), clock ms. */
  readonly #heard = new Map<MemberId, number>();
  readonly #tickMs: number;
  /** Since when the quorum has looked lost (no leader, too few managers heard), clock ms. */
  #lostSince: number | undefined;

  /** Raft messages from other managers come in here (it notes who was heard from, then steps raft). */
  readonly raftInbox: Receiver = {
    receive: (m) => {
      this.#heard.set(m.from, this.#clock.now());
      this.raft.receive(m);
    },
    unreachable: (to) => this.raft.unreachable(to),
  };

  private constructor(o: ManagerOptions, storage: LevelStorage) {
    this.nodeId = o.nodeId;
    this.raftId = o.raftId;
    this.advertiseAddr = o.advertiseAddr;
    this.keyManager = o.keyManager;
    this.#log = o.logger.child({ component: 'manager' });
    this.#clock = o.clock ?? systemClock;
    this.#random = o.random ?? cryptoRandom;
    this.#heartbeatPeriodMs = o.heartbeatPeriodMs;
    this.#tickMs = o.tickMs ?? 100;
    this.#o = o;
    this.#peers = new Map(o.peers ?? []);
    this.store = new ReplicatedStore({ clock: this.#clock, logger: o.logger.child({ component: 'store' }) });
    this.transport = new GrpcRaftTransport({
      clients: o.clients,
      resolve: (id: MemberId) => this.resolve(id),
      logger: o.logger.child({ component: 'raft-transport' }),
    });
    this.raft = new RaftNode({
      id: o.raftId,
      storage,
      transport: this.transport,
      stateMachine: this.store,
      clock: this.#clock,
      random: this.#random,
      logger: o.logger.child({ component: 'raft' }),
      tickMs: this.#tickMs,
      snapshotInterval: RAFT_SNAPSHOT_INTERVAL,
      ...(o.bootstrap ? { bootstrap: [o.raftId] } : {}),
      raft: {
        electionTick: RAFT_ELECTION_TICK,
        heartbeatTick: RAFT_HEARTBEAT_TICK,
        checkQuorum: true,
        preVote: true,
      },
    });
    this.transport.setReceiver(this.raft);
    this.store.attach(this.raft);
    this.ca = new ManagerCA({
      store: {
        view: (fn) => this.store.view(fn),
        // A renewal races the node's status writes: run it again on fresh objects when it loses.
        update: (fn) => retryRaced(this.store, fn, { clock: this.#clock }),
      },
      clock: this.#clock,
      random: this.#random,
      logger: o.logger,
      backend: nativeBackend,
      zoneLabel: ZONE_LABEL,
    });
    this.rotation = new RootRotationDriver({
      store: {
        view: (fn) => this.store.view(fn),
        update: (fn) => retryRaced(this.store, fn, { clock: this.#clock }),
      },
      clock: this.#clock,
      random: this.#random,
      logger: o.logger,
      backend: nativeBackend,
    });
    this.logs = new LogStore(this.store, { clock: this.#clock, ...o.logs });
    this.endpoints = new EndpointsTable(this.store, {
      clock: this.#clock,
      logger: this.#log.child({ component: 'endpoints' }),
      ...(o.taskPortRange === undefined ? {} : { taskPortRange: o.taskPortRange }),
      ...(o.reservedPorts === undefined ? {} : { reservedPorts: o.reservedPorts }),
    });
    this.membership = new RaftMembership({
      store: this.store,
      raft: this.raft,
      selfNodeId: o.nodeId,
      selfRaftId: o.raftId,
      resolve: (id) => this.resolve(id),
      newMemberId: () => randomMemberId(this.#random),
      clock: this.#clock,
      logger: this.#log.child({ component: 'raft-membership' }),
      ...(o.joinTimeoutMs === undefined ? {} : { joinTimeoutMs: o.joinTimeoutMs }),
    });
  }

  /**
   * `swarm init --force-new-cluster`, with the manager stopped: rewrites this manager's raft
   * directory so that it is the only voter of its cluster, keeping every object of the store.
   * Every entry of the local log counts as committed (the survivor's log is the new history, as in
   * Docker), the log is applied and snapshotted, and that snapshot becomes the starting point of a
   * one-voter raft group at the same index and term. The new directory is written beside the old one and swapped in
   * only when complete; the old one stays as `<raftDir>.before-force-new-cluster` until the next
   * run. Returns the index and term of the new snapshot.
   */
  static async forceNewCluster(o: {
    raftDir: string;
    raftId: MemberId;
    keyManager: KeyManager;
    logger: Logger;
    tickMs?: number;
    timeoutMs?: number;
    /** Waits and the deadline. Default `systemClock`. */
    clock?: Clock;
  }): Promise<{ index: bigint; term: bigint }> {
    const log = o.logger.child({ component: 'force-new-cluster' });
    const clock = o.clock ?? systemClock;
    const cipher = o.keyManager.recordCipher;
    const old = await LevelStorage.open({ path: o.raftDir, cipher, logger: log });
    let image: Uint8Array;
    let index: bigint;
    let term: bigint;
    try {
      const last = old.lastIndex();
      if (last === 0n && old.snapshot().metadata.index === 0n)
        throw new SwarmError('NO_RAFT_STATE', 'this manager has no raft state to recover a cluster from');
      const hs = old.hardState();
      if (hs.commit < last) await old.save({ hardState: { ...hs, commit: last } }, { sync: true });
      const store = new ReplicatedStore({ clock, logger: log });
      // A raft node that never campaigns and sends nothing: it only applies the log to the store.
      const raft = new RaftNode({
        id: o.raftId,
        storage: old,
        transport: { send() {} },
        stateMachine: store,
        clock,
        random: cryptoRandom,
        logger: log,
        tickMs: o.tickMs ?? 100,
        // A snapshot after every applied entry: the last one is the new cluster's starting point.
        snapshotInterval: 1,
        raft: { electionTick: 1_000_000, heartbeatTick: 1, checkQuorum: false, preVote: true },
      });
      store.attach(raft);
      await raft.start();
      const deadline = clock.now() + (o.timeoutMs ?? 120_000);
      while (raft.appliedIndex < last || old.snapshot().metadata.index < raft.appliedIndex) {
        if (clock.now() > deadline) {
          await raft.stop();
          throw new SwarmError(
            'FORCE_NEW_CLUSTER_FAILED',
            `the local raft log did not apply (applied ${raft.appliedIndex} of ${last}); nothing was changed`,
          );
        }
        await sleep(clock, 20);
      }
      await raft.stop();
      const snap = old.snapshot();
      index = snap.metadata.index;
      term = snap.metadata.term;
      image = snap.data;
      store.close();
    } finally {
      await old.close();
    }
    const fresh = `${o.raftDir}.force-new-cluster`;
    rmSync(fresh, { recursive: true, force: true });
    const next = await LevelStorage.open({ path: fresh, cipher, logger: log });
    try {
      await next.save(
        {
          snapshot: {
            data: image,
            metadata: { index, term, confState: { ...emptyConfState(), voters: [o.raftId] } },
          },
          hardState: { term, vote: o.raftId, commit: index },
        },
        { sync: true },
      );
    } finally {
      await next.close();
    }
    const previous = `${o.raftDir}.before-force-new-cluster`;
    rmSync(previous, { recursive: true, force: true });
    renameSync(o.raftDir, previous);
    renameSync(fresh, o.raftDir);
    log.warn('raft rewritten: this manager is now the only member of its cluster', {
      index: index.toString(),
      term: term.toString(),
    });
    return { index, term };
  }

  /** Opens the manager's storage, starts raft, and serves once the store is loaded. */
  static async start(o: ManagerOptions): Promise<Manager> {
    const storage = await LevelStorage.open({
      path: o.raftDir,
      cipher: o.keyManager.recordCipher,
      logger: o.logger.child({ component: 'raft-storage' }),
    });
    const m = new Manager(o, storage);
    m.#storage = storage;
    m.#unsubscribe.push(
      m.raft.onLeaderChange((leader) => {
        const leading = leader === m.raftId;
        if (leading !== m.#leading) {
          m.#leading = leading;
          m.#leaderWork = m.#leaderWork.then(() => (leading ? m.#becomeLeader() : m.#loseLeadership()));
        }
      }),
    );
    await m.raft.start();
    // A brand-new one-member cluster need not wait an election timeout for its first leader.
    if (o.bootstrap) m.raft.campaign();
    return m;
  }

  /** The address of a raft member: from the store's managers, else from what a join told us. */
  resolve(id: MemberId): string | undefined {
    if (id === this.raftId) return this.advertiseAddr;
    return (
      this.#nodeOfMember(id)?.managerStatus?.addr || this.membership.addressOf(id) || this.#peers.get(id)
    );
  }

  /**
   * The role the store grants `nodeId` for `method` now (see authority.ts): what the RPC server
   * checks besides the certificate.
   */
  grantedRole(nodeId: string, method: string, leaf: { notBefore: number }): NodeRole | undefined {
    const node = this.store.view((tx) => tx.get('node', nodeId));
    // The raft configuration is read only when the store alone does not decide.
    return grantedRole(node, method, leaf, (id) => isMember(this.raft.status().config, id));
  }

  /** The node object of raft member `id` (the one whose manager status carries that raft ID). */
  #nodeOfMember(id: MemberId): swarm.Node | undefined {
    return this.store.view((tx) =>
      tx.list('node').find((n) => n.managerStatus && fromLong(n.managerStatus.raftId ?? 0) === id),
    );
  }

  /** The node ID that owns raft member `id`, if the store knows it. */
  nodeIdOfMember(id: MemberId): string | undefined {
    if (id === this.raftId) return this.nodeId;
    return this.#nodeOfMember(id)?.id;
  }

  get isLeader(): boolean {
    return this.raft.isLeader;
  }

  get dispatcher(): Dispatcher | undefined {
    return this.#leading ? this.#dispatcher : undefined;
  }

  /** The node ID of the raft leader, if known. */
  leaderNodeId(): string | undefined {
    const leader = this.raft.leader;
    return leader === 0n ? undefined : this.nodeIdOfMember(leader);
  }

  /** Resolves once some member leads (or rejects after `timeoutMs`). */
  async waitForLeader(timeoutMs = 30_000): Promise<void> {
    const deadline = this.#clock.now() + timeoutMs;
    while (this.raft.leader === 0n) {
      if (this.#stopped) throw new SwarmError('MANAGER_STOPPED', 'the manager stopped');
      if (this.#clock.now() > deadline)
        throw new SwarmError(
          'NO_LEADER',
          `no raft leader after ${timeoutMs} ms: a majority of managers must be reachable`,
        );
      await sleep(this.#clock, 20);
    }
  }

  /** The clock every wait and timestamp of this manager runs on (the daemon's rotation too). */
  get clock(): Clock {
    return this.#clock;
  }

  /** Milliseconds per raft tick. */
  get tickMs(): number {
    return this.#tickMs;
  }

  /** The longest randomized election timeout, ms (20 ticks). */
  get #electionMs(): number {
    return 20 * this.#tickMs;
  }

  /**
   * The raft quorum as this manager sees it: voters, those heard from within the last two
   * election timeouts (itself included; managers without a leader keep campaigning, so every live
   * one is heard from), and the majority a quorum needs. A follower under a live leader hears only
   * from the leader: `reachable` is a lower bound while `leader` is true.
   */
  quorum(): QuorumView {
    const voters = [...this.raft.status().config.voters];
    const now = this.#clock.now();
    const window = 2 * this.#electionMs;
    const reachable = voters.filter(
      (id) => id === this.raftId || now - (this.#heard.get(id) ?? Number.NEGATIVE_INFINITY) <= window,
    ).length;
    return {
      managers: voters.length,
      reachable,
      needed: Math.floor(voters.length / 2) + 1,
      leader: this.raft.leader !== 0n,
    };
  }

  /**
   * The quorum when it has looked lost (no leader and fewer than a majority reachable) for one
   * election timeout in a row, else undefined. The grace lets a restarted manager hear from its
   * peers and an ordinary election finish.
   */
  quorumLost(): QuorumView | undefined {
    const q = this.quorum();
    const now = this.#clock.now();
    if (q.leader || q.reachable >= q.needed) {
      this.#lostSince = undefined;
      return undefined;
    }
    this.#lostSince ??= now;
    return now - this.#lostSince >= this.#electionMs ? q : undefined;
  }

  /**
   * A store write for the control API: waits for a leader (an election after a restart takes a
   * second or two) and retries a proposal dropped for want of one, and a transaction that lost an
   * optimistic-concurrency race, instead of failing at once. Without a quorum it fails with
   * QUORUM_LOST, whether it was still waiting for a leader or its proposal was in flight: at most
   * about four election timeouts (80 ticks: 8 s at the default 100 ms tick) after the managers were
   * lost (the leader steps down within two, peers stop counting as reachable two after they were
   * last heard, and the loss must last one more); after `timeoutMs` it fails in any case.
   */
  async update(
    fn: Parameters<ReplicatedStore['update']>[0],
    timeoutMs = 15_000,
  ): Promise<{ version: bigint }> {
    const deadline = this.#clock.now() + timeoutMs;
    for (;;) {
      await this.#waitForQuorum(deadline);
      try {
        // retryRaced re-runs a transaction that lost an optimistic-concurrency race at apply time.
        return await this.#unlessQuorumLost(retryRaced(this.store, fn, { clock: this.#clock }));
      } catch (e) {
        if (!isSwarmError(e, 'PROPOSAL_DROPPED') || this.#clock.now() > deadline) throw e;
        await sleep(this.#clock, 100);
      }
    }
  }

  /** Waits for a leader until `deadline`; QUORUM_LOST as soon as the quorum is known to be lost. */
  async #waitForQuorum(deadline: number): Promise<void> {
    while (this.raft.leader === 0n) {
      if (this.#stopped) throw new SwarmError('MANAGER_STOPPED', 'the manager stopped');
      const lost = this.quorumLost();
      if (lost !== undefined) throw new QuorumLostError(lost, false);
      if (this.#clock.now() > deadline) {
        const q = this.quorum();
        if (q.reachable < q.needed) throw new QuorumLostError(q, false);
        throw new SwarmError(
          'NO_LEADER',
          `The swarm does not have a leader yet (${q.reachable} of ${q.managers} managers reachable, an election is under way); nothing was changed, retry`,
          { managers: q.managers, reachable: q.reachable, needed: q.needed },
        );
      }
      await sleep(this.#clock, 50);
    }
  }

  /** `p`, or QUORUM_LOST (outcome unknown) when the quorum is lost while it is in flight. */
  #unlessQuorumLost<T>(p: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let timer: Timer | undefined;
      const check = (): void => {
        const lost = this.quorumLost();
        if (lost === undefined) {
          timer = this.#clock.setTimeout(check, 100);
          return;
        }
        timer = undefined;
        reject(new QuorumLostError(lost, true));
      };
      timer = this.#clock.setTimeout(check, 100);
      p.then(
        (v) => {
          timer?.cancel();
          resolve(v);
        },
        (e: unknown) => {
          timer?.cancel();
          reject(e);
        },
      );
    });
  }

  /** Resolves once this manager's store holds the cluster object. */
  async waitForCluster(timeoutMs = 30_000): Promise<swarm.Cluster> {
    const deadline = this.#clock.now() + timeoutMs;
    for (;;) {
      const c = this.store.view(clusterOf);
      if (c !== undefined) return c;
      if (this.#clock.now() > deadline)
        throw new SwarmError('CLUSTER_NOT_READY', `the cluster state did not arrive within ${timeoutMs} ms`);
      await sleep(this.#clock, 20);
    }
  }

  /**
   * Adds a manager to raft (leader only): as a learner first, a voter once it has caught up; a
   * second join of the same node replaces its member (see raft-membership.ts).
   */
  addManager(nodeId: string, addr: string): Promise<swarm.JoinResponse> {
    return this.membership.join(nodeId, addr);
  }

  /**
   * Removes a manager from raft and clears its manager status. On the leader the change queues
   * with joins and reconciliation (raft takes one membership change at a time); elsewhere it is
   * proposed (and made again if raft dropped it for another pending change).
   */
  async removeManager(nodeId: string): Promise<void> {
    await this.membership.drop(nodeId);
    const node = this.store.view((tx) => tx.get('node', nodeId));
    const raftId = fromLong(node?.managerStatus?.raftId ?? 0);
    if (raftId !== 0n) {
      const gone = () => !isMember(this.raft.status().config, raftId);
      if (this.raft.isLeader) await this.membership.remove(raftId, `node ${nodeId} is demoted or leaves`);
      else
        await proposeMembership(this.raft, [{ type: ConfChangeType.RemoveNode, nodeId: raftId }], gone, {
          clock: this.#clock,
        });
    }
    await this.store.update((tx) => {
      const n = tx.get('node', nodeId);
      if (n === undefined) return;
      n.managerStatus = null;
      tx.update('node', n);
    });
  }

  async #becomeLeader(): Promise<void> {
    if (this.#stopped) return;
    this.#log.info('became raft leader; starting the dispatcher and the orchestrator', {
      term: this.raft.term.toString(),
    });
    this.#dispatcher = new Dispatcher(
      {
        ...(this.#heartbeatPeriodMs === undefined ? {} : { heartbeatPeriodMs: this.#heartbeatPeriodMs }),
        ...(this.#o.taskPortRange === undefined ? {} : { taskPortRange: this.#o.taskPortRange }),
        ...(this.#o.reservedPorts === undefined ? {} : { reservedPorts: this.#o.reservedPorts }),
      },
      { store: this.store, clock: this.#clock, logger: this.#log.child({ component: 'dispatcher' }) },
    );
    this.#dispatcher.start();
    this.#startOrchestrator();
    this.#settings = this.store.watch({ kinds: ['cluster'] }, () => this.#settingsChanged());
    this.#bookkeeping = this.store.watch({ kinds: ['node'] }, () => this.#scheduleBookkeeping());
    this.#scheduleBookkeeping();
    this.membership.becameLeader();
    this.rotation.start();
    // Learners catch up without store events: look at raft membership every second too.
    const every = (): void => {
      this.#membershipTimer = this.#clock.setTimeout(() => {
        if (this.#membershipTimer === undefined) return;
        this.#reconcileMembership();
        every();
      }, 1000);
    };
    every();
  }

  #settings: (() => void) | undefined;
  /** The scheduler settings the running orchestrator was built with (JSON). */
  #orchestratorSettings = '';

  /** The placement strategy and rebalancing this manager applies when it leads: the cluster's settings over its own. */
  schedulerSettings(): SchedulerInit {
    return this.#schedulerInit();
  }

  #schedulerInit(): SchedulerInit {
    return schedulerInitOf(this.store.view(clusterOf)?.spec?.orchestration, this.#o.scheduler);
  }

  #startOrchestrator(): void {
    const init = this.#schedulerInit();
    this.#orchestratorSettings = JSON.stringify(init);
    this.#orchestrator = new Orchestrator({
      store: this.store,
      clock: this.#clock,
      random: this.#random,
      logger: this.#log.child({ component: 'orchestrator' }),
      scheduler: init,
      // Task addresses on cluster networks are given with the assignment, in its transaction.
      onAssign: attachAssignedTask,
    });
    this.#orchestrator.start();
  }

  /** A changed placement strategy or rebalancing budget restarts the orchestrator (it reloads from the store). */
  #settingsChanged(): void {
    if (!this.#leading || this.#stopped) return;
    if (JSON.stringify(this.#schedulerInit()) === this.#orchestratorSettings) return;
    this.#leaderWork = this.#leaderWork.then(async () => {
      const o = this.#orchestrator;
      if (!this.#leading || this.#stopped || o === undefined) return;
      if (JSON.stringify(this.#schedulerInit()) === this.#orchestratorSettings) return;
      this.#orchestrator = undefined;
      await o.stop();
      if (!this.#leading || this.#stopped) return;
      this.#startOrchestrator();
      this.#log.info('orchestration settings changed; restarted the orchestrator', {
        settings: this.#orchestratorSettings,
      });
    });
  }

  #reconcileMembership(): void {
    if (!this.#leading || this.#stopped) return;
    this.membership
      .reconcile()
      .catch((e: unknown) =>
        this.#log.warn('raft membership change failed', { error: String((e as Error).message) }),
      );
  }

  async #loseLeadership(): Promise<void> {
    this.#membershipTimer?.cancel();
    this.#membershipTimer = undefined;
    this.membership.lostLeadership();
    // Not awaited: a step in flight ends on its own (its write fails or lands; the next leader re-plans).
    void this.rotation.stop();
    this.#bookkeeping?.();
    this.#bookkeeping = undefined;
    this.#settings?.();
    this.#settings = undefined;
    const d = this.#dispatcher;
    const o = this.#orchestrator;
    this.#dispatcher = undefined;
    this.#orchestrator = undefined;
    d?.stop();
    await o?.stop();
    if (d || o) this.#log.info('lost raft leadership; stopped the dispatcher and the orchestrator');
  }

  #bookkeeping: (() => void) | undefined;
  #bookkeepingQueued = false;

  /**
   * Leader-only upkeep of node objects: the leader flag, and raft membership (see
   * raft-membership.ts). A node's address is never taken from its self-description: the
   * dispatcher records the address its session came from.
   */
  #scheduleBookkeeping(): void {
    if (this.#bookkeepingQueued) return;
    this.#bookkeepingQueued = true;
    this.#clock.setTimeout(() => {
      this.#bookkeepingQueued = false;
      if (!this.#leading || this.#stopped) return;
      this.#runBookkeeping().catch((e: unknown) =>
        this.#log.warn('node bookkeeping failed', { error: String((e as Error).message) }),
      );
      this.#reconcileMembership();
    }, 50);
  }

  async #runBookkeeping(): Promise<void> {
    const leader = this.raftId;
    const changes = this.store.view((tx) =>
      tx.list('node').filter((n) => {
        const ms = n.managerStatus;
        return ms && ms.leader !== (fromLong(ms.raftId ?? 0) === leader);
      }),
    );
    if (changes.length === 0) return;
    await this.store.update((tx) => {
      for (const c of changes) {
        const n = tx.get('node', c.id);
        if (n?.managerStatus == null) continue;
        n.managerStatus.leader = fromLong(n.managerStatus.raftId ?? 0) === leader;
        tx.update('node', n);
      }
    });
  }

  /** Stops the leader loops, raft and the store, and closes the storage. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    for (const u of this.#unsubscribe) u();
    this.#membershipTimer?.cancel();
    this.#membershipTimer = undefined;
    this.endpoints.close();
    this.#leading = false;
    await this.#leaderWork.catch(() => {});
    await this.#loseLeadership();
    await this.raft.stop();
    this.transport.close();
    this.store.close();
    await this.#storage?.close();
  }
}

/** A random non-zero 64-bit raft member ID (never reused: 64 random bits). */
export function randomMemberId(random: Random = cryptoRandom): MemberId {
  for (;;) {
    const b = random.bytes(8);
    let v = 0n;
    for (const x of b) v = (v << 8n) | BigInt(x);
    if (v !== 0n) return v;
  }
}

function isMember(cs: { voters: readonly MemberId[]; learners: readonly MemberId[] }, id: MemberId): boolean {
  return cs.voters.includes(id) || cs.learners.includes(id);
}

/** Resolves after `ms` on `clock`. */
function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((r) => clock.setTimeout(r, ms));
}
