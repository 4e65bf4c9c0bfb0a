/**
 * Service specs from command-line flags: `buildServiceSpec` for `service create` and
 * `applyServiceUpdate` for `service update`. Both are pure: flags in, `swarm.ServiceSpec` JSON out
 * (the shape `swarm.ServiceSpec.toObject(spec, JSON_OPTIONS)` produces: 64-bit integers as decimal
 * strings, enums as names), so the daemon never interprets flags.
 *
 * Where swarm fills a default when a sub-message is absent but takes zeros when it is present
 * (restart policy, update and rollback configs), the CLI writes Docker's defaults in full, as the
 * Docker CLI does: a spec that names only `--restart-condition` must not silently lose the 5 s delay.
 */
import { isSwarmError } from '@swarm/api';
import type { Json } from '@swarm/node/control';
import { parseConstraint } from '@swarm/scheduler';
import { UsageError } from './errors.js';
import { parseCount, parseDuration, parseMemory, parseNanoCpus } from './units.js';

/** Flag values by long name, as the parser produced them. */
export type FlagValues = Readonly<Record<string, string | boolean | readonly string[] | undefined>>;

/** The secret file mode Docker's swarm uses by default here: 0400 (owner read only). */
export const DEFAULT_SECRET_MODE = 0o400;

const RESTART_CONDITIONS: Record<string, string> = { none: 'NONE', 'on-failure': 'ON_FAILURE', any: 'ANY' };
const FAILURE_ACTIONS: Record<string, string> = {
  pause: 'PAUSE',
  continue: 'CONTINUE',
  rollback: 'ROLLBACK',
};
const ORDERS: Record<string, string> = { 'stop-first': 'STOP_FIRST', 'start-first': 'START_FIRST' };
const SERVICE_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]{0,62})$/;

function str(flags: FlagValues, name: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
}
function list(flags: FlagValues, name: string): string[] {
  const v = flags[name];
  return Array.isArray(v) ? [...(v as string[])] : [];
}

function obj(parent: Json, key: string): Json {
  const v = parent[key];
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Json;
  const fresh: Json = {};
  parent[key] = fresh;
  return fresh;
}

function arr<T>(parent: Json, key: string): T[] {
  const v = parent[key];
  if (Array.isArray(v)) return v as T[];
  const fresh: T[] = [];
  parent[key] = fresh;
  return fresh;
}

/** Removes `key` when it holds an empty array or object, so specs stay as protobuf would print them. */
function prune(parent: Json, key: string): void {
  const v = parent[key];
  if (
    Array.isArray(v) ? v.length === 0 : typeof v === 'object' && v !== null && Object.keys(v).length === 0
  ) {
    delete parent[key];
  }
}

function pick(table: Record<string, string>, value: string, flag: string): string {
  const v = table[value.toLowerCase()];
  if (v === undefined) {
    throw new UsageError(
      `invalid argument ${JSON.stringify(value)} for "--${flag}" flag: expected one of ${Object.keys(table).join(', ')}`,
    );
  }
  return v;
}

/** Splits `k=v` (a label); `v` may be empty, `k` may not. */
export function parseKeyValue(text: string, flag: string): [string, string] {
  const eq = text.indexOf('=');
  const key = eq < 0 ? text : text.slice(0, eq);
  if (key.trim() === '')
    throw new UsageError(`invalid argument ${JSON.stringify(text)} for "--${flag}" flag: expected key=value`);
  return [key, eq < 0 ? '' : text.slice(eq + 1)];
}

/** `K=V`, or `K` alone taking its value from the CLI's environment (as Docker's `--env K`). */
export function parseEnv(
  text: string,
  flag: string,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const eq = text.indexOf('=');
  if (eq === 0 || text === '')
    throw new UsageError(`invalid argument ${JSON.stringify(text)} for "--${flag}" flag: expected KEY=VALUE`);
  if (eq > 0) return text;
  const v = env[text];
  if (v === undefined) {
    throw new UsageError(
      `invalid argument ${JSON.stringify(text)} for "--${flag}" flag: ${text} is not set in this environment; write ${text}=VALUE`,
    );
  }
  return `${text}=${v}`;
}

