/** `/services/*` and `/tasks/*`, with their log streams. */

import type { ServerResponse } from 'node:http';
import type { LogOptions, RequestContext, SwarmBackend } from './backend.js';
import { DockerInvalidParameterError } from './errors.js';
import { anyOf, labelsMatch, parseFilters, prefixOf } from './filters.js';
import type { DockerRequest, ServerIdentity } from './http.js';
import { baseHeaders, boolParam, parseTime, readObject, sendJson, versionParam } from './http.js';
import { frame } from './logs.js';
import type { Route } from './route.js';
import type { Service, ServiceSpec, TaskState, UpdateConfig } from './types.js';

const SERVICE_FILTERS = ['id', 'label', 'mode', 'name', 'runtime'];
const TASK_FILTERS = ['name', 'id', 'label', 'service', 'node', 'desired-state', '_up-to-date', 'runtime'];
const TASK_STATES: readonly TaskState[] = [
  'new',
  'allocated',
  'pending',
  'assigned',
  'accepted',
  'preparing',
  'ready',
  'starting',
  'running',
  'complete',
  'shutdown',
  'failed',
  'rejected',
  'remove',
  'orphaned',
];

const SECOND = 1_000_000_000;

function modeOf(s: Service): string {
  const m = s.Spec.Mode ?? {};
  if (m.Global) return 'global';
  if (m.ReplicatedJob) return 'replicated-job';
  if (m.GlobalJob) return 'global-job';
  return 'replicated';
}

/** What dockerd fills in with `insertDefaults=true` (swarmkit's defaults), without touching given values. */
export function withDefaults(spec: ServiceSpec): ServiceSpec {
  const update = {
    Parallelism: 1,
    FailureAction: 'pause',
    Monitor: 5 * SECOND,
    MaxFailureRatio: 0,
    Order: 'stop-first',
  };
  const t = spec.TaskTemplate ?? {};
  const c = t.ContainerSpec ?? {};
  return {
    ...spec,
    Labels: spec.Labels ?? {},
    TaskTemplate: {
      ...t,
      ContainerSpec: { ...c, StopGracePeriod: c.StopGracePeriod ?? 10 * SECOND },
      Resources: { Limits: {}, Reservations: {}, ...(t.Resources ?? {}) },
      RestartPolicy: { Condition: 'any', Delay: 5 * SECOND, MaxAttempts: 0, ...(t.RestartPolicy ?? {}) },
      Placement: t.Placement ?? {},
      ForceUpdate: t.ForceUpdate ?? 0,
      Runtime: t.Runtime ?? 'container',
    },
    Mode: spec.Mode ?? { Replicated: { Replicas: 1 } },
    UpdateConfig: { ...update, ...(spec.UpdateConfig ?? {}) } as UpdateConfig,
    RollbackConfig: { ...update, ...(spec.RollbackConfig ?? {}) } as UpdateConfig,
    EndpointSpec: { Mode: 'vip', ...(spec.EndpointSpec ?? {}) },
  };
}

/** Streams the logs of a service or a task as Docker does (multiplexed, one frame per line). */
async function streamLogs(
  backend: SwarmBackend,
  target: { service: string } | { task: string },
  req: DockerRequest,
  res: ServerResponse,
  ctx: RequestContext,
  id: ServerIdentity,
  now: number,
): Promise<void> {
  const q = req.query;
  const format = {
    stdout: boolParam(q, 'stdout'),
    stderr: boolParam(q, 'stderr'),
    timestamps: boolParam(q, 'timestamps'),
    details: boolParam(q, 'details'),
  };
  if (!format.stdout && !format.stderr)
    throw new DockerInvalidParameterError('Bad parameters: you must choose at least one stream');
  const tail = q.get('tail') ?? 'all';
  if (tail !== 'all' && tail !== '' && !/^\d+$/.test(tail))
    throw new DockerInvalidParameterError(
      `invalid tail ${JSON.stringify(tail)}: use a number of lines or "all"`,
    );
  const since = q.get('since');
  const options: LogOptions = {
    follow: boolParam(q, 'follow'),
    ...(tail !== 'all' && tail !== '' ? { tail: Number(tail) } : {}),
    ...(since && since !== '0' ? { sinceMs: parseTime(since, 'since', now) } : {}),
  };
  const lines = await backend.logs(target, options, ctx);
  res.writeHead(200, { ...baseHeaders(id) });
  res.flushHeaders();
  try {
    for await (const m of lines) {
      if (ctx.signal.aborted) break;
      const bytes = frame(m, format);
      if (bytes !== undefined) res.write(bytes);
    }
  } finally {
    res.end();
  }
}

