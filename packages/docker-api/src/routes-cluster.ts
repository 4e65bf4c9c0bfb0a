/** `/swarm/*` and `/nodes/*`. */
import { DockerInvalidParameterError } from './errors.js';
import { anyOf, labelsMatch, parseFilters, prefixOf } from './filters.js';
import { boolParam, readObject, sendEmpty, sendJson, versionParam } from './http.js';
import type { Route } from './route.js';
import type { NodeSpec, SwarmInitRequest, SwarmJoinRequest, SwarmSpec } from './types.js';

const NODE_FILTERS = ['id', 'label', 'membership', 'name', 'node.label', 'role'];

function checkNodeSpec(spec: NodeSpec): NodeSpec {
  if (spec.Role !== undefined && spec.Role !== 'worker' && spec.Role !== 'manager')
    throw new DockerInvalidParameterError(
      `invalid Role ${JSON.stringify(spec.Role)}: expected worker or manager`,
    );
  if (
    spec.Availability !== undefined &&
    spec.Availability !== 'active' &&
    spec.Availability !== 'pause' &&
    spec.Availability !== 'drain'
  )
    throw new DockerInvalidParameterError(
      `invalid Availability ${JSON.stringify(spec.Availability)}: expected active, pause or drain`,
    );
  if (spec.Labels !== undefined && spec.Labels !== null && typeof spec.Labels !== 'object')
    throw new DockerInvalidParameterError('invalid Labels: expected an object of strings');
  return spec;
}

export const clusterRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/swarm',
    async handle(_req, res, h) {
      sendJson(res, 200, await h.backend.swarmInspect(h.ctx), h.id);
    },
  },
  {
    method: 'POST',
    pattern: '/swarm/init',
    async handle(req, res, h) {
      const body = await readObject<SwarmInitRequest>(req.raw);
      sendJson(res, 200, await h.backend.swarmInit(body, h.ctx), h.id);
    },
  },
  {
    method: 'POST',
    pattern: '/swarm/join',
    async handle(req, res, h) {
      const body = await readObject<SwarmJoinRequest>(req.raw);
      await h.backend.swarmJoin(body, h.ctx);
      sendEmpty(res, 200, h.id);
    },
  },
  {
    method: 'POST',
    pattern: '/swarm/leave',
    async handle(req, res, h) {
      await h.backend.swarmLeave(boolParam(req.query, 'force'), h.ctx);
      sendEmpty(res, 200, h.id);
    },
  },
  {
    method: 'POST',
    pattern: '/swarm/update',
    async handle(req, res, h) {
      const version = versionParam(req.query, 'swarm');
      const spec = await readObject<SwarmSpec>(req.raw);
      await h.backend.swarmUpdate(
        spec,
        version,
        {
          rotateWorkerToken: boolParam(req.query, 'rotateWorkerToken'),
          rotateManagerToken: boolParam(req.query, 'rotateManagerToken'),
          rotateManagerUnlockKey: boolParam(req.query, 'rotateManagerUnlockKey'),
        },
        h.ctx,
      );
      sendEmpty(res, 200, h.id);
    },
  },
  {
    method: 'GET',
    pattern: '/swarm/unlockkey',
    async handle(_req, res, h) {
      sendJson(res, 200, { UnlockKey: await h.backend.swarmUnlockKey(h.ctx) }, h.id);
    },
  },
  {
    method: 'POST',
    pattern: '/swarm/unlock',
    async handle(req, res, h) {
      const body = await readObject<{ UnlockKey?: unknown }>(req.raw);
      await h.backend.swarmUnlock(typeof body.UnlockKey === 'string' ? body.UnlockKey : '', h.ctx);
      sendEmpty(res, 200, h.id);
    },
  },
  {
    method: 'GET',
    pattern: '/nodes',
    async handle(req, res, h) {
      const f = parseFilters(req.query.get('filters'), NODE_FILTERS);
      for (const r of f.get('role') ?? [])
        if (r !== '' && r !== 'worker' && r !== 'manager')
          throw new DockerInvalidParameterError(`Invalid role filter: '${r}'`);
      for (const m of f.get('membership') ?? [])
        if (m !== '' && m !== 'accepted' && m !== 'pending')
          throw new DockerInvalidParameterError(`Invalid membership filter: '${m}'`);
      const nodes = (await h.backend.nodeList(h.ctx)).filter(
        (n) =>
          anyOf(f, 'id', prefixOf(n.ID)) &&
          anyOf(f, 'name', (v) => (n.Spec.Name || n.Description.Hostname || '').startsWith(v)) &&
          anyOf(f, 'role', (v) => v === '' || v === n.Spec.Role) &&
          anyOf(f, 'membership', (v) => v === '' || v === 'accepted') &&
          labelsMatch(f, 'label', n.Description.Engine?.Labels) &&
          labelsMatch(f, 'node.label', n.Spec.Labels),
      );
      sendJson(res, 200, nodes, h.id);
    },
  },
  {
    method: 'GET',
    pattern: '/nodes/{id}',
    async handle(req, res, h) {
      sendJson(res, 200, await h.backend.nodeInspect(req.params.id!, h.ctx), h.id);
    },
  },
  {
    method: 'DELETE',
    pattern: '/nodes/{id}',
    async handle(req, res, h) {
      await h.backend.nodeRemove(req.params.id!, boolParam(req.query, 'force'), h.ctx);
      sendEmpty(res, 200, h.id);
    },
  },
  {
    method: 'POST',
    pattern: '/nodes/{id}/update',
    async handle(req, res, h) {
      const version = versionParam(req.query, 'node');
      const spec = checkNodeSpec(await readObject<NodeSpec>(req.raw));
      await h.backend.nodeUpdate(req.params.id!, version, spec, h.ctx);
      sendEmpty(res, 200, h.id);
    },
  },
];