function envKey(entry: string): string {
  const eq = entry.indexOf('=');
  return eq < 0 ? entry : entry.slice(0, eq);
}

function port(text: string, flag: string, what: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !(n >= 1 && n <= 65535)) {
    throw new UsageError(`invalid ${what} port ${JSON.stringify(text)} in "--${flag}": expected 1-65535`);
  }
  return n;
}

/** `NAME`, `NAME,alias=A[,alias=B]`, or `name=NAME,alias=A` (Docker's long form; `target=` too). */
export function parseNetwork(text: string, flag = 'network'): Json {
  const parts = text.split(',');
  let target: string | undefined;
  const aliases: string[] = [];
  for (const [i, part] of parts.entries()) {
    const eq = part.indexOf('=');
    if (eq < 0 && i === 0) {
      target = part;
      continue;
    }
    const k = part.slice(0, eq).trim().toLowerCase();
    const v = part.slice(eq + 1).trim();
    if (eq < 0 || v === '')
      throw new UsageError(`invalid "--${flag}" ${JSON.stringify(text)}: expected NAME[,alias=ALIAS...]`);
    if (k === 'name' || k === 'target') target = v;
    else if (k === 'alias') aliases.push(v);
    else
      throw new UsageError(
        `invalid field ${JSON.stringify(k)} in "--${flag}" ${JSON.stringify(text)}: expected name or alias`,
      );
  }
  if (target === undefined || target === '')
    throw new UsageError(`"--${flag}" ${JSON.stringify(text)} names no network`);
  return { target, ...(aliases.length > 0 ? { aliases } : {}) };
}

function endpointMode(flags: FlagValues): string | undefined {
  const mode = str(flags, 'endpoint-mode');
  if (mode === undefined) return undefined;
  if (mode !== 'vip' && mode !== 'dnsrr')
    throw new UsageError(
      `invalid argument ${JSON.stringify(mode)} for "--endpoint-mode" flag: expected vip or dnsrr`,
    );
  return mode.toUpperCase();
}

/** `8080:80`, `8080:80/udp`, `80`, or `published=8080,target=80[,protocol=tcp][,mode=ingress|host]`. */
export function parsePublish(text: string, flag = 'publish'): Json {
  let published: string | undefined;
  let target: string | undefined;
  let protocol = 'tcp';
  let mode = 'ingress';
  if (text.includes('=')) {
    for (const part of text.split(',')) {
      const [k, v] = parseKeyValue(part, flag);
      switch (k.trim().toLowerCase()) {
        case 'published':
          published = v;
          break;
        case 'target':
          target = v;
          break;
        case 'protocol':
          protocol = v.toLowerCase();
          break;
        case 'mode':
          mode = v.toLowerCase();
          break;
        default:
          throw new UsageError(
            `invalid field ${JSON.stringify(k)} in "--${flag}" ${JSON.stringify(text)}: expected published, target, protocol or mode`,
          );
      }
    }
  } else {
    const m = /^(?:(\d+):)?(\d+)(?:\/(\w+))?$/.exec(text);
    if (m === null) {
      throw new UsageError(
        `invalid argument ${JSON.stringify(text)} for "--${flag}" flag: expected PUBLISHED:TARGET[/PROTOCOL] such as 8080:80`,
      );
    }
    published = m[1];
    target = m[2];
    protocol = (m[3] ?? 'tcp').toLowerCase();
  }
  if (target === undefined) throw new UsageError(`"--${flag}" ${JSON.stringify(text)} has no target port`);
  if (protocol !== 'tcp' && protocol !== 'udp') {
    throw new UsageError(`invalid protocol ${JSON.stringify(protocol)} in "--${flag}": expected tcp or udp`);
  }
  if (mode !== 'ingress' && mode !== 'host') {
    throw new UsageError(`invalid mode ${JSON.stringify(mode)} in "--${flag}": expected ingress or host`);
  }
  const out: Json = { protocol: protocol.toUpperCase(), targetPort: port(target, flag, 'target') };
  if (published !== undefined && published !== '') out.publishedPort = port(published, flag, 'published');
  out.publishMode = mode.toUpperCase();
  return out;
}

