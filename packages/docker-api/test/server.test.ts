// The HTTP layer of Docker's API reference (v1.41): version prefixes and negotiation, routing,
// bodies, filters, error bodies, log streams and events, against a small in-test backend.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DockerApiServer,
  DockerNotFoundError,
  demux,
  type EventMessage,
  type LogMessage,
  type Node,
  parseListen,
  type RequestContext,
  type Service,
  type SwarmBackend,
  serveDockerApi,
  type Task,
} from '../src/index.js';

const NODE: Node = {
  ID: 'n1aaaaaaaaaaaaaaaaaaaaaaa',
  Version: { Index: 3 },
  CreatedAt: '2026-01-01T00:00:00Z',
  UpdatedAt: '2026-01-01T00:00:00Z',
  Spec: { Labels: { disk: 'ssd' }, Role: 'manager', Availability: 'active' },
  Description: { Hostname: 'm1', Engine: { Labels: { os: 'debian' } } },
  Status: { State: 'ready', Addr: '127.0.0.1' },
  ManagerStatus: { Leader: true, Reachability: 'reachable', Addr: '127.0.0.1:2377' },
};

const service = (id: string, name: string, labels: Record<string, string>): Service => ({
  ID: id,
  Version: { Index: 7 },
  CreatedAt: '2026-01-01T00:00:00Z',
  UpdatedAt: '2026-01-01T00:00:00Z',
  Spec: {
    Name: name,
    Labels: labels,
    TaskTemplate: { ContainerSpec: { Image: 'x' } },
    Mode: { Replicated: { Replicas: 1 } },
  },
  Endpoint: { Spec: {} },
  ServiceStatus: { RunningTasks: 1, DesiredTasks: 1, CompletedTasks: 0 },
});

const SERVICES = [
  service('s1aaaaaaaaaaaaaaaaaaaaaaa', 'web', { tier: 'front' }),
  service('s2bbbbbbbbbbbbbbbbbbbbbbb', 'db', {}),
];

const TASK: Task = {
  ID: 't1aaaaaaaaaaaaaaaaaaaaaaa',
  Version: { Index: 9 },
  CreatedAt: '2026-01-01T00:00:00Z',
  UpdatedAt: '2026-01-01T00:00:00Z',
  Labels: {},
  Spec: {},
  ServiceID: 's1aaaaaaaaaaaaaaaaaaaaaaa',
  Slot: 1,
  NodeID: NODE.ID,
  Status: { Timestamp: '2026-01-01T00:00:00Z', State: 'running' },
  DesiredState: 'running',
};

/** Just enough of a backend: fixed objects, recorded calls. */
class FakeBackend implements Partial<SwarmBackend> {
  readonly engine = { name: 'fake', version: '1.2.3' };
  calls: Array<[string, unknown[]]> = [];
  recorded: EventMessage[] = [];
  async info() {
    return {
      Swarm: {
        NodeID: NODE.ID,
        NodeAddr: '127.0.0.1',
        LocalNodeState: 'active' as const,
        ControlAvailable: true,
        Error: '',
        RemoteManagers: null,
      },
    };
  }
  async nodeList() {
    return [NODE];
  }
  async nodeInspect(ref: string) {
    if (ref !== NODE.ID && ref !== 'm1') throw new DockerNotFoundError(`node ${ref} not found`);
    return NODE;
  }
  async nodeUpdate(...args: unknown[]) {
    this.calls.push(['nodeUpdate', args.slice(0, 3)]);
  }
  async serviceList() {
    return SERVICES;
  }
  async serviceInspect(ref: string) {
    const s = SERVICES.find((x) => x.ID === ref || x.Spec.Name === ref);
    if (!s) throw new DockerNotFoundError(`service ${ref} not found`);
    return s;
  }
  async serviceCreate(spec: unknown) {
    this.calls.push(['serviceCreate', [spec]]);
    if ((spec as { Name?: string }).Name === 'boom') throw new Error('the backend broke');
    return { ID: 's3ccccccccccccccccccccccc' };
  }
  async serviceUpdate(...args: unknown[]) {
    this.calls.push(['serviceUpdate', args.slice(0, 4)]);
    return {};
  }
  async taskList(options: { upToDate: boolean }) {
    this.calls.push(['taskList', [options]]);
    return [TASK];
  }
  async logs(target: unknown, options: unknown, ctx: RequestContext): Promise<AsyncIterable<LogMessage>> {
    this.calls.push(['logs', [target, options]]);
    const line = (text: string, stream: 'stdout' | 'stderr'): LogMessage => ({
      timestamp: Date.UTC(2026, 0, 2, 3, 4, 5, 678),
      stream,
      line: text,
      nodeId: NODE.ID,
      serviceId: TASK.ServiceID,
      taskId: TASK.ID,
    });
    return (async function* () {
      yield line('hello', 'stdout');
      yield line('oops', 'stderr');
      void ctx;
    })();
  }
  async *events(_o: unknown, ctx: RequestContext) {
    for (const e of this.recorded) yield e;
    await new Promise<void>((r) => ctx.signal.addEventListener('abort', () => r(), { once: true }));
  }
}

