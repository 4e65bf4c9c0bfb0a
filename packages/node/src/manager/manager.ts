/**
 * A manager: raft (LevelDB storage sealed with this manager's data key, gRPC transport), the
 * replicated store, the CA, the log store, and the loops only the leader runs (dispatcher,
 * orchestrator, node bookkeeping). Leadership moves cleanly: a manager that stops being leader
 * stops its loops before anything else happens, and the new leader starts them from the store.
 */
import {
  type Clock,
  cryptoRandom,
  fromLong,
  type Logger,
  type Random,
  SwarmError,
  swarm,
  systemClock,
  toLong,
} from '@swarm/api';
import { Dispatcher } from '@swarm/dispatcher';
import type { MemberId } from '@swarm/raft';
import { RaftNode } from '@swarm/raft/driver';
import { LevelStorage } from '@swarm/raft/level';
import type { KeyManager } from '@swarm/secret-store';
import { ReplicatedStore } from '@swarm/store';
import type { RpcClients } from '../rpc/client.js';
import { GrpcRaftTransport } from '../rpc/raft-transport.js';
import { clusterOf, ManagerCA, retryRaced } from './ca-service.js';
import { EndpointsTable, hostOf } from './endpoints.js';
import { LogStore } from './log-store.js';
import { Orchestrator } from './orchestrator.js';

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
}

/** The manager half of a node: raft with its LevelDB storage, the replicated store, the CA, the log store, and on the leader the dispatcher and the orchestrator. */
export class Manager {
  readonly store: ReplicatedStore;
  readonly raft: RaftNode;
  readonly ca: ManagerCA;
  readonly logs: LogStore;
  /** The published-port table every node's ingress asks for, kept current from the store. */
  readonly endpoints: EndpointsTable;
  readonly transport: GrpcRaftTransport;
  readonly nodeId: string;
  readonly raftId: bigint;
  readonly advertiseAddr: string;
  readonly keyManager: KeyManager;
  #dispatcher: Dispatcher | undefined;
  #orchestrator: Orchestrator | undefined;
  readonly #peers: Map<MemberId, string>;
  readonly #log: Logger;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #heartbeatPeriodMs: number | undefined;
  readonly #unsubscribe: (() => void)[] = [];
  #leading = false;
  #stopped = false;
  #leaderWork: Promise<void> = Promise.resolve();
  #storage: LevelStorage | undefined;