/** The config file mode Docker uses by default: 0444. */
export const DEFAULT_CONFIG_MODE = 0o444;

/** The fields of a `--secret` / `--config` reference, as given (`NAME` alone is the source). */
interface FileRefFields {
  source: string;
  target: string | undefined;
  mode: number | undefined;
  uid: number | undefined;
  gid: number | undefined;
}

/**
 * `NAME` or `source=NAME[,target=...][,mode=0444][,uid=N][,gid=N]`, the syntax `--secret` and
 * `--config` share (`targets` are the spellings the target field accepts; `modeDigits` the most
 * octal digits a mode may have).
 */
function parseFileRef(
  text: string,
  flag: string,
  noun: string,
  targets: readonly string[],
  modeDigits: number,
): FileRefFields {
  let source: string | undefined;
  const f: Omit<FileRefFields, 'source'> = {
    target: undefined,
    mode: undefined,
    uid: undefined,
    gid: undefined,
  };
  if (!text.includes('=')) source = text;
  else
    for (const part of text.split(',')) {
      const [k, v] = parseKeyValue(part, flag);
      const key = k.trim().toLowerCase();
      if (key === 'source' || key === 'src') source = v;
      else if (targets.includes(key)) f.target = v;
      else if (key === 'mode') {
        if (!new RegExp(`^0?[0-7]{1,${modeDigits}}$`).test(v))
          throw new UsageError(
            `invalid mode ${JSON.stringify(v)} in "--${flag}": expected octal such as 0${noun === 'secret' ? '400' : '444'}`,
          );
        f.mode = Number.parseInt(v, 8);
      } else if (key === 'uid') f.uid = parseCount(v, `--${flag}`);
      else if (key === 'gid') f.gid = parseCount(v, `--${flag}`);
      else
        throw new UsageError(
          `invalid field ${JSON.stringify(k)} in "--${flag}" ${JSON.stringify(text)}: expected source, target, mode, uid or gid`,
        );
    }
  if (source === undefined || source === '')
    throw new UsageError(`"--${flag}" ${JSON.stringify(text)} names no ${noun}`);
  return { source, ...f };
}

/** A reference's owner and mode fields, set only when given (mode always). */
function ownerAndMode(ref: Json, f: FileRefFields, defaultMode: number): Json {
  if (f.uid !== undefined) ref.uid = f.uid;
  if (f.gid !== undefined) ref.gid = f.gid;
  ref.mode = f.mode ?? defaultMode;
  return ref;
}

/**
 * `NAME` or `source=NAME[,target=/PATH][,mode=0444][,uid=N][,gid=N]` for `--config`: the target
 * is a path in the task (default `/NAME`; a relative one is taken from `/`).
 */
export function parseConfigRef(text: string, flag = 'config'): Json {
  const f = parseFileRef(text, flag, 'config', ['target', 'dst', 'destination'], 4);
  const raw = f.target ?? `/${f.source}`;
  const parts = raw.split('/').filter((p) => p !== '' && p !== '.');
  if (raw.includes('\0') || parts.length === 0 || parts.includes('..'))
    throw new UsageError(
      `invalid config target ${JSON.stringify(raw)} in "--${flag}": use an absolute file path such as /etc/${f.source}`,
    );
  return ownerAndMode({ configName: f.source, target: `/${parts.join('/')}` }, f, DEFAULT_CONFIG_MODE);
}

/** `NAME` or `source=NAME[,target=FILE][,mode=0400][,uid=N][,gid=N]`. */
export function parseSecretRef(text: string, flag = 'secret'): Json {
  const f = parseFileRef(text, flag, 'secret', ['target'], 3);
  const file = f.target ?? f.source;
  // The target is a file name inside the task's private secrets directory, never a path out of it.
  if (file === '' || file === '.' || file === '..' || file.includes('/') || file.includes('\0')) {
    throw new UsageError(
      `invalid secret target ${JSON.stringify(file)} in "--${flag}": use a plain file name (the file appears under /run/secrets)`,
    );
  }
  return ownerAndMode({ secretName: f.source, target: file }, f, DEFAULT_SECRET_MODE);
}

