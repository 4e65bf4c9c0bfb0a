import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RelayClient, RelayServer, VipBalancer } from '../src/node.js';
import { ask, cluster, dial, task, trust } from './helpers.js';

// Run inside a private network namespace: unshare -n sh -c 'ip link set lo up && ...' (as root:
// tcpdump captures on the namespace's loopback).
const VIP = '127.0.10.40';
const NODE_B = '127.0.10.42';
const TASK_B = '127.0.10.43';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/**
 * tcpdump on lo for `filter`, writing every octet of every packet to a pcap file. `stop(sentinel)`
 * first waits until the sentinel (sent in clear after the traffic of interest, on a port the filter
 * matches) is in the file: tcpdump writes packets in order, so everything before it is there too.
 */
async function capture(
  filter: string,
): Promise<{ file: string; stop: (sentinel: string) => Promise<Buffer> }> {
  const dir = mkdtempSync(join(tmpdir(), 'net-capture-'));
  const file = join(dir, 'lo.pcap');
  const p: ChildProcess = spawn(
    'tcpdump',
    ['-i', 'lo', '-s', '0', '-U', '-n', '-Z', 'root', '-w', file, filter],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let err = '';
    p.stderr!.on('data', (d) => {
      err += d;
      if (err.includes('listening on')) resolve();
    });
    p.once('exit', (code) => reject(new Error(`tcpdump exited with ${code}: ${err}`)));
  });
  return {
    file,
    stop: async (sentinel: string) => {
      await poll(() => existsSync(file) && readFileSync(file).includes(sentinel), 20_000);
      const exited = new Promise((resolve) => p.once('exit', resolve));
      p.kill('SIGINT');
      await exited;
      const bytes = readFileSync(file);
      rmSync(dir, { recursive: true, force: true });
      return bytes;
    },
  };
}

async function poll(ok: () => boolean, budgetMs: number): Promise<void> {
  const end = Date.now() + budgetMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error('the capture never saw the sentinel');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sends `text` in clear to host:port on a plain TCP connection (the peer may reject it). */
async function sendClear(host: string, port: number, text: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const s = net.connect({ host, port }, () => s.end(text));
    s.on('error', () => resolve());
    s.on('close', () => resolve());
  });
}

describe('a capture of the traffic between two nodes', () => {
  it('shows the request body in clear on a direct connection, and never on the relay between nodes', async () => {
    const { ca, nodes } = await cluster(2);
    const [a, b] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
    const t = await task(TASK_B, 'db.1');
    cleanup.push(t.close);
    const server = new RelayServer({
      ...trust(ca, b),
      allowTarget: (x) => x.address === TASK_B && x.port === t.port,
    });
    const relayPort = (await server.listen(NODE_B, 0)).port;
    cleanup.push(() => server.close());
    const relay = new RelayClient({
      ...trust(ca, a),
      nodeAddress: () => ({ host: NODE_B, port: relayPort }),
    });
    const balancer = new VipBalancer({ nodeId: a.nodeId, relay });
    cleanup.push(() => balancer.close());
    await balancer.update([
      {
        serviceId: 'db',
        vip: VIP,
        ports: [t.port],
        backends: [{ taskId: 'db.1', nodeId: b.nodeId, address: TASK_B }],
      },
    ]);

    // The control: the capture does see a known body on a plain connection.
    const plainBody = `PLAIN-${randomBytes(12).toString('hex')}`;
    const direct = await capture(`tcp port ${t.port} and host ${TASK_B}`);
    const s1 = await dial(TASK_B, t.port);
    expect(await ask(s1, plainBody)).toBe(`db.1:${plainBody}`);
    s1.destroy();
    const plainPcap = await direct.stop(plainBody);
    expect(plainPcap.includes(plainBody)).toBe(true);

    // Through the VIP: the body crosses between the nodes only on the relay port.
    const body = `SECRET-${randomBytes(12).toString('hex')}`;
    const between = await capture(`tcp port ${relayPort}`);
    const s2 = await dial(VIP, t.port);
    expect(await ask(s2, body)).toBe(`db.1:${body}`);
    s2.destroy();
    const sentinel = `SENTINEL-${randomBytes(8).toString('hex')}`;
    await sendClear(NODE_B, relayPort, sentinel);
    const relayPcap = await between.stop(sentinel);
    // Packets were captured (handshake and records), and none carries the body or the answer.
    expect(relayPcap.length).toBeGreaterThan(2_000);
    expect(relayPcap.includes(body)).toBe(false);
    expect(relayPcap.includes(`db.1:${body}`)).toBe(false);
    expect(relayPcap.includes(Buffer.from(body).subarray(0, 12))).toBe(false);
  });
});
