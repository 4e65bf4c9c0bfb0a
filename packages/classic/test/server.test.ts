// The API front end over fake engines (small HTTP servers speaking the part of Docker's API the
// pool reads and the front end forwards), on loopback addresses of 127.0.13.x; run in unshare -n.

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, seededRandom } from '@swarm/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerEngineClient, NodesDiscovery, Pool, parseManageListen, serveManage } from '../src/index.js';

interface FakeContainer {
  Id: string;
  Name: string;
  Image: string;
  Created: number;
  Config: Record<string, unknown>;
  HostConfig: Record<string, unknown>;
  running: boolean;
}

/** A fake engine: name and labels, containers in memory. */
function fakeEngine(name: string, labels: string[]): { server: Server; containers: FakeContainer[] } {
  const containers: FakeContainer[] = [];
  let seq = 0;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname.replace(/^\/v1\.\d+/, '');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const find = (ref: string) => containers.find((c) => c.Id === ref || c.Name === ref);
    if (path === '/info')
      return json(200, {
        ID: `id-${name}`,
        Name: name,
        NCPU: 2,
        MemTotal: 2 * 1024 ** 3,
        Labels: labels,
        Driver: 'overlay2',
        OSType: 'linux',
      });
    if (path === '/images/json') return json(200, [{ Id: 'sha256:1', RepoTags: ['busybox:latest'] }]);
    if (path === '/containers/json')
      return json(
        200,
        containers.map((c) => ({
          Id: c.Id,
          Names: [`/${c.Name}`],
          Image: c.Image,
          ImageID: 'sha256:1',
          Labels: c.Config.Labels ?? {},
          State: c.running ? 'running' : 'created',
          Created: c.Created,
        })),
      );
    if (path === '/containers/create' && req.method === 'POST') {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as {
        Image: string;
        HostConfig?: Record<string, unknown>;
      };
      const Id = `${name.replace(/\D/g, '')}${String(++seq).padStart(63, '0')}`;
      containers.push({
        Id,
        Name: url.searchParams.get('name') ?? `c${seq}`,
        Image: body.Image,
        Created: seq,
        Config: body as never,
        HostConfig: body.HostConfig ?? {},
        running: false,
      });
      return json(201, { Id, Warnings: [] });
    }
    const m = /^\/containers\/([^/]+)(\/\w+)?$/.exec(path);
    const c = m ? find(m[1]!) : undefined;
    if (m && c === undefined) return json(404, { message: `No such container: ${m[1]}` });
    if (c && m?.[2] === '/json')
      return json(200, {
        Id: c.Id,
        Name: `/${c.Name}`,
        Config: c.Config,
        HostConfig: c.HostConfig,
        State: { Running: c.running },
      });
    if (c && m?.[2] === '/start') {
      c.running = true;
      res.writeHead(204).end();
      return;
    }
    if (c && m?.[2] === undefined && req.method === 'DELETE') {
      containers.splice(containers.indexOf(c), 1);
      res.writeHead(204).end();
      return;
    }
    json(404, { message: 'page not found' });
  });
  return { server, containers };
}

function call(
  socketPath: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        socketPath,
        method,
        path,
        headers: text
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }
          : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const t = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode ?? 0, json: t === '' ? undefined : JSON.parse(t) });
        });
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