function checkConstraint(expression: string, flag: string): string {
  try {
    parseConstraint(expression);
  } catch (e) {
    if (isSwarmError(e)) throw new UsageError(`invalid argument for "--${flag}": ${e.message}`);
    throw e;
  }
  return expression;
}

function parsePref(text: string, flag: string): Json {
  const m = /^spread=((?:node|engine)\.labels\.\S+)$/.exec(text);
  if (m === null) {
    throw new UsageError(
      `invalid argument ${JSON.stringify(text)} for "--${flag}" flag: expected spread=node.labels.NAME`,
    );
  }
  return { spread: { spreadDescriptor: m[1] } };
}

/** Splits a command line as a POSIX shell would (quotes and backslashes), for `--args "..."`. */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else cur += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1]!)) cur += text[++i];
      else cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      has = true;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur !== '') out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
    }
  }
  if (quote !== undefined) throw new UsageError(`unterminated ${quote} quote in ${JSON.stringify(text)}`);
  if (has || cur !== '') out.push(cur);
  return out;
}

function setResources(task: Json, flags: FlagValues): void {
  for (const [kind, cpuFlag, memFlag] of [
    ['reservations', 'reserve-cpu', 'reserve-memory'],
    ['limits', 'limit-cpu', 'limit-memory'],
  ] as const) {
    const cpu = str(flags, cpuFlag);
    const mem = str(flags, memFlag);
    if (cpu === undefined && mem === undefined) continue;
    const r = obj(obj(task, 'resources'), kind);
    if (cpu !== undefined) r.nanoCpus = String(parseNanoCpus(cpu, `--${cpuFlag}`));
    if (mem !== undefined) r.memoryBytes = String(parseMemory(mem, `--${memFlag}`));
  }
}

function setRestart(task: Json, flags: FlagValues): void {
  // Defaults only for a missing policy: in a present one an absent field is a zero the user chose.
  if (task.restart === undefined || task.restart === null)
    task.restart = { condition: 'ANY', delayMs: '5000' };
  const restart = obj(task, 'restart');
  const cond = str(flags, 'restart-condition');
  if (cond !== undefined) restart.condition = pick(RESTART_CONDITIONS, cond, 'restart-condition');
  const delay = str(flags, 'restart-delay');
  if (delay !== undefined) restart.delayMs = String(parseDuration(delay, '--restart-delay'));
  const max = str(flags, 'restart-max-attempts');
  if (max !== undefined) restart.maxAttempts = String(parseCount(max, '--restart-max-attempts'));
  const window = str(flags, 'restart-window');
  if (window !== undefined) restart.windowMs = String(parseDuration(window, '--restart-window'));
}

function setUpdateConfig(spec: Json, key: 'update' | 'rollback', flags: FlagValues): void {
  if (spec[key] === undefined || spec[key] === null) {
    spec[key] = { parallelism: '1', monitorMs: '5000', failureAction: 'PAUSE', order: 'STOP_FIRST' };
  }
  const c = obj(spec, key);
  const p = str(flags, `${key}-parallelism`);
  if (p !== undefined) c.parallelism = String(parseCount(p, `--${key}-parallelism`));
  const delay = str(flags, `${key}-delay`);
  if (delay !== undefined) c.delayMs = String(parseDuration(delay, `--${key}-delay`));
  const monitor = str(flags, `${key}-monitor`);
  if (monitor !== undefined) c.monitorMs = String(parseDuration(monitor, `--${key}-monitor`));
  const action = str(flags, `${key}-failure-action`);
  if (action !== undefined) {
    const v = pick(FAILURE_ACTIONS, action, `${key}-failure-action`);
    if (key === 'rollback' && v === 'ROLLBACK') {
      throw new UsageError(
        'invalid argument "rollback" for "--rollback-failure-action" flag: expected pause or continue',
      );
    }
    c.failureAction = v;
  }
  const order = str(flags, `${key}-order`);
  if (order !== undefined) c.order = pick(ORDERS, order, `${key}-order`);
  const ratio = str(flags, `${key}-max-failure-ratio`);
  if (ratio !== undefined) {
    const r = Number(ratio);
    if (ratio.trim() === '' || !(r >= 0 && r <= 1)) {
      throw new UsageError(
        `invalid argument ${JSON.stringify(ratio)} for "--${key}-max-failure-ratio" flag: expected 0 to 1`,
      );
    }
    c.maxFailureRatio = r;
  }
}

