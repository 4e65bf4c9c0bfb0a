/**
 * Prometheus metrics for one daemon, with prom-client on a Registry of its own (never the global
 * one: several daemons may share a process in tests). Gauges are read from the daemon when scraped;
 * the two histograms time calls on the live objects: raft proposals (`raft.propose`, which every
 * store write goes through) and the dispatcher's heartbeat handler. The daemon's objects are
 * replaced when the node is promoted, demoted or re-joined, so `track()` is called again for each
 * new manager and dispatcher; each object is wrapped once.
 */
import { type Clock, swarm, systemClock } from '@swarm/api';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { WebDaemon, WebManager } from './source.js';

const S = swarm.TaskState;

/** Every task state, lowercase, so each `swarm_tasks{state}` series exists (0 when empty). */
export const TASK_STATES: readonly string[] = Object.keys(S)
  .filter((k) => Number.isNaN(Number(k)))
  .map((k) => k.toLowerCase());
/** Every node status, lowercase, so each `swarm_nodes{status}` series exists (0 when empty). */
export const NODE_STATUSES: readonly string[] = Object.keys(swarm.NodeStatus.State)
  .filter((k) => Number.isNaN(Number(k)))
  .map((k) => k.toLowerCase());

const INSTRUMENTED = Symbol('swarm.web.instrumented');

/** Replaces `obj[name]` (an async method) with one that reports each successful call's duration in seconds. */
function timeMethod(obj: object, name: string, observe: (seconds: number) => void): void {
  const target = obj as Record<string | symbol, unknown>;
  const original = target[name];
  if (typeof original !== 'function' || (original as { [INSTRUMENTED]?: true })[INSTRUMENTED]) return;
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    const start = process.hrtime.bigint();
    const result = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise)
      return result.then((v) => {
        observe(Number(process.hrtime.bigint() - start) / 1e9);
        return v;
      });
    return result;
  };
  Object.defineProperty(wrapped, INSTRUMENTED, { value: true });
  target[name] = wrapped;
}

/**
 * Prometheus metrics of one node (its own registries): certificate expiry on every node; raft, store
 * counts, proposal and heartbeat timings on a manager.
 */
export class SwarmMetrics {
  /** Series every node has (certificate expiry). */
  readonly nodeRegistry = new Registry();
  /** Series only a manager has (raft, store counts, dispatcher). */
  readonly managerRegistry = new Registry();
  readonly #daemon: WebDaemon;
  readonly #proposal: Histogram;
  readonly #heartbeat: Histogram;
  #raft: RaftNumbers = { term: 0n, leader: false, commit: 0n, applied: 0n };

