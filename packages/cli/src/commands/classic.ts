/**
 * Standalone Swarm 0.2 (`@swarm/classic`): `swarm manage`, `swarm join --discovery`, `swarm list`,
 * `swarm create` and `swarm token-service`. Only flags are read here; the work is the library's.
 */
import { readFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { jsonLogger, type LogLevel } from '@swarm/api';
import type { Command, Context } from '../command.js';
import { UsageError } from '../errors.js';
import { parseDuration } from '../units.js';

const DISCOVERY_URL = /^(file|nodes|etcd|token):\/\//;

/** Whether a `swarm join` asks for the standalone form: `--discovery URL`, or a discovery URL as its argument. */
export function isStandaloneJoin(ctx: Context): boolean {
  return (
    ctx.flags.str('discovery') !== undefined || (ctx.args.length === 1 && DISCOVERY_URL.test(ctx.args[0]!))
  );
}

export const DISCOVERY_FLAGS = [
  {
    name: 'discovery',
    kind: 'string' as const,
    value: 'url',
    help: 'Standalone swarm: the discovery URL, file:///path, nodes://HOST:PORT,..., etcd://HOST:PORT/PATH or token://TOKEN',
  },
  {
    name: 'token-service',
    kind: 'string' as const,
    value: 'url',
    help: 'Standalone swarm: the token service of token:// discovery, http(s)://HOST:PORT (env SWARM_TOKEN_SERVICE)',
  },
];

function discoveryUrl(ctx: Context): string {
  const flag = ctx.flags.str('discovery');
  const arg = ctx.args[0];
  if (flag !== undefined && arg !== undefined)
    throw new UsageError('give the discovery URL once: --discovery URL or as the argument');
  const url = flag ?? arg;
  if (url === undefined || url === '')
    throw new UsageError(
      `"swarm ${ctx.path}" needs a discovery URL: --discovery file:///path, nodes://HOST:PORT,..., etcd://HOST:PORT/PATH or token://TOKEN`,
    );
  return url;
}

async function discoveryOf(ctx: Context) {
  const { discovery } = await import('@swarm/classic');
  const tokenService = ctx.flags.str('token-service') ?? ctx.io.env.SWARM_TOKEN_SERVICE;
  return discovery(discoveryUrl(ctx), tokenService === undefined ? {} : { tokenService });
}

function logLevel(ctx: Context): LogLevel {
  const level = (ctx.flags.str('log-level') ?? 'info').toLowerCase();
  if (!['debug', 'info', 'warn', 'error'].includes(level))
    throw new UsageError(
      `invalid argument ${JSON.stringify(level)} for "--log-level" flag: expected debug, info, warn or error`,
    );
  return level as LogLevel;
}

/** Resolves at SIGINT or SIGTERM, keeping the process alive until then (the library's timers do not). */
function until(): Promise<void> {
  const keep = setInterval(() => {}, 2 ** 30);
  return new Promise<void>((resolve) => {
    const done = () => {
      clearInterval(keep);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}

function readPem(path: string | undefined, flag: string): string | undefined {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${flag} ${path}: ${(e as Error).message}`);
  }
}

/** `swarm join --discovery URL --advertise HOST:PORT`: registers the engine until stopped. */
export async function runStandaloneJoin(ctx: Context): Promise<number> {
  const advertise = ctx.flags.str('advertise') ?? ctx.flags.str('addr');
  if (advertise === undefined)
    throw new UsageError(
      'required flag "--advertise" not set: the HOST:PORT the manager reaches this engine at (its dockerd -H tcp://HOST:PORT)',
    );
  for (const f of ['token', 'listen-addr', 'advertise-addr', 'availability', 'image-policy'])
    if (ctx.flags.has(f))
      throw new UsageError(
        `"--${f}" is for swarm mode; the standalone join takes --discovery and --advertise`,
      );
  const heartbeat = ctx.flags.str('heartbeat');
  const ttl = ctx.flags.str('ttl');
  const { startJoin } = await import('@swarm/classic');
  const logger = jsonLogger({ level: logLevel(ctx) });
  const d = await discoveryOf(ctx);
  const j = await startJoin({
    discovery: d,
    advertise,
    logger,
    ...(heartbeat === undefined ? {} : { heartbeatMs: parseDuration(heartbeat, '--heartbeat') }),
    ...(ttl === undefined ? {} : { ttlMs: parseDuration(ttl, '--ttl') }),
  });
  ctx.out(`Registered ${j.addr} with ${d.shown}\n`);
  await until();
  j.stop();
  return 0;
}

/** `swarm manage`. */
export async function runManage(ctx: Context): Promise<number> {
  const classic = await import('@swarm/classic');
  const logger = jsonLogger({ level: logLevel(ctx), bindings: { component: 'manage' } });
  const strategy = classic.parseStrategy(ctx.flags.str('strategy') ?? 'spread');
  const filters = ctx.flags.list('filter');
  const refresh = ctx.flags.str('refresh');
  const overcommit = ctx.flags.str('overcommit');
  const oc = overcommit === undefined ? undefined : Number(overcommit);
  if (oc !== undefined && !(oc >= 0 && oc <= 10))
    throw new UsageError(
      `invalid argument ${JSON.stringify(overcommit)} for "--overcommit" flag: expected a ratio such as 0.05`,
    );
  const engineTls = {
    ca: readPem(ctx.flags.str('engine-tlscacert'), '--engine-tlscacert'),
    cert: readPem(ctx.flags.str('engine-tlscert'), '--engine-tlscert'),
    key: readPem(ctx.flags.str('engine-tlskey'), '--engine-tlskey'),
  };
  const someEngineTls = Object.values(engineTls).some((v) => v !== undefined);
  if (someEngineTls && Object.values(engineTls).some((v) => v === undefined))
    throw new UsageError('"--engine-tlscacert", "--engine-tlscert" and "--engine-tlskey" go together');
  const listenAddr = ctx.flags.str('host') ?? `unix://${joinPath(ctx.dataDir, 'manage.sock')}`;
  const tls = {
    ca: readPem(ctx.flags.str('tlscacert'), '--tlscacert'),
    cert: readPem(ctx.flags.str('tlscert'), '--tlscert'),
    key: readPem(ctx.flags.str('tlskey'), '--tlskey'),
  };
  const listen = classic.parseManageListen(
    listenAddr,
    Object.fromEntries(Object.entries(tls).filter(([, v]) => v !== undefined)),
  );
  const d = await discoveryOf(ctx);
  const client = new classic.DockerEngineClient(
    someEngineTls ? { tls: { ca: engineTls.ca!, cert: engineTls.cert!, key: engineTls.key! } } : {},
  );
  const pool = new classic.Pool({
    discovery: d,
    client,
    logger,
    ...(refresh === undefined ? {} : { refreshMs: parseDuration(refresh, '--refresh') }),
  });
  await pool.start();
  const server = await classic.serveManage({
    pool,
    client,
    strategy,
    logger,
    listen,
    ...(filters.length > 0 ? { filters: classic.parseFilters(filters) } : {}),
    ...(oc === undefined ? {} : { overcommit: oc }),
  });
  logger.info('swarm manage listening', {
    address: server.address,
    discovery: d.shown,
    strategy,
    engines: pool.engines().length,
  });
  ctx.out(
    `swarm manage: ${server.address} (${pool.engines().length} engines via ${d.shown}, strategy ${strategy})\n`,
  );
  await until();
  await server.close();
  await pool.stop();
  return 0;
}

/** `swarm list`: the engines discovery has now. */
export async function runList(ctx: Context): Promise<number> {
  const d = await discoveryOf(ctx);
  for (const a of await d.list()) ctx.out(`${a}\n`);
  return 0;
}

/** `swarm create`: a new cluster on the token service; prints its token. */
export async function runCreate(ctx: Context): Promise<number> {
  const { createCluster } = await import('@swarm/classic');
  const service = ctx.flags.str('token-service') ?? ctx.io.env.SWARM_TOKEN_SERVICE;
  if (service === undefined)
    throw new UsageError(
      '"swarm create" needs --token-service http(s)://HOST:PORT (env SWARM_TOKEN_SERVICE)',
    );
  ctx.out(`${await createCluster(service)}\n`);
  return 0;
}

/** `swarm token-service`: serves the token service until stopped. */
export async function runTokenService(ctx: Context): Promise<number> {
  const { serveTokenService } = await import('@swarm/classic');
  const listen = ctx.flags.str('listen') ?? '127.0.0.1:8000';
  const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(listen);
  if (m === null)
    throw new UsageError(
      `invalid argument ${JSON.stringify(listen)} for "--listen" flag: expected HOST:PORT`,
    );
  const cert = readPem(ctx.flags.str('tlscert'), '--tlscert');
  const key = readPem(ctx.flags.str('tlskey'), '--tlskey');
  if ((cert === undefined) !== (key === undefined))
    throw new UsageError('"--tlscert" and "--tlskey" go together');
  const logger = jsonLogger({ level: logLevel(ctx), bindings: { component: 'token-service' } });
  const server = await serveTokenService({
    host: m[1]!.replace(/^\[|\]$/g, ''),
    port: Number(m[2]),
    logger,
    ...(cert !== undefined && key !== undefined ? { tls: { cert, key } } : {}),
  });
  ctx.out(`swarm token-service: ${server.url}\n`);
  await until();
  await server.close();
  return 0;
}

const LOG_LEVEL = {
  name: 'log-level',
  short: 'l',
  kind: 'string' as const,
  value: 'string',
  help: 'Set the logging level ("debug", "info", "warn", "error") (default "info")',
};

/** The standalone-swarm commands other than join (which shares `swarm join`). */
export const classicCommands: Command[] = [
  {
    name: 'manage',
    usage: '[OPTIONS] [DISCOVERY_URL]',
    short: 'Standalone swarm: serve the Docker API over a pool of Docker engines (Swarm 0.2)',
    flags: [
      ...DISCOVERY_FLAGS,
      {
        name: 'strategy',
        kind: 'string' as const,
        value: 'string',
        help: 'Placement strategy: spread, binpack or random (default "spread")',
      },
      {
        name: 'filter',
        kind: 'list' as const,
        value: 'list',
        help: 'Filters to apply: health, constraint, affinity, port, dependency (default all)',
      },
      {
        name: 'refresh',
        kind: 'string' as const,
        value: 'duration',
        help: 'How often discovery and the engines are read (default 10s)',
      },
      {
        name: 'overcommit',
        kind: 'string' as const,
        value: 'ratio',
        help: 'How far beyond capacity engines may be reserved (default 0.05)',
      },
      {
        name: 'tlscacert',
        kind: 'string' as const,
        value: 'path',
        help: 'CA (PEM) that signed the clients of -H tcp://',
      },
      {
        name: 'tlscert',
        kind: 'string' as const,
        value: 'path',
        help: 'Server certificate (PEM) for -H tcp://',
      },
      { name: 'tlskey', kind: 'string' as const, value: 'path', help: 'Server key (PEM) for -H tcp://' },
      {
        name: 'engine-tlscacert',
        kind: 'string' as const,
        value: 'path',
        help: 'CA (PEM) of engines served with --tlsverify',
      },
      {
        name: 'engine-tlscert',
        kind: 'string' as const,
        value: 'path',
        help: 'Client certificate (PEM) for the engines',
      },
      {
        name: 'engine-tlskey',
        kind: 'string' as const,
        value: 'path',
        help: 'Client key (PEM) for the engines',
      },
      LOG_LEVEL,
    ],
    maxArgs: 1,
    run: runManage,
  },
  {
    name: 'list',
    usage: '[OPTIONS] [DISCOVERY_URL]',
    short: 'Standalone swarm: list the engines registered with discovery',
    flags: DISCOVERY_FLAGS,
    maxArgs: 1,
    run: runList,
  },
  {
    name: 'create',
    usage: '[OPTIONS]',
    short: 'Standalone swarm: create a cluster on the token service and print its token',
    flags: [DISCOVERY_FLAGS[1]!],
    maxArgs: 0,
    run: runCreate,
  },
  {
    name: 'token-service',
    usage: '[OPTIONS]',
    short: 'Standalone swarm: serve the token service of token:// discovery',
    flags: [
      {
        name: 'listen',
        kind: 'string' as const,
        value: 'addr',
        help: 'HOST:PORT to listen on (default "127.0.0.1:8000")',
      },
      {
        name: 'tlscert',
        kind: 'string' as const,
        value: 'path',
        help: 'Serve HTTPS with this certificate (PEM)',
      },
      { name: 'tlskey', kind: 'string' as const, value: 'path', help: 'Key (PEM) of --tlscert' },
      LOG_LEVEL,
    ],
    maxArgs: 0,
    run: runTokenService,
  },
];

/** The flags `swarm join` takes for its standalone form. */
export const STANDALONE_JOIN_FLAGS = [
  ...DISCOVERY_FLAGS,
  {
    name: 'advertise',
    kind: 'string' as const,
    value: 'addr',
    help: 'Standalone swarm: the engine address to register, HOST:PORT',
  },
  {
    name: 'addr',
    kind: 'string' as const,
    value: 'addr',
    help: 'Standalone swarm: same as --advertise (Swarm 0.2 spelling)',
  },
  {
    name: 'heartbeat',
    kind: 'string' as const,
    value: 'duration',
    help: 'Standalone swarm: registration period (default 20s)',
  },
  {
    name: 'ttl',
    kind: 'string' as const,
    value: 'duration',
    help: 'Standalone swarm: registration lifetime (default 3 heartbeats)',
  },
  LOG_LEVEL,
];
