/**
 * The control API as the daemon serves it. Reads come from this manager's replica of the store;
 * writes go through raft (a follower's proposal is forwarded to the leader and resolves once
 * applied here), so any manager can serve the CLI. Workers answer with Docker's "not a swarm
 * manager" error.
 */
import { fromLong, generateId, isRunning, modeOf, SwarmError, swarm, toLong } from '@swarm/api';
import { generateJoinToken } from '@swarm/ca';
import { chainNotAfter, clusterOf } from '@swarm/ca/manager';
import { fingerprintOf, registryClient, resolveImage } from '@swarm/image-trust';
import { createNetwork, holdsAddresses, serviceVips, syncServiceVips } from '@swarm/network';
import { ApiConverter, parseConstraint, type SchedulerInit, ZONE_LABEL } from '@swarm/scheduler';
import { retentionOf } from '@swarm/scheduler/driver';
import { assertSecretName, generateUnlockKey, MAX_SECRET_BYTES, MIN_SECRET_BYTES } from '@swarm/secret-store';
import type { ObjectTypes, ReadTx } from '@swarm/store';
import {
  type ConfigView,
  type ControlApi,
  type ImagePolicyUpdateResult,
  type ImagePolicyView,
  type InfoResult,
  JSON_OPTIONS,
  type Json,
  type LogLineView,
  type LogsPage,
  type ManagerConnectionView,
  type NetworkView,
  type NodeView,
  type SecretView,
  type ServiceLogsFollowRequest,
  type ServiceLogsRequest,
  type ServiceView,
  type SwarmBackupResult,
  type TaskView,
} from '../control/api.js';
import { LookupError } from '../errors.js';
import {
  type Manager,
  RAFT_ELECTION_TICK,
  RAFT_HEARTBEAT_TICK,
  RAFT_SNAPSHOT_INTERVAL,
} from '../manager/manager.js';
import { rotateRoot } from './ca-rotation.js';
import * as configs from './control-configs.js';
import { type Daemon, NOT_A_MANAGER_MESSAGE, VERSION, WORKER_NOT_MANAGER_MESSAGE } from './daemon.js';
import { type LogSources, type LogsTarget, parseLogsCursor, readServiceLogs } from './service-logs.js';
import { managerCalls } from './wiring.js';

const S = swarm.TaskState;
const dec = new TextDecoder();

type Kind = 'node' | 'service' | 'secret' | 'task' | 'network';

/** Finds one object by full ID, unique ID prefix, or name (hostname for nodes). */
function resolve<K extends Kind>(tx: ReadTx, kind: K, ref: string): ObjectTypes[K] {
  if (typeof ref !== 'string' || ref === '')
    throw new SwarmError('INVALID_ARGUMENT', `a ${kind} ID or name is required`);
  const exact = tx.get(kind, ref);
  if (exact) return exact;
  const all: ObjectTypes[K][] = tx.list(kind);
  const named = (o: ObjectTypes[Kind]): boolean => {
    const spec = 'spec' in o ? o.spec : undefined;
    if (spec && 'annotations' in spec && spec.annotations?.name === ref) return true;
    return kind === 'node' && 'description' in o && o.description?.hostname === ref;
  };
  const byName = all.filter(named);
  if (byName.length === 1) return byName[0]!;
  const byPrefix = all.filter((o) => o.id.startsWith(ref));
  if (byPrefix.length === 1 && byName.length === 0) return byPrefix[0]!;
  if (byName.length > 1 || byPrefix.length > 1)
    throw new LookupError(
      'AMBIGUOUS',
      `${kind} ${JSON.stringify(ref)} is ambiguous: use a longer ID prefix`,
      {
        kind,
        ref,
        matches: Math.max(byName.length, byPrefix.length),
      },
    );
  throw new LookupError('NOT_FOUND', `${kind} not found: ${ref}`, { kind, ref });
}

/** `resolve` without the NOT_FOUND: undefined when nothing matches. */
function resolveOptional<K extends Kind>(tx: ReadTx, kind: K, ref: string): { id: string } | undefined {
  try {
    return resolve(tx, kind, ref);
  } catch (e) {
    if (e instanceof LookupError && e.code === 'NOT_FOUND') return undefined;
    throw e;
  }
}

/** What `service logs ID` reads: ID names a service, or else a task (then only that task). */
function logsTarget(tx: ReadTx, req: ServiceLogsRequest): LogsTarget {
  const svc = resolveOptional(tx, 'service', req.id);
  let target: LogsTarget;
  if (svc !== undefined) target = { serviceId: svc.id, ...(req.taskId ? { taskId: req.taskId } : {}) };
  else {
    const task = resolveOptional(tx, 'task', req.id) as swarm.Task | undefined;
    if (task === undefined)
      throw new LookupError('NOT_FOUND', `no such task or service: ${req.id}`, {
        kind: 'service',
        ref: req.id,
      });
    target = { serviceId: task.serviceId, taskId: task.id };
  }
  if (req.node) target.nodeId = resolve(tx, 'node', req.node).id;
  return target;
}

const lower = (s: string) => s.toLowerCase();

function stateName(s: number | null | undefined): string {
  return lower(swarm.TaskState[s ?? 0] ?? String(s));
}

function nodeView(n: swarm.Node, self: string): NodeView {
  const labels = { ...(n.spec?.annotations?.labels ?? {}) };
  return {
    id: n.id,
    hostname: n.description?.hostname ?? '',
    role: n.role === swarm.NodeRole.NODE_ROLE_MANAGER ? 'manager' : 'worker',
    status: lower(swarm.NodeStatus.State[n.status?.state ?? 0] ?? 'unknown'),
    availability: lower(
      swarm.NodeSpec.Availability[n.spec?.availability ?? 0] ?? 'active',
    ) as NodeView['availability'],
    managerStatus: n.managerStatus?.addr
      ? n.managerStatus.leader
        ? 'Leader'
        : n.managerStatus.reachability === swarm.ManagerStatus.Reachability.UNREACHABLE
          ? 'Unreachable'
          : 'Reachable'
      : '',
    addr: n.status?.addr ?? '',
    labels,
    engineLabels: { ...(n.description?.engineLabels ?? {}) },
    zone: n.zone ?? '',
    self: n.id === self,
    raw: swarm.Node.toObject(n, JSON_OPTIONS) as Json,
  };
}

/** `raft.reachable` and `raft.quorum` of `swarm info`. */
function quorumInfo(m: Manager): { reachable: number; quorum: 'ok' | 'lost' | 'electing' } {
  const q = m.quorum();
  return {
    reachable: q.reachable,
    quorum: q.leader ? 'ok' : q.reachable < q.needed ? 'lost' : 'electing',
  };
}

