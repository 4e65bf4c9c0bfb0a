/**
 * The visualizer's view of the cluster, built from a manager's store replica. Every field is copied
 * explicitly from a whitelist: no `raw` objects, no specs, no secret references and nothing from
 * the secret kind, so secret data (and anything added to the protos later) cannot leak into the
 * page, `/api/state` or `/api/events`.
 */
import { createHash } from 'node:crypto';
import { fromLong, isRunning, modeOf, swarm } from '@swarm/api';
import type { ReadTx } from '@swarm/store';

const S = swarm.TaskState;

/** A task as the page shows it. */
export interface WebTask {
  id: string;
  serviceId: string;
  serviceName: string;
  /** The replica slot (0 for global tasks, which are named after their node). */
  slot: number;
  /** NAME.SLOT, or NAME.NODEID for global tasks. */
  name: string;
  nodeId: string;
  /** Lowercase task state names: 'running', 'pending', 'shutdown', ... */
  state: string;
  desiredState: string;
  /** When the current state began (ms since the epoch). */
  since: number;
  /** The status error, or the scheduler's reason for a pending task ('' when none; at most 200 chars). */
  error: string;
}

/** A node as the page shows it. */
export interface WebNode {
  id: string;
  hostname: string;
  role: 'manager' | 'worker';
  availability: string;
  /** 'unknown' | 'down' | 'ready' | 'disconnected'. */
  status: string;
  /** The zone in the node's certificate ('' when none). */
  zone: string;
  /** Whether this node is the raft leader. */
  leader: boolean;
  /** '' for workers, else 'leader' | 'reachable' | 'unreachable'. */
  managerStatus: string;
  addr: string;
  /** The tasks assigned to this node (every retained one: the page hides stopped ones by default). */
  tasks: WebTask[];
}

/** A service as the page shows it. */
export interface WebService {
  id: string;
  name: string;
  /** 'replicated' | 'global' | 'replicated-job' | 'global-job'. */
  mode: string;
  desired: number;
  running: number;
  /** A CSS colour, stable for the service ID (the page's colour key). */
  colour: string;
}

/** The whole view `/api/state` answers and `/api/events` sends. */
export interface WebState {
  /** The node ID of the manager that answered. */
  self: string;
  /** The raft leader's node ID ('' when there is none). */
  leaderId: string;
  nodes: WebNode[];
  services: WebService[];
  /** Tasks no node has taken yet (pending, or waiting for a node that fits). */
  unassigned: WebTask[];
}

const lower = (s: string | undefined, fallback: string) => (s ?? fallback).toLowerCase();

function stateName(s: number | null | undefined): string {
  return lower(S[s ?? 0], String(s));
}

/** A colour for a service: the hue comes from a hash of its ID, so it stays the same across reloads and managers. */
export function serviceColour(serviceId: string): string {
  const h = createHash('sha256').update(serviceId).digest();
  const hue = ((h[0]! << 8) | h[1]!) % 360;
  // Two lightness bands double the number of distinguishable colours.
  const light = (h[2]! & 1) === 0 ? 42 : 55;
  return `hsl(${hue} 65% ${light}%)`;
}

function taskOf(t: swarm.Task, serviceName: string): WebTask {
  const slot = Number(fromLong(t.slot ?? 0));
  return {
    id: t.id,
    serviceId: t.serviceId,
    serviceName,
    slot,
    name: slot > 0 ? `${serviceName}.${slot}` : `${serviceName}.${t.nodeId || t.id}`,
    nodeId: t.nodeId ?? '',
    state: stateName(t.status?.state),
    desiredState: stateName(t.desiredState),
    since: Number(fromLong(t.status?.timestamp ?? 0)),
    error: (t.status?.err ?? '').slice(0, 200),
  };
}

function desiredOf(s: swarm.Service, tasks: swarm.Task[]): number {
  const mode = modeOf(s.spec);
  if (mode === 'replicated') return Number(fromLong(s.spec?.replicated?.replicas ?? 0));
  if (mode === 'replicated-job') return Number(fromLong(s.spec?.replicatedJob?.totalCompletions ?? 0));
  return tasks.filter((t) => (t.desiredState ?? 0) <= S.RUNNING).length;
}

/**
 * The cluster as the visualizer shows it. `leaderId` comes from raft (fresher than the store's
 * `managerStatus.leader` flag, which the leader's bookkeeping updates a moment later).
 */
export function buildState(tx: ReadTx, o: { self: string; leaderId: string | undefined }): WebState {
  const leaderId = o.leaderId ?? '';
  const names = new Map<string, string>();
  const services: WebService[] = [];
  for (const s of tx.list('service')) {
    const name = s.spec?.annotations?.name ?? s.id;
    names.set(s.id, name);
    const tasks = tx.find('task', { serviceId: s.id });
    services.push({
      id: s.id,
      name,
      mode: modeOf(s.spec),
      desired: desiredOf(s, tasks),
      running: tasks.filter(isRunning).length,
      colour: serviceColour(s.id),
    });
  }
  services.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));

  const byNode = new Map<string, WebTask[]>();
  const unassigned: WebTask[] = [];
  for (const t of tx.list('task')) {
    const name = names.get(t.serviceId) ?? t.serviceAnnotations?.name ?? t.serviceId;
    const view = taskOf(t, name);
    if (view.nodeId === '') unassigned.push(view);
    else {
      const list = byNode.get(view.nodeId) ?? [];
      list.push(view);
      byNode.set(view.nodeId, list);
    }
  }
  const order = (a: WebTask, b: WebTask) =>
    a.serviceName.localeCompare(b.serviceName) || a.slot - b.slot || a.since - b.since;
  unassigned.sort(order);

  const nodes: WebNode[] = tx.list('node').map((n) => {
    const ms = n.managerStatus;
    const isManager = n.role === swarm.NodeRole.NODE_ROLE_MANAGER;
    const leader = leaderId !== '' ? n.id === leaderId : ms?.leader === true;
    return {
      id: n.id,
      hostname: n.description?.hostname ?? '',
      role: isManager ? 'manager' : 'worker',
      availability: lower(swarm.NodeSpec.Availability[n.spec?.availability ?? 0], 'active'),
      status: lower(swarm.NodeStatus.State[n.status?.state ?? 0], 'unknown'),
      zone: n.zone ?? '',
      leader,
      managerStatus: ms?.addr
        ? leader
          ? 'leader'
          : ms.reachability === swarm.ManagerStatus.Reachability.UNREACHABLE
            ? 'unreachable'
            : 'reachable'
        : '',
      addr: n.status?.addr ?? '',
      tasks: (byNode.get(n.id) ?? []).sort(order),
    };
  });
  // Managers first, then by hostname: columns keep their place as tasks come and go.
  nodes.sort(
    (a, b) =>
      (a.role === b.role ? 0 : a.role === 'manager' ? -1 : 1) ||
      a.hostname.localeCompare(b.hostname) ||
      a.id.localeCompare(b.id),
  );
  // A task on a node the store no longer has (removed with `node rm`) still shows, unassigned.
  const known = new Set(nodes.map((n) => n.id));
  for (const [nodeId, list] of byNode) if (!known.has(nodeId)) unassigned.push(...list);
  return { self: o.self, leaderId, nodes, services, unassigned };
}
