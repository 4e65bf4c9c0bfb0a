// The published-port table every node's ingress proxy forwards by: for each port a service
// publishes in ingress mode, the tasks that run now, where (the node's address) and on which host
// port (the one the task reported). Computed from the store on a manager; served by the Ingress RPC.
//
// The ingress rule: what a worker reports is data, never routing authority. The address is the
// node's `status.addr`, which the dispatcher takes from the TLS peer of the node's session (never
// from the node's self-description), and the host port must lie in the task port range and not be
// a daemon's own port. A task whose report breaks the rule is left out of the table and logged.
import { type Clock, hostOf, type Logger, noopLogger, swarm, systemClock, type Timer } from '@swarm/api';
import { DEFAULT_TASK_PORT_RANGE } from './options.js';
import type { DispatcherStore, ReadTx, StoreEvent } from './store-contract.js';
import type { PortRule } from './task-rules.js';

const S = swarm.TaskState;

// The host part of a node address is @swarm/api's; re-exported here for this package's users.
export { hostOf };

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The ports a service publishes through the ingress proxy (ingress mode, a published port set). */
export function ingressPorts(service: swarm.Service): swarm.PortConfig[] {
  return (service.spec?.endpoint?.ports ?? []).filter(
    (p) => (p.publishedPort ?? 0) > 0 && (p.publishMode ?? 0) === swarm.PortConfig.PublishMode.INGRESS,
  ) as swarm.PortConfig[];
}

/**
 * Every published ingress port with the tasks behind it: tasks that run (state and desired state
 * RUNNING) on a READY node with an address, and that reported the host port for the port's target
 * (`task.status.ports`: the PortConfig with the same target port and protocol; its `publishedPort`
 * is the host port). A task that has not reported it yet is left out. Sorted by published port,
 * protocol and service ID; tasks by node ID and task ID.
 */
/** The default port rule: the default task port range, no reserved ports. */
export const DEFAULT_PORT_RULE: PortRule = Object.freeze({
  taskPortRange: DEFAULT_TASK_PORT_RANGE,
  reservedPorts: Object.freeze([]) as readonly number[],
});

/** A reported host port the ingress rule refuses (left out of the table). */
export interface RefusedEndpoint {
  /** The task that reported the port. */
  taskId: string;
  /** Its node. */
  nodeId: string;
  /** The host port it reported. */
  port: number;
  /** Why the rule refuses it. */
  reason: string;
}

/** Why a host port reported for an ingress port is refused, or undefined when it is allowed. */
export function ingressPortProblem(hostPort: number, rule: PortRule): string | undefined {
  if (!Number.isInteger(hostPort) || hostPort < 1 || hostPort > 65535) return `${hostPort} is not a port`;
  if (rule.reservedPorts.includes(hostPort))
    return `host port ${hostPort} is a port of a swarm daemon itself`;
  const [lo, hi] = rule.taskPortRange;
  if (hostPort < lo || hostPort > hi)
    return `host port ${hostPort} is outside the task port range ${lo}-${hi}`;
  return undefined;
}

/**
 * The ingress table: for each service with published ports, the tasks that serve them now (running,
 * on a node whose address the managers verified) and the host port each task's node reported.
 */
export function publishedEndpoints(
  tx: ReadTx,
  rule: PortRule = DEFAULT_PORT_RULE,
  refused: RefusedEndpoint[] = [],
): swarm.PublishedEndpoint[] {
  const out: swarm.PublishedEndpoint[] = [];
  const nodeAddr = new Map<string, string | undefined>();
  const addrOf = (nodeId: string): string | undefined => {
    if (nodeAddr.has(nodeId)) return nodeAddr.get(nodeId);
    const node = tx.get('node', nodeId);
    const addr =
      node !== undefined && node.status?.state === swarm.NodeStatus.State.READY
        ? hostOf(node.status?.addr ?? '') || undefined
        : undefined;
    nodeAddr.set(nodeId, addr);
    return addr;
  };
  for (const service of tx.list('service')) {
    const ports = ingressPorts(service);
    if (ports.length === 0) continue;
    const running = tx
      .find('task', { serviceId: service.id, desiredState: S.RUNNING })
      .filter((t) => t.status?.state === S.RUNNING && !!t.nodeId);
    for (const p of ports) {
      const protocol = p.protocol ?? swarm.PortConfig.Protocol.TCP;
      const tasks: swarm.TaskEndpoint[] = [];
      for (const t of running) {
        const reported = (t.status?.ports ?? []).find(
          (r) => r.targetPort === p.targetPort && (r.protocol ?? swarm.PortConfig.Protocol.TCP) === protocol,
        );
        if (reported === undefined) continue;
        const hostPort = reported.publishedPort ?? 0;
        const problem = ingressPortProblem(hostPort, rule);
        if (problem !== undefined) {
          refused.push({ taskId: t.id, nodeId: t.nodeId, port: hostPort, reason: problem });
          continue;
        }
        const addr = addrOf(t.nodeId);
        if (addr === undefined) continue;
        tasks.push(swarm.TaskEndpoint.create({ taskId: t.id, nodeId: t.nodeId, addr, port: hostPort }));
      }
      tasks.sort((a, b) => cmp(a.nodeId, b.nodeId) || cmp(a.taskId, b.taskId));
      out.push(
        swarm.PublishedEndpoint.create({
          serviceId: service.id,
          publishedPort: p.publishedPort ?? 0,
          targetPort: p.targetPort ?? 0,
          protocol,
          tasks,
        }),
      );
    }
  }
  out.sort(
    (a, b) => a.publishedPort - b.publishedPort || a.protocol - b.protocol || cmp(a.serviceId, b.serviceId),
  );
  return out;
}

