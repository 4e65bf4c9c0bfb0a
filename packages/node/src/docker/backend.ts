/**
 * The Docker API's backend on a swarm node: every call goes to the same `DaemonControl` operation
 * the `swarm` CLI uses (one implementation of each rule), and objects are converted with
 * `@swarm/docker-api/swarm`. This file only translates shapes, names and errors.
 */
import { SwarmError, swarm } from '@swarm/api';
import { hostOf } from '@swarm/dispatcher';
import {
  type Config,
  type ConfigSpec,
  DockerInvalidParameterError,
  DockerNotImplementedError,
  type EventMessage,
  type LogMessage,
  type LogOptions,
  type Network,
  type NetworkCreateRequest,
  type Node,
  type NodeSpec,
  type RequestContext,
  type Secret,
  type SecretSpec,
  type Service,
  type ServiceSpec,
  type Swarm,
  type SwarmBackend,
  type SwarmInfo,
  type SwarmInitRequest,
  type SwarmJoinRequest,
  type SwarmSpec,
  type SwarmUpdateFlags,
  type Task,
} from '@swarm/docker-api';
import {
  clusterToDocker,
  configToDocker,
  type DockerObjectKind,
  networkSpecFromDocker,
  networkToDocker,
  nodeToDocker,
  SwarmEventLog,
  secretToDocker,
  serviceSpecFromDocker,
  serviceToDocker,
  swarmInitFromDocker,
  swarmJoinFromDocker,
  swarmSpecChangesFromDocker,
  taskToDocker,
  toDockerError,
} from '@swarm/docker-api/swarm';
import type { ConfigView, LogLineView, LogsPage, NodeView, ServiceView } from '../control/api.js';
import type { DaemonControl } from '../daemon/control.js';
import { VERSION } from '../daemon/daemon.js';

export class DockerBackend implements SwarmBackend {
  readonly engine = { name: 'swarm', version: VERSION };
  readonly #c: DaemonControl;
  readonly #events: SwarmEventLog;

  constructor(control: DaemonControl) {
    this.#c = control;
    // The manager comes and goes (init, join, promotion, leave): the log follows the current one.
    this.#events = new SwarmEventLog({ store: () => control.d.manager?.store });
  }