function setContainerScalars(container: Json, flags: FlagValues): void {
  for (const [flag, field] of [
    ['workdir', 'dir'],
    ['user', 'user'],
    ['hostname', 'hostname'],
  ] as const) {
    const v = str(flags, flag);
    if (v !== undefined) container[field] = v;
  }
  const grace = str(flags, 'stop-grace-period');
  if (grace !== undefined) container.stopGracePeriodMs = String(parseDuration(grace, '--stop-grace-period'));
}

/** `--health-*` and `--no-healthcheck` into `container.healthcheck` (Docker's HealthConfig). */
function setHealth(container: Json, flags: FlagValues): void {
  const cmd = str(flags, 'health-cmd');
  const none = flags['no-healthcheck'] === true;
  const times = ['health-interval', 'health-timeout', 'health-retries', 'health-start-period'].filter(
    (n) => str(flags, n) !== undefined,
  );
  if (none && (cmd !== undefined || times.length > 0))
    throw new UsageError('"--no-healthcheck" conflicts with "--health-*" options');
  if (none) {
    container.healthcheck = { test: ['NONE'] };
    return;
  }
  if (cmd === undefined && times.length === 0) return;
  const h = obj(container, 'healthcheck');
  // A NONE test left from an earlier --no-healthcheck gives way to the new settings.
  if (Array.isArray(h.test) && h.test[0] === 'NONE') delete h.test;
  if (cmd !== undefined) {
    if (cmd.trim() === '') throw new UsageError('"--health-cmd" needs a command');
    h.test = ['CMD-SHELL', cmd];
  }
  const interval = str(flags, 'health-interval');
  if (interval !== undefined) h.intervalMs = String(positiveDuration(interval, '--health-interval'));
  const timeout = str(flags, 'health-timeout');
  if (timeout !== undefined) h.timeoutMs = String(positiveDuration(timeout, '--health-timeout'));
  const start = str(flags, 'health-start-period');
  if (start !== undefined) h.startPeriodMs = String(parseDuration(start, '--health-start-period'));
  const retries = str(flags, 'health-retries');
  if (retries !== undefined) {
    const n = parseCount(retries, '--health-retries');
    if (n > 2 ** 31 - 1) throw new UsageError(`"--health-retries" ${retries} is too large`);
    h.retries = n;
  }
}

function positiveDuration(text: string, flag: string): number {
  const ms = parseDuration(text, flag);
  if (ms < 1)
    throw new UsageError(
      `invalid argument ${JSON.stringify(text)} for "${flag}" flag: it must be at least 1ms`,
    );
  return ms;
}

/** `--replicas` (a replicated job's total completions) and `--max-concurrent` (replicated jobs only). */
function setReplicas(spec: Json, flags: FlagValues): void {
  const replicas = str(flags, 'replicas');
  const concurrent = str(flags, 'max-concurrent');
  if (concurrent !== undefined && spec.replicatedJob === undefined)
    throw new UsageError('max-concurrent can only be used with replicated-job mode');
  if (spec.replicatedJob !== undefined) {
    const job = obj(spec, 'replicatedJob');
    if (replicas !== undefined) job.totalCompletions = String(parseCount(replicas, '--replicas'));
    if (concurrent !== undefined) {
      const n = parseCount(concurrent, '--max-concurrent');
      if (n < 1) throw new UsageError('"--max-concurrent" must be at least 1');
      job.maxConcurrent = String(n);
    }
    return;
  }
  if (replicas === undefined) return;
  if (spec.global !== undefined || spec.globalJob !== undefined) {
    throw new UsageError('replicas can only be used with replicated mode or replicated-job mode');
  }
  obj(spec, 'replicated').replicas = String(parseCount(replicas, '--replicas'));
  spec.mode = 'replicated';
}

