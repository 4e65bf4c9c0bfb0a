// The web listener in process, against a manager built on a memory store: the token check, the
// state builder (a whitelist: no secret data), the routes, the event stream and the metrics.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateId, noopLogger, swarm, toLong } from '@swarm/api';
import { createMemoryStore, type MemoryStore } from '@swarm/store';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  authorize,
  generateToken,
  TOKEN_COOKIE,
  tokenCookie,
  tokenFromFile,
  tokenMatches,
} from '../src/auth.js';
import { SwarmMetrics } from '../src/metrics.js';
import { parseListen, startWebServer, type WebServer } from '../src/server.js';
import type { WebDaemon, WebManager } from '../src/source.js';
import { buildState, serviceColour, type WebState } from '../src/state.js';

const S = swarm.TaskState;
const CANARY = 'canary-4f1d9e-do-not-leak';
const SECRET_NAME = 'db_password';
const TOKEN = 'test-token-0123456789abcdef';
const HOST = '127.0.0.90';

const tmp = mkdtempSync(join(tmpdir(), 'swarm-web-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ids = { m: 'm'.repeat(25), w: 'w'.repeat(25), svc: 's'.repeat(25), secret: 'x'.repeat(25) };

async function cluster(): Promise<MemoryStore> {
  const store = createMemoryStore();
  await store.update((tx) => {
    tx.create(
      'node',
      swarm.Node.create({
        id: ids.m,
        role: swarm.NodeRole.NODE_ROLE_MANAGER,
        description: { hostname: 'manager1' },
        spec: { availability: swarm.NodeSpec.Availability.ACTIVE },
        status: { state: swarm.NodeStatus.State.READY, addr: '127.0.0.2' },
        managerStatus: { addr: '127.0.0.2:2377', leader: true, raftId: toLong(7n) },
      }),
    );
    tx.create(
      'node',
      swarm.Node.create({
        id: ids.w,
        role: swarm.NodeRole.NODE_ROLE_WORKER,
        description: { hostname: 'worker<b>1</b>' },
        spec: { availability: swarm.NodeSpec.Availability.DRAIN },
        status: { state: swarm.NodeStatus.State.DOWN, addr: '127.0.0.3' },
        zone: 'pci',
      }),
    );
    tx.create(
      'secret',
      swarm.Secret.create({
        id: ids.secret,
        spec: { annotations: { name: SECRET_NAME }, data: new TextEncoder().encode(CANARY) },
      }),
    );
    tx.create(
      'service',
      swarm.Service.create({
        id: ids.svc,
        spec: {
          annotations: { name: 'web' },
          replicated: { replicas: toLong(3n) },
          task: {
            container: {
              command: ['node', 'server.js'],
              env: [`PASSWORD_HINT=${CANARY}`],
              secrets: [{ secretId: ids.secret, secretName: SECRET_NAME, target: SECRET_NAME }],
            },
          },
        },
      }),
    );
  });
  await addTask(store, 1, ids.m, S.RUNNING, S.RUNNING);
  await addTask(store, 2, ids.w, S.RUNNING, S.RUNNING);
  await addTask(store, 3, '', S.PENDING, S.RUNNING, 'no suitable node (1 node not available)');
  await addTask(store, 1, ids.m, S.SHUTDOWN, S.SHUTDOWN);
  return store;
}

async function addTask(
  store: MemoryStore,
  slot: number,
  nodeId: string,
  state: number,
  desired: number,
  err = '',
): Promise<string> {
  const id = generateId();
  await store.update((tx) =>
    tx.create(
      'task',
      swarm.Task.create({
        id,
        serviceId: ids.svc,
        slot: toLong(BigInt(slot)),
        nodeId,
        desiredState: desired,
        status: { state, err, timestamp: toLong(BigInt(1000 + slot)) },
        spec: {
          container: {
            command: ['node'],
            env: [`PASSWORD_HINT=${CANARY}`],
            secrets: [{ secretId: ids.secret, secretName: SECRET_NAME }],
          },
        },
      }),
    ),
  );
  return id;
}

interface FakeRaft {
  term: bigint;
  appliedIndex: bigint;
  isLeader: boolean;
  status(): { hardState: { commit: bigint } };
  propose(data: Uint8Array): Promise<{ index: bigint }>;
}

function fakeManager(store: MemoryStore): WebManager & { raft: FakeRaft } {
  return {
    nodeId: ids.m,
    store,
    raft: {
      term: 3n,
      appliedIndex: 41n,
      isLeader: true,
      status: () => ({ hardState: { commit: 42n } }),
      propose: async () => ({ index: 42n }),
    },
    dispatcher: { heartbeat: async () => ({ periodMs: 5000 }) },
    leaderNodeId: () => ids.m,
  };
}

describe('token', () => {
  const url = (q = '') => new URL(`http://x/${q}`);

  it('accepts the bearer header, the cookie, or the query, and nothing else', () => {
    expect(authorize({ authorization: `Bearer ${TOKEN}` }, url(), TOKEN)).toEqual({
      ok: true,
      viaQuery: false,
    });
    expect(authorize({ cookie: `a=b; ${TOKEN_COOKIE}=${TOKEN}` }, url(), TOKEN)).toEqual({
      ok: true,
      viaQuery: false,
    });
    expect(authorize({}, url(`?token=${TOKEN}`), TOKEN)).toEqual({ ok: true, viaQuery: true });
    expect(authorize({}, url(), TOKEN).ok).toBe(false);
    expect(authorize({ authorization: `Bearer ${TOKEN}x` }, url(), TOKEN).ok).toBe(false);
    expect(authorize({ authorization: `Basic ${TOKEN}` }, url(), TOKEN).ok).toBe(false);
    expect(authorize({ cookie: `${TOKEN_COOKIE}=nope` }, url('?token='), TOKEN).ok).toBe(false);
    expect(authorize({ cookie: `other_${TOKEN_COOKIE}=${TOKEN}` }, url(), TOKEN).ok).toBe(false);
    expect(tokenMatches('', TOKEN)).toBe(false);
    expect(tokenMatches(undefined, TOKEN)).toBe(false);
    expect(tokenMatches(TOKEN.slice(0, 8), TOKEN)).toBe(false);
  });

  it('sets an HttpOnly, SameSite=Strict cookie', () => {
    const c = tokenCookie(TOKEN);
    expect(c).toContain(`${TOKEN_COOKIE}=${TOKEN}`);
    expect(c).toContain('HttpOnly');
    expect(c).toContain('SameSite=Strict');
  });

  it('generates 32 random bytes, base64url', () => {
    const t = generateToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(t);
  });

  it('writes a new token file 0600, reads it back, and refuses a file others can read', () => {
    const path = join(tmp, 'token');
    const first = tokenFromFile(path);
    expect(first.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(tokenFromFile(path)).toEqual({ token: first.token, created: false });
    const open = join(tmp, 'open-token');
    writeFileSync(open, `${TOKEN}\n`, { mode: 0o644 });
    expect(() => tokenFromFile(open)).toThrow(expect.objectContaining({ code: 'WEB_TOKEN_FILE_INSECURE' }));
    const short = join(tmp, 'short-token');
    writeFileSync(short, 'abc\n', { mode: 0o600 });
    expect(() => tokenFromFile(short)).toThrow(expect.objectContaining({ code: 'WEB_TOKEN_INVALID' }));
  });

  it('parses the listen address, loopback by default', () => {
    expect(parseListen('127.0.0.5:8080')).toEqual({ host: '127.0.0.5', port: 8080 });
    expect(parseListen('8080')).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(parseListen(':8080')).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(parseListen('[::1]:80')).toEqual({ host: '::1', port: 80 });
    for (const bad of ['', 'host', '1.2.3.4:99999', 'a:b:c'])
      expect(() => parseListen(bad)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('state builder', () => {
  it('shows nodes, tasks per node, unassigned tasks and services, from a whitelist', async () => {
    const store = await cluster();
    const s = store.view((tx) => buildState(tx, { self: ids.m, leaderId: ids.m }));
    expect(s.self).toBe(ids.m);
    expect(s.nodes.map((n) => [n.hostname, n.role, n.availability, n.status, n.zone, n.leader])).toEqual([
      ['manager1', 'manager', 'active', 'ready', '', true],
      ['worker<b>1</b>', 'worker', 'drain', 'down', 'pci', false],
    ]);
    expect(s.nodes[0]!.tasks.map((t) => [t.name, t.state, t.desiredState])).toEqual([
      ['web.1', 'running', 'running'],
      ['web.1', 'shutdown', 'shutdown'],
    ]);
    expect(s.nodes[1]!.tasks.map((t) => t.name)).toEqual(['web.2']);
    expect(s.unassigned.map((t) => [t.name, t.state, t.error])).toEqual([
      ['web.3', 'pending', 'no suitable node (1 node not available)'],
    ]);
    expect(s.services).toEqual([
      {
        id: ids.svc,
        name: 'web',
        mode: 'replicated',
        desired: 3,
        running: 2,
        colour: serviceColour(ids.svc),
      },
    ]);
    // Exactly these fields: nothing from specs, secrets or raw objects.
    expect(Object.keys(s).sort()).toEqual(['leaderId', 'nodes', 'self', 'services', 'unassigned']);
    expect(Object.keys(s.nodes[0]!).sort()).toEqual(
      [
        'addr',
        'availability',
        'hostname',
        'id',
        'leader',
        'managerStatus',
        'role',
        'status',
        'tasks',
        'zone',
      ].sort(),
    );
    expect(Object.keys(s.nodes[0]!.tasks[0]!).sort()).toEqual(
      [
        'desiredState',
        'error',
        'id',
        'name',
        'nodeId',
        'serviceId',
        'serviceName',
        'since',
        'slot',
        'state',
      ].sort(),
    );
    const json = JSON.stringify(s);
    expect(json).not.toContain(CANARY);
    expect(json).not.toContain(SECRET_NAME);
    expect(json).not.toContain(ids.secret);
  });

  it('gives each service a stable colour', () => {
    expect(serviceColour(ids.svc)).toBe(serviceColour(ids.svc));
    expect(serviceColour(ids.svc)).toMatch(/^hsl\(\d+ 65% (42|55)%\)$/);
    const hues = new Set(Array.from({ length: 20 }, () => serviceColour(generateId())));
    expect(hues.size).toBeGreaterThan(10);
  });
});

async function waitUntil(ok: () => boolean): Promise<void> {
  while (!ok()) await new Promise((r) => setTimeout(r, 10));
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens the event stream and collects `state` events until `until` holds. */
function events(
  url: string,
  until: (states: WebState[], raw: string) => boolean,
): Promise<{ states: WebState[]; raw: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}api/events`, { headers: { authorization: `Bearer ${TOKEN}` } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`status ${res.statusCode}`));
        return;
      }
      let raw = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        raw += c;
        const states = [...raw.matchAll(/event: state\ndata: (.*)\n\n/g)].map((m) => JSON.parse(m[1]!));
        if (until(states, raw)) {
          req.destroy();
          resolve({ states, raw });
        }
      });
    });
    req.on('error', (e) => {
      if ((e as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(e);
    });
    req.end();
  });
}

describe('web server', () => {
  let store: MemoryStore;
  let daemon: { manager: WebManager | undefined; renewer: WebDaemon['renewer'] };
  let web: WebServer;

  beforeEach(async () => {
    store = await cluster();
    daemon = {
      manager: fakeManager(store),
      renewer: { certificate: { notAfter: Date.now() + 90 * 86_400_000 } },
    };
    web = await startWebServer({
      daemon,
      listen: `${HOST}:0`,
      token: TOKEN,
      logger: noopLogger,
      pingMs: 200,
      pollMs: 50,
    });
  });
  afterEach(async () => {
    await web.close();
  });

  it('refuses every route without the token', async () => {
    for (const path of ['', 'api/state', 'api/events', 'metrics', 'nope']) {
      const r = await get(`${web.url}${path}`);
      expect(r.status, path).toBe(401);
      expect(r.headers['www-authenticate']).toBe('Bearer realm="swarm"');
      expect(r.body).not.toContain(TOKEN);
    }
    expect((await get(`${web.url}api/state?token=wrong`)).status).toBe(401);
  });

  it('trades a query token for a cookie and drops it from the address', async () => {
    const r = await get(`${web.url}?token=${TOKEN}`);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await get(web.url, { cookie: cookie.split(';')[0]! });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<main id="nodes"');
  });

  it('serves the state as JSON, never with secret data', async () => {
    const r = await get(`${web.url}api/state`, { authorization: `Bearer ${TOKEN}` });
    expect(r.status).toBe(200);
    const s = JSON.parse(r.body) as WebState;
    expect(s.nodes).toHaveLength(2);
    expect(s.services[0]).toMatchObject({ name: 'web', desired: 3, running: 2 });
    const page = await get(web.url, { authorization: `Bearer ${TOKEN}` });
    for (const body of [r.body, page.body]) {
      expect(body).not.toContain(CANARY);
      expect(body).not.toContain(SECRET_NAME);
    }
    expect((await get(`${web.url}api/state`, { authorization: `Bearer ${TOKEN}` }, 'POST')).status).toBe(405);
    // HEAD on the stream answers and ends (no stream is left open).
    const head = await get(`${web.url}api/events`, { authorization: `Bearer ${TOKEN}` }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toContain('text/event-stream');
  });

  it('streams a snapshot at once, then one per change burst, and pings', async () => {
    const done = (states: WebState[]) => states.at(-1)?.nodes[1]?.tasks.length === 4;
    const seen = events(web.url, (states, raw) => done(states) && raw.includes(': ping'));
    await new Promise((r) => setTimeout(r, 100));
    await Promise.all([4, 5, 6].map((i) => addTask(store, i, ids.w, S.RUNNING, S.RUNNING)));
    const { states, raw } = await seen;
    expect(raw).toMatch(/^retry: 2000\n\n/);
    expect(states[0]!.nodes[1]!.tasks).toHaveLength(1);
    expect(states.at(-1)!.nodes[1]!.tasks.map((t) => t.name)).toEqual(['web.2', 'web.4', 'web.5', 'web.6']);
    // At most one event per change, and never the same snapshot twice in a row.
    expect(states.length).toBeLessThanOrEqual(4);
    for (let i = 1; i < states.length; i++) expect(states[i]).not.toEqual(states[i - 1]);
    expect(raw).not.toContain(CANARY);
    expect(raw).not.toContain(SECRET_NAME);
  });

  it('brings every stream up to date, also when another joins during a burst', async () => {
    const slow = await startWebServer({
      daemon,
      listen: `${HOST}:0`,
      token: TOKEN,
      logger: noopLogger,
      coalesceMs: 300,
    });
    try {
      const has4 = (states: WebState[]) => states.at(-1)?.nodes[1]?.tasks.some((t) => t.name === 'web.4');
      let firstStates = 0;
      const first = events(slow.url, (states) => {
        firstStates = states.length;
        return has4(states) === true;
      });
      await waitUntil(() => firstStates >= 1);
      await addTask(store, 4, ids.w, S.RUNNING, S.RUNNING);
      // The second stream starts with the new state, inside the first one's coalescing window.
      const second = await events(slow.url, (states) => states.length >= 1);
      expect(has4(second.states)).toBe(true);
      expect(has4((await first).states)).toBe(true);
    } finally {
      await slow.close();
    }
  });

  it('answers 503 off a manager, and ends open streams when the manager goes', async () => {
    const open = events(web.url, (_s, raw) => raw.includes('event: unavailable'));
    await new Promise((r) => setTimeout(r, 100));
    daemon.manager = undefined;
    const { raw } = await open;
    expect(raw).toContain('not a swarm manager');
    const r = await get(`${web.url}api/state`, { authorization: `Bearer ${TOKEN}` });
    expect(r.status).toBe(503);
    expect(JSON.parse(r.body).error.code).toBe('NOT_A_MANAGER');
    expect((await get(`${web.url}api/events`, { authorization: `Bearer ${TOKEN}` })).status).toBe(503);
    // The page still loads (it tells the person to open a manager); metrics keep the node's own series.
    expect((await get(web.url, { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    const m = await get(`${web.url}metrics`, { authorization: `Bearer ${TOKEN}` });
    expect(m.body).toContain('swarm_node_certificate_expiry_seconds');
    expect(m.body).not.toContain('swarm_raft_term');
  });

  it('serves Prometheus metrics with the token', async () => {
    const m = daemon.manager as WebManager & { raft: FakeRaft };
    web.metrics.track();
    await m.raft.propose(new Uint8Array());
    await (m.dispatcher!.heartbeat as () => Promise<unknown>)();
    const r = await get(`${web.url}metrics`, { authorization: `Bearer ${TOKEN}` });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('text/plain');
    const v = (series: string) => {
      const line = r.body.split('\n').find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };
    expect(v('swarm_raft_term')).toBe(3);
    expect(v('swarm_raft_leader')).toBe(1);
    expect(v('swarm_raft_commit_index')).toBe(42);
    expect(v('swarm_raft_applied_index')).toBe(41);
    expect(v('swarm_raft_proposal_seconds_count')).toBe(1);
    expect(v('swarm_dispatcher_heartbeat_seconds_count')).toBe(1);
    expect(v('swarm_nodes{status="ready"}')).toBe(1);
    expect(v('swarm_nodes{status="down"}')).toBe(1);
    expect(v('swarm_tasks{state="running"}')).toBe(2);
    expect(v('swarm_tasks{state="pending"}')).toBe(1);
    expect(v('swarm_tasks{state="failed"}')).toBe(0);
    const expiry = v('swarm_node_certificate_expiry_seconds')!;
    expect(expiry).toBeGreaterThan(89 * 86_400);
    expect(expiry).toBeLessThanOrEqual(90 * 86_400);
  });
});

describe('metrics', () => {
  it('wraps each manager once and times only that manager', async () => {
    const store = await cluster();
    const a = fakeManager(store);
    const daemon: { manager: WebManager | undefined; renewer: undefined } = {
      manager: a,
      renewer: undefined,
    };
    const metrics = new SwarmMetrics(daemon);
    metrics.track();
    const wrapped = a.raft.propose;
    metrics.track();
    expect(a.raft.propose).toBe(wrapped);
    await a.raft.propose(new Uint8Array());
    await expect(a.raft.propose(new Uint8Array())).resolves.toEqual({ index: 42n });
    const text = await metrics.text();
    expect(text).toMatch(/^swarm_raft_proposal_seconds_count 2$/m);
    // No certificate yet: the series is absent rather than a made-up value.
    expect(text).not.toMatch(/^swarm_node_certificate_expiry_seconds /m);
    daemon.manager = undefined;
    expect(await metrics.text()).not.toContain('swarm_raft');
  });

  it('keeps the page free of secrets by construction', () => {
    const page = readFileSync(new URL('../src/page.html', import.meta.url), 'utf8');
    // Data is written with textContent only: no HTML parsing of API values.
    expect(page).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});