  /** Runs one control call, translating its errors to Docker's. */
  async #call<T>(fn: () => Promise<T>, kind?: DockerObjectKind, ref?: string, name?: string): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw toDockerError(e, kind, ref, name);
    }
  }

  async #trustRoot(): Promise<string | undefined> {
    try {
      const raw = (await this.#c.swarmInspect()).raw as { rootCa?: { caCert?: string } };
      return raw.rootCa?.caCert ? Buffer.from(raw.rootCa.caCert, 'base64').toString('utf8') : undefined;
    } catch {
      return undefined;
    }
  }

  #node(v: NodeView, trustRoot: string | undefined): Node {
    return nodeToDocker(swarm.Node.fromObject(v.raw), {
      engineVersion: VERSION,
      ...(trustRoot === undefined ? {} : { trustRoot }),
    });
  }

  #service(v: ServiceView): Service {
    return serviceToDocker(swarm.Service.fromObject(v.raw), {
      RunningTasks: v.running,
      DesiredTasks: v.desired,
      CompletedTasks: 0,
    });
  }

  // ---- system and swarm ----

  async info(_ctx: RequestContext): Promise<{ Swarm: SwarmInfo; Name?: string }> {
    const i = await this.#c.info();
    const d = this.#c.d;
    const out: SwarmInfo = {
      NodeID: i.nodeId ?? '',
      NodeAddr: i.nodeAddr ? hostOf(i.nodeAddr) : '',
      LocalNodeState: i.localNodeState,
      ControlAvailable: i.isManager,
      Error: '',
      RemoteManagers: null,
    };
    if (i.isManager) {
      const nodes = await this.#c.nodeList().catch(() => [] as NodeView[]);
      const managers = nodes.filter((n) => n.managerStatus !== '');
      out.RemoteManagers = managers.map((n) => ({
        NodeID: n.id,
        Addr: String((n.raw.managerStatus as { addr?: string } | undefined)?.addr ?? ''),
      }));
      out.Nodes = nodes.length;
      out.Managers = managers.length;
      const cluster = await this.#c.swarmInspect().catch(() => undefined);
      if (cluster) {
        const { JoinTokens: _, ...info } = clusterToDocker(
          swarm.Cluster.fromObject(cluster.raw) as swarm.Cluster,
        );
        out.Cluster = info;
      }
    } else if (d.state !== undefined) {
      out.RemoteManagers = d.state.managers.map((Addr) => ({ NodeID: '', Addr }));
    }
    return { Swarm: out, ...(d.o.hostname ? { Name: d.o.hostname } : {}) };
  }

  async swarmInspect(_ctx: RequestContext): Promise<Swarm> {
    const { raw } = await this.#call(() => this.#c.swarmInspect(), 'swarm');
    return clusterToDocker(swarm.Cluster.fromObject(raw) as swarm.Cluster);
  }

  async swarmInit(req: SwarmInitRequest, _ctx: RequestContext): Promise<string> {
    const options = swarmInitFromDocker(req);
    return (await this.#call(() => this.#c.init(options))).nodeId;
  }

  async swarmJoin(req: SwarmJoinRequest, _ctx: RequestContext): Promise<void> {
    const options = swarmJoinFromDocker(req);
    await this.#call(() => this.#c.join(options));
  }

  async swarmLeave(force: boolean, _ctx: RequestContext): Promise<void> {
    await this.#call(() => this.#c.leave({ force }));
  }

  async swarmUpdate(
    spec: SwarmSpec,
    version: string,
    flags: SwarmUpdateFlags,
    ctx: RequestContext,
  ): Promise<void> {
    const current = (await this.swarmInspect(ctx)).Spec;
    const changes = swarmSpecChangesFromDocker(spec, current);
    await this.#call(() => this.#c.update({ version, ...changes }));
    if (flags.rotateWorkerToken) await this.#call(() => this.#c.joinToken({ role: 'worker', rotate: true }));
    if (flags.rotateManagerToken)
      await this.#call(() => this.#c.joinToken({ role: 'manager', rotate: true }));
    if (flags.rotateManagerUnlockKey) await this.#call(() => this.#c.unlockKey({ rotate: true }));
  }

  async swarmUnlockKey(_ctx: RequestContext): Promise<string> {
    try {
      return (await this.#c.unlockKey({})).unlockKey;
    } catch (e) {
      // dockerd answers an empty key when autolock is off; the CLI then says "no unlock key is set".
      if (e instanceof SwarmError && e.code === 'AUTOLOCK_OFF') return '';
      throw toDockerError(e);
    }
  }

  async swarmUnlock(key: string, _ctx: RequestContext): Promise<void> {
    await this.#call(() => this.#c.unlock({ unlockKey: key }));
  }

  // ---- nodes ----

  async nodeList(_ctx: RequestContext): Promise<Node[]> {
    const views = await this.#call(() => this.#c.nodeList());
    const root = await this.#trustRoot();
    return views.map((v) => this.#node(v, root));
  }

  async nodeInspect(ref: string, _ctx: RequestContext): Promise<Node> {
    const v = await this.#call(() => this.#c.nodeInspect({ id: ref }), 'node', ref);
    return this.#node(v, await this.#trustRoot());
  }

  async nodeUpdate(ref: string, version: string, spec: NodeSpec, _ctx: RequestContext): Promise<void> {
    await this.#call(
      () =>
        this.#c.nodeUpdate({
          id: ref,
          version,
          labels: { ...(spec.Labels ?? {}) },
          ...(spec.Availability ? { availability: spec.Availability } : {}),
          ...(spec.Role ? { role: spec.Role } : {}),
        }),
      'node',
      ref,
    );
  }

  async nodeRemove(ref: string, force: boolean, _ctx: RequestContext): Promise<void> {
    await this.#call(() => this.#c.nodeRemove({ id: ref, force }), 'node', ref);
  }

  // ---- services and tasks ----

  async serviceList(_ctx: RequestContext): Promise<Service[]> {
    return (await this.#call(() => this.#c.serviceList())).map((v) => this.#service(v));
  }

  async serviceInspect(ref: string, _ctx: RequestContext): Promise<Service> {
    return this.#service(await this.#call(() => this.#c.serviceInspect({ id: ref }), 'service', ref));
  }

  async serviceCreate(spec: ServiceSpec, _ctx: RequestContext): Promise<{ ID: string }> {
    const converted = serviceSpecFromDocker(spec);
    const v = await this.#call(
      () => this.#c.serviceCreate({ spec: converted }),
      'service',
      undefined,
      spec.Name,
    );
    return { ID: v.id };
  }

  async serviceUpdate(
    ref: string,
    version: string,
    spec: ServiceSpec,
    options: { rollback?: 'previous' },
    _ctx: RequestContext,
  ): Promise<{ Warnings?: string[] }> {
    if (options.rollback === 'previous') {
      await this.#call(() => this.#c.serviceRollback({ id: ref, version }), 'service', ref);
      return {};
    }
    const converted = serviceSpecFromDocker(spec);
    await this.#call(() => this.#c.serviceUpdate({ id: ref, version, spec: converted }), 'service', ref);
    return {};
  }

  async serviceRemove(ref: string, _ctx: RequestContext): Promise<void> {
    await this.#call(() => this.#c.serviceRemove({ id: ref }), 'service', ref);
  }

  async taskList(options: { upToDate: boolean }, _ctx: RequestContext): Promise<Task[]> {
    const views = await this.#call(() => this.#c.taskList({ upToDate: options.upToDate }));
    return views.map((v) => taskToDocker(swarm.Task.fromObject(v.raw)));
  }

  async taskInspect(ref: string, _ctx: RequestContext): Promise<Task> {
    const v = await this.#call(() => this.#c.taskInspect({ id: ref }), 'task', ref);
    return taskToDocker(swarm.Task.fromObject(v.raw));
  }

  async logs(
    target: { service: string } | { task: string },
    options: LogOptions,
    ctx: RequestContext,
  ): Promise<AsyncIterable<LogMessage>> {
    let serviceId: string;
    let taskId: string | undefined;
    if ('service' in target) {
      serviceId = (
        await this.#call(() => this.#c.serviceInspect({ id: target.service }), 'service', target.service)
      ).id;
    } else {
      const t = await this.#call(() => this.#c.taskInspect({ id: target.task }), 'task', target.task);
      serviceId = t.serviceId;
      taskId = t.id;
    }
    const req = {
      id: serviceId,
      ...(options.tail === undefined ? {} : { tail: options.tail }),
      ...(taskId === undefined ? {} : { taskId }),
      ...(options.sinceMs === undefined ? {} : { sinceMs: options.sinceMs }),
    };
    const messages = (lines: readonly LogLineView[]): LogMessage[] =>
      lines.map((l) => ({
        timestamp: l.timestamp,
        stream: l.stream,
        line: l.text,
        nodeId: l.nodeId,
        serviceId: l.serviceId,
        taskId: l.taskId,
      }));
    if (!options.follow) {
      const lines = await this.#call(() => this.#c.serviceLogs(req), 'service', serviceId);
      return (async function* () {
        yield* messages(lines);
      })();
    }
    // Following: each call is a long poll on the managers for lines after the cursor.
    const first = await this.#call(() => this.#c.serviceLogsFollow(req), 'service', serviceId);
    const api = this.#c;
    const { signal } = ctx;
    return (async function* () {
      let page = first;
      yield* messages(page.lines);
      while (!page.ended && !signal.aborted) {
        const next = api.serviceLogsFollow({ id: serviceId, cursor: page.cursor });
        next.catch(() => {});
        // A client that hung up ends the stream now; the pending poll ends on its own.
        let onAbort = () => {};
        const aborted = new Promise<undefined>((resolve) => {
          onAbort = () => resolve(undefined);
          signal.addEventListener('abort', onAbort, { once: true });
        });
        let got: LogsPage | undefined;
        try {
          got = await Promise.race([next, aborted]);
        } catch {
          return; // this node stopped being a manager, or the daemon went away
        } finally {
          signal.removeEventListener('abort', onAbort);
        }
        if (got === undefined) return;
        page = got;
        yield* messages(page.lines);
      }
    })();
  }

  // ---- secrets and networks ----

  async secretList(_ctx: RequestContext): Promise<Secret[]> {
    const views = await this.#call(() => this.#c.secretList());
    return views.map((v) => this.#secret(v));
  }

  #secret(v: {
    id: string;
    name: string;
    createdAt: number;
    updatedAt: number;
    labels: Record<string, string>;
    version?: string;
  }): Secret {
    return secretToDocker(
      swarm.Secret.create({
        id: v.id,
        meta: {
          version: { index: Number(v.version ?? 0) as never },
          createdAt: v.createdAt as never,
          updatedAt: v.updatedAt as never,
        },
        spec: { annotations: { name: v.name, labels: v.labels } },
      }),
    );
  }

  async secretInspect(ref: string, _ctx: RequestContext): Promise<Secret> {
    return this.#secret(await this.#call(() => this.#c.secretInspect({ id: ref }), 'secret', ref));
  }

  async secretCreate(spec: SecretSpec, _ctx: RequestContext): Promise<string> {
    if (spec.Driver?.Name)
      throw new DockerNotImplementedError('secret drivers are not supported: send the data itself');
    if (spec.Templating?.Name)
      throw new DockerNotImplementedError('secret templating is not supported by this cluster');
    const name = spec.Name ?? '';
    const v = await this.#call(
      () => this.#c.secretCreate({ name, dataBase64: spec.Data ?? '', labels: { ...(spec.Labels ?? {}) } }),
      'secret',
      name,
      name,
    );
    return v.id;
  }

  async secretUpdate(ref: string, version: string, spec: SecretSpec, ctx: RequestContext): Promise<void> {
    const current = await this.secretInspect(ref, ctx);
    if ((spec.Data ?? '') !== '' || (spec.Name !== undefined && spec.Name !== current.Spec.Name))
      throw new DockerInvalidParameterError(
        'rpc error: code = InvalidArgument desc = only updates to Labels are allowed',
      );
    await this.#call(
      () => this.#c.secretUpdate({ id: current.ID, version, labels: { ...(spec.Labels ?? {}) } }),
      'secret',
      ref,
    );
  }

  async secretRemove(ref: string, _ctx: RequestContext): Promise<void> {
    await this.#call(() => this.#c.secretRemove({ id: ref }), 'secret', ref);
  }

  // ---- configs ----

  #config(v: ConfigView): Config {
    return configToDocker(
      swarm.Config.create({
        id: v.id,
        meta: {
          version: { index: Number(v.version ?? 0) as never },
          createdAt: v.createdAt as never,
          updatedAt: v.updatedAt as never,
        },
        spec: { annotations: { name: v.name, labels: v.labels }, data: Buffer.from(v.dataBase64, 'base64') },
      }),
    );
  }

  async configList(_ctx: RequestContext): Promise<Config[]> {
    return (await this.#call(() => this.#c.configList())).map((v) => this.#config(v));
  }

  async configInspect(ref: string, _ctx: RequestContext): Promise<Config> {
    return this.#config(await this.#call(() => this.#c.configInspect({ id: ref }), 'config', ref));
  }

  async configCreate(spec: ConfigSpec, _ctx: RequestContext): Promise<string> {
    if (spec.Templating?.Name)
      throw new DockerNotImplementedError('config templating is not supported by this cluster');
    const name = spec.Name ?? '';
    const v = await this.#call(
      () => this.#c.configCreate({ name, dataBase64: spec.Data ?? '', labels: { ...(spec.Labels ?? {}) } }),
      'config',
      name,
      name,
    );
    return v.id;
  }

  async configUpdate(ref: string, version: string, spec: ConfigSpec, ctx: RequestContext): Promise<void> {
    const current = await this.configInspect(ref, ctx);
    if (
      (spec.Data !== undefined && spec.Data !== '' && spec.Data !== current.Spec.Data) ||
      (spec.Name !== undefined && spec.Name !== current.Spec.Name)
    )
      throw new DockerInvalidParameterError(
        'rpc error: code = InvalidArgument desc = only updates to Labels are allowed',
      );
    await this.#call(
      () => this.#c.configUpdate({ id: current.ID, version, labels: { ...(spec.Labels ?? {}) } }),
      'config',
      ref,
    );
  }

  async configRemove(ref: string, _ctx: RequestContext): Promise<void> {
    await this.#call(() => this.#c.configRemove({ id: ref }), 'config', ref);
  }

  async networkList(_ctx: RequestContext): Promise<Network[]> {
    const views = await this.#call(() => this.#c.networkList());
    return views.map((v) => networkToDocker(swarm.Network.fromObject(v.raw)));
  }

  async networkInspect(ref: string, _ctx: RequestContext): Promise<Network> {
    const v = await this.#call(() => this.#c.networkInspect({ id: ref }), 'network', ref);
    return networkToDocker(swarm.Network.fromObject(v.raw));
  }

  async networkCreate(
    req: NetworkCreateRequest,
    _ctx: RequestContext,
  ): Promise<{ Id: string; Warning: string }> {
    const spec = networkSpecFromDocker(req);
    const v = await this.#call(() => this.#c.networkCreate({ spec }), 'network', undefined, req.Name);
    return { Id: v.id, Warning: '' };
  }

  async networkRemove(ref: string, _ctx: RequestContext): Promise<void> {
    await this.#call(() => this.#c.networkRemove({ id: ref }), 'network', ref);
  }

  events(options: { sinceMs?: number }, ctx: RequestContext): AsyncIterable<EventMessage> {
    return this.#events.stream(options.sinceMs, ctx.signal);
  }

  /** Stops watching the store (the daemon is stopping). */
  close(): void {
    this.#events.close();
  }
}