/** Why a read from this manager may be stale: it has no leader and cannot reach a majority. */
function staleness(m: Manager): string | undefined {
  const q = m.quorum();
  if (q.leader || q.reachable >= q.needed) return undefined;
  return `quorum is lost (${q.reachable} of ${q.managers} managers reachable, ${q.needed} needed): this is this manager's local copy and may be stale`;
}

/** The local node's view with its agent's problem, when it has one. */
function withAgentWarning(v: NodeView, warning: string | undefined): NodeView {
  return v.self && warning !== undefined ? { ...v, warnings: [...(v.warnings ?? []), warning] } : v;
}

function portsOf(spec: swarm.IServiceSpec | null | undefined): string[] {
  return (spec?.endpoint?.ports ?? []).map(
    (p) =>
      `*:${p.publishedPort ?? 0}->${p.targetPort ?? 0}/${p.protocol === swarm.PortConfig.Protocol.UDP ? 'udp' : 'tcp'}`,
  );
}

/**
 * A job's size and progress in its current run: completions wanted (replicated-job) or nodes with
 * a task (global-job), and the slots or nodes whose task completed. Undefined for services.
 */
function jobProgress(
  s: swarm.Service,
  tasks: readonly swarm.Task[],
): { desired: number; completed: number } | undefined {
  const spec = s.spec;
  if (!spec?.replicatedJob && !spec?.globalJob) return undefined;
  const run = fromLong(s.jobStatus?.jobIteration ?? 0);
  const current = tasks.filter(
    (t) => fromLong(t.jobIteration ?? 0) === run && (t.desiredState ?? 0) <= S.RUNNING,
  );
  const key = (t: swarm.Task) => (spec.globalJob ? t.nodeId : String(t.slot ?? 0));
  const completed = new Set(current.filter((t) => t.status?.state === S.COMPLETE).map(key)).size;
  if (spec.globalJob) return { desired: new Set(current.map(key)).size, completed };
  const max = Math.max(1, Number(fromLong(spec.replicatedJob!.maxConcurrent ?? 0)));
  const total = Number(fromLong(spec.replicatedJob!.totalCompletions ?? 0));
  return { desired: total === 0 ? max : total, completed };
}

function serviceView(tx: ReadTx, s: swarm.Service): ServiceView {
  const tasks = tx.find('task', { serviceId: s.id });
  const mode = modeOf(s.spec);
  const job = jobProgress(s, tasks);
  const desired =
    mode === 'global'
      ? tasks.filter((t) => (t.desiredState ?? 0) <= S.RUNNING).length
      : (job?.desired ?? Number(fromLong(s.spec?.replicated?.replicas ?? 0)));
  const c = s.spec?.task?.container;
  return {
    id: s.id,
    name: s.spec?.annotations?.name ?? '',
    mode,
    desired,
    running: tasks.filter(isRunning).length,
    ...(job === undefined ? {} : { completed: job.completed }),
    command: [...(c?.command ?? []), ...(c?.args ?? [])],
    ports: portsOf(s.spec),
    updateState: s.updateStatus ? lower(swarm.UpdateStatus.UpdateState[s.updateStatus.state ?? 0] ?? '') : '',
    updateMessage: s.updateStatus?.message ?? '',
    raw: swarm.Service.toObject(s, JSON_OPTIONS) as Json,
    virtualIps: Object.entries(serviceVips(s.id, tx.list('network'))).map(([networkId, addr]) => ({
      networkId,
      addr,
    })),
    ...taskAddressesOf(tasks),
  };
}

/** The addresses of the tasks that hold one (`holdsAddresses`), for `service inspect`. */
function taskAddressesOf(tasks: readonly swarm.Task[]): Pick<ServiceView, 'taskAddresses'> {
  const out = tasks.filter(holdsAddresses).flatMap((t) =>
    (t.networks ?? []).map((a) => ({
      taskId: t.id,
      nodeId: t.nodeId ?? '',
      networkId: a.networkId ?? '',
      networkName: a.networkName ?? '',
      addresses: [...(a.addresses ?? [])],
    })),
  );
  return out.length > 0 ? { taskAddresses: out } : {};
}

function taskView(tx: ReadTx, t: swarm.Task): TaskView {
  const svc = tx.get('service', t.serviceId);
  const name = svc?.spec?.annotations?.name ?? t.serviceAnnotations?.name ?? t.serviceId;
  const slot = Number(fromLong(t.slot ?? 0));
  const node = t.nodeId ? tx.get('node', t.nodeId) : undefined;
  const exit = t.status?.container?.exitCode;
  return {
    id: t.id,
    name: slot > 0 ? `${name}.${slot}` : `${name}.${t.nodeId || t.id}`,
    serviceId: t.serviceId,
    slot,
    nodeId: t.nodeId ?? '',
    nodeHostname: node?.description?.hostname ?? '',
    desiredState: stateName(t.desiredState),
    currentState: stateName(t.status?.state),
    since: Number(fromLong(t.status?.timestamp ?? 0)),
    error: t.status?.err ?? '',
    message: t.status?.message ?? '',
    ...(exit !== undefined && exit !== null && t.status?.state !== S.RUNNING ? { exitCode: exit } : {}),
    ports: (t.status?.ports ?? []).map(
      (p) => `${node?.status?.addr ?? ''}:${p.publishedPort ?? 0}->${p.targetPort ?? 0}/tcp`,
    ),
    ...(t.networks?.length
      ? {
          networks: t.networks.map((a) => ({
            networkId: a.networkId ?? '',
            networkName: a.networkName ?? '',
            addresses: [...(a.addresses ?? [])],
            slice: a.slice ?? '',
            gateway: a.gateway ?? '',
            aliases: [...(a.aliases ?? [])],
          })),
        }
      : {}),
    raw: swarm.Task.toObject(t, JSON_OPTIONS) as Json,
  };
}

function secretView(s: swarm.Secret): SecretView {
  return {
    id: s.id,
    name: s.spec?.annotations?.name ?? '',
    version: String(fromLong(s.meta?.version?.index ?? 0)),
    createdAt: Number(fromLong(s.meta?.createdAt ?? 0)),
    updatedAt: Number(fromLong(s.meta?.updatedAt ?? 0)),
    labels: { ...(s.spec?.annotations?.labels ?? {}) },
  };
}

