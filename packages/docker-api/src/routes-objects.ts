/**
 * `/secrets/*`, `/configs/*`, `/networks/*`, and the engine endpoints a swarm node does not serve (containers, images,
 * volumes, exec, build, plugins): refused with 501 and a message that says so.
 */
import { DockerInvalidParameterError, DockerNotFoundError, DockerNotImplementedError } from './errors.js';
import { anyOf, labelsMatch, parseFilters, prefixOf } from './filters.js';
import { readObject, sendEmpty, sendJson, versionParam } from './http.js';
import type { Route } from './route.js';
import type { ConfigSpec, NetworkCreateRequest, SecretSpec } from './types.js';

const SECRET_FILTERS = ['names', 'name', 'id', 'label'];
const CONFIG_FILTERS = ['names', 'name', 'id', 'label'];
const NETWORK_FILTERS = ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type'];

const ENGINE_ONLY = [
  'containers',
  'images',
  'volumes',
  'exec',
  'build',
  'plugins',
  'commit',
  'session',
  'grpc',
];

export const objectRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/secrets',
    async handle(req, res, h) {
      const f = parseFilters(req.query.get('filters'), SECRET_FILTERS);
      const secrets = (await h.backend.secretList(h.ctx)).filter(
        (s) =>
          anyOf(f, 'names', (v) => v === s.Spec.Name) &&
          anyOf(f, 'name', (v) => s.Spec.Name.startsWith(v)) &&
          anyOf(f, 'id', prefixOf(s.ID)) &&
          labelsMatch(f, 'label', s.Spec.Labels),
      );
      sendJson(res, 200, secrets, h.id);
    },
  },
  {
    method: 'POST',
    pattern: '/secrets/create',
    async handle(req, res, h) {
      const spec = await readObject<SecretSpec>(req.raw);
      if (
        spec.Data !== undefined &&
        (typeof spec.Data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(spec.Data))
      )
        throw new DockerInvalidParameterError(
          'illegal base64 data in Data: send the secret as standard base64',
        );
      sendJson(res, 201, { ID: await h.backend.secretCreate(spec, h.ctx) }, h.id);
    },
  },
  {
    method: 'GET',
    pattern: '/secrets/{id}',
    async handle(req, res, h) {
      sendJson(res, 200, await h.backend.secretInspect(req.params.id!, h.ctx), h.id);
    },
  },
  {
    method: 'DELETE',
    pattern: '/secrets/{id}',
    async handle(req, res, h) {
      await h.backend.secretRemove(req.params.id!, h.ctx);
      sendEmpty(res, 204, h.id);
    },
  },
  {
    method: 'POST',
    pattern: '/secrets/{id}/update',
    async handle(req, res, h) {
      const version = versionParam(req.query, 'secret');
      const spec = await readObject<SecretSpec>(req.raw);
      await h.backend.secretUpdate(req.params.id!, version, spec, h.ctx);
      sendEmpty(res, 200, h.id);
    },
  },
  {
    method: 'GET',
    pattern: '/configs',
    async handle(req, res, h) {
      const f = parseFilters(req.query.get('filters'), CONFIG_FILTERS);
      const configs = (await h.backend.configList(h.ctx)).filter(
        (c) =>
          anyOf(f, 'names', (v) => v === c.Spec.Name) &&
          anyOf(f, 'name', (v) => c.Spec.Name.startsWith(v)) &&
          anyOf(f, 'id', prefixOf(c.ID)) &&
          labelsMatch(f, 'label', c.Spec.Labels),
      );
      sendJson(res, 200, configs, h.id);
    },
  },
  {
    method: 'POST',
    pattern: '/configs/create',
    async handle(req, res, h) {
      const spec = await readObject<ConfigSpec>(req.raw);
      if (
        spec.Data !== undefined &&
        (typeof spec.Data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(spec.Data))
      )
        throw new DockerInvalidParameterError(
          'illegal base64 data in Data: send the config as standard base64',
        );
      sendJson(res, 201, { ID: await h.backend.configCreate(spec, h.ctx) }, h.id);
    },
  },
  {
    method: 'GET',
    pattern: '/configs/{id}',
    async handle(req, res, h) {
      sendJson(res, 200, await h.backend.configInspect(req.params.id!, h.ctx), h.id);
    },
  },
  {
    method: 'DELETE',
    pattern: '/configs/{id}',
    async handle(req, res, h) {
      await h.backend.configRemove(req.params.id!, h.ctx);
      sendEmpty(res, 204, h.id);
    },
  },
  {
    method: 'POST',
    pattern: '/configs/{id}/update',
    async handle(req, res, h) {
      const version = versionParam(req.query, 'config');
      const spec = await readObject<ConfigSpec>(req.raw);
      await h.backend.configUpdate(req.params.id!, version, spec, h.ctx);
      sendEmpty(res, 200, h.id);
    },
  },
  {
    method: 'GET',
    pattern: '/networks',
    async handle(req, res, h) {
      const f = parseFilters(req.query.get('filters'), NETWORK_FILTERS);
      for (const t of f.get('type') ?? [])
        if (t !== 'custom' && t !== 'builtin')
          throw new DockerInvalidParameterError(`invalid filter: 'type'='${t}'`);
      const networks = (await h.backend.networkList(h.ctx)).filter(
        (n) =>
          anyOf(f, 'id', prefixOf(n.Id)) &&
          anyOf(f, 'name', (v) => n.Name.includes(v)) &&
          anyOf(f, 'driver', (v) => v === n.Driver) &&
          anyOf(f, 'scope', (v) => v === 'swarm') &&
          anyOf(f, 'type', (v) => v === 'custom') &&
          labelsMatch(f, 'label', n.Labels),
      );
      sendJson(res, 200, networks, h.id);
    },
  },
  {
    method: 'POST',
    pattern: '/networks/create',
    async handle(req, res, h) {
      const body = await readObject<NetworkCreateRequest>(req.raw);
      if (typeof body.Name !== 'string' || body.Name === '')
        throw new DockerInvalidParameterError('invalid name: a network needs a name');
      if (body.Scope !== undefined && body.Scope !== '' && body.Scope !== 'swarm')
        throw new DockerNotImplementedError(
          `networks of scope ${JSON.stringify(body.Scope)} are not supported: this cluster has swarm-scoped networks only`,
        );
      if (body.ConfigOnly === true || (body.ConfigFrom?.Network ?? '') !== '')
        throw new DockerNotImplementedError('config-only networks are not supported by this cluster');
      sendJson(res, 201, await h.backend.networkCreate(body, h.ctx), h.id);
    },
  },
  {
    method: 'GET',
    pattern: '/networks/{id}',
    async handle(req, res, h) {
      const scope = req.query.get('scope');
      if (scope !== null && scope !== '' && scope !== 'swarm')
        throw new DockerNotFoundError(`network ${req.params.id} not found`);
      sendJson(res, 200, await h.backend.networkInspect(req.params.id!, h.ctx), h.id);
    },
  },
  {
    method: 'DELETE',
    pattern: '/networks/{id}',
    async handle(req, res, h) {
      await h.backend.networkRemove(req.params.id!, h.ctx);
      sendEmpty(res, 204, h.id);
    },
  },
];

/** True for paths of engine endpoints a swarm node does not serve. */
export function isEngineOnly(path: string): boolean {
  const first = path.split('/')[1] ?? '';
  return (
    ENGINE_ONLY.includes(first) ||
    (path.startsWith('/networks/') && /\/(connect|disconnect)$/.test(path)) ||
    path === '/networks/prune'
  );
}
