/**
 * The five filters of Swarm 0.2's scheduler, each a pure function from the engines left and the
 * container asked for to the engines that pass. A filter that leaves no engine throws
 * `ClassicError` `CLASSIC_NO_ENGINE` with Swarm's wording of the case.
 */
import { matchConstraint, type NodeInfo, parseConstraint } from '@swarm/scheduler';
import { ClassicError } from './errors.js';
import { type Expression, holds, parseExpression } from './expression.js';
import type { ContainerInfo, ContainerRequest, EngineInfo, HeldPort } from './types.js';

/** The filters, by the names `--filter` takes. */
export type FilterName = 'health' | 'constraint' | 'affinity' | 'port' | 'dependency';

/** Every filter, in the order they run by default. */
export const FILTER_NAMES: readonly FilterName[] = ['health', 'constraint', 'affinity', 'port', 'dependency'];

/** A filter: the engines of `engines` the container may go to. */
export type Filter = (engines: readonly EngineInfo[], req: ContainerRequest) => EngineInfo[];

function noEngine(message: string, details: Record<string, unknown>): ClassicError {
  return new ClassicError('CLASSIC_NO_ENGINE', message, details);
}

/** The health filter: engines whose last refresh failed take no containers. */
export const healthFilter: Filter = (engines) => {
  const out = engines.filter((e) => e.healthy);
  if (out.length === 0 && engines.length > 0)
    throw noEngine('no healthy node available in the cluster', { filter: 'health' });
  return out;
};

/** The scheduler's view of an engine, for the swarm-mode keys (`node.hostname`, `engine.labels.X`…). */
function asNodeInfo(e: EngineInfo): NodeInfo {
  const host = e.addr.startsWith('[') ? e.addr.slice(1, e.addr.indexOf(']')) : e.addr.split(':')[0]!;
  return {
    id: e.id,
    hostname: e.name,
    role: 'worker',
    addr: host,
    status: e.healthy ? 'ready' : 'down',
    availability: 'active',
    // A classic engine has one set of labels (its own --label): both label keys read them.
    labels: e.labels,
    engineLabels: e.labels,
    platform: { os: e.labels.ostype ?? '', architecture: e.labels.architecture ?? '' },
    resources: { nanoCpus: e.cpus * 1e9, memoryBytes: e.memory },
  };
}

const SWARM_MODE_KEY = /^(node\.|engine\.labels\.)/i;

/** A constraint as a test on one engine. */
function constraintTest(text: string): { expr: Expression; test: (e: EngineInfo) => boolean } {
  const expr = parseExpression('constraint', text);
  if (SWARM_MODE_KEY.test(expr.key) && !expr.value.includes('*') && !expr.value.startsWith('/')) {
    // Swarm mode's keys keep @swarm/scheduler's grammar and meaning (case-insensitive values).
    let c: ReturnType<typeof parseConstraint>;
    try {
      c = parseConstraint(`${expr.key}${expr.operator}${expr.value}`);
    } catch (e) {
      throw new ClassicError('CLASSIC_BAD_EXPRESSION', (e as Error).message, { expression: text });
    }
    return { expr, test: (e) => matchConstraint(c, asNodeInfo(e)) };
  }
  if (expr.key === 'node') return { expr, test: (e) => holds(expr, [e.name, e.id]) };
  return {
    expr,
    test: (e) => {
      const v = e.labels[expr.key];
      return holds(expr, v === undefined ? [] : [v]);
    },
  };
}

/** Applies hard expressions, then soft ones only where they leave an engine. */
function applyExpressions(
  kind: 'constraint' | 'affinity',
  engines: readonly EngineInfo[],
  tests: { expr: Expression; test: (e: EngineInfo) => boolean }[],
): EngineInfo[] {
  let out = [...engines];
  for (const t of tests.filter((t) => !t.expr.soft)) {
    out = out.filter(t.test);
    if (out.length === 0)
      throw noEngine(`unable to find a node that satisfies ${t.expr.text}`, {
        filter: kind,
        expression: t.expr.text,
      });
  }
  for (const t of tests.filter((t) => t.expr.soft)) {
    const kept = out.filter(t.test);
    if (kept.length > 0) out = kept;
  }
  return out;
}

/**
 * The constraint filter: `constraint:KEY==VALUE` on an engine label (`--label` of the engine or a
 * standard one: `storagedriver`, `executiondriver`, `kernelversion`, `operatingsystem`), `node`
 * (the engine's name or ID), or a swarm-mode key (`node.hostname`, `node.labels.X`,
 * `engine.labels.X`, `node.platform.os`, …) read as `@swarm/scheduler` reads it.
 */