function networkView(tx: ReadTx, n: swarm.Network): NetworkView {
  return {
    id: n.id,
    name: n.spec?.annotations?.name ?? '',
    driver: n.spec?.driverConfig?.name || 'overlay',
    services: tx
      .list('service')
      .filter((s) => (s.spec?.task?.networks ?? []).some((a) => a.target === n.id))
      .map((s) => s.spec?.annotations?.name ?? s.id)
      .sort(),
    subnet: n.ipam?.configs?.[0]?.subnet ?? '',
    attachable: n.spec?.attachable === true,
    raw: swarm.Network.toObject(n, JSON_OPTIONS) as Json,
  };
}

/**
 * Optimistic concurrency for writes that name the version they read (Docker's `?version=`): the
 * object's `meta.version.index` must still be that version.
 */
function checkVersion(
  kind: Kind | 'cluster',
  obj: { id: string; meta?: swarm.IMeta | null; spec?: { annotations?: swarm.IAnnotations | null } | null },
  given: string | undefined,
): void {
  if (given === undefined || given === '') return;
  const version = String(fromLong(obj.meta?.version?.index ?? 0));
  if (given !== version)
    throw new SwarmError(
      'SEQUENCE_CONFLICT',
      `${kind} ${obj.spec?.annotations?.name || obj.id} changed since it was read (version ${given}, now ${version}); read it again and retry`,
      { kind, id: obj.id, given, stored: version },
    );
}

/** `swarm info`'s orchestration settings from the scheduler settings a manager applies. */
function orchestrationView(init: SchedulerInit): NonNullable<InfoResult['orchestration']> {
  const r = init.rebalance;
  return {
    placementStrategy: init.placement?.strategy ?? 'spread',
    ...(r === undefined ? {} : { rebalance: { maxMoves: r.maxMovesPerInterval, intervalMs: r.intervalMs } }),
  };
}

function invalid(message: string, details: Record<string, unknown> = {}): SwarmError {
  return new SwarmError('INVALID_ARGUMENT', message, details);
}

/** Decodes and checks a service spec from the CLI; fills secret IDs from names. */
function checkSpec(tx: ReadTx, json: Json, selfId: string | undefined): swarm.ServiceSpec {
  let spec: swarm.ServiceSpec;
  try {
    spec = swarm.ServiceSpec.fromObject(json);
  } catch (e) {
    throw invalid(`the service spec is not valid: ${(e as Error).message}`);
  }
  const name = spec.annotations?.name ?? '';
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/.test(name))
    throw invalid(
      `service name ${JSON.stringify(name)} is not valid: use 1-63 letters, digits, '_', '.', '-' (give one with --name)`,
    );
  const c = spec.task?.container;
  // An image alone runs its own command in a container (the sandbox rejects such a task, saying
  // why); otherwise tasks run [...command, ...args], so Docker's IMAGE ARGS form works too.
  if (!c || ([...(c.command ?? []), ...(c.args ?? [])].length === 0 && (c.image ?? '') === ''))
    throw invalid(
      'the service has neither an image nor a command: give an image (swarm service create IMAGE [COMMAND]) or a command after "--"',
    );
  for (const k of spec.task?.placement?.constraints ?? []) {
    try {
      parseConstraint(k);
    } catch (e) {
      throw invalid(`constraint ${JSON.stringify(k)}: ${(e as Error).message}`);
    }
  }
  for (const ref of c.secrets ?? []) {
    const wanted = ref.secretId || ref.secretName;
    const secret = tx.list('secret').find((s) => s.id === wanted || s.spec?.annotations?.name === wanted);
    if (secret === undefined)
      throw new LookupError('NOT_FOUND', `secret not found: ${wanted}`, {
        kind: 'secret',
        ref: wanted,
        secret: wanted,
      });
    ref.secretId = secret.id;
    ref.secretName = secret.spec?.annotations?.name ?? '';
    if (!ref.target) ref.target = ref.secretName;
    if (!ref.mode) ref.mode = 0o400;
  }
  configs.resolveConfigRefs(tx, c);
  for (const a of spec.task?.networks ?? []) {
    const wanted = a.target ?? '';
    const n = resolveOptional(tx, 'network', wanted);
    if (n === undefined)
      throw new LookupError('NOT_FOUND', `network ${wanted} not found`, { kind: 'network', ref: wanted });
    a.target = n.id;
  }
  const ports = spec.endpoint?.ports ?? [];
  for (const p of ports) {
    if (!(p.targetPort! > 0 && p.targetPort! < 65536))
      throw invalid(`published port ${p.publishedPort}: the target port must be 1-65535`);
    if (!(p.publishedPort! > 0 && p.publishedPort! < 65536))
      throw invalid(`target port ${p.targetPort}: the published port must be 1-65535`);
    if (p.protocol === swarm.PortConfig.Protocol.UDP)
      throw invalid('UDP ports are not supported by the ingress proxy yet');
    for (const other of tx.list('service')) {
      if (other.id === selfId) continue;
      if ((other.spec?.endpoint?.ports ?? []).some((q) => q.publishedPort === p.publishedPort))
        throw new SwarmError(
          'PORT_IN_USE',
          `port ${p.publishedPort} is already published by service ${other.spec?.annotations?.name}; choose another published port`,
          { port: p.publishedPort, service: other.spec?.annotations?.name ?? '', serviceId: other.id },
        );
    }
  }
  if (!spec.replicated && !spec.global && !spec.replicatedJob && !spec.globalJob)
    spec.replicated = swarm.ReplicatedService.create({ replicas: toLong(1n) });
  return spec;
}

/** The local agent's session as `swarm info` shows it. */
export function managerConnectionView(d: Daemon): ManagerConnectionView | undefined {
  const agent = d.worker?.agent;
  if (agent === undefined) return undefined;
  const c = agent.connection;
  return {
    connected: c.connected,
    ...(c.manager === undefined ? {} : { manager: c.manager }),
    sinceMs: c.since,
    failures: c.failures,
    managers: [...agent.managers],
    ...(c.lastError === undefined ? {} : { error: `${c.lastError.manager}: ${c.lastError.message}` }),
  };
}

/** How long the local agent may be without a session before `node ls` calls the node cut off. */
const CUT_OFF_AFTER_MS = 3_000;

/** Why this node's own row in `node ls` is not to be trusted: its agent reaches no manager. */
function agentWarning(d: Daemon): string | undefined {
  const c = managerConnectionView(d);
  if (c === undefined || c.connected || d.clock.now() - c.sinceMs < CUT_OFF_AFTER_MS) return undefined;
  return `this node's agent cannot reach any manager (tried ${c.managers.join(', ')}${c.error ? `; last error: ${c.error}` : ''})`;
}

export class DaemonControl implements ControlApi {
  constructor(readonly d: Daemon) {}

