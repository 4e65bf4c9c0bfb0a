// Each discovery backend, read by a pool on a manual clock: a change is seen at the next refresh.
// etcd is a real one (Debian's etcd-server) on private directories and loopback ports; the test
// runs inside a private network namespace (unshare -n) like every test that binds ports.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@swarm/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCluster,
  discovery,
  EtcdDiscovery,
  Pool,
  parseAddressList,
  serveTokenService,
  startJoin,
  type TokenServer,
} from '../src/index.js';
import { FakeEngines } from './helpers.js';

const REFRESH = 1000;

async function poolOn(url: string, o: { tokenService?: string } = {}) {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const engines = new FakeEngines();
  for (let i = 1; i <= 9; i++) engines.add(`127.0.13.${i}:2375`, `node-${i}`);
  const pool = new Pool({ discovery: discovery(url, o), client: engines, clock, refreshMs: REFRESH });
  await pool.start();
  /** One refresh interval later. */
  const tick = async () => {
    clock.advance(REFRESH);
    await pool.settled();
  };
  return { pool, clock, tick, names: () => pool.engines().map((e) => e.name) };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'classic-discovery-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nodes://', () => {
  it('is the list in the URL, with ranges, and refuses joins', async () => {
    const { pool, names } = await poolOn('nodes://127.0.13.1:2375,127.0.13.[2:3]:2375');
    expect(names()).toEqual(['node-1', 'node-2', 'node-3']);
    await expect(pool.discovery.register('127.0.13.4:2375', 1000)).rejects.toThrow(/static list/);
    await pool.stop();
  });
});

describe('file://', () => {
  it('is read again at every refresh', async () => {
    const file = join(dir, 'cluster');
    writeFileSync(file, '# the cluster\n127.0.13.1:2375\n\n');
    const { pool, tick, names } = await poolOn(`file://${file}`);
    expect(names()).toEqual(['node-1']);
    writeFileSync(file, '127.0.13.1:2375\n127.0.13.[2:3]:2375 # two more\n');
    await tick();
    expect(names()).toEqual(['node-1', 'node-2', 'node-3']);
    writeFileSync(file, '127.0.13.3:2375\n');
    await tick();
    expect(names()).toEqual(['node-3']);
    await pool.stop();
  });

  it('parses lists and refuses bad addresses', () => {
    expect(parseAddressList('a:1, b:2\n[::1]:3\nunix:///run/d.sock')).toEqual([
      'a:1',
      'b:2',
      '[::1]:3',
      'unix:///run/d.sock',
    ]);
    expect(() => parseAddressList('nohostport')).toThrow(/is not an engine address/);
    expect(() => discovery('consul://x:8500/swarm')).toThrow(
      /consul:\/\/ is not a discovery this swarm knows/,
    );
    expect(() => discovery('token://0123')).toThrow(/needs a token service/);
  });
});

describe('token://', () => {
  let server: TokenServer;
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  beforeAll(async () => {
    server = await serveTokenService({ host: '127.0.13.1', port: 0, clock });
  });
  afterAll(() => server.close());

  it('creates a cluster, sees joins within the refresh interval and expires them after their TTL', async () => {
    const token = await createCluster(server.url);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    const { pool, tick, names } = await poolOn(`token://${token}`, { tokenService: server.url });
    expect(names()).toEqual([]);
    const join = await startJoin({
      discovery: pool.discovery,
      advertise: '127.0.13.2:2375',
      heartbeatMs: 20_000,
      clock,
    });
    await tick();
    expect(names()).toEqual(['node-2']);
    // The join stops: after its TTL (3 heartbeats) the service forgets it and the pool drops it.
    join.stop();
    clock.advance(60_000);
    await tick();
    expect(names()).toEqual([]);
    expect(pool.discovery.shown).toBe(`token://${token.slice(0, 4)}…`);
    await pool.stop();
  });

  it('refuses unknown tokens, bad bodies and bad TTLs', async () => {
    const unknown = discovery(`token://${'f'.repeat(32)}`, { tokenService: server.url });
    await expect(unknown.list()).rejects.toThrow(/404: no such cluster/);
    await expect(unknown.register('127.0.13.1:2375', 1000)).rejects.toThrow(/404/);
    const token = await createCluster(server.url);
    const post = (query: string, body: string) =>
      fetch(`${server.url}/v1/clusters/${token}${query}`, { method: 'POST', body }).then(async (r) => [
        r.status,
        await r.text(),
      ]);
    expect(await post('?ttl=0', '"127.0.13.1:2375"')).toEqual([
      400,
      expect.stringMatching(/ttl must be whole seconds/),
    ]);
    expect(await post('?ttl=10', 'not json')).toEqual([
      400,
      expect.stringMatching(/body must be a JSON string/),
    ]);
    expect(await post('?ttl=10', '"nohostport"')).toEqual([
      400,
      expect.stringMatching(/not an engine address/),
    ]);
    expect((await fetch(`${server.url}/v1/clusters/${token}`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${server.url}/v1/clusters/${token}`)).status).toBe(404);
  });
});

describe('etcd://', () => {
  let etcd: ChildProcess;
  const client = '127.0.13.3:23790';
  beforeAll(async () => {
    const data = join(dir, 'etcd');
    etcd = spawn(
      'etcd',
      [
        '--name=classic',
        `--data-dir=${data}`,
        `--listen-client-urls=http://${client}`,
        `--advertise-client-urls=http://${client}`,
        '--listen-peer-urls=http://127.0.13.3:23800',
        '--initial-advertise-peer-urls=http://127.0.13.3:23800',
        '--initial-cluster=classic=http://127.0.13.3:23800',
        '--log-level=error',
      ],
      { stdio: 'ignore' },
    );
    const probe = new EtcdDiscovery(`etcd://${client}/probe`);
    for (;;) {
      try {
        await probe.list();
        break;
      } catch {
        if (etcd.exitCode !== null) throw new Error(`etcd exited with ${etcd.exitCode}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }, 120_000);
  afterAll(async () => {
    etcd.kill('SIGTERM');
    await new Promise((r) => etcd.once('exit', r));
  });

  it('sees joins within the refresh interval; a key whose lease ran out disappears', async () => {
    const { pool, tick, names } = await poolOn(`etcd://${client}/swarm/test`);
    expect(names()).toEqual([]);
    const d = pool.discovery;
    await d.register('127.0.13.1:2375', 60_000);
    await d.register('127.0.13.2:2375', 1_000);
    // A key beside the path is not ours.
    await new EtcdDiscovery(`etcd://${client}/swarm/testing`).register('127.0.13.9:2375', 60_000);
    await tick();
    expect(names()).toEqual(['node-1', 'node-2']);
    // etcd expires the 1 s lease on its own (real) clock; the next round after that drops node-2.
    await expect
      .poll(
        async () => {
          await tick();
          return names();
        },
        { timeout: 30_000, interval: 250 },
      )
      .toEqual(['node-1']);
    await pool.stop();
  }, 60_000);

  it('refuses malformed URLs and reports an etcd that does not answer', async () => {
    expect(() => discovery('etcd://')).toThrow(/write etcd:\/\/HOST:PORT/);
    await expect(new EtcdDiscovery('etcd://127.0.13.3:1/swarm').list()).rejects.toThrow(/did not answer/);
  });
});