  constructor(daemon: WebDaemon, options: { clock?: Clock } = {}) {
    this.#daemon = daemon;
    const clock = options.clock ?? systemClock;
    const now = () => clock.now();
    const manager = () => this.#daemon.manager;
    // Raft's numbers are read together, once per scrape (see text()), so commit >= applied holds.
    const raft = () => this.#raft;
    const mr = [this.managerRegistry];
    new Gauge({
      name: 'swarm_raft_term',
      help: 'The current raft term',
      registers: mr,
      collect() {
        this.set(Number(raft().term));
      },
    });
    new Gauge({
      name: 'swarm_raft_leader',
      help: '1 if this manager is the raft leader, else 0',
      registers: mr,
      collect() {
        this.set(raft().leader ? 1 : 0);
      },
    });
    new Gauge({
      name: 'swarm_raft_commit_index',
      help: 'The highest raft log index known to be committed',
      registers: mr,
      collect() {
        this.set(Number(raft().commit));
      },
    });
    new Gauge({
      name: 'swarm_raft_applied_index',
      help: 'The highest raft log index applied to the store on this manager',
      registers: mr,
      collect() {
        this.set(Number(raft().applied));
      },
    });
    this.#proposal = new Histogram({
      name: 'swarm_raft_proposal_seconds',
      help: 'Time from a raft proposal (a store write) to its commit and apply on this manager',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: mr,
    });
    new Gauge({
      name: 'swarm_nodes',
      help: 'Nodes in the cluster by status',
      labelNames: ['status'],
      registers: mr,
      collect() {
        const counts = new Map(NODE_STATUSES.map((s) => [s, 0]));
        manager()?.store.view((tx) => {
          for (const n of tx.list('node')) {
            const s = (swarm.NodeStatus.State[n.status?.state ?? 0] ?? 'unknown').toLowerCase();
            counts.set(s, (counts.get(s) ?? 0) + 1);
          }
        });
        for (const [status, v] of counts) this.set({ status }, v);
      },
    });
    new Gauge({
      name: 'swarm_tasks',
      help: 'Tasks in the store by current (observed) state',
      labelNames: ['state'],
      registers: mr,
      collect() {
        const counts = new Map(TASK_STATES.map((s) => [s, 0]));
        manager()?.store.view((tx) => {
          for (const t of tx.list('task')) {
            const s = (S[t.status?.state ?? 0] ?? 'new').toLowerCase();
            counts.set(s, (counts.get(s) ?? 0) + 1);
          }
        });
        for (const [state, v] of counts) this.set({ state }, v);
      },
    });
    this.#heartbeat = new Histogram({
      name: 'swarm_dispatcher_heartbeat_seconds',
      help: "Time the leader's dispatcher takes to handle a node heartbeat",
      buckets: [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
      registers: mr,
    });
    const daemonRef = () => this.#daemon;
    new Counter({
      name: 'swarm_image_verifications_total',
      help: 'Task images this node verified under its image policy, by result (absent without a policy)',
      labelNames: ['result'],
      registers: [this.nodeRegistry],
      collect() {
        const stats = daemonRef().imageTrust?.stats;
        if (stats === undefined) return;
        this.reset();
        this.inc({ result: 'verified' }, stats.verified);
        this.inc({ result: 'rejected' }, stats.rejected);
      },
    });
    new Gauge({
      name: 'swarm_node_certificate_expiry_seconds',
      help: "Seconds until this node's TLS certificate expires",
      registers: [this.nodeRegistry],
      collect() {
        const r = daemonRef().renewer;
        if (r !== undefined) this.set((r.certificate.notAfter - now()) / 1000);
      },
    });
  }

  /** Times the current manager's raft proposals and dispatcher heartbeats (idempotent; call it whenever they may have changed). */
  track(): void {
    const m = this.#daemon.manager;
    if (m === undefined) return;
    timeMethod(m.raft, 'propose', (s) => this.#proposal.observe(s));
    const d = m.dispatcher;
    if (d !== undefined) timeMethod(d, 'heartbeat', (s) => this.#heartbeat.observe(s));
  }

  readonly contentType = Registry.PROMETHEUS_CONTENT_TYPE;

  /** The exposition text: manager series on managers only, the certificate's once the node has one. */
  async text(): Promise<string> {
    this.track();
    const parts: string[] = [];
    const m = this.#daemon.manager;
    if (m !== undefined) {
      this.#raft = raftNumbers(m);
      parts.push(await this.managerRegistry.metrics());
    }
    if (this.#daemon.renewer !== undefined) parts.push(await this.nodeRegistry.metrics());
    return parts.join('\n');
  }
}

interface RaftNumbers {
  term: bigint;
  leader: boolean;
  commit: bigint;
  applied: bigint;
}

/** One synchronous read of raft's numbers: nothing is applied in between. */
function raftNumbers(m: WebManager): RaftNumbers {
  const r = m.raft;
  let commit: bigint;
  try {
    commit = r.status().hardState.commit;
  } catch {
    // A stopping raft node has no status: report what was applied rather than fail the scrape.
    commit = r.appliedIndex;
  }
  return { term: r.term, leader: r.isLeader, commit, applied: r.appliedIndex };
}