  /** The manager, or Docker's error for workers and nodes in no swarm. */
  #m(): Manager {
    if (this.d.phase === 'locked')
      throw new SwarmError(
        'SWARM_LOCKED',
        'Swarm is encrypted and needs to be unlocked before it can be used. Please use "swarm unlock" to unlock it.',
      );
    const m = this.d.manager;
    if (m === undefined) {
      if (this.d.state !== undefined) throw new SwarmError('NOT_A_MANAGER', WORKER_NOT_MANAGER_MESSAGE);
      throw new SwarmError('NOT_A_MANAGER', NOT_A_MANAGER_MESSAGE);
    }
    return m;
  }

  #cluster(m: Manager): swarm.Cluster {
    const c = m.store.view(clusterOf);
    if (c === undefined)
      throw new SwarmError('CLUSTER_NOT_READY', 'this manager has not caught up with the cluster yet; retry');
    return c;
  }

  async info(): Promise<InfoResult> {
    const d = this.d;
    const st = d.state;
    const base: InfoResult = {
      localNodeState: d.phase,
      isManager: d.manager !== undefined,
      dataDir: d.paths.dataDir,
      version: VERSION,
    };
    if (st === undefined) return base;
    const out: InfoResult = {
      ...base,
      nodeId: st.nodeId,
      nodeAddr: st.advertiseAddr,
      listenAddr: st.listenAddr,
      advertiseAddr: st.advertiseAddr,
      ...(d.worker ? { managerConnection: managerConnectionView(d)! } : {}),
      clusterId: st.clusterId,
      role: st.role,
      ...(d.renewer ? { certNotAfter: d.renewer.certificate.notAfter } : {}),
      ...(d.worker ? { executor: { ...d.worker.executor.info } } : {}),
      ...(d.imageTrust === undefined ? {} : { imagePolicyDigest: d.imageTrust.holder.current.digest }),
    };
    const m = d.manager;
    if (m !== undefined) {
      const c = m.store.view(clusterOf);
      const nodes = m.store.view((tx) => tx.list('node'));
      const leaderId = m.leaderNodeId();
      Object.assign(out, {
        ...(leaderId ? { leaderId } : {}),
        managers: nodes.filter((n) => n.managerStatus?.addr).length,
        nodes: nodes.length,
        autolock: (c?.unlockKey ?? '') !== '',
        certExpiryMs: Number(fromLong(c?.spec?.caConfig?.nodeCertExpiryMs ?? 0)) || 90 * 24 * 3600 * 1000,
        taskHistoryLimit: retentionOf(c),
        dispatcherHeartbeatMs: Number(fromLong(c?.spec?.dispatcher?.heartbeatPeriodMs ?? 0)) || 5000,
        orchestration: orchestrationView(m.schedulerSettings()),
        raft: {
          term: m.raft.term.toString(),
          appliedIndex: m.raft.appliedIndex.toString(),
          members: m.raft.status().config.voters.length,
          ...quorumInfo(m),
          snapshotInterval: RAFT_SNAPSHOT_INTERVAL,
          heartbeatTick: RAFT_HEARTBEAT_TICK,
          electionTick: RAFT_ELECTION_TICK,
          tickMs: m.tickMs,
        },
      });
    }
    return out;
  }

  async imagePolicyShow(): Promise<ImagePolicyView> {
    const trust = this.d.requireImageTrust();
    const p = trust.holder.current;
    return {
      path: trust.path,
      digest: p.digest,
      sinceMs: trust.holder.since.getTime(),
      updateKeys: p.openpgpKeys().map(fingerprintOf),
      text: p.text,
    };
  }

  async imagePolicyUpdate(
    req: Parameters<ControlApi['imagePolicyUpdate']>[0],
  ): Promise<ImagePolicyUpdateResult> {
    const bytes = (field: string): Uint8Array | undefined => {
      const v = (req as Record<string, unknown> | undefined)?.[field];
      if (v === undefined) return undefined;
      if (typeof v !== 'string' || v === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(v))
        throw new SwarmError('INVALID_ARGUMENT', `${field} must be non-empty base64`, { field });
      return new Uint8Array(Buffer.from(v, 'base64'));
    };
    const signed = bytes('signedBase64');
    const policy = bytes('policyBase64');
    const signature = bytes('signatureBase64');
    const one = signed !== undefined && policy === undefined && signature === undefined;
    const detached = signed === undefined && policy !== undefined && signature !== undefined;
    if (!one && !detached)
      throw new SwarmError(
        'INVALID_ARGUMENT',
        'give either signedBase64 (an OpenPGP signed message, `gpg --sign NEW.json`) or policyBase64 with signatureBase64 (NEW.json and `gpg --detach-sign NEW.json`)',
      );
    const r = await this.d.updateImagePolicy(
      one ? (signed as Uint8Array) : { policy: policy as Uint8Array, signature: signature as Uint8Array },
    );
    return {
      path: r.path,
      previousDigest: r.previousDigest,
      digest: r.digest,
      signer: r.signer,
      signedAtMs: r.signedAt.getTime(),
    };
  }

  init(req: Parameters<ControlApi['init']>[0]) {
    return this.d.serial(() => this.d.init(req ?? {}));
  }

  join(req: Parameters<ControlApi['join']>[0]) {
    return this.d.serial(() => this.d.join(req));
  }

  async leave(req: { force?: boolean }): Promise<{ left: true }> {
    await this.d.serial(() => this.d.leave(req?.force === true));
    return { left: true };
  }

  async unlock(req: { unlockKey: string }): Promise<{ unlocked: true }> {
    await this.d.serial(() => this.d.unlock(String(req?.unlockKey ?? '')));
    return { unlocked: true };
  }

  async joinToken(req: { role: 'worker' | 'manager'; rotate?: boolean }) {
    const m = this.#m();
    if (req.role !== 'worker' && req.role !== 'manager')
      throw invalid('join-token needs "worker" or "manager"');
    if (req.rotate) {
      await m.update((tx) => {
        const c = clusterOf(tx)!;
        const bundle = dec.decode(c.rootCa!.caCert!);
        c.rootCa!.joinTokens = swarm.JoinTokens.create({
          ...c.rootCa!.joinTokens,
          [req.role]: generateJoinToken(bundle),
        });
        tx.update('cluster', c);
      });
    }
    const c = this.#cluster(m);
    return { token: c.rootCa?.joinTokens?.[req.role] ?? '', managerAddr: m.advertiseAddr };
  }

  async update(req: Parameters<ControlApi['update']>[0]): Promise<{ unlockKey?: string }> {
    const m = this.#m();
    let unlockKey: string | undefined;
    if (req.certExpiryMs !== undefined && !(req.certExpiryMs >= 3600_000))
      throw invalid(`--cert-expiry must be at least 1h, got ${req.certExpiryMs} ms`);
    if (req.taskHistoryLimit !== undefined && !Number.isSafeInteger(req.taskHistoryLimit))
      throw invalid(`--task-history-limit must be an integer, got ${req.taskHistoryLimit}`);
    if (
      req.dispatcherHeartbeatMs !== undefined &&
      !(Number.isSafeInteger(req.dispatcherHeartbeatMs) && req.dispatcherHeartbeatMs >= 100)
    )
      throw invalid(`--dispatcher-heartbeat must be at least 100ms, got ${req.dispatcherHeartbeatMs} ms`);
    const strategy = req.placementStrategy;
    if (strategy !== undefined && strategy !== 'spread' && strategy !== 'binpack')
      throw invalid(`--placement-strategy must be spread or binpack, got ${JSON.stringify(strategy)}`);
    const r = req.rebalance;
    if (
      r !== undefined &&
      !(
        Number.isSafeInteger(r?.maxMoves) &&
        r.maxMoves >= 0 &&
        r.maxMoves <= 1_000_000 &&
        Number.isSafeInteger(r.intervalMs) &&
        r.intervalMs >= 1
      )
    )
      throw invalid(
        `--rebalance needs 0-1000000 moves per an interval of at least 1ms, got ${JSON.stringify(r)}`,
      );
    await m.update((tx) => {
      const c = clusterOf(tx)!;
      checkVersion('cluster', c, req.version);
      c.spec ??= swarm.ClusterSpec.create();
      if (req.autolock === true && !c.unlockKey) {
        unlockKey = generateUnlockKey().reveal();
        c.unlockKey = unlockKey;
        c.spec.encryptionConfig = { autoLockManagers: true };
      } else if (req.autolock === false) {
        c.unlockKey = '';
        c.spec.encryptionConfig = { autoLockManagers: false };
      }
      if (req.taskHistoryLimit !== undefined)
        c.spec.orchestration = {
          ...(c.spec.orchestration ?? {}),
          taskHistoryRetentionLimit: toLong(BigInt(req.taskHistoryLimit)),
        };
      if (req.dispatcherHeartbeatMs !== undefined)
        c.spec.dispatcher = {
          ...(c.spec.dispatcher ?? {}),
          heartbeatPeriodMs: toLong(BigInt(req.dispatcherHeartbeatMs)),
        };
      if (req.certExpiryMs !== undefined)
        c.spec.caConfig = {
          ...(c.spec.caConfig ?? {}),
          nodeCertExpiryMs: toLong(BigInt(Math.floor(req.certExpiryMs))),
        };
      if (strategy !== undefined || r !== undefined)
        c.spec.orchestration = {
          ...(c.spec.orchestration ?? {}),
          ...(strategy === undefined ? {} : { placementStrategy: strategy }),
          ...(r === undefined
            ? {}
            : { rebalance: { maxMoves: r.maxMoves, intervalMs: toLong(BigInt(r.intervalMs)) } }),
        };
      tx.update('cluster', c);
    });
    return unlockKey ? { unlockKey } : {};
  }

  async unlockKey(req: { rotate?: boolean }): Promise<{ unlockKey: string }> {
    const m = this.#m();
    const current = this.#cluster(m).unlockKey ?? '';
    if (current === '')
      throw new SwarmError(
        'AUTOLOCK_OFF',
        'no unlock key is set: turn autolock on with "swarm update --autolock=true"',
      );
    if (!req.rotate) return { unlockKey: current };
    const next = generateUnlockKey().reveal();
    await m.update((tx) => {
      const c = clusterOf(tx)!;
      c.unlockKey = next;
      tx.update('cluster', c);
    });
    return { unlockKey: next };
  }

  async caRotate(req: { timeoutMs?: number }) {
    const m = this.#m();
    return rotateRoot(m, req?.timeoutMs ?? 120_000);
  }

  async nodeList(): Promise<NodeView[]> {
    const m = this.#m();
    const warning = agentWarning(this.d);
    const stale = staleness(m);
    return m.store.view((tx) =>
      tx
        .list('node')
        .map((n) => withAgentWarning(nodeView(n, m.nodeId), warning))
        .map((v) => (stale === undefined ? v : { ...v, stale }))
        .sort((a, b) => a.hostname.localeCompare(b.hostname) || a.id.localeCompare(b.id)),
    );
  }

  async nodeInspect(req: { id: string }): Promise<NodeView> {
    const m = this.#m();
    const warning = agentWarning(this.d);
    return m.store.view((tx) =>
      withAgentWarning(nodeView(resolve(tx, 'node', req.id) as swarm.Node, m.nodeId), warning),
    );
  }

  async nodeUpdate(req: Parameters<ControlApi['nodeUpdate']>[0]): Promise<NodeView> {
    const m = this.#m();
    const target = m.store.view((tx) => resolve(tx, 'node', req.id) as swarm.Node);
    for (const [k, v] of Object.entries(req.labelAdd ?? {})) {
      if (k === '' || typeof v !== 'string')
        throw invalid(`label ${JSON.stringify(k)} needs a key and a value`);
      if (k === ZONE_LABEL && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(v))
        throw invalid(`zone ${JSON.stringify(v)}: use 1-63 of A-Z a-z 0-9 . _ - starting alphanumeric`);
    }
    const demote = req.role === 'worker' && target.spec?.desiredRole === swarm.NodeRole.NODE_ROLE_MANAGER;
    if (demote) {
      const managers = m.store.view((tx) => tx.list('node').filter((n) => n.managerStatus?.addr).length);
      if (managers <= 1) throw new SwarmError('LAST_MANAGER', 'cannot demote the last manager of the swarm');
    }
    for (const [k, v] of Object.entries(req.labels ?? {}))
      if (k === '' || typeof v !== 'string')
        throw invalid(`label ${JSON.stringify(k)} needs a key and a value`);
    if (
      (req.labels?.[ZONE_LABEL] ?? '') !== '' &&
      !/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(req.labels![ZONE_LABEL]!)
    )
      throw invalid(
        `zone ${JSON.stringify(req.labels![ZONE_LABEL])}: use 1-63 of A-Z a-z 0-9 . _ - starting alphanumeric`,
      );
    await m.update((tx) => {
      const n = tx.get('node', target.id);
      if (n === undefined)
        throw new LookupError('NOT_FOUND', `node not found: ${req.id}`, { kind: 'node', ref: req.id });
      checkVersion('node', n, req.version);
      n.spec ??= swarm.NodeSpec.create();
      n.spec.annotations ??= swarm.Annotations.create();
      const labels = req.labels !== undefined ? { ...req.labels } : { ...(n.spec.annotations.labels ?? {}) };
      const zoneBefore = labels[ZONE_LABEL] ?? '';
      for (const [k, v] of Object.entries(req.labelAdd ?? {})) labels[k] = v;
      for (const k of req.labelRm ?? []) delete labels[k];
      n.spec.annotations.labels = labels;
      if (req.availability !== undefined) {
        const a = { active: 0, pause: 1, drain: 2 }[req.availability];
        if (a === undefined)
          throw invalid(
            `availability must be active, pause or drain, got ${JSON.stringify(req.availability)}`,
          );
        n.spec.availability = a;
      }
      if (req.role !== undefined)
        n.spec.desiredRole =
          req.role === 'manager' ? swarm.NodeRole.NODE_ROLE_MANAGER : swarm.NodeRole.NODE_ROLE_WORKER;
      const roleChanged = req.role !== undefined && n.spec.desiredRole !== n.role;
      if ((labels[ZONE_LABEL] ?? '') !== zoneBefore || roleChanged) {
        // The node renews at once: its certificate must carry the new zone / role.
        n.certificate ??= swarm.Certificate.create();
        n.certificate.status = { state: swarm.IssuanceState.ISSUANCE_STATE_ROTATE };
      }
      tx.update('node', n);
    });
    if (demote) await m.removeManager(target.id);
    return this.nodeInspect({ id: target.id });
  }

  async nodeRemove(req: { id: string; force?: boolean }): Promise<{ id: string }> {
    const m = this.#m();
    const n = m.store.view((tx) => resolve(tx, 'node', req.id) as swarm.Node);
    // The manager check comes first, as in swarmkit (the node serving this call is a manager).
    if (n.managerStatus?.addr || n.role === swarm.NodeRole.NODE_ROLE_MANAGER)
      throw new SwarmError(
        'NODE_IS_MANAGER',
        `rpc error: node ${n.id} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal`,
        { node: n.id },
      );
    if (n.id === m.nodeId)
      throw invalid(
        'a node cannot remove itself: run "swarm leave" on it, or remove it from another manager',
      );
    if (n.status?.state === swarm.NodeStatus.State.READY && !req.force)
      throw new SwarmError(
        'NODE_NOT_DOWN',
        `node ${n.id} is not down and can't be removed: stop it first, or use --force`,
        { node: n.id },
      );
    const notAfter = n.certificate?.certificate?.length
      ? chainNotAfter(dec.decode(n.certificate.certificate))
      : m.clock.now() + 90 * 24 * 3600 * 1000;
    await m.update((tx) => {
      const c = clusterOf(tx)!;
      c.deniedNodes = { ...(c.deniedNodes ?? {}), [n.id]: { expiry: toLong(BigInt(Math.max(0, notAfter))) } };
      tx.update('cluster', c);
      if (tx.get('node', n.id)) tx.delete('node', n.id);
    });
    return { id: n.id };
  }

  /** Pins the spec's image by digest unless told not to (`--no-resolve-image`); returns a warning when it could not. */
  async #resolveImage(spec: swarm.ServiceSpec, resolveFlag: boolean | undefined): Promise<string[]> {
    const c = spec.task?.container;
    if (resolveFlag === false || !c?.image) return [];
    const r = await resolveImage(c.image, registryClient(), this.d.log.child({ component: 'control' }));
    c.image = r.image;
    return r.warning === undefined ? [] : [r.warning];
  }

  async serviceCreate(req: { spec: Json; resolveImage?: boolean }): Promise<ServiceView> {
    const m = this.#m();
    const spec = m.store.view((tx) => checkSpec(tx, req.spec, undefined));
    const warnings = await this.#resolveImage(spec, req.resolveImage);
    const id = generateId();
    await m.update((tx) => {
      tx.create(
        'service',
        swarm.Service.create({
          id,
          spec,
          specVersion: toLong(1n),
          endpoint: { spec: spec.endpoint ?? { ports: [] }, ports: spec.endpoint?.ports ?? [] },
        }),
      );
      for (const n of syncServiceVips(id, spec, tx.list('network'))) tx.update('network', n);
    });
    const view = await this.serviceInspect({ id });
    return warnings.length > 0 ? { ...view, warnings } : view;
  }

  async serviceList(): Promise<ServiceView[]> {
    const m = this.#m();
    return m.store.view((tx) =>
      tx
        .list('service')
        .map((s) => serviceView(tx, s))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  }

  async serviceInspect(req: { id: string }): Promise<ServiceView> {
    const m = this.#m();
    return m.store.view((tx) => serviceView(tx, resolve(tx, 'service', req.id) as swarm.Service));
  }

  async servicePs(req: { id: string; all?: boolean }): Promise<TaskView[]> {
    const m = this.#m();
    return m.store.view((tx) => {
      const s = resolve(tx, 'service', req.id) as swarm.Service;
      return (
        tx
          .find('task', { serviceId: s.id })
          // Every task the cluster keeps (the history within the retention limit), failed and
          // rejected ones too, as Docker shows them; `all` is accepted for compatibility.
          .map((t) => taskView(tx, t))
          .sort((a, b) => a.slot - b.slot || a.nodeId.localeCompare(b.nodeId) || b.since - a.since)
      );
    });
  }

  async serviceLogs(req: ServiceLogsRequest): Promise<LogLineView[]> {
    const m = this.#m();
    const target = m.store.view((tx) => logsTarget(tx, req));
    return (await readServiceLogs(this.#logSources(m), target, req)).lines;
  }

  async serviceLogsFollow(req: ServiceLogsFollowRequest): Promise<LogsPage> {
    const m = this.#m();
    const gone = (id: string) => m.store.view((tx) => tx.get('service', id) === undefined);
    if (req.cursor !== undefined) {
      const { target } = parseLogsCursor(req.cursor);
      if (gone(target.serviceId)) return { lines: [], cursor: req.cursor, ended: true };
      const page = await readServiceLogs(this.#logSources(m), target, req);
      return gone(target.serviceId) ? { ...page, ended: true } : page;
    }
    const target = m.store.view((tx) => logsTarget(tx, req));
    return readServiceLogs(this.#logSources(m), target, req);
  }

  #logSources(m: Manager): LogSources {
    const calls = managerCalls(this.d.clients!);
    const names = new Map<string, string>();
    return {
      self: { addr: m.advertiseAddr, logs: m.logs },
      others: m.store.view((tx) =>
        tx
          .list('node')
          .map((n) => n.managerStatus?.addr)
          .filter((a): a is string => !!a && a !== m.advertiseAddr),
      ),
      listLogs: (addr, q, signal) => calls.listLogs(addr, q, signal),
      taskName: (id) => {
        let name = names.get(id);
        if (name === undefined) {
          name = m.store.view((tx) => {
            const t = tx.get('task', id);
            return t === undefined ? id : taskView(tx, t).name;
          });
          names.set(id, name);
        }
        return name;
      },
      now: () => m.clock.now(),
    };
  }

  async serviceUpdate(req: {
    id: string;
    version: string;
    spec: Json;
    resolveImage?: boolean;
  }): Promise<ServiceView> {
    const m = this.#m();
    const current = m.store.view((tx) => resolve(tx, 'service', req.id) as swarm.Service);
    const spec = m.store.view((tx) => checkSpec(tx, req.spec, current.id));
    const warnings = await this.#resolveImage(spec, req.resolveImage);
    if (spec.annotations?.name !== current.spec?.annotations?.name)
      throw invalid('a service cannot be renamed by update');
    await m.update((tx) => {
      const s = tx.get('service', current.id);
      if (s === undefined) throw new LookupError('NOT_FOUND', `service not found: ${req.id}`);
      checkVersion('service', s, req.version);
      s.previousSpec = s.spec!;
      s.spec = spec;
      s.specVersion = toLong(fromLong(s.specVersion ?? 0) + 1n);
      // Updating a job runs it again (Docker's behaviour): its tasks start over.
      if (spec.replicatedJob || spec.globalJob)
        s.jobStatus = { jobIteration: toLong(fromLong(s.jobStatus?.jobIteration ?? 0) + 1n) };
      s.endpoint = swarm.Endpoint.create({
        spec: spec.endpoint ?? { ports: [] },
        ports: spec.endpoint?.ports ?? [],
      });
      if (
        s.updateStatus?.state === swarm.UpdateStatus.UpdateState.PAUSED ||
        s.updateStatus?.state === swarm.UpdateStatus.UpdateState.ROLLBACK_PAUSED
      )
        s.updateStatus = null;
      tx.update('service', s);
      for (const n of syncServiceVips(s.id, spec, tx.list('network'))) tx.update('network', n);
    });
    const view = await this.serviceInspect({ id: current.id });
    return warnings.length > 0 ? { ...view, warnings } : view;
  }

  async serviceScale(req: { id: string; replicas: number }): Promise<ServiceView> {
    const m = this.#m();
    if (!Number.isSafeInteger(req.replicas) || req.replicas < 0)
      throw invalid(`replicas must be a whole number >= 0, got ${JSON.stringify(req.replicas)}`);
    const s = m.store.view((tx) => resolve(tx, 'service', req.id) as swarm.Service);
    if (!s.spec?.replicated)
      throw invalid(
        `scale can only be used with replicated mode: service ${s.spec?.annotations?.name} is ${modeOf(s.spec)}`,
      );
    await m.update((tx) => {
      const cur = tx.get('service', s.id)!;
      cur.spec!.replicated = { replicas: toLong(BigInt(req.replicas)) };
      tx.update('service', cur);
    });
    return this.serviceInspect({ id: s.id });
  }

  async serviceRollback(req: { id: string; version?: string }): Promise<ServiceView> {
    const m = this.#m();
    const s = m.store.view((tx) => resolve(tx, 'service', req.id) as swarm.Service);
    if (!s.previousSpec)
      throw invalid(`service ${s.spec?.annotations?.name} has no previous spec to roll back to`);
    await m.update((tx) => {
      const cur = tx.get('service', s.id)!;
      checkVersion('service', cur, req.version);
      const prev = cur.previousSpec!;
      cur.previousSpec = cur.spec!;
      cur.spec = prev;
      cur.specVersion = toLong(fromLong(cur.specVersion ?? 0) + 1n);
      cur.endpoint = swarm.Endpoint.create({
        spec: prev.endpoint ?? { ports: [] },
        ports: prev.endpoint?.ports ?? [],
      });
      cur.updateStatus = swarm.UpdateStatus.create({
        state: swarm.UpdateStatus.UpdateState.ROLLBACK_STARTED,
        startedAt: toLong(BigInt(m.clock.now())),
        message: 'manually requested rollback',
      });
      tx.update('service', cur);
      for (const n of syncServiceVips(cur.id, prev, tx.list('network'))) tx.update('network', n);
    });
    return this.serviceInspect({ id: s.id });
  }

  async serviceRemove(req: { id: string }): Promise<{ id: string }> {
    const m = this.#m();
    const s = m.store.view((tx) => resolve(tx, 'service', req.id) as swarm.Service);
    await m.update((tx) => {
      if (tx.get('service', s.id)) tx.delete('service', s.id);
      for (const n of syncServiceVips(s.id, undefined, tx.list('network'))) tx.update('network', n);
    });
    return { id: s.id };
  }

  async secretCreate(req: {
    name: string;
    dataBase64: string;
    labels?: Record<string, string>;
  }): Promise<SecretView> {
    const m = this.#m();
    try {
      assertSecretName(req.name, 'secret name');
    } catch (e) {
      throw invalid((e as Error).message);
    }
    const data = Buffer.from(String(req.dataBase64 ?? ''), 'base64');
    if (data.length < MIN_SECRET_BYTES || data.length > MAX_SECRET_BYTES)
      throw invalid(
        `secret data must be ${MIN_SECRET_BYTES} byte to ${MAX_SECRET_BYTES / 1024} KiB, got ${data.length} bytes`,
      );
    const id = generateId();
    try {
      await m.update((tx) => {
        if (tx.list('secret').some((s) => s.spec?.annotations?.name === req.name))
          throw new SwarmError(
            'NAME_CONFLICT',
            `secret ${req.name} already exists: secrets are immutable, create one with another name`,
          );
        tx.create(
          'secret',
          swarm.Secret.create({
            id,
            spec: { annotations: { name: req.name, labels: req.labels ?? {} }, data },
          }),
        );
      });
    } finally {
      data.fill(0);
    }
    return this.secretInspect({ id });
  }

  async secretList(): Promise<SecretView[]> {
    const m = this.#m();
    return m.store.view((tx) =>
      tx
        .list('secret')
        .map(secretView)
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  }

  async secretInspect(req: { id: string }): Promise<SecretView> {
    const m = this.#m();
    return m.store.view((tx) => secretView(resolve(tx, 'secret', req.id) as swarm.Secret));
  }

  async secretRemove(req: { id: string }): Promise<{ id: string }> {
    const m = this.#m();
    const s = m.store.view((tx) => resolve(tx, 'secret', req.id) as swarm.Secret);
    const users = m.store.view((tx) =>
      tx
        .list('service')
        .filter((svc) => (svc.spec?.task?.container?.secrets ?? []).some((r) => r.secretId === s.id))
        .map((svc) => svc.spec?.annotations?.name ?? svc.id),
    );
    if (users.length > 0)
      throw new SwarmError(
        'SECRET_IN_USE',
        `secret '${s.spec?.annotations?.name}' is in use by the following service${users.length > 1 ? 's' : ''}: ${users.join(', ')}`,
        { services: users },
      );
    await m.update((tx) => {
      if (tx.get('secret', s.id)) tx.delete('secret', s.id);
    });
    return { id: s.id };
  }

  async swarmInspect(): Promise<{ raw: Json }> {
    const m = this.#m();
    const c = swarm.Cluster.create({ ...this.#cluster(m) });
    // Never out of the manager: CA keys, the unlock key, the deny list.
    c.rootCa = swarm.RootCA.create({
      caCert: c.rootCa?.caCert ?? new Uint8Array(),
      caCertHash: c.rootCa?.caCertHash ?? new Uint8Array(),
      joinTokens: c.rootCa?.joinTokens ?? null,
      ...(c.rootCa?.rootRotation?.caCert?.length
        ? { rootRotation: { caCert: c.rootCa.rootRotation.caCert } }
        : {}),
    });
    c.unlockKey = '';
    c.deniedNodes = {};
    return { raw: swarm.Cluster.toObject(c, JSON_OPTIONS) as Json };
  }

  async swarmBackup(req: { passphrase?: string }): Promise<SwarmBackupResult> {
    const m = this.#m();
    const st = this.d.state!;
    const { createBackup } = await import('./backup.js');
    const { file, header } = createBackup(m, st, this.d.paths.dataDir, {
      passphrase: typeof req?.passphrase === 'string' ? req.passphrase : undefined,
      unlockKey: this.#cluster(m).unlockKey ?? '',
    });
    return {
      data: Buffer.from(file).toString('base64'),
      clusterId: header.clusterId,
      nodeId: header.nodeId,
      appliedIndex: header.appliedIndex,
      key: header.key,
    };
  }

  async secretUpdate(req: {
    id: string;
    version?: string;
    labels: Record<string, string>;
  }): Promise<SecretView> {
    const m = this.#m();
    const s = m.store.view((tx) => resolve(tx, 'secret', req.id) as swarm.Secret);
    for (const [k, v] of Object.entries(req.labels ?? {}))
      if (k === '' || typeof v !== 'string')
        throw invalid(`label ${JSON.stringify(k)} needs a key and a value`);
    await m.update((tx) => {
      const cur = tx.get('secret', s.id);
      if (cur === undefined)
        throw new LookupError('NOT_FOUND', `secret ${req.id} not found`, { kind: 'secret', ref: req.id });
      checkVersion('secret', cur, req.version);
      cur.spec ??= swarm.SecretSpec.create();
      cur.spec.annotations = { ...(cur.spec.annotations ?? {}), labels: { ...(req.labels ?? {}) } };
      tx.update('secret', cur);
    });
    return this.secretInspect({ id: s.id });
  }

  async configCreate(req: {
    name: string;
    dataBase64: string;
    labels?: Record<string, string>;
  }): Promise<ConfigView> {
    return configs.configCreate(this.#m(), req);
  }

  async configList(): Promise<ConfigView[]> {
    return configs.configList(this.#m());
  }

  async configInspect(req: { id: string }): Promise<ConfigView> {
    return configs.configInspect(this.#m(), req);
  }

  async configRemove(req: { id: string }): Promise<{ id: string }> {
    return configs.configRemove(this.#m(), req);
  }

  async configUpdate(req: {
    id: string;
    version?: string;
    labels: Record<string, string>;
  }): Promise<ConfigView> {
    return configs.configUpdate(this.#m(), req);
  }

  async taskList(req: { upToDate?: boolean }): Promise<TaskView[]> {
    const m = this.#m();
    return m.store.view((tx) => {
      let tasks = tx.list('task');
      if (req?.upToDate) {
        // "Up to date" as the orchestrator sees it: the task runs its service's current task spec.
        const conv = new ApiConverter();
        const current = new Map(tx.list('service').map((s) => [s.id, conv.service(s).task.key]));
        tasks = tasks.filter((t) => current.get(t.serviceId) === conv.task(t).spec.key);
      }
      return tasks.map((t) => taskView(tx, t));
    });
  }

  /** One task by ID (or unique ID prefix), from the local store. */
  async taskInspect(req: { id: string }): Promise<TaskView> {
    const m = this.#m();
    return m.store.view((tx) => taskView(tx, resolve(tx, 'task', req.id) as swarm.Task));
  }

  async networkCreate(req: { spec: Json }): Promise<NetworkView> {
    const m = this.#m();
    let spec: swarm.NetworkSpec;
    try {
      spec = swarm.NetworkSpec.fromObject(req?.spec ?? {});
    } catch (e) {
      throw invalid(`the network spec is not valid: ${(e as Error).message}`);
    }
    const name = spec.annotations?.name ?? '';
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/.test(name))
      throw invalid(
        `network name ${JSON.stringify(name)} is not valid: use 1-63 letters, digits, '_', '.', '-'`,
      );
    spec.driverConfig ??= swarm.Driver.create();
    spec.driverConfig.name ||= 'overlay';
    if (spec.driverConfig.name !== 'overlay')
      throw invalid(
        `network driver ${JSON.stringify(spec.driverConfig.name)} is not supported: cluster networks use the overlay driver`,
      );
    const id = generateId();
    await m.update((tx) => {
      tx.create('network', createNetwork(id, spec, tx.list('network')));
    });
    return this.networkInspect({ id });
  }

  /** Every network object of the cluster, from the local store. */
  async networkList(): Promise<NetworkView[]> {
    const m = this.#m();
    return m.store.view((tx) =>
      tx
        .list('network')
        .map((n) => networkView(tx, n))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  }

  /** One network by ID, ID prefix or name, from the local store. */
  async networkInspect(req: { id: string }): Promise<NetworkView> {
    const m = this.#m();
    return m.store.view((tx) => networkView(tx, resolve(tx, 'network', req.id) as swarm.Network));
  }

  async networkRemove(req: { id: string }): Promise<{ id: string }> {
    const m = this.#m();
    await m.update((tx) => {
      const n = resolve(tx, 'network', req.id) as swarm.Network;
      const user = tx
        .list('service')
        .find((s) => (s.spec?.task?.networks ?? []).some((a) => a.target === n.id));
      if (user !== undefined)
        throw new SwarmError('NETWORK_IN_USE', `network ${n.id} is in use by service ${user.id}`, {
          network: n.id,
          service: user.id,
          serviceName: user.spec?.annotations?.name ?? '',
        });
      tx.delete('network', n.id);
    });
    return { id: req.id };
  }
}
