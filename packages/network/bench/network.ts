// `pnpm bench network`: requests through a service VIP between two node processes on loopback
// (client → VIP balancer on node A → mutual-TLS relay → node B → task) against the same requests
// straight to the task. Each request is a 128-octet message echoed back by the task. Two kinds of
// load: `keepalive` (16 connections, each sending its next request when the answer arrives) and
// `connect` (a new connection per request: the relay's TLS handshake is on the path each time).
// Prints one JSON line.
import { fork } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { ManualClock } from '@swarm/api';
import { DenyList } from '@swarm/ca';
import { createTestCA } from '@swarm/ca/testing';
import { RelayClient, RelayServer, VipBalancer } from '../src/node.js';

const NODE_B = '127.0.10.52';
const TASK = '127.0.10.53';
const VIP = '127.0.10.50';
const SIZE = 128;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = 16;

interface Identity {
  nodeId: string;
  keyPem: string;
  chainPem: string;
}
interface Setup {
  rootsPem: string;
  clusterId: string;
  a: Identity;
  b: Identity;
}

function trust(s: Setup, me: Identity) {
  return {
    material: () => ({ keyPem: me.keyPem, chainPem: me.chainPem, rootsPem: s.rootsPem }),
    clusterId: s.clusterId,
    denyList: new DenyList(),
  };
}

/** Node B: the task (an echo server) and the relay that may reach it. */
async function nodeB(s: Setup): Promise<Record<string, number>> {
  const task = net.createServer((c) => {
    c.setNoDelay(true);
    c.pipe(c);
    c.on('error', () => c.destroy());
  });
  await new Promise<void>((resolve) => task.listen(0, TASK, resolve));
  const taskPort = (task.address() as net.AddressInfo).port;
  const relay = new RelayServer({
    ...trust(s, s.b),
    allowTarget: (t) => t.address === TASK && t.port === taskPort,
  });
  const { port } = await relay.listen(NODE_B, 0);
  return { taskPort, relayPort: port };
}

/** Node A: the VIP balancer whose only backend is the task on node B. */
async function nodeA(s: Setup, ports: Record<string, number>): Promise<Record<string, number>> {
  const relay = new RelayClient({
    ...trust(s, s.a),
    nodeAddress: () => ({ host: NODE_B, port: ports.relayPort! }),
  });
  const balancer = new VipBalancer({ nodeId: s.a.nodeId, relay });
  await balancer.update([
    {
      serviceId: 'db',
      vip: VIP,
      ports: [ports.taskPort!],
      backends: [{ taskId: 'db.1', nodeId: s.b.nodeId, address: TASK }],
    },
  ]);
  const st = balancer.status()[0];
  if (!st?.listening) throw new Error(`VIP not listening: ${st?.error}`);
  return {};
}

function connect(host: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const c = net.connect({ host, port });
    c.setNoDelay(true);
    c.once('connect', () => resolve(c));
    c.once('error', reject);
  });
}

/** One request on `c`: write SIZE octets, wait for SIZE octets back. Returns the latency in ms. */
function request(c: net.Socket, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    let got = 0;
    const onData = (d: Buffer) => {
      got += d.length;
      if (got < SIZE) return;
      c.off('data', onData);
      c.off('error', reject);
      resolve(Number(process.hrtime.bigint() - t0) / 1e6);
    };
    c.on('data', onData);
    c.once('error', reject);
    c.write(body);
  });
}

function summary(latencies: number[], elapsedMs: number) {
  latencies.sort((x, y) => x - y);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    requestsPerSecond: Math.round((latencies.length / elapsedMs) * 1000),
    p50Ms: Number(p(0.5).toFixed(3)),
    p99Ms: Number(p(0.99).toFixed(3)),
    requests: latencies.length,
  };
}

async function keepalive(host: string, port: number) {
  const body = Buffer.alloc(SIZE, 0x61);
  const conns = await Promise.all(Array.from({ length: CONNECTIONS }, () => connect(host, port)));
  const latencies: number[] = [];
  const t0 = Date.now();
  const end = t0 + SECONDS * 1000;
  await Promise.all(
    conns.map(async (c) => {
      while (Date.now() < end) latencies.push(await request(c, body));
    }),
  );
  const elapsed = Date.now() - t0;
  for (const c of conns) c.destroy();
  return summary(latencies, elapsed);
}

async function perConnection(host: string, port: number) {
  const body = Buffer.alloc(SIZE, 0x62);
  const latencies: number[] = [];
  const t0 = Date.now();
  const end = t0 + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (Date.now() < end) {
        const s = process.hrtime.bigint();
        const c = await connect(host, port);
        await request(c, body);
        c.destroy();
        latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
    }),
  );
  return summary(latencies, Date.now() - t0);
}

function child(
  role: 'a' | 'b',
  setup: Setup,
  ports: Record<string, number>,
): Promise<{ ports: Record<string, number>; kill: () => void }> {
  const p = fork(fileURLToPath(import.meta.url), [role], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    p.once('message', (m) => resolve({ ports: m as Record<string, number>, kill: () => p.kill() }));
    p.once('error', reject);
    p.once('exit', (code) => reject(new Error(`node ${role} exited with ${code}`)));
    p.send({ setup, ports });
  });
}

async function main(): Promise<void> {
  const ca = await createTestCA({ clock: new ManualClock(Date.now()) });
  const a = await ca.issueNode({ role: 'worker' });
  const b = await ca.issueNode({ role: 'worker' });
  const setup: Setup = {
    rootsPem: ca.ca.rootsPem,
    clusterId: ca.clusterId,
    a: { nodeId: a.nodeId, keyPem: a.keyPem, chainPem: a.chainPem },
    b: { nodeId: b.nodeId, keyPem: b.keyPem, chainPem: b.chainPem },
  };
  const nb = await child('b', setup, {});
  const na = await child('a', setup, nb.ports);
  try {
    const port = nb.ports.taskPort!;
    // Warm up both paths, then measure them alternately (a loaded machine drifts).
    await keepalive(TASK, port);
    await keepalive(VIP, port);
    const direct = await keepalive(TASK, port);
    const vip = await keepalive(VIP, port);
    const directConnect = await perConnection(TASK, port);
    const vipConnect = await perConnection(VIP, port);
    console.log(
      JSON.stringify({
        bench: 'network',
        path: 'client -> VIP (node A) -> mTLS relay -> node B -> task, two node processes on loopback',
        messageBytes: SIZE,
        secondsPerRun: SECONDS,
        keepalive: {
          connections: CONNECTIONS,
          direct,
          vip,
          ratio: Number((vip.requestsPerSecond / direct.requestsPerSecond).toFixed(3)),
          p99Ratio: Number((vip.p99Ms / direct.p99Ms).toFixed(2)),
        },
        connectionPerRequest: {
          concurrency: 4,
          direct: directConnect,
          vip: vipConnect,
          ratio: Number((vipConnect.requestsPerSecond / directConnect.requestsPerSecond).toFixed(3)),
          p99Ratio: Number((vipConnect.p99Ms / directConnect.p99Ms).toFixed(2)),
        },
      }),
    );
  } finally {
    na.kill();
    nb.kill();
  }
}

const role = process.argv[2];
if (role === 'a' || role === 'b') {
  process.once('message', async (m: { setup: Setup; ports: Record<string, number> }) => {
    const ports = role === 'b' ? await nodeB(m.setup) : await nodeA(m.setup, m.ports);
    process.send?.(ports);
    process.on('disconnect', () => process.exit(0));
  });
} else {
  await main();
}
