// `pnpm bench raft`: the example's three members (fsync on; the write-ahead log by default,
// `--storage level` for LevelDB, `--storage wal,level` for several clusters side by side, `both`
// for that pair) against a three-member etcd
// cluster from Debian's etcd-server, both on 127.0.0.1, driven by the same HTTP load generator:
// 256-byte values, 1 and 64 concurrent clients, each client writing one key after another to the
// leader. etcd is reached through its HTTP/JSON gateway (/v3/kv/put, base64 keys and values), so
// no gRPC client is needed. Prints one JSON line; its last field holds the 64-client comparison.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Cluster } from '../src/cluster.js';
import { STORAGE_KINDS, type StorageKind } from '../src/member.js';
import { driveSample, type Measured, round, type Sample, sleep, summarize, type Target } from './load.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    // Before the first round of each load, each system serves this long unmeasured. Our members
    // run on V8, which optimizes hot code over the first thousands of calls: at one client the
    // leader's own handling of a write had a p99 of 5.6 ms over its first 2,000 writes, 3.9 ms over
    // the next 2,000, 1.3-2.4 ms from about the 6,000th on (etcd, compiled ahead of time, has no
    // such phase). 8 s is about 7,000 writes at one client; the goal is the steady state.
    'warmup-seconds': { type: 'string', default: '8' },
    'base-port': { type: 'string', default: '34000' },
    rounds: { type: 'string', default: '3' },
    storage: { type: 'string', default: 'wal' },
    // Node.js flags for our member processes, space-separated (for example a V8 heap setting).
    'node-args': { type: 'string', default: '' },
  },
});
const NODE_ARGS = (args['node-args'] ?? '').split(' ').filter((a) => a.length > 0);
/** Our clusters: the first is the one compared in `clients_1`/`clients_64`, the others are extra fields. */
const STORAGES = (args.storage === 'both' ? 'wal,level' : (args.storage ?? 'wal')).split(
  ',',
) as StorageKind[];
if (STORAGES.some((s) => !STORAGE_KINDS.includes(s)) || new Set(STORAGES).size !== STORAGES.length) {
  console.error(
    `--storage must be distinct names from ${STORAGE_KINDS.join(', ')} (or both), got ${JSON.stringify(args.storage)}`,
  );
  process.exit(2);
}
const DURATION_MS = Number(args.seconds) * 1000;
const WARMUP_MS = Number(args['warmup-seconds']) * 1000;
const BASE_PORT = Number(args['base-port']);
const VALUE = 'v'.repeat(256);
const CONCURRENCY = [1, 64];
const ROUNDS = Number(args.rounds);
/** Entries between snapshots, for both: etcd 3.4's default `--snapshot-count`. */
const SNAPSHOT_COUNT = 100_000;

/** A cluster under test: where to send writes, a check after each load, and how to stop it. */
interface System {
  /** Writes for a load of `clients` in round `round` (client IDs differ per round). */
  target(clients: number, round: number): Target;
  check(): Promise<void>;
  stop(): Promise<void>;
}

async function startOurs(dir: string, storage: StorageKind, basePort: number): Promise<System> {
  const cluster = new Cluster({
    dir: join(dir, `ours-${storage}`),
    basePort,
    snapshotInterval: SNAPSHOT_COUNT,
    storage,
    nodeArgs: NODE_ARGS,
  });
  try {
    await cluster.bootstrap(3);
    const leader = await cluster.waitForLeader();
    const endpoint = cluster.httpAddress(leader.id);
    return {
      target: (clients, round) => ({
        endpoint,
        method: 'PUT',
        path: (key) => `/kv/${key}`,
        // Each write carries a client ID and sequence number, as the example's clients send.
        body: (_key, seq, client) =>
          JSON.stringify({ value: VALUE, client: `bench-${clients}-${round}-${client}`, seq }),
      }),
      async check() {
        const after = await cluster.waitForLeader();
        if (after.id !== leader.id)
          throw new Error(`leadership moved from ${leader.id} to ${after.id} during the run`);
      },
      stop: () => cluster.destroy(),
    };
  } catch (err) {
    await cluster.destroy();
    throw err;
  }
}

