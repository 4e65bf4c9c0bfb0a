// A private npm registry for the checks: Verdaccio on 127.0.4.1 with no uplink (so @swarm/* can
// only come from what this run published: never from the public scope, which is someone else's),
// holding every package under packages/*, packed by pnpm and published by scripts/release.mjs under
// a snapshot version. Third-party dependencies come from the machine's usual npm registry, exactly
// as for a consumer whose .npmrc maps only the @swarm scope.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packAll, publishAll, snapshotTarballs } from '../../scripts/release.mjs';
import { root } from './workspace.js';

export const REGISTRY_HOST = '127.0.4.1';

export interface RegistryInfo {
  /** `http://127.0.4.1:PORT/` */
  url: string;
  /** The snapshot version every package was published under (`0.0.0-ci.<stamp>`). */
  versions: Record<string, string>;
  /** Tarballs as pnpm packed them (workspace versions), by package name. */
  tarballs: Record<string, string>;
  /** Where scratch directories of this run go (removed at the end). */
  scratch: string;
  /** Milliseconds spent packing, starting Verdaccio, publishing. */
  timings: { packMs: number; startMs: number; publishMs: number };
}

interface Running {
  info: RegistryInfo;
  child: ChildProcess;
  users: number;
}

const KEY = Symbol.for('swarm.packaging.registry');
const PACKS = Symbol.for('swarm.packaging.tarballs');
type Holder = { [KEY]?: Promise<Running>; [PACKS]?: Promise<Packs> };

interface Packs {
  scratch: string;
  tarballs: Record<string, string>;
  packMs: number;
  users: number;
}

/** Packs every package once per test run (shared by the registry and the examples). */
export async function acquireTarballs(): Promise<Packs> {
  const holder = globalThis as Holder;
  holder[PACKS] ??= (async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'swarm-packaging-'));
    const t0 = Date.now();
    const tarballs = packAll(join(scratch, 'packs')) as Record<string, string>;
    return { scratch, tarballs, packMs: Date.now() - t0, users: 0 };
  })();
  const packs = await holder[PACKS];
  packs.users++;
  return packs;
}

/** The last user removes the tarballs and every scratch directory of the run. */
export async function releaseTarballs(): Promise<void> {
  const holder = globalThis as Holder;
  const p = holder[PACKS];
  if (p === undefined) return;
  const packs = await p;
  if (--packs.users > 0) return;
  delete holder[PACKS];
  rmSync(packs.scratch, { recursive: true, force: true });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, REGISTRY_HOST, () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForPing(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited (${child.exitCode}):\n${log()}`);
    try {
      const r = await fetch(`${url}-/ping`);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`verdaccio did not answer at ${url} within 60 s:\n${log()}`);
}

async function start(): Promise<Running> {
  const { scratch, tarballs, packMs } = await acquireTarballs();
  const stamp = `ci.${Date.now()}`;
  const published = snapshotTarballs(tarballs, stamp, join(scratch, 'snapshot')) as Record<string, string>;

  const t1 = Date.now();
  const port = await freePort();
  const url = `http://${REGISTRY_HOST}:${port}/`;
  const storage = join(scratch, 'verdaccio');
  mkdirSync(storage, { recursive: true });
  const config = join(storage, 'config.yaml');
  writeFileSync(
    config,
    [
      `storage: ${join(storage, 'storage')}`,
      'auth:',
      '  htpasswd:',
      `    file: ${join(storage, 'htpasswd')}`,
      '    max_users: 10',
      'uplinks: {}',
      'packages:',
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  let output = '';
  const child = spawn(
    process.execPath,
    [
      join(root, 'node_modules/verdaccio/bin/verdaccio'),
      '--config',
      config,
      '--listen',
      `${REGISTRY_HOST}:${port}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } },
  );
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  try {
    await waitForPing(url, child, () => output);
    const startMs = Date.now() - t1;

    const t2 = Date.now();
    const res = await fetch(`${url}-/user/org.couchdb.user:ci`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ci', password: `ci-${stamp}`, email: 'ci@example.invalid' }),
    });
    const { token } = (await res.json()) as { token?: string };
    if (!res.ok || !token) throw new Error(`verdaccio refused the CI user: HTTP ${res.status}`);
    const npmrc = join(storage, 'publish.npmrc');
    writeFileSync(npmrc, `//${REGISTRY_HOST}:${port}/:_authToken=${token}\n`);
    await publishAll(published, { registry: url, env: { ...npmEnv(), npm_config_userconfig: npmrc } });
    const versions: Record<string, string> = {};
    for (const [name, file] of Object.entries(published)) {
      const m = /-(\d+\.\d+\.\d+-ci\.\d+)\.tgz$/.exec(file);
      versions[name] = m?.[1] ?? '';
    }
    return {
      child,
      users: 0,
      info: { url, versions, tarballs, scratch, timings: { packMs, startMs, publishMs: Date.now() - t2 } },
    };
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
}

/** Starts the registry once per test run (shared by every project that asks) and counts users. */
export async function acquireRegistry(): Promise<RegistryInfo> {
  const holder = globalThis as Holder;
  holder[KEY] ??= start();
  const running = await holder[KEY];
  running.users++;
  return running.info;
}

/** The last user stops Verdaccio and removes the scratch directories. */
export async function releaseRegistry(): Promise<void> {
  const holder = globalThis as Holder;
  const p = holder[KEY];
  if (p === undefined) return;
  const running = await p;
  if (--running.users > 0) return;
  delete holder[KEY];
  await new Promise<void>((resolve) => {
    if (running.child.exitCode !== null) return resolve();
    running.child.once('exit', () => resolve());
    running.child.kill('SIGTERM');
    setTimeout(() => running.child.kill('SIGKILL'), 5_000).unref();
  });
  await releaseTarballs();
}

/** Environment for npm in a consumer directory: the usual registry, a private cache-friendly setup. */
export function npmEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  // Settings that npm scripts of the test run leak into children would change npm's behaviour.
  for (const k of Object.keys(env)) if (k.startsWith('npm_') || k === 'NODE_OPTIONS') delete env[k];
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  return env;
}