  private constructor(o: ManagerOptions, storage: LevelStorage) {
    this.nodeId = o.nodeId;
    this.raftId = o.raftId;
    this.advertiseAddr = o.advertiseAddr;
    this.keyManager = o.keyManager;
    this.#log = o.logger.child({ component: 'manager' });
    this.#clock = o.clock ?? systemClock;
    this.#random = o.random ?? cryptoRandom;
    this.#heartbeatPeriodMs = o.heartbeatPeriodMs;
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
      tickMs: o.tickMs ?? 100,
      ...(o.bootstrap ? { bootstrap: [o.raftId] } : {}),
      raft: { electionTick: 10, heartbeatTick: 1, checkQuorum: true, preVote: true },
    });
    this.transport.setReceiver(this.raft);
    this.store.attach(this.raft);
    this.ca = new ManagerCA({
      store: this.store,
      clock: this.#clock,
      random: this.#random,
      logger: o.logger,
    });
    this.logs = new LogStore(this.store);
    this.endpoints = new EndpointsTable(this.store, { clock: this.#clock });
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
    return this.#nodeOfMember(id)?.managerStatus?.addr || this.#peers.get(id);
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
    const deadline = Date.now() + timeoutMs;
    while (this.raft.leader === 0n) {
      if (this.#stopped) throw new SwarmError('MANAGER_STOPPED', 'the manager stopped');
      if (Date.now() > deadline)
        throw new SwarmError(
          'NO_LEADER',
          `no raft leader after ${timeoutMs} ms: a majority of managers must be reachable`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /**
   * A store write for the control API: waits for a leader (an election after a restart takes a
   * second or two) and retries a proposal dropped for want of one, and a transaction that lost an
   * optimistic-concurrency race, instead of failing at once.
   */
  async update(
    fn: Parameters<ReplicatedStore['update']>[0],
    timeoutMs = 15_000,
  ): Promise<{ version: bigint }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.waitForLeader(Math.max(1, deadline - Date.now()));
      try {
        // retryRaced re-runs a transaction that lost an optimistic-concurrency race at apply time.
        return await retryRaced(this.store, fn);
      } catch (e) {
        if ((e as { code?: string }).code !== 'PROPOSAL_DROPPED' || Date.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /** Resolves once this manager's store holds the cluster object. */
  async waitForCluster(timeoutMs = 30_000): Promise<swarm.Cluster> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const c = this.store.view(clusterOf);
      if (c !== undefined) return c;
      if (Date.now() > deadline)
        throw new SwarmError('CLUSTER_NOT_READY', `the cluster state did not arrive within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Adds a new manager to raft (the caller's managerStatus is recorded first so the leader can reach it). */
  async addManager(nodeId: string, addr: string): Promise<swarm.JoinResponse> {
    const raftId = randomMemberId(this.#random);
    await this.store.update((tx) => {
      const n = tx.get('node', nodeId);
      if (n === undefined) throw new SwarmError('NODE_NOT_FOUND', `node ${nodeId} is not part of this swarm`);
      n.managerStatus = swarm.ManagerStatus.create({
        raftId: toLong(raftId),
        addr,
        leader: false,
        reachability: swarm.ManagerStatus.Reachability.REACHABLE,
      });
      tx.update('node', n);
    });
    await this.raft.addMember(raftId, { timeoutMs: 30_000 });
    const members = this.store.view((tx) =>
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
    this.#log.info('added a manager to raft', { nodeId, raftId: raftId.toString(), addr });
    return swarm.JoinResponse.create({ raftId: toLong(raftId), members });
  }

  /** Removes a manager from raft and clears its manager status. */
  async removeManager(nodeId: string): Promise<void> {
    const node = this.store.view((tx) => tx.get('node', nodeId));
    const raftId = fromLong(node?.managerStatus?.raftId ?? 0);
    if (raftId !== 0n && isMember(this.raft.status().config, raftId))
      await this.raft.removeMember(raftId, { timeoutMs: 30_000 }).catch((e: unknown) => {
        // Already removed (a retried call) is fine; anything else is not.
        if (!/not a member|unknown member|no such/i.test(String((e as Error).message))) throw e;
      });
    await this.store.update((tx) => {
      const n = tx.get('node', nodeId);
      if (n === undefined) return;
      n.managerStatus = null as never;
      tx.update('node', n);
    });
  }

  async #becomeLeader(): Promise<void> {
    if (this.#stopped) return;
    this.#log.info('became raft leader; starting the dispatcher and the orchestrator', {
      term: this.raft.term.toString(),
    });
    this.#dispatcher = new Dispatcher(
      this.#heartbeatPeriodMs === undefined ? {} : { heartbeatPeriodMs: this.#heartbeatPeriodMs },
      { store: this.store, clock: this.#clock, logger: this.#log.child({ component: 'dispatcher' }) },
    );
    this.#dispatcher.start();
    this.#orchestrator = new Orchestrator({
      store: this.store,
      clock: this.#clock,
      random: this.#random,
      logger: this.#log.child({ component: 'orchestrator' }),
    });
    this.#orchestrator.start();
    this.#bookkeeping = this.store.watch({ kinds: ['node'] }, () => this.#scheduleBookkeeping());
    this.#scheduleBookkeeping();
  }

  async #loseLeadership(): Promise<void> {
    this.#bookkeeping?.();
    this.#bookkeeping = undefined;
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

  /** Leader-only upkeep of node objects: the leader flag, and status.addr from the reported address. */
  #scheduleBookkeeping(): void {
    if (this.#bookkeepingQueued) return;
    this.#bookkeepingQueued = true;
    setTimeout(() => {
      this.#bookkeepingQueued = false;
      if (!this.#leading || this.#stopped) return;
      this.#runBookkeeping().catch((e: unknown) =>
        this.#log.warn('node bookkeeping failed', { error: String((e as Error).message) }),
      );
    }, 50);
  }

  async #runBookkeeping(): Promise<void> {
    const leader = this.raftId;
    const changes = this.store.view((tx) =>
      tx.list('node').filter((n) => {
        const ms = n.managerStatus;
        const wantLeader = ms ? fromLong(ms.raftId ?? 0) === leader : false;
        const addr = n.description?.addr ? hostOf(n.description.addr) : '';
        return (ms && ms.leader !== wantLeader) || (addr !== '' && n.status?.addr !== addr);
      }),
    );
    if (changes.length === 0) return;
    await this.store.update((tx) => {
      for (const c of changes) {
        const n = tx.get('node', c.id);
        if (n === undefined) continue;
        if (n.managerStatus) n.managerStatus.leader = fromLong(n.managerStatus.raftId ?? 0) === leader;
        const addr = n.description?.addr ? hostOf(n.description.addr) : '';
        if (addr !== '') n.status = swarm.NodeStatus.create({ ...(n.status ?? {}), addr });
        tx.update('node', n);
      }
    });
  }

  /** Stops the leader loops, raft and the store, and closes the storage. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    for (const u of this.#unsubscribe) u();
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