function call(
  socketPath: string,
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { socketPath, method, path, headers: body ? { 'Content-Type': 'application/json' } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the Docker API server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'docker-api-'));
  const socketPath = join(dir, 'docker.sock');
  const backend = new FakeBackend();
  let server: DockerApiServer;
  const json = async (method: string, path: string, body?: string) => {
    const r = await call(socketPath, method, path, body);
    return { status: r.status, body: r.body.length ? JSON.parse(r.body.toString()) : undefined };
  };

  beforeAll(async () => {
    server = await serveDockerApi({ backend: backend as unknown as SwarmBackend, listen: { socketPath } });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /_ping (GET and HEAD) with the API version a client negotiates against', async () => {
    const get = await call(socketPath, 'GET', '/_ping');
    expect(get.status).toBe(200);
    expect(get.body.toString()).toBe('OK');
    expect(get.headers['api-version']).toBe('1.41');
    expect(get.headers['cache-control']).toBe('no-cache, no-store, must-revalidate');
    const head = await call(socketPath, 'HEAD', '/_ping');
    expect(head.status).toBe(200);
    expect(head.headers['api-version']).toBe('1.41');
    expect((await json('GET', '/version')).body).toMatchObject({
      ApiVersion: '1.41',
      MinAPIVersion: '1.12',
      Version: '1.2.3',
    });
  });

  it('serves versioned and unversioned paths, and refuses versions outside 1.12-1.41 as dockerd does', async () => {
    expect((await json('GET', '/v1.41/nodes')).body).toHaveLength(1);
    expect((await json('GET', '/nodes')).body).toHaveLength(1);
    expect((await json('GET', '/v1.24/nodes')).status).toBe(200);
    expect(await json('GET', '/v1.50/nodes')).toEqual({
      status: 400,
      body: { message: 'client version 1.50 is too new. Maximum supported API version is 1.41' },
    });
    const old = await call(socketPath, 'GET', '/v1.11/nodes');
    expect(old.status).toBe(400);
    expect(old.body.toString()).toBe(
      'client version 1.11 is too old. Minimum supported API version is 1.12, please upgrade your client to a newer version\n',
    );
  });

  it('answers unknown endpoints with 404 "page not found" and engine-only ones with 501', async () => {
    expect(await json('GET', '/v1.41/nope')).toEqual({ status: 404, body: { message: 'page not found' } });
    expect(await json('PUT', '/v1.41/services')).toEqual({
      status: 404,
      body: { message: 'page not found' },
    });
    const containers = await json('GET', '/v1.41/containers/json');
    expect(containers.status).toBe(501);
    expect(containers.body.message).toContain('containers are not served by this node');
  });

  it('refuses malformed and missing bodies with 400 and a message, and ignores unknown fields', async () => {
    const bad = await json('POST', '/v1.41/services/create', '{bad');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^invalid JSON: /);
    expect((await json('POST', '/v1.41/services/create')).body.message).toContain('empty');
    expect((await json('POST', '/v1.41/services/create', '[1]')).body.message).toContain(
      'must be a JSON object',
    );
    const ok = await json('POST', '/v1.41/services/create', '{"Name":"web","Unknown":{"x":1}}');
    expect(ok).toEqual({ status: 201, body: { ID: 's3ccccccccccccccccccccccc' } });
  });

  it('answers backend errors with their Docker status, and anything else with 500', async () => {
    expect(await json('GET', '/v1.41/services/nosuch')).toEqual({
      status: 404,
      body: { message: 'service nosuch not found' },
    });
    expect(await json('POST', '/v1.41/services/create', '{"Name":"boom"}')).toEqual({
      status: 500,
      body: { message: 'the backend broke' },
    });
  });

  it('applies Docker filters in both JSON forms, refusing unknown filter names', async () => {
    const names = async (q: string) =>
      (await json('GET', `/v1.41/services?filters=${encodeURIComponent(q)}`)).body.map(
        (s: Service) => s.Spec.Name,
      );
    expect(await names('{"label":{"tier=front":true}}')).toEqual(['web']);
    expect(await names('{"label":["tier"]}')).toEqual(['web']);
    expect(await names('{"name":["d"]}')).toEqual(['db']);
    expect(await names('{"id":["s2"]}')).toEqual(['db']);
    expect(await names('{"mode":["global"]}')).toEqual([]);
    expect(await json('GET', `/v1.41/services?filters=${encodeURIComponent('{"bogus":["x"]}')}`)).toEqual({
      status: 400,
      body: { message: "Invalid filter 'bogus'" },
    });
    expect((await json('GET', '/v1.41/services?filters=notjson')).status).toBe(400);
    const nodes = async (q: string) =>
      (await json('GET', `/v1.41/nodes?filters=${encodeURIComponent(q)}`)).body.length;
    expect(await nodes('{"node.label":["disk=ssd"]}')).toBe(1);
    expect(await nodes('{"label":["os=debian"]}')).toBe(1);
    expect(await nodes('{"role":["worker"]}')).toBe(0);
    expect(
      (await json('GET', `/v1.41/nodes?filters=${encodeURIComponent('{"role":["king"]}')}`)).body,
    ).toEqual({
      message: "Invalid role filter: 'king'",
    });
  });

  it('serves ServiceStatus only with status=true, and fills defaults with insertDefaults=true', async () => {
    expect((await json('GET', '/v1.41/services')).body[0].ServiceStatus).toBeUndefined();
    expect((await json('GET', '/v1.41/services?status=1')).body[0].ServiceStatus).toEqual({
      RunningTasks: 1,
      DesiredTasks: 1,
      CompletedTasks: 0,
    });
    const plain = (await json('GET', '/v1.41/services/web')).body;
    expect(plain.Spec.UpdateConfig).toBeUndefined();
    const full = (await json('GET', '/v1.41/services/web?insertDefaults=true')).body;
    expect(full.Spec.UpdateConfig).toEqual({
      Parallelism: 1,
      FailureAction: 'pause',
      Monitor: 5e9,
      MaxFailureRatio: 0,
      Order: 'stop-first',
    });
    expect(full.Spec.TaskTemplate.RestartPolicy).toEqual({ Condition: 'any', Delay: 5e9, MaxAttempts: 0 });
    expect(full.Spec.EndpointSpec.Mode).toBe('vip');
  });

  it("resolves task filters by service and node name, and passes the CLI's _up-to-date filter on", async () => {
    const r = await json(
      'GET',
      `/v1.41/tasks?filters=${encodeURIComponent('{"service":{"web":true},"node":{"m1":true},"_up-to-date":{"true":true},"desired-state":{"running":true}}')}`,
    );
    expect(r.body.map((t: Task) => t.ID)).toEqual([TASK.ID]);
    expect(backend.calls.at(-1)).toEqual(['taskList', [{ upToDate: true }]]);
    expect(
      (await json('GET', `/v1.41/tasks?filters=${encodeURIComponent('{"service":{"nosuch":true}}')}`)).status,
    ).toBe(404);
    expect(
      (await json('GET', `/v1.41/tasks?filters=${encodeURIComponent('{"label":{"tier=front":true}}')}`)).body,
    ).toHaveLength(1);
  });

  it('requires the version of an update, and passes rollback=previous', async () => {
    expect(await json('POST', '/v1.41/nodes/m1/update', '{"Role":"manager"}')).toEqual({
      status: 400,
      body: { message: `invalid node version '': strconv.ParseUint: parsing "": invalid syntax` },
    });
    expect((await json('POST', '/v1.41/nodes/m1/update?version=3', '{"Role":"king"}')).status).toBe(400);
    expect(
      (await call(socketPath, 'POST', '/v1.41/nodes/m1/update?version=3', '{"Role":"worker","Labels":{}}'))
        .status,
    ).toBe(200);
    expect(backend.calls.at(-1)).toEqual(['nodeUpdate', ['m1', '3', { Role: 'worker', Labels: {} }]]);
    expect(
      await json('POST', '/v1.41/services/web/update?version=7&rollback=previous', '{"Name":"web"}'),
    ).toEqual({
      status: 200,
      body: { Warnings: null },
    });
    expect(backend.calls.at(-1)).toEqual([
      'serviceUpdate',
      ['web', '7', { Name: 'web' }, { rollback: 'previous' }],
    ]);
  });

  it('streams logs multiplexed, with timestamps and the details the docker CLI parses', async () => {
    const r = await call(
      socketPath,
      'GET',
      '/v1.41/services/web/logs?stdout=1&stderr=1&timestamps=1&details=1&tail=10',
    );
    expect(r.status).toBe(200);
    expect(demux(r.body)).toEqual([
      {
        stream: 'stdout',
        text: `2026-01-02T03:04:05.678000000Z com.docker.swarm.node.id=${NODE.ID},com.docker.swarm.service.id=${TASK.ServiceID},com.docker.swarm.task.id=${TASK.ID} hello\n`,
      },
      {
        stream: 'stderr',
        text: `2026-01-02T03:04:05.678000000Z com.docker.swarm.node.id=${NODE.ID},com.docker.swarm.service.id=${TASK.ServiceID},com.docker.swarm.task.id=${TASK.ID} oops\n`,
      },
    ]);
    expect(backend.calls.at(-1)).toEqual(['logs', [{ service: 'web' }, { follow: false, tail: 10 }]]);
    const onlyOut = await call(socketPath, 'GET', '/v1.41/services/web/logs?stdout=1');
    expect(demux(onlyOut.body)).toEqual([{ stream: 'stdout', text: 'hello\n' }]);
    expect(await json('GET', '/v1.41/services/web/logs')).toEqual({
      status: 400,
      body: { message: 'Bad parameters: you must choose at least one stream' },
    });
  });

  it('streams events matching the filters until the until time', async () => {
    const t = Math.floor(Date.now() / 1000);
    const ev = (Type: EventMessage['Type'], Action: string, name: string): EventMessage => ({
      Type,
      Action,
      Actor: { ID: `${name}-id`, Attributes: { name } },
      scope: 'swarm',
      time: t,
      timeNano: t * 1e9,
    });
    backend.recorded = [
      ev('service', 'create', 'web'),
      ev('node', 'update', 'm1'),
      ev('service', 'remove', 'db'),
    ];
    const until = t + 1;
    const r = await call(
      socketPath,
      'GET',
      `/v1.41/events?until=${until}&filters=${encodeURIComponent('{"type":["service"],"event":["create"]}')}`,
    );
    const lines = r.body
      .toString()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([ev('service', 'create', 'web')]);
  });

  it('refuses to listen on TCP without mutual TLS', () => {
    expect(() => parseListen('tcp://127.0.3.40:2376')).toThrow(
      expect.objectContaining({ code: 'DOCKER_API_TLS_REQUIRED' }),
    );
    expect(() => parseListen('http://x')).toThrow(expect.objectContaining({ code: 'DOCKER_API_BAD_LISTEN' }));
    expect(parseListen('unix:///run/x.sock')).toEqual({ socketPath: '/run/x.sock' });
  });
});