function setMaxPerNode(task: Json, flags: FlagValues): void {
  const max = str(flags, 'replicas-max-per-node');
  if (max !== undefined)
    obj(task, 'placement').maxReplicas = String(parseCount(max, '--replicas-max-per-node'));
}

/** The spec for `service create`. `image` and `command` are the positionals; `env` serves `--env K`. */
export function buildServiceSpec(
  flags: FlagValues,
  positional: { image?: string; command?: readonly string[] } = {},
  env: Readonly<Record<string, string | undefined>> = {},
): Json {
  const spec: Json = {};
  const annotations = obj(spec, 'annotations');
  const name = str(flags, 'name');
  if (name !== undefined) {
    if (!SERVICE_NAME.test(name)) {
      throw new UsageError(
        `invalid service name ${JSON.stringify(name)}: use up to 63 letters, digits, '_', '.' or '-', starting with a letter or digit`,
      );
    }
    annotations.name = name;
  }
  const labels = obj(annotations, 'labels');
  for (const l of list(flags, 'label')) {
    const [k, v] = parseKeyValue(l, 'label');
    labels[k] = v;
  }
  prune(annotations, 'labels');
  prune(spec, 'annotations');

  const task = obj(spec, 'task');
  const container = obj(task, 'container');
  if (positional.image !== undefined && positional.image !== '') container.image = positional.image;
  if (positional.command !== undefined && positional.command.length > 0)
    container.command = [...positional.command];
  const envs = [...list(flags, 'env')].map((e) => parseEnv(e, 'env', env));
  if (envs.length > 0) container.env = envs;
  const secrets = list(flags, 'secret').map((s) => parseSecretRef(s, 'secret'));
  if (secrets.length > 0) container.secrets = secrets;
  const configs = list(flags, 'config').map((c) => parseConfigRef(c, 'config'));
  if (configs.length > 0) container.configs = configs;
  setContainerScalars(container, flags);
  setHealth(container, flags);
  setResources(task, flags);
  setRestart(task, flags);
  const constraints = list(flags, 'constraint').map((c) => checkConstraint(c, 'constraint'));
  if (constraints.length > 0) obj(task, 'placement').constraints = constraints;
  const prefs = list(flags, 'placement-pref').map((p) => parsePref(p, 'placement-pref'));
  if (prefs.length > 0) obj(task, 'placement').preferences = prefs;
  setMaxPerNode(task, flags);

  const mode = str(flags, 'mode') ?? 'replicated';
  if (mode === 'global' || mode === 'global-job') {
    if (str(flags, 'replicas') !== undefined)
      throw new UsageError('replicas can only be used with replicated mode or replicated-job mode');
    if (str(flags, 'max-concurrent') !== undefined)
      throw new UsageError('max-concurrent can only be used with replicated-job mode');
    if (mode === 'global') spec.global = {};
    else spec.globalJob = {};
    spec.mode = mode === 'global' ? 'global' : 'globalJob';
  } else if (mode === 'replicated') {
    spec.replicated = { replicas: '1' };
    spec.mode = 'replicated';
    setReplicas(spec, flags);
  } else if (mode === 'replicated-job') {
    // Docker's defaults: one completion; as many at once as completions unless --max-concurrent says otherwise.
    const total = str(flags, 'replicas');
    const n = total === undefined ? 1 : parseCount(total, '--replicas');
    spec.replicatedJob = { maxConcurrent: String(Math.max(1, n)), totalCompletions: String(n) };
    spec.mode = 'replicatedJob';
    setReplicas(spec, flags);
  } else {
    throw new UsageError(
      `invalid argument ${JSON.stringify(mode)} for "--mode" flag: expected replicated, global, replicated-job or global-job`,
    );
  }

  setUpdateConfig(spec, 'update', flags);
  setUpdateConfig(spec, 'rollback', flags);

  const networks = list(flags, 'network').map((n) => parseNetwork(n, 'network'));
  if (networks.length > 0) task.networks = networks;

  const ports = list(flags, 'publish').map((p) => parsePublish(p, 'publish'));
  if (ports.length > 0) spec.endpoint = { ports };
  const resolution = endpointMode(flags);
  if (resolution !== undefined) obj(spec, 'endpoint').mode = resolution;
  return spec;
}