function etcdBinary(): string {
  const find = () => ['/usr/bin/etcd', '/usr/local/bin/etcd'].find((p) => existsSync(p));
  let found = find();
  if (!found) {
    console.error('etcd not found: installing Debian etcd-server with apt-get');
    execFileSync(
      'sh',
      ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq etcd-server'],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    found = find();
  }
  if (!found) throw new Error('etcd-server did not install /usr/bin/etcd');
  return found;
}

async function etcdStatus(endpoint: string): Promise<{ member: string; leader: string } | undefined> {
  try {
    const res = await fetch(`http://${endpoint}/v3/maintenance/status`, {
      method: 'POST',
      body: '{}',
      signal: AbortSignal.timeout(1000),
    });
    if (!res.ok) return undefined;
    const body = (await res.json()) as { header?: { member_id?: string }; leader?: string };
    if (!body.header?.member_id || !body.leader || body.leader === '0') return undefined;
    return { member: body.header.member_id, leader: body.leader };
  } catch {
    return undefined;
  }
}

async function startEtcd(dir: string): Promise<System & { version: string }> {
  const etcd = etcdBinary();
  const version = execFileSync(etcd, ['--version']).toString().split('\n')[0]?.trim() ?? 'unknown';
  const names = ['e1', 'e2', 'e3'];
  const peer = (i: number) => `127.0.0.1:${BASE_PORT + 300 + i}`;
  const client = (i: number) => `127.0.0.1:${BASE_PORT + 400 + i}`;
  const cluster = names.map((n, i) => `${n}=http://${peer(i)}`).join(',');
  const children: ChildProcess[] = names.map((name, i) =>
    spawn(
      etcd,
      [
        '--name',
        name,
        '--data-dir',
        join(dir, 'etcd', name),
        '--listen-peer-urls',
        `http://${peer(i)}`,
        '--initial-advertise-peer-urls',
        `http://${peer(i)}`,
        '--listen-client-urls',
        `http://${client(i)}`,
        '--advertise-client-urls',
        `http://${client(i)}`,
        '--initial-cluster',
        cluster,
        '--initial-cluster-state',
        'new',
        '--initial-cluster-token',
        'raft-kv-bench',
        // The same timing as the example's members (tick 100 ms, election after 10 ticks).
        '--heartbeat-interval',
        '100',
        '--election-timeout',
        '1000',
        '--snapshot-count',
        String(SNAPSHOT_COUNT),
        '--log-level',
        'error',
      ],
      { stdio: ['ignore', openSync(join(dir, `${name}.log`), 'a'), openSync(join(dir, `${name}.log`), 'a')] },
    ),
  );
  try {
    let leaderEndpoint: string | undefined;
    const deadline = Date.now() + 30_000;
    while (!leaderEndpoint) {
      if (Date.now() > deadline) throw new Error('etcd elected no leader within 30 s');
      for (let i = 0; i < names.length; i += 1) {
        const status = await etcdStatus(client(i));
        if (status && status.member === status.leader) leaderEndpoint = client(i);
      }
      if (!leaderEndpoint) await sleep(200);
    }
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const value64 = b64(VALUE);
    const endpoint = leaderEndpoint;
    return {
      version,
      target: () => ({
        endpoint,
        method: 'POST',
        path: () => '/v3/kv/put',
        body: (key) => `{"key":"${b64(key)}","value":"${value64}"}`,
      }),
      check: async () => {},
      stop: () => stopAll(children),
    };
  } catch (err) {
    await stopAll(children);
    throw err;
  }
}

function stopAll(children: ChildProcess[]): Promise<void> {
  return Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  ).then(() => {});
}

const dir = mkdtempSync(join(tmpdir(), 'raft-kv-bench-'));
const systems: System[] = [];
try {
  // The clusters run side by side (the idle ones only heartbeat).
  const oursSystems: System[] = [];
  for (const [i, storage] of STORAGES.entries()) {
    const system = await startOurs(dir, storage, BASE_PORT + 500 * i);
    systems.push(system);
    oursSystems.push(system);
  }
  const etcdSystem = await startEtcd(dir);
  systems.push(etcdSystem);
  const { version } = etcdSystem;
  const ours = STORAGES.map(() => new Map<number, Measured>());
  const etcd = new Map<number, Measured>();
  // Each load alternates between them in short rounds, so that a change in the machine's
  // background load during the run falls on all alike.
  const all = [...oursSystems, etcdSystem];
  for (const clients of CONCURRENCY) {
    const samples: Sample[][] = all.map(() => []);
    for (let round = 0; round < ROUNDS; round += 1) {
      const timing = { warmupMs: round === 0 ? WARMUP_MS : 500, durationMs: DURATION_MS / ROUNDS };
      // Who goes first rotates from round to round: the one that follows another's load inherits
      // its aftermath (etcd's backend commits, the page cache's writeback).
      for (let k = 0; k < all.length; k += 1) {
        const i = (k + round) % all.length;
        const system = all[i] as System;
        samples[i]?.push(await driveSample(system.target(clients, round), clients, timing));
        await system.check();
      }
    }
    for (const [i, m] of ours.entries()) m.set(clients, summarize(samples[i] as Sample[]));
    etcd.set(clients, summarize(samples[all.length - 1] as Sample[]));
  }
  const compare = (clients: number, which = 0) => {
    const o = ours[which]?.get(clients) as Measured;
    const e = etcd.get(clients) as Measured;
    return {
      clients,
      ours_writes_per_s: o.writes_per_s,
      etcd_writes_per_s: e.writes_per_s,
      ratio: round(o.writes_per_s / e.writes_per_s),
      ours_p50_ms: o.p50_ms,
      etcd_p50_ms: e.p50_ms,
      ours_p99_ms: o.p99_ms,
      etcd_p99_ms: e.p99_ms,
      p50_ratio: round(o.p50_ms / e.p50_ms),
      p99_ratio: round(o.p99_ms / e.p99_ms),
      ours_errors: o.errors,
      etcd_errors: e.errors,
    };
  };
  console.log(
    JSON.stringify({
      bench: 'raft-kv-vs-etcd',
      members: 3,
      fsync: true,
      value_bytes: VALUE.length,
      seconds: DURATION_MS / 1000,
      rounds: ROUNDS,
      storage: STORAGES[0],
      ...(NODE_ARGS.length > 0 ? { node_args: NODE_ARGS.join(' ') } : {}),
      etcd: version,
      clients_1: compare(1),
      clients_64: compare(64),
      ...Object.fromEntries(
        STORAGES.slice(1).map((s, i) => [
          s,
          { clients_1: compare(1, i + 1), clients_64: compare(64, i + 1) },
        ]),
      ),
    }),
  );
} finally {
  await Promise.all(systems.map((s) => s.stop()));
  rmSync(dir, { recursive: true, force: true });
}
