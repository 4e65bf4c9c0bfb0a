import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RelayClient, RelayServer, VipBalancer } from '../src/node.js';
import { ask, cluster, dial, task, trust } from './helpers.js';

// Run inside a private network namespace: unshare -n sh -c 'ip link set lo up && ...'.
const NODE_B = '127.0.10.22';
const VIP = '127.0.10.20';
const TASK_A1 = '127.0.10.23';
const TASK_A2 = '127.0.10.24';
const TASK_B1 = '127.0.10.25';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function setup() {
  const { ca, nodes } = await cluster(2);
  const [a, b] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
  // The same port on every task (as containers of one service listen on one port).
  const a1 = await task(TASK_A1, 'a1');
  const port = a1.port;
  const a2 = await task(TASK_A2, 'a2', port);
  const b1 = await task(TASK_B1, 'b1', port);
  cleanup.push(a1.close, a2.close, b1.close);
  const relayB = new RelayServer({
    ...trust(ca, b),
    allowTarget: (t) => t.address === TASK_B1 && t.port === port,
  });
  const relayPort = (await relayB.listen(NODE_B, 0)).port;
  cleanup.push(() => relayB.close());
  const relay = new RelayClient({
    ...trust(ca, a),
    nodeAddress: (id) => (id === b.nodeId ? { host: NODE_B, port: relayPort } : undefined),
  });
  const balancer = new VipBalancer({ nodeId: a.nodeId, relay, connectTimeoutMs: 2_000 });
  cleanup.push(() => balancer.close());
  return { a, b, port, balancer, relayB };
}

describe('the VIP balancer', () => {
  it('spreads connections round robin over local tasks and a task on another node (through the relay)', async () => {
    const { a, b, port, balancer, relayB } = await setup();
    await balancer.update([
      {
        serviceId: 'db',
        vip: VIP,
        ports: [port],
        backends: [
          { taskId: 'a1', nodeId: a.nodeId, address: TASK_A1 },
          { taskId: 'a2', nodeId: a.nodeId, address: TASK_A2 },
          { taskId: 'b1', nodeId: b.nodeId, address: TASK_B1 },
        ],
      },
    ]);
    expect(balancer.status()).toEqual([
      { serviceId: 'db', endpoint: `${VIP}:${port}`, listening: true, backends: 3 },
    ]);
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      const s = await dial(VIP, port);
      seen.push((await ask(s, `q${i}`)).split(':')[0]!);
      s.destroy();
    }
    expect(seen.sort()).toEqual(['a1', 'a1', 'a2', 'a2', 'b1', 'b1']);
    expect(balancer.stats()).toEqual({ a1: 2, a2: 2, b1: 2 });
    expect(relayB.stats().joined).toBe(2);
  });

  it('skips a task that does not answer and keeps serving from the others', async () => {
    const { a, b, port, balancer } = await setup();
    await balancer.update([
      {
        serviceId: 'db',
        vip: VIP,
        ports: [port],
        backends: [
          { taskId: 'gone', nodeId: a.nodeId, address: '127.0.10.26' },
          { taskId: 'b1', nodeId: b.nodeId, address: TASK_B1 },
          { taskId: 'unknown-node', nodeId: 'nosuchnode', address: TASK_B1 },
        ],
      },
    ]);
    for (let i = 0; i < 3; i++) {
      const s = await dial(VIP, port);
      expect(await ask(s, 'x')).toBe('b1:x');
      s.destroy();
    }
  });

  it('closes a VIP listener when the service is gone and reports a VIP it cannot bind', async () => {
    const { a, port, balancer } = await setup();
    const svc = {
      serviceId: 'db',
      vip: VIP,
      ports: [port],
      backends: [{ taskId: 'a1', nodeId: a.nodeId, address: TASK_A1 }],
    };
    await balancer.update([svc]);
    await balancer.update([]);
    await expect(dial(VIP, port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    // 192.0.2.1 (TEST-NET-1) is no address of this namespace.
    await balancer.update([{ ...svc, vip: '192.0.2.1' }]);
    expect(balancer.status()[0]).toMatchObject({
      listening: false,
      error: expect.stringMatching(/cannot listen on 192.0.2.1/),
    });
  });
});

/** A task that answers once the request ended (as an HTTP/1.0 server reading a body to EOF). */
async function eofTask(
  host: string,
  name: string,
  port = 0,
): Promise<{ port: number; close: () => Promise<void> }> {
  const server = net.createServer({ allowHalfOpen: true }, (s) => {
    let got = '';
    s.setEncoding('utf8');
    s.on('data', (d: string) => {
      got += d;
    });
    s.on('end', () => setTimeout(() => s.end(`${name}:${got}`), 50));
    s.on('error', () => s.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Sends `text`, half-closes (as `nc` does at the end of its input), and reads to the end. */
function halfClose(host: string, port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host, port, allowHalfOpen: true }, () => s.end(text));
    let got = '';
    s.setEncoding('utf8');
    s.on('data', (d: string) => {
      got += d;
    });
    s.on('end', () => resolve(got));
    s.on('error', reject);
  });
}

describe('the VIP balancer and half-closed requests', () => {
  it('passes a half-close on and still returns the answer, directly and through the relay', async () => {
    const { ca, nodes } = await cluster(2);
    const [a, b] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
    const a1 = await eofTask(TASK_A1, 'a1');
    const b1 = await eofTask(TASK_B1, 'b1', a1.port);
    cleanup.push(a1.close, b1.close);
    const relayB = new RelayServer({ ...trust(ca, b), allowTarget: (t) => t.address === TASK_B1 });
    const relayPort = (await relayB.listen(NODE_B, 0)).port;
    cleanup.push(() => relayB.close());
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
        ports: [a1.port],
        backends: [
          { taskId: 'a1', nodeId: a.nodeId, address: TASK_A1 },
          { taskId: 'b1', nodeId: b.nodeId, address: TASK_B1 },
        ],
      },
    ]);
    const answers = [
      await halfClose(VIP, a1.port, 'GET one'),
      await halfClose(VIP, a1.port, 'GET two'),
    ].sort();
    expect(new Set(answers.map((x) => x.split(':')[0]))).toEqual(new Set(['a1', 'b1']));
    for (const x of answers) expect(x).toMatch(/^(a1|b1):GET (one|two)$/);
  });
});