function samePort(a: Json, b: Json): boolean {
  return (
    a.targetPort === b.targetPort &&
    (a.protocol ?? 'TCP') === (b.protocol ?? 'TCP') &&
    (b.publishedPort === undefined || a.publishedPort === b.publishedPort)
  );
}

/**
 * The spec for `service update`: `spec` (the service's current spec, `raw.spec`) with the flags
 * applied. Returns a new object; `spec` is not modified.
 */
export function applyServiceUpdate(
  spec: Json,
  flags: FlagValues,
  env: Readonly<Record<string, string | undefined>> = {},
  networkId: (ref: string) => string = (ref) => ref,
): Json {
  const next = structuredClone(spec) as Json;
  const has = (name: string) => flags[name] !== undefined;

  if (has('name') || has('mode')) {
    throw new UsageError('a service cannot be renamed or change mode; create a new service instead');
  }
  const annotations = obj(next, 'annotations');
  const labels = obj(annotations, 'labels');
  for (const l of [...list(flags, 'label-add'), ...list(flags, 'label')]) {
    const [k, v] = parseKeyValue(l, 'label-add');
    labels[k] = v;
  }
  for (const k of list(flags, 'label-rm')) delete labels[k];
  prune(annotations, 'labels');
  prune(next, 'annotations');

  const task = obj(next, 'task');
  const container = obj(task, 'container');
  const image = str(flags, 'image');
  if (image !== undefined) container.image = image;
  const args = str(flags, 'args');
  if (args !== undefined) {
    // The command is [COMMAND, ...ARGS] here (there is no image entrypoint): --args replaces the ARGS.
    const command = arr<string>(container, 'command');
    if (command.length === 0)
      throw new UsageError('--args needs a service with a command; this one has none');
    container.command = [command[0]!, ...splitArgs(args)];
    delete container.args;
  }

  const rmEnv = new Set(list(flags, 'env-rm'));
  const addEnv = [...list(flags, 'env-add'), ...list(flags, 'env')].map((e) => parseEnv(e, 'env-add', env));
  if (rmEnv.size > 0 || addEnv.length > 0) {
    const addKeys = new Set(addEnv.map(envKey));
    container.env = [
      ...arr<string>(container, 'env').filter((e) => !rmEnv.has(envKey(e)) && !addKeys.has(envKey(e))),
      ...addEnv,
    ];
    prune(container, 'env');
  }

  const rmSecrets = new Set(list(flags, 'secret-rm'));
  const addSecrets = [...list(flags, 'secret-add'), ...list(flags, 'secret')].map((s) =>
    parseSecretRef(s, 'secret-add'),
  );
  if (rmSecrets.size > 0 || addSecrets.length > 0) {
    const addTargets = new Set(addSecrets.map((s) => s.target));
    container.secrets = [
      ...arr<Json>(container, 'secrets').filter(
        (s) =>
          !rmSecrets.has(String(s.secretName)) &&
          !rmSecrets.has(String(s.target)) &&
          !addTargets.has(s.target),
      ),
      ...addSecrets,
    ];
    prune(container, 'secrets');
  }
  const rmConfigs = new Set(list(flags, 'config-rm'));
  const addConfigs = [...list(flags, 'config-add'), ...list(flags, 'config')].map((c) =>
    parseConfigRef(c, 'config-add'),
  );
  if (rmConfigs.size > 0 || addConfigs.length > 0) {
    const addTargets = new Set(addConfigs.map((c) => c.target));
    container.configs = [
      ...arr<Json>(container, 'configs').filter(
        (c) =>
          !rmConfigs.has(String(c.configName)) &&
          !rmConfigs.has(String(c.configId)) &&
          !addTargets.has(c.target),
      ),
      ...addConfigs,
    ];
    prune(container, 'configs');
  }
  setContainerScalars(container, flags);
  setHealth(container, flags);

  const rmConstraints = new Set(list(flags, 'constraint-rm'));
  const addConstraints = [...list(flags, 'constraint-add'), ...list(flags, 'constraint')].map((c) =>
    checkConstraint(c, 'constraint-add'),
  );
  if (rmConstraints.size > 0 || addConstraints.length > 0) {
    const placement = obj(task, 'placement');
    const kept = arr<string>(placement, 'constraints').filter((c) => !rmConstraints.has(c));
    placement.constraints = [...kept, ...addConstraints.filter((c) => !kept.includes(c))];
    prune(placement, 'constraints');
  }
  const rmPrefs = new Set(
    list(flags, 'placement-pref-rm').map(
      (p) => (parsePref(p, 'placement-pref-rm').spread as Json).spreadDescriptor,
    ),
  );
  const addPrefs = [...list(flags, 'placement-pref-add'), ...list(flags, 'placement-pref')].map((p) =>
    parsePref(p, 'placement-pref-add'),
  );
  if (rmPrefs.size > 0 || addPrefs.length > 0) {
    const placement = obj(task, 'placement');
    placement.preferences = [
      ...arr<Json>(placement, 'preferences').filter(
        (p) => !rmPrefs.has((p.spread as Json | undefined)?.spreadDescriptor),
      ),
      ...addPrefs,
    ];
    prune(placement, 'preferences');
  }
  setMaxPerNode(task, flags);
  if (task.placement !== undefined) prune(task, 'placement');

  setResources(task, flags);
  setRestart(task, flags);
  setReplicas(next, flags);
  setUpdateConfig(next, 'update', flags);
  setUpdateConfig(next, 'rollback', flags);

  const rmPorts = list(flags, 'publish-rm').map((p) => parsePublish(p, 'publish-rm'));
  const addPorts = [...list(flags, 'publish-add'), ...list(flags, 'publish')].map((p) =>
    parsePublish(p, 'publish-add'),
  );
  if (rmPorts.length > 0 || addPorts.length > 0) {
    const endpoint = obj(next, 'endpoint');
    endpoint.ports = [
      ...arr<Json>(endpoint, 'ports').filter(
        (p) =>
          !rmPorts.some((r) => samePort(p, r)) &&
          !addPorts.some((a) => samePort(p, { ...a, publishedPort: undefined })),
      ),
      ...addPorts,
    ];
    prune(endpoint, 'ports');
    prune(next, 'endpoint');
  }

  // Stored attachments name the network by ID: `networkId` maps a name (or ID prefix) to it.
  const rmNetworks = new Set(list(flags, 'network-rm').map(networkId));
  const addNetworks = list(flags, 'network-add').map((n) => {
    const a = parseNetwork(n, 'network-add');
    return { ...a, target: networkId(String(a.target)) };
  });
  if (rmNetworks.size > 0 || addNetworks.length > 0) {
    task.networks = [
      ...arr<Json>(task, 'networks').filter(
        (n) => !rmNetworks.has(String(n.target)) && !addNetworks.some((a) => a.target === n.target),
      ),
      ...addNetworks,
    ];
    prune(task, 'networks');
  }
  const resolution = endpointMode(flags);
  if (resolution !== undefined) obj(next, 'endpoint').mode = resolution;

  if (flags.force === true) {
    // Any change of forceUpdate makes the orchestrator replace every task, even with an equal spec.
    task.forceUpdate = String(Number(task.forceUpdate ?? 0) + 1);
  }
  return next;
}
