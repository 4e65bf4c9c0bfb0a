import tls from 'node:tls';
import { DenyList } from '@swarm/ca';
import { afterEach, describe, expect, it } from 'vitest';
import { RelayError } from '../src/index.js';
import { RelayClient, RelayServer, type RelayTarget } from '../src/node.js';
import { ask, cluster, task, trust } from './helpers.js';

// Run inside a private network namespace: unshare -n sh -c 'ip link set lo up && ...'.
const B = '127.0.10.2';
const TASK = '127.0.10.3';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function relayOn(host: string, server: RelayServer): Promise<number> {
  const { port } = await server.listen(host, 0);
  cleanup.push(() => server.close());
  return port;
}

const onlyTask = (port: number) => (t: RelayTarget) => t.address === TASK && t.port === port;

describe('the relay between nodes', () => {
  it('joins an authorized node to one of its own tasks, both ways', async () => {
    const { ca, nodes } = await cluster(2);
    const [a, b] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
    const t = await task(TASK, 'db.1');
    cleanup.push(t.close);
    const server = new RelayServer({ ...trust(ca, b), allowTarget: onlyTask(t.port) });
    const port = await relayOn(B, server);
    const client = new RelayClient({
      ...trust(ca, a),
      nodeAddress: (id) => (id === b.nodeId ? { host: B, port } : undefined),
    });
    const s = await client.connect(b.nodeId, { address: TASK, port: t.port });
    cleanup.push(() => void s.destroy());
    expect(await ask(s, 'hello')).toBe('db.1:hello');
    expect(await ask(s, 'again')).toBe('db.1:again');
    expect(s.getPeerCertificate().subject.CN).toBe(b.nodeId);
    expect(server.stats()).toEqual({ joined: 1, refused: 0 });
  });

  it('refuses a target that is not one of its tasks: it is never an open proxy', async () => {
    const { ca, nodes } = await cluster(2);
    const [a, b] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
    const t = await task(TASK, 'db.1');
    cleanup.push(t.close);
    const port = await relayOn(B, new RelayServer({ ...trust(ca, b), allowTarget: onlyTask(t.port) }));
    const client = new RelayClient({ ...trust(ca, a), nodeAddress: () => ({ host: B, port }) });
    // The relay's own port on the node's address is not a task.
    await expect(client.connect(b.nodeId, { address: B, port })).rejects.toMatchObject({
      code: 'RELAY_TARGET_REFUSED',
    });
  });

  it('reports an allowed target that does not answer as unreachable', async () => {
    const { ca, nodes } = await cluster(2);
    const [a, b] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
    const t = await task(TASK, 'db.1');
    await t.close();
    const port = await relayOn(B, new RelayServer({ ...trust(ca, b), allowTarget: onlyTask(t.port) }));
    const client = new RelayClient({ ...trust(ca, a), nodeAddress: () => ({ host: B, port }) });
    await expect(client.connect(b.nodeId, { address: TASK, port: t.port })).rejects.toMatchObject({
      code: 'RELAY_TARGET_UNREACHABLE',
    });
  });

  it('refuses a removed node though its certificate still verifies', async () => {
    const { ca, nodes } = await cluster(2);
    const [a, b] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
    const t = await task(TASK, 'db.1');
    cleanup.push(t.close);
    const removed = new DenyList();
    removed.deny(a.nodeId, Date.now() + 3_600_000);
    const server = new RelayServer({ ...trust(ca, b, removed), allowTarget: onlyTask(t.port) });
    const port = await relayOn(B, server);
    const client = new RelayClient({ ...trust(ca, a), nodeAddress: () => ({ host: B, port }) });
    await expect(client.connect(b.nodeId, { address: TASK, port: t.port })).rejects.toBeInstanceOf(
      RelayError,
    );
    expect(server.stats()).toEqual({ joined: 0, refused: 1 });
  });

  it('refuses a node the cluster no longer grants a role, by what the embedder says now', async () => {
    const { ca, nodes } = await cluster(2);
    const [a, b] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
    const t = await task(TASK, 'db.1');
    cleanup.push(t.close);
    const server = new RelayServer({
      ...trust(ca, b),
      grantedRole: () => undefined,
      allowTarget: onlyTask(t.port),
    });
    const port = await relayOn(B, server);
    const client = new RelayClient({ ...trust(ca, a), nodeAddress: () => ({ host: B, port }) });
    await expect(client.connect(b.nodeId, { address: TASK, port: t.port })).rejects.toBeInstanceOf(
      RelayError,
    );
    expect(server.stats().refused).toBe(1);
  });

  it("refuses a node of another cluster's CA at the handshake", async () => {
    const { ca, nodes } = await cluster(2);
    const other = await cluster(1, 2);
    const b = nodes[1]!;
    const stranger = other.nodes[0]!;
    const t = await task(TASK, 'db.1');
    cleanup.push(t.close);
    const server = new RelayServer({ ...trust(ca, b), allowTarget: () => true });
    const port = await relayOn(B, server);
    // The stranger trusts our root (so only the server's check can stop it) but holds its own cert.
    const client = new RelayClient({
      ...trust(other.ca, stranger),
      material: () => ({ keyPem: stranger.keyPem, chainPem: stranger.chainPem, rootsPem: ca.ca.rootsPem }),
      clusterId: ca.clusterId,
      nodeAddress: () => ({ host: B, port }),
    });
    await expect(client.connect(b.nodeId, { address: TASK, port: t.port })).rejects.toBeInstanceOf(
      RelayError,
    );
    expect(server.stats()).toMatchObject({ joined: 0 });
    expect(server.stats().refused).toBeGreaterThanOrEqual(1);
  });

  it('refuses to send traffic to a relay that is not the node asked for, or to a removed node', async () => {
    const { ca, nodes } = await cluster(3);
    const [, a, b] = nodes as [(typeof nodes)[0], (typeof nodes)[0], (typeof nodes)[0]];
    const c = nodes[0]!;
    const t = await task(TASK, 'db.1');
    cleanup.push(t.close);
    const port = await relayOn(B, new RelayServer({ ...trust(ca, b), allowTarget: onlyTask(t.port) }));
    // The address book points c at b's relay: the client must notice b is not c.
    const confused = new RelayClient({ ...trust(ca, a), nodeAddress: () => ({ host: B, port }) });
    await expect(confused.connect(c.nodeId, { address: TASK, port: t.port })).rejects.toMatchObject({
      code: 'RELAY_PEER_REFUSED',
    });
    const removed = new DenyList();
    removed.deny(b.nodeId, Date.now() + 3_600_000);
    const careful = new RelayClient({ ...trust(ca, a, removed), nodeAddress: () => ({ host: B, port }) });
    await expect(careful.connect(b.nodeId, { address: TASK, port: t.port })).rejects.toMatchObject({
      code: 'RELAY_PEER_REFUSED',
    });
  });

  it('refuses a node removed after its first connection, even when it offers its old TLS session', async () => {
    const { ca, nodes } = await cluster(2);
    const [a, b] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
    const t = await task(TASK, 'db.1');
    cleanup.push(t.close);
    const removed = new DenyList();
    const server = new RelayServer({ ...trust(ca, b, removed), allowTarget: onlyTask(t.port) });
    const port = await relayOn(B, server);
    const request = Buffer.from([0x53, 0x57, 1, 0, 127, 0, 10, 3, t.port >> 8, t.port & 255]);
    const raw = (session?: Buffer) =>
      new Promise<{ status: number | undefined; session: Buffer | undefined; resumed: boolean }>(
        (resolve) => {
          let got: Buffer | undefined;
          const s = tls.connect({
            host: B,
            port,
            key: a.keyPem,
            cert: a.chainPem,
            ca: ca.ca.rootsPem,
            servername: b.nodeId,
            ...(session === undefined ? {} : { session }),
          });
          let resumed = false;
          s.on('session', (x: Buffer) => (got = x));
          s.once('secureConnect', () => {
            resumed = s.isSessionReused();
            s.write(request);
          });
          s.once('data', (d: Buffer) => {
            s.destroy();
            resolve({ status: d[0], session: got, resumed });
          });
          s.once('error', () => resolve({ status: undefined, session: got, resumed }));
          s.once('close', () => resolve({ status: undefined, session: got, resumed }));
        },
      );
    const first = await raw();
    expect(first.status).toBe(0);
    removed.deny(a.nodeId, Date.now() + 3_600_000);
    const second = await raw(first.session);
    expect(second.resumed).toBe(false);
    expect(second.status).toBeUndefined();
    expect(server.stats()).toEqual({ joined: 1, refused: 1 });
  });

  it('says which node has no known address', async () => {
    const { ca, nodes } = await cluster(1);
    const client = new RelayClient({ ...trust(ca, nodes[0]!), nodeAddress: () => undefined });
    await expect(client.connect('nosuchnode', { address: TASK, port: 1 })).rejects.toMatchObject({
      code: 'RELAY_UNKNOWN_NODE',
    });
  });
});