describe('swarm manage front end', () => {
  const engines = [fakeEngine('node-1', ['storage=ssd']), fakeEngine('node-2', ['storage=disk'])];
  let dir: string;
  let sock: string;
  let close: () => Promise<void>;
  let pool: Pool;

  beforeAll(async () => {
    for (const [i, e] of engines.entries())
      await new Promise<void>((r) => e.server.listen(2375, `127.0.13.${i + 11}`, r));
    dir = mkdtempSync(join(tmpdir(), 'classic-server-'));
    sock = join(dir, 'manage.sock');
    const client = new DockerEngineClient();
    pool = new Pool({
      discovery: new NodesDiscovery('nodes://127.0.13.[11:12]:2375'),
      client,
      clock: new ManualClock(0),
      refreshMs: 1000,
    });
    await pool.start();
    const server = await serveManage({
      pool,
      client,
      strategy: 'spread',
      random: seededRandom(1),
      listen: parseManageListen(`unix://${sock}`),
    });
    close = () => server.close();
  });

  afterAll(async () => {
    await close();
    await pool.stop();
    for (const e of engines) e.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('places by constraint, forwards calls to the owner, lists every engine', async () => {
    const created = await call(sock, 'POST', '/v1.41/containers/create?name=db', {
      Image: 'busybox',
      Env: ['constraint:storage==disk', 'A=1'],
    });
    expect(created.status).toBe(201);
    expect(engines[1]!.containers.map((c) => c.Name)).toEqual(['db']);
    expect(engines[1]!.containers[0]!.Config.Env).toEqual(['A=1']);
    expect((await call(sock, 'POST', '/v1.41/containers/db/start')).status).toBe(204);
    expect(engines[1]!.containers[0]!.running).toBe(true);
    const inspect = await call(sock, 'GET', '/v1.41/containers/db/json');
    expect(inspect.json).toMatchObject({
      Name: '/db',
      Node: { Name: 'node-2', Addr: '127.0.13.12:2375', IP: '127.0.13.12' },
    });
    const list = await call(sock, 'GET', '/v1.41/containers/json?all=1');
    expect((list.json as { Names: string[] }[]).map((c) => c.Names)).toEqual([['/node-2/db']]);
    // Spread: the next one goes to the emptier engine.
    const next = await call(sock, 'POST', '/v1.41/containers/create', { Image: 'busybox' });
    expect(next.status).toBe(201);
    expect(engines[0]!.containers).toHaveLength(1);
  });

  it("answers with Docker's status codes and messages", async () => {
    expect(await call(sock, 'POST', '/v1.41/containers/create?name=db', { Image: 'busybox' })).toMatchObject({
      status: 409,
      json: { message: expect.stringContaining('Conflict. The container name "/db" is already in use') },
    });
    expect(
      await call(sock, 'POST', '/v1.41/containers/create', {
        Image: 'busybox',
        Env: ['constraint:storage==tape'],
      }),
    ).toEqual({
      status: 500,
      json: { message: 'unable to find a node that satisfies storage==tape' },
    });
    expect(
      (
        await call(sock, 'POST', '/v1.41/containers/create', {
          Image: 'busybox',
          Env: ['constraint:storage'],
        })
      ).status,
    ).toBe(400);
    expect(await call(sock, 'GET', '/v1.41/containers/ghost/json')).toEqual({
      status: 404,
      json: { message: 'No such container: ghost' },
    });
    expect((await call(sock, 'POST', '/v1.41/containers/db/attach')).status).toBe(501);
    expect((await call(sock, 'GET', '/v1.41/networks')).status).toBe(501);
    expect(await call(sock, 'GET', '/v1.41/nothing')).toEqual({
      status: 404,
      json: { message: 'page not found' },
    });
    expect((await call(sock, 'GET', '/v1.99/info')).status).toBe(400);
    expect((await call(sock, 'POST', '/v1.41/containers/create', '{not json')).status).toBe(400);
  });

  it('removes through the owner and shows the pool in /info', async () => {
    expect((await call(sock, 'DELETE', '/v1.41/containers/db?force=1')).status).toBe(204);
    expect(engines[1]!.containers).toHaveLength(0);
    const info = (await call(sock, 'GET', '/info')).json as {
      SystemStatus: [string, string][];
      NCPU: number;
    };
    expect(info.NCPU).toBe(4);
    expect(info.SystemStatus).toEqual(
      expect.arrayContaining([
        ['Nodes', '2'],
        [' node-1', '127.0.13.11:2375'],
        ['  └ Status', 'Healthy'],
      ]),
    );
  });
});