export const constraintFilter: Filter = (engines, req) =>
  applyExpressions('constraint', engines, req.constraints.map(constraintTest));

function containerRefs(c: ContainerInfo): string[] {
  return [...c.names, c.id, c.id.slice(0, 12)];
}

/** `redis` and `redis:latest` are one image; a digest or ID names it too. */
function imageRefs(ref: string): string[] {
  const out = [ref];
  const lastColon = ref.lastIndexOf(':');
  const hasTag = lastColon > ref.lastIndexOf('/');
  if (!hasTag && !ref.startsWith('sha256:')) out.push(`${ref}:latest`);
  if (ref.endsWith(':latest')) out.push(ref.slice(0, -':latest'.length));
  return out;
}

function engineImageRefs(e: EngineInfo): string[] {
  const out: string[] = [];
  for (const i of e.images) {
    out.push(i.id, i.id.replace(/^sha256:/, '').slice(0, 12));
    for (const t of i.tags) out.push(...imageRefs(t));
  }
  for (const c of e.containers) {
    out.push(...imageRefs(c.image));
    if (c.imageId !== '') out.push(c.imageId);
  }
  return out;
}

function affinityTest(text: string): { expr: Expression; test: (e: EngineInfo) => boolean } {
  const expr = parseExpression('affinity', text);
  if (expr.key === 'container')
    return { expr, test: (e) => holds(expr, e.containers.flatMap(containerRefs)) };
  if (expr.key === 'image') return { expr, test: (e) => holds(expr, engineImageRefs(e)) };
  // Any other key: a label of the containers on the engine (affinity:com.example.type==frontend).
  return {
    expr,
    test: (e) =>
      holds(
        expr,
        e.containers.flatMap((c) => (c.labels[expr.key] === undefined ? [] : [c.labels[expr.key]!])),
      ),
  };
}

/**
 * The affinity filter: `affinity:container==NAME|ID` (next to a container), `affinity:image==REF`
 * (where the image already is), `affinity:LABEL==VALUE` (next to a container with that label);
 * `!=` for the opposite; soft with `~`.
 */
export const affinityFilter: Filter = (engines, req) =>
  applyExpressions('affinity', engines, req.affinities.map(affinityTest));

function conflicts(a: HeldPort, b: HeldPort): boolean {
  if (a.port !== b.port || a.protocol !== b.protocol) return false;
  const any = (ip: string) => ip === '' || ip === '0.0.0.0' || ip === '::';
  return any(a.hostIp) || any(b.hostIp) || a.hostIp === b.hostIp;
}

/**
 * The port filter: a host port is a resource of its engine. Every container the engine has,
 * running or not, keeps the ports it was created with, as Swarm 0.2 counts them.
 */
export const portFilter: Filter = (engines, req) => {
  let out = [...engines];
  for (const p of req.ports) {
    out = out.filter((e) => !e.containers.some((c) => c.ports.some((held) => conflicts(held, p))));
    if (out.length === 0)
      throw noEngine(`unable to find a node with port ${p.port}/${p.protocol} available`, {
        filter: 'port',
        port: p.port,
        protocol: p.protocol,
      });
  }
  return out;
};

/**
 * The dependency filter: a container that links to, takes volumes from, or shares the network of
 * other containers goes on the engine that has all of them.
 */
export const dependencyFilter: Filter = (engines, req) => {
  if (req.dependencies.length === 0) return [...engines];
  const out = engines.filter((e) =>
    req.dependencies.every((d) => e.containers.some((c) => containerRefs(c).includes(d))),
  );
  if (out.length === 0)
    throw noEngine(
      `unable to find a node fulfilling all dependencies: ${req.dependencies.join(', ')} (they must exist, on one node)`,
      { filter: 'dependency', dependencies: [...req.dependencies] },
    );
  return out;
};

/** The filter function for each name. */
export const FILTERS: Readonly<Record<FilterName, Filter>> = {
  health: healthFilter,
  constraint: constraintFilter,
  affinity: affinityFilter,
  port: portFilter,
  dependency: dependencyFilter,
};

/**
 * Checks every expression of a request (before any engine is looked at), so that a typo is a 400
 * rather than "no node". Throws `CLASSIC_BAD_EXPRESSION`.
 */
export function validateRequest(req: ContainerRequest): void {
  for (const c of req.constraints) constraintTest(c);
  for (const a of req.affinities) affinityTest(a);
}
