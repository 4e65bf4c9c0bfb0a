// `pnpm bench raft`: the example's three members (LevelDB, fsync on) against a three-member etcd
// cluster from Debian's etcd-server, both on 127.0.0.1, driven by the same HTTP load generator:
// 256-byte values, 1 and 64 concurrent clients, each client writing one key after another to the
// leader. etcd is reached through its HTTP/JSON gateway (/v3/kv/put, base64 keys and values), so
// no gRPC client is needed. Prints one JSON line; its last field holds the 64-client comparison.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Cluster } from '../src/cluster.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    'warmup-seconds': { type: 'string', default: '2' },
    'base-port': { type: 'string', default: '34000' },
  },
});
const DURATION_MS = Number(args.seconds) * 1000;
const WARMUP_MS = Number(args['warmup-seconds']) * 1000;
const BASE_PORT = Number(args['base-port']);
const VALUE = 'v'.repeat(256);
const CONCURRENCY = [1, 64];

interface Target {
  endpoint: string;
  method: string;
  path(key: string): string;
  body(key: string, seq: number, client: number): string;
}

interface Measured {
  writes_per_s: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function post(
  agent: http.Agent,
  endpoint: string,
  method: string,
  path: string,
  body: string,
): Promise<number> {
  const at = endpoint.lastIndexOf(':');
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: endpoint.slice(0, at),
        port: Number(endpoint.slice(at + 1)),
        method,
        path,
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The load generator: `clients` workers writing back to back for the duration, after a warm-up. */
async function drive(target: Target, clients: number): Promise<Measured> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let errors = 0;
  let measuring = false;
  let stop = false;
  const workers = Array.from({ length: clients }, async (_, c) => {
    for (let seq = 1; !stop; seq += 1) {
      const key = `bench-${c}-${seq % 1000}`;
      const t0 = performance.now();
      const status = await post(
        agent,
        target.endpoint,
        target.method,
        target.path(key),
        target.body(key, seq, c),
      ).catch(() => 0);
      const dt = performance.now() - t0;
      if (status !== 200) errors += 1;
      else if (measuring) latencies.push(dt);
    }
  });
  await sleep(WARMUP_MS);
  measuring = true;
  const t0 = performance.now();
  await sleep(DURATION_MS);
  measuring = false;
  const elapsed = performance.now() - t0;
  stop = true;
  await Promise.all(workers);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const quantile = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return {
    writes_per_s: Math.round((latencies.length * 1000) / elapsed),
    p50_ms: round(quantile(0.5)),
    p99_ms: round(quantile(0.99)),
    errors,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

async function benchOurs(dir: string): Promise<Map<number, Measured>> {
  const cluster = new Cluster({ dir: join(dir, 'ours'), basePort: BASE_PORT });
  try {
    await cluster.bootstrap(3);
    const leader = await cluster.waitForLeader();
    const endpoint = cluster.httpAddress(leader.id);
    const out = new Map<number, Measured>();
    for (const clients of CONCURRENCY) {
      out.set(
        clients,
        await drive(
          {
            endpoint,
            method: 'PUT',
            path: (key) => `/kv/${key}`,
            // Each write carries a client ID and sequence number, as the example's clients send.
            body: (_key, seq, client) =>
              JSON.stringify({ value: VALUE, client: `bench-${clients}-${client}`, seq }),
          },
          clients,
        ),
      );
      const after = await cluster.waitForLeader();
      if (after.id !== leader.id)
        throw new Error(`leadership moved from ${leader.id} to ${after.id} during the run`);
    }
    return out;
  } finally {
    await cluster.destroy();
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

async function benchEtcd(dir: string): Promise<{ results: Map<number, Measured>; version: string }> {
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
    const results = new Map<number, Measured>();
    for (const clients of CONCURRENCY) {
      results.set(
        clients,
        await drive(
          {
            endpoint: leaderEndpoint,
            method: 'POST',
            path: () => '/v3/kv/put',
            body: (key) => `{"key":"${b64(key)}","value":"${value64}"}`,
          },
          clients,
        ),
      );
    }
    return { results, version };
  } finally {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  }
}

const dir = mkdtempSync(join(tmpdir(), 'raft-kv-bench-'));
try {
  const ours = await benchOurs(dir);
  const { results: etcd, version } = await benchEtcd(dir);
  const compare = (clients: number) => {
    const o = ours.get(clients) as Measured;
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
      etcd: version,
      clients_1: compare(1),
      clients_64: compare(64),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
