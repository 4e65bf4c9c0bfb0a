import http from 'node:http';
import net from 'node:net';
import { MemoryLogger, swarm } from '@swarm/api';
import { afterEach, describe, expect, it } from 'vitest';
import { IngressProxy } from '../src/index.js';

const PROXY = '127.0.0.45';
const BACKEND = '127.0.0.46';
const SERVICE = 's'.repeat(25);

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

/** An HTTP server that answers with its name; returns its port. */
async function backend(name: string): Promise<number> {
  const server = http.createServer((_req, res) => {
    res.setHeader('connection', 'close');
    res.end(name);
  });
  await new Promise<void>((r) => server.listen(0, BACKEND, r));
  closers.push(
    () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return (server.address() as net.AddressInfo).port;
}

async function freePort(host: string): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, host, r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

function endpoint(publishedPort: number, ports: number[]): swarm.PublishedEndpoint.$Properties {
  return {
    serviceId: SERVICE,
    publishedPort,
    targetPort: 80,
    protocol: swarm.PortConfig.Protocol.TCP,
    tasks: ports.map((port, i) => ({ taskId: `task${i}`, nodeId: 'n', addr: BACKEND, port })),
  };
}

function get(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: PROXY, port, path: '/', agent: false }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

/** Connects and resolves with how the proxy ended the connection (data received first, if any). */
function connectAndWait(port: number): Promise<{ data: string; closed: boolean }> {
  return new Promise((resolve) => {
    const s = net.connect({ host: PROXY, port });
    let data = '';
    s.on('data', (d) => (data += d));
    s.on('error', () => resolve({ data, closed: true }));
    s.on('close', () => resolve({ data, closed: true }));
  });
}

function makeProxy(logger = new MemoryLogger()): IngressProxy {
  const proxy = new IngressProxy({ address: PROXY, logger, connectTimeoutMs: 1_000 });
  closers.push(() => proxy.close());
  return proxy;
}

describe('IngressProxy', () => {
  it('spreads connections round-robin over the backends', async () => {
    const ports = [await backend('a'), await backend('b'), await backend('c')];
    const proxy = makeProxy();
    const published = await freePort(PROXY);
    await proxy.update([endpoint(published, ports)]);
    expect(proxy.status()).toEqual([
      { publishedPort: published, serviceId: SERVICE, listening: true, backends: 3 },
    ]);
    const bodies: string[] = [];
    for (let i = 0; i < 6; i++) bodies.push(await get(published));
    expect(bodies).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
    expect(proxy.stats()).toEqual({
      [`${BACKEND}:${ports[0]}`]: 2,
      [`${BACKEND}:${ports[1]}`]: 2,
      [`${BACKEND}:${ports[2]}`]: 2,
    });
  });

  it('skips a dead backend', async () => {
    const a = await backend('a');
    const dead = await freePort(BACKEND); // nothing listens there
    const b = await backend('b');
    const proxy = makeProxy();
    const published = await freePort(PROXY);
    await proxy.update([endpoint(published, [a, dead, b])]);
    const bodies: string[] = [];
    for (let i = 0; i < 6; i++) bodies.push(await get(published));
    // The dead backend's turns fall through to the next one.
    expect(bodies).toEqual(['a', 'b', 'b', 'a', 'b', 'b']);
    expect(proxy.stats()).toEqual({ [`${BACKEND}:${a}`]: 2, [`${BACKEND}:${b}`]: 4 });
  });

  it('passes half-closes on: the backend sees the end and still answers', async () => {
    // An echo-at-end server: it replies only after the client finished sending.
    const server = net.createServer({ allowHalfOpen: true }, (s) => {
      let got = '';
      s.on('data', (d) => (got += d));
      s.on('end', () => s.end(`got ${got}`));
    });
    await new Promise<void>((r) => server.listen(0, BACKEND, r));
    closers.push(() => new Promise((r) => server.close(() => r())));
    const proxy = makeProxy();
    const published = await freePort(PROXY);
    await proxy.update([endpoint(published, [(server.address() as net.AddressInfo).port])]);
    const reply = await new Promise<string>((resolve, reject) => {
      const s = net.connect({ host: PROXY, port: published, allowHalfOpen: true });
      let data = '';
      s.on('data', (d) => (data += d));
      s.on('end', () => {
        s.end();
        resolve(data);
      });
      s.on('error', reject);
      s.end('hello');
    });
    expect(reply).toBe('got hello');
  });

  it('closes a connection at once when the port has no backends, or none answers', async () => {
    const proxy = makeProxy();
    const published = await freePort(PROXY);
    await proxy.update([endpoint(published, [])]);
    expect(await connectAndWait(published)).toEqual({ data: '', closed: true });
    await proxy.update([endpoint(published, [await freePort(BACKEND)])]);
    expect(await connectAndWait(published)).toEqual({ data: '', closed: true });
  });

  it('update() replaces backends, closes removed ports, and reports ports it cannot bind', async () => {
    const a = await backend('a');
    const b = await backend('b');
    const logger = new MemoryLogger();
    const proxy = makeProxy(logger);
    const p1 = await freePort(PROXY);
    // A port someone else holds: reported, not thrown, retried on the next update.
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, PROXY, r));
    const busy = (blocker.address() as net.AddressInfo).port;

    await proxy.update([
      endpoint(p1, [a]),
      endpoint(busy, [b]),
      { ...endpoint(p1 + 1, [b]), protocol: swarm.PortConfig.Protocol.UDP },
    ]);
    const byPort = (port: number) => proxy.status().find((st) => st.publishedPort === port);
    expect(proxy.status()).toHaveLength(2); // the UDP entry is ignored
    expect(byPort(p1)).toEqual({ publishedPort: p1, serviceId: SERVICE, listening: true, backends: 1 });
    expect(byPort(busy)).toEqual({
      publishedPort: busy,
      serviceId: SERVICE,
      listening: false,
      error: expect.stringMatching(/already in use/),
      backends: 1,
    });
    expect(logger.text()).toMatch(/UDP/);
    expect(await get(p1)).toBe('a');

    await new Promise<void>((r) => blocker.close(() => r()));
    await proxy.update([endpoint(p1, [b]), endpoint(busy, [b])]);
    expect(proxy.status().map((s) => s.listening)).toEqual([true, true]);
    expect(await get(p1)).toBe('b');
    expect(await get(busy)).toBe('b');

    await proxy.update([endpoint(busy, [b])]);
    expect(proxy.status().map((s) => s.publishedPort)).toEqual([busy]);
    await expect(get(p1)).rejects.toThrow(/ECONNREFUSED/);

    await proxy.close();
    await expect(get(busy)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('close() ends open connections', async () => {
    const server = net.createServer(() => {}); // accepts and stays silent
    await new Promise<void>((r) => server.listen(0, BACKEND, r));
    closers.push(
      () =>
        new Promise((r) => {
          server.close(() => r());
        }),
    );
    const proxy = new IngressProxy({ address: PROXY });
    const published = await freePort(PROXY);
    await proxy.update([endpoint(published, [(server.address() as net.AddressInfo).port])]);
    const waiting = connectAndWait(published);
    await new Promise((r) => setTimeout(r, 50));
    await proxy.close();
    expect(await waiting).toEqual({ data: '', closed: true });
  });
});
