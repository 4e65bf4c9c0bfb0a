// The bench itself, on the real machine: a private engine inside a namespace, a registry with
// authentication, a busybox image pushed and pulled, a published port reached through the
// dialer, a two-host LAN, and a cleanup (also of a crashed run) that leaves nothing behind.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engine, type Namespace, pidsMatching, poll, sweepStale, Testbed } from '../src/index.js';
import { alive } from '../src/process.js';

const AUTH = { username: 'tester', password: 'correct horse' };

describe('Testbed', () => {
  let tb: Testbed;
  let ns: Namespace;
  let engine: Engine;

  beforeAll(async () => {
    tb = await Testbed.create({ prefix: 'sw17' });
    ns = await tb.namespace('tb');
    engine = await tb.engine({ name: 'tb', netns: ns });
    await tb.registry({ name: 'tb', addr: '127.0.2.1:5000', netns: ns, auth: AUTH });
    await tb.busyboxImage(engine, 'busybox:local');
  }, 120_000);

  afterAll(async () => {
    await tb?.cleanup();
  }, 60_000);

  it('pushes an image to a registry that wants credentials, and pulls it back', async () => {
    const ref = '127.0.2.1:5000/tb/busybox:1';
    await tb.tagImage(engine, 'busybox:local', ref);
    await expect(tb.pushImage(engine, ref)).rejects.toThrow(/no basic auth credentials|unauthorized/);
    const auth = { ...AUTH, serveraddress: '127.0.2.1:5000' };
    await tb.pushImage(engine, ref, auth);
    await engine.docker.getImage(ref).remove();
    await tb.pullImage(engine, ref, auth);
    const img = await engine.docker.getImage(ref).inspect();
    expect(img.Config.Cmd).toEqual(['sh']);
  });

  it('runs a container whose published port the dialer reaches inside the namespace', async () => {
    const c = await engine.docker.createContainer({
      Image: 'busybox:local',
      Cmd: ['httpd', '-f', '-p', '80', '-h', '/var/www'],
      ExposedPorts: { '80/tcp': {} },
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.2.1', HostPort: '' }] } },
    });
    await c.start();
    const port = Number((await c.inspect()).NetworkSettings.Ports['80/tcp']?.[0]?.HostPort);
    expect(port).toBeGreaterThan(0);
    const dialer = await tb.dialer(ns);
    const res = await poll(
      'the page',
      () => dialer.get('127.0.2.1', port, '/index.html').catch(() => undefined),
      10_000,
    );
    expect(res.status).toBe(200);
    expect(res.body).toBe('hello from busybox\n');
    // The test's own namespace has no such service.
    await expect(tb.dialer().then((d) => d.connect('127.0.2.1', port))).rejects.toThrow(/ECONNREFUSED/);
  });

  it('wires a LAN of two hosts through a bridge namespace', async () => {
    const lan = await tb.lan('tl', 2, '10.217.0');
    expect(lan.hosts.map((h) => h.addr)).toEqual(['10.217.0.1', '10.217.0.2']);
    const server = spawn(
      lan.hosts[1]!.ns.wrap([
        process.execPath,
        '-e',
        "require('net').createServer((s) => s.end('hi from h2\\n')).listen(7000, '10.217.0.2')",
      ])[0]!,
      lan.hosts[1]!.ns.wrap([
        process.execPath,
        '-e',
        "require('net').createServer((s) => s.end('hi from h2\\n')).listen(7000, '10.217.0.2')",
      ]).slice(1),
      { stdio: 'ignore' },
    );
    try {
      const dialer = await tb.dialer(lan.hosts[0]!.ns);
      const text = await poll(
        'h2 through the bridge',
        async () => {
          const s = await dialer.connect('10.217.0.2', 7000).catch(() => undefined);
          if (s === undefined) return undefined;
          return new Promise<string>((resolve) => {
            let t = '';
            s.on('data', (d) => {
              t += d;
            });
            s.on('close', () => resolve(t));
            s.resume();
          });
        },
        10_000,
      );
      expect(text).toBe('hi from h2\n');
      expect(await lan.hosts[0]!.ns.ip('-o', 'addr', 'show', 'eth0')).toContain('10.217.0.1/24');
    } finally {
      server.kill('SIGKILL');
    }
  });

  it('cleanup removes the engine, its containers, namespaces and files', async () => {
    const other = await Testbed.create({ prefix: 'sw17' });
    const ns2 = await other.namespace('tc');
    const e2 = await other.engine({ name: 'tc' });
    await other.busyboxImage(e2, 'busybox:local');
    const c = await e2.docker.createContainer({
      Image: 'busybox:local',
      Cmd: ['sleep', '600'],
      HostConfig: { NetworkMode: 'none' },
    });
    await c.start();
    const pid = (await c.inspect()).State.Pid;
    expect(alive(pid)).toBe(true);
    await other.cleanup();
    expect(alive(pid)).toBe(false);
    expect(existsSync(ns2.path)).toBe(false);
    expect(existsSync(other.dir)).toBe(false);
    expect(pidsMatching(other.dir)).toEqual([]);
  });

  it('a later run sweeps what a crashed run left: its processes and namespaces', async () => {
    const base = join(tb.base);
    const dead = join(base, '999999999-1-abcdef');
    mkdirSync(dead, { recursive: true });
    const nsName = `sw17-crashed-${process.pid}`;
    spawnSyncOk(['ip', 'netns', 'add', nsName]);
    writeFileSync(join(dead, 'namespaces'), `${nsName}\n`);
    const orphan = spawn('sh', ['-c', `sleep 600 # ${dead}`], { stdio: 'ignore', detached: true });
    orphan.unref();
    await poll('the orphan to run', () => pidsMatching(dead).length > 0, 5_000);
    const removed = sweepStale(base);
    expect(removed).toContain('999999999-1-abcdef');
    expect(existsSync(`/run/netns/${nsName}`)).toBe(false);
    expect(existsSync(dead)).toBe(false);
    await poll('the orphan to be gone', () => !alive(orphan.pid!), 5_000);
  });
});

function spawnSyncOk(argv: string[]): void {
  if (spawnSync(argv[0]!, argv.slice(1), { stdio: 'ignore' }).status !== 0)
    throw new Error(`${argv.join(' ')} failed`);
}