export const serviceRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/services',
    async handle(req, res, h) {
      const f = parseFilters(req.query.get('filters'), SERVICE_FILTERS);
      for (const m of f.get('mode') ?? [])
        if (!['replicated', 'global', 'replicated-job', 'global-job'].includes(m))
          throw new DockerInvalidParameterError(`Invalid filter: 'type'='${m}'`);
      const status = boolParam(req.query, 'status');
      const services = (await h.backend.serviceList(h.ctx))
        .filter(
          (s) =>
            anyOf(f, 'id', prefixOf(s.ID)) &&
            anyOf(f, 'name', (v) => (s.Spec.Name ?? '').startsWith(v)) &&
            anyOf(f, 'mode', (v) => v === modeOf(s)) &&
            anyOf(f, 'runtime', (v) => v === 'container' || v === '') &&
            labelsMatch(f, 'label', s.Spec.Labels),
        )
        .map((s) => {
          if (status) return s;
          const { ServiceStatus: _, ...rest } = s;
          return rest;
        });
      sendJson(res, 200, services, h.id);
    },
  },
  {
    method: 'POST',
    pattern: '/services/create',
    async handle(req, res, h) {
      const spec = await readObject<ServiceSpec>(req.raw);
      const out = await h.backend.serviceCreate(spec, h.ctx);
      sendJson(res, 201, out.Warnings?.length ? out : { ID: out.ID }, h.id);
    },
  },
  {
    method: 'GET',
    pattern: '/services/{id}',
    async handle(req, res, h) {
      const s = await h.backend.serviceInspect(req.params.id!, h.ctx);
      const { ServiceStatus: _, ...rest } = s;
      sendJson(
        res,
        200,
        boolParam(req.query, 'insertDefaults') ? { ...rest, Spec: withDefaults(s.Spec) } : rest,
        h.id,
      );
    },
  },
  {
    method: 'DELETE',
    pattern: '/services/{id}',
    async handle(req, res, h) {
      await h.backend.serviceRemove(req.params.id!, h.ctx);
      res.writeHead(200, { ...baseHeaders(h.id), 'Content-Length': 0 });
      res.end();
    },
  },
  {
    method: 'POST',
    pattern: '/services/{id}/update',
    async handle(req, res, h) {
      const version = versionParam(req.query, 'service');
      const rollback = req.query.get('rollback');
      if (rollback !== null && rollback !== '' && rollback !== 'previous')
        throw new DockerInvalidParameterError(
          `invalid rollback ${JSON.stringify(rollback)}: the only value is "previous"`,
        );
      const spec = await readObject<ServiceSpec>(req.raw);
      const out = await h.backend.serviceUpdate(
        req.params.id!,
        version,
        spec,
        rollback === 'previous' ? { rollback: 'previous' } : {},
        h.ctx,
      );
      sendJson(res, 200, { Warnings: out.Warnings?.length ? out.Warnings : null }, h.id);
    },
  },
  {
    method: 'GET',
    pattern: '/services/{id}/logs',
    async handle(req, res, h) {
      await streamLogs(h.backend, { service: req.params.id! }, req, res, h.ctx, h.id, h.now());
    },
  },
  {
    method: 'GET',
    pattern: '/tasks',
    async handle(req, res, h) {
      const f = parseFilters(req.query.get('filters'), TASK_FILTERS);
      for (const s of f.get('desired-state') ?? [])
        if (s !== '' && !TASK_STATES.includes(s.toLowerCase() as TaskState))
          throw new DockerInvalidParameterError(`Invalid desired-state filter: '${s}'`);
      // Services and nodes may be named: resolve them as dockerd does (an unknown one is a 404).
      const serviceIds = await Promise.all(
        (f.get('service') ?? []).map(async (v) => (await h.backend.serviceInspect(v, h.ctx)).ID),
      );
      const nodeIds = await Promise.all(
        (f.get('node') ?? []).map(async (v) => (await h.backend.nodeInspect(v, h.ctx)).ID),
      );
      const services = new Map((await h.backend.serviceList(h.ctx)).map((s) => [s.ID, s.Spec]));
      const tasks = (await h.backend.taskList({ upToDate: f.has('_up-to-date') }, h.ctx)).filter((t) => {
        const service = services.get(t.ServiceID);
        const name = t.Name || `${service?.Name ?? t.ServiceID}.${t.Slot ? t.Slot : t.NodeID}`;
        return (
          anyOf(f, 'id', prefixOf(t.ID)) &&
          anyOf(f, 'name', (v) => name.startsWith(v)) &&
          (serviceIds.length === 0 || serviceIds.includes(t.ServiceID)) &&
          (nodeIds.length === 0 || nodeIds.includes(t.NodeID ?? '')) &&
          anyOf(f, 'desired-state', (v) => v === '' || v.toLowerCase() === t.DesiredState) &&
          anyOf(f, 'runtime', (v) => v === 'container' || v === '') &&
          // As swarmkit: a task's labels for filtering are its service's (`docker stack ps` relies on it).
          labelsMatch(f, 'label', { ...(service?.Labels ?? {}), ...t.Labels })
        );
      });
      sendJson(res, 200, tasks, h.id);
    },
  },
  {
    method: 'GET',
    pattern: '/tasks/{id}',
    async handle(req, res, h) {
      sendJson(res, 200, await h.backend.taskInspect(req.params.id!, h.ctx), h.id);
    },
  },
  {
    method: 'GET',
    pattern: '/tasks/{id}/logs',
    async handle(req, res, h) {
      await streamLogs(h.backend, { task: req.params.id! }, req, res, h.ctx, h.id, h.now());
    },
  },
];