/**
 * A canonical string of an endpoint table: equal exactly when the tables are. Cheap change
 * detection for whoever pushes the table to ingress proxies.
 */
export function endpointsKey(endpoints: readonly swarm.PublishedEndpoint.$Properties[]): string {
  let s = '';
  for (const e of endpoints) {
    s += `${e.serviceId}|${e.publishedPort}/${e.protocol ?? 0}>${e.targetPort}:`;
    for (const t of e.tasks ?? []) s += `${t.taskId}@${t.nodeId}=${t.addr}:${t.port},`;
    s += ';';
  }
  return s;
}

/** Store changes that can change the table: any service or node change, and task changes of running-ness, node or ports. */
function relevant(e: StoreEvent): boolean {
  if (e.kind === 'service' || e.kind === 'node') return true;
  if (e.kind !== 'task') return false;
  const t = e.object as swarm.Task;
  const old = e.old as swarm.Task | undefined;
  const live = (x: swarm.Task | undefined): boolean =>
    x !== undefined && x.desiredState === S.RUNNING && x.status?.state === S.RUNNING;
  if (e.action !== 'update' || old === undefined) return live(t);
  if (live(t) !== live(old)) return true;
  if (!live(t)) return false;
  return t.nodeId !== old.nodeId || portsKey(t) !== portsKey(old);
}

function portsKey(t: swarm.Task): string {
  return (t.status?.ports ?? []).map((p) => `${p.targetPort}/${p.protocol}:${p.publishedPort}`).join();
}

/** How {@link watchPublishedEndpoints} and {@link EndpointsTable} follow the store. */
export interface WatchEndpointsOptions {
  /** The debounce timer. Default `systemClock`. */
  clock?: Clock;
  /** Refused host ports are logged here (task, node, port, reason). Default: nothing. */
  logger?: Logger;
  /** Changes within this many ms are folded into one recomputation. Default 50. */
  batchMs?: number;
  /** Host ports tasks may report (inclusive). Default [30000, 32767]. */
  taskPortRange?: readonly [number, number];
  /** Ports never accepted as a task's host port (the daemons' own). Default none. */
  reservedPorts?: readonly number[];
}

/**
 * Calls `listener` with the table now and again whenever it changes (debounced by `batchMs`), until
 * the returned function is called. Tables equal to the last one delivered are not delivered again.
 */
export function watchPublishedEndpoints(
  store: DispatcherStore,
  listener: (endpoints: swarm.PublishedEndpoint[], key: string) => void,
  options: WatchEndpointsOptions = {},
): () => void {
  const clock = options.clock ?? systemClock;
  const log = options.logger ?? noopLogger;
  const batchMs = options.batchMs ?? 50;
  if (!(batchMs >= 0)) throw new RangeError(`batchMs must be >= 0, got ${batchMs}`);
  const rule: PortRule = {
    taskPortRange: options.taskPortRange ?? DEFAULT_TASK_PORT_RANGE,
    reservedPorts: options.reservedPorts ?? [],
  };
  let lastKey: string | undefined;
  let timer: Timer | undefined;
  let stopped = false;
  let logged = new Set<string>();
  const publish = (): void => {
    timer = undefined;
    if (stopped) return;
    const refused: RefusedEndpoint[] = [];
    const endpoints = store.view((tx) => publishedEndpoints(tx, rule, refused));
    // Each refusal is logged once while it lasts, not on every recomputation.
    const now = new Set<string>();
    for (const r of refused) {
      const key = `${r.taskId}:${r.port}`;
      now.add(key);
      if (!logged.has(key))
        log.warn('ingress: a task reported a host port the ingress rule refuses', { ...r });
    }
    logged = now;
    const key = endpointsKey(endpoints);
    if (key === lastKey) return;
    lastKey = key;
    try {
      listener(endpoints, key);
    } catch (err) {
      log.error('endpoints listener failed', { error: String(err) });
    }
  };
  const unwatch = store.watch({ kinds: ['service', 'node', 'task'], match: relevant }, () => {
    if (timer === undefined && !stopped) timer = clock.setTimeout(publish, batchMs);
  });
  publish();
  return () => {
    stopped = true;
    timer?.cancel();
    unwatch();
  };
}

/**
 * The endpoint table kept current from the store's watch, so that serving it (one Ingress RPC per
 * worker poll) costs nothing: `endpoints` and `key` are the table as of the last change (at most
 * `batchMs` old). Call `close()` when the manager stops.
 */
export class EndpointsTable {
  #endpoints: swarm.PublishedEndpoint[] = [];
  #key = '';
  readonly #stop: () => void;

  constructor(store: DispatcherStore, options: WatchEndpointsOptions = {}) {
    this.#stop = watchPublishedEndpoints(
      store,
      (endpoints, key) => {
        this.#endpoints = endpoints;
        this.#key = key;
      },
      options,
    );
  }

  get endpoints(): readonly swarm.PublishedEndpoint[] {
    return this.#endpoints;
  }

  get key(): string {
    return this.#key;
  }

  /** Stops watching the store. */
  close(): void {
    this.#stop();
  }
}
