// The swarm CLI end to end, as a person would use it: four daemons as separate processes on
// 127.0.0.21-25, every step through `bin/swarm.js` (the built package). Covers init, join
// (worker and manager), service create / scale / update / rollback / rm, node update / drain /
// rm, secret create / rm, autolock and unlock across a manager restart, join-token and CA
// rotation, and checks the certificates on disk with openssl.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeView, TaskView } from '@swarm/node/control';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, waitFor } from '../src/testing.js';
import { dumpLogsOnFailure, nodeIds, startNodes } from './e2e/helpers.js';

const PORT = 18081;
const WEB = `
const http = require('node:http');
const fs = require('node:fs');
http.createServer((req, res) => {
  res.end(process.env.GREETING + ' ' + fs.readFileSync('/run/secrets/site_key', 'utf8').trim() + ' from ' + process.env.SWARM_TASK_SLOT);
}).listen(Number(process.env.PORT), process.env.HOST);
`;

function base36(bytes: Buffer, width: number): string {
  return BigInt(`0x${bytes.toString('hex')}`)
    .toString(36)
    .padStart(width, '0');
}

async function get(address: string, port = PORT): Promise<string> {
  const res = await fetch(`http://${address}:${port}/`, { signal: AbortSignal.timeout(3000) });
  return res.text();
}

describe('swarm CLI on a real multi-process cluster', () => {
  const cluster = new LocalCluster();
  let m1: LocalNode;
  let m2: LocalNode;
  let w1: LocalNode;
  let w2: LocalNode;
  let workerToken = '';
  let managerToken = '';

  async function tasks(service: string): Promise<TaskView[]> {
    return m1.json<TaskView[]>(['service', 'ps', service]);
  }
  async function running(service: string): Promise<TaskView[]> {
    return (await tasks(service)).filter((t) => t.currentState === 'running' && t.desiredState === 'running');
  }

  beforeAll(async () => {
    [m1, m2, w1, w2] = await startNodes(
      cluster,
      { name: 'm1', address: '127.0.0.21' },
      { name: 'm2', address: '127.0.0.22' },
      { name: 'w1', address: '127.0.0.23' },
      { name: 'w2', address: '127.0.0.24' },
    );
  }, 60_000);

  afterAll(async () => {
    await cluster.destroy();
  }, 60_000);

  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster));

  it("refuses cluster commands before init with Docker's message", async () => {
    const r = await m1.swarm(['node', 'ls']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('This node is not a swarm manager. Use "swarm init" or "swarm join"');
  });

  it('initializes a swarm and joins workers and a manager with tokens', async () => {
    const out = await m1.ok(['init', '--listen-addr', m1.addr]);
    expect(out).toMatch(/Swarm initialized: current node \([a-z0-9]{25}\) is now a manager\./);
    expect(out).toContain(`swarm join --token SWMTKN-1-`);
    const again = await m1.swarm(['init', '--listen-addr', m1.addr]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('This node is already part of a swarm. Use "swarm leave"');

    workerToken = (await m1.ok(['join-token', '-q', 'worker'])).trim();
    managerToken = (await m1.ok(['join-token', '-q', 'manager'])).trim();
    expect(workerToken).toMatch(/^SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}$/);
    expect(managerToken).not.toBe(workerToken);

    expect(await w1.ok(['join', '--token', workerToken, '--listen-addr', w1.addr, m1.addr])).toContain(
      'This node joined a swarm as a worker.',
    );
    expect(await w2.ok(['join', '--token', workerToken, '--listen-addr', w2.addr, m1.addr])).toContain(
      'This node joined a swarm as a worker.',
    );
    expect(await m2.ok(['join', '--token', managerToken, '--listen-addr', m2.addr, m1.addr])).toContain(
      'This node joined a swarm as a manager.',
    );
    const nodes = await waitFor('four ready nodes', async () => {
      const ls = await m1.json<NodeView[]>(['node', 'ls']);
      return ls.length === 4 && ls.every((n) => n.status === 'ready') ? ls : undefined;
    });
    expect(
      nodes
        .filter((n) => n.role === 'manager')
        .map((n) => n.hostname)
        .sort(),
    ).toEqual(['m1', 'm2']);
    expect(nodes.find((n) => n.hostname === 'm1')?.managerStatus).toBe('Leader');
    // A follower manager serves the CLI too.
    expect((await m2.json<NodeView[]>(['node', 'ls'])).length).toBe(4);
    // A worker does not.
    const onWorker = await w1.swarm(['node', 'ls']);
    expect(onWorker.code).toBe(1);
    expect(onWorker.stderr).toContain('This node is not a swarm manager.');
  }, 120_000);

  it('keeps certificates on disk that openssl verifies, with the right subject, and a token pinning the root', async () => {
    const ids = await nodeIds(m1);
    const info = JSON.parse(await m1.ok(['info', '--format', 'json'])) as { clusterId: string };
    for (const n of [m1, m2, w1, w2]) {
      const dir = join(n.dataDir, 'certificates');
      const root = join(dir, 'swarm-root-ca.crt');
      const cert = join(dir, 'swarm-node.crt');
      expect(execFileSync('openssl', ['verify', '-CAfile', root, cert]).toString()).toContain(': OK');
      const subject = execFileSync('openssl', [
        'x509',
        '-noout',
        '-subject',
        '-nameopt',
        'RFC2253',
        '-in',
        cert,
      ])
        .toString()
        .trim();
      const role = n === m1 || n === m2 ? 'swarm-manager' : 'swarm-worker';
      expect(subject).toBe(`subject=CN=${ids[n.name]},OU=${role},O=${info.clusterId}`);
      expect(statSync(join(dir, 'swarm-node.key')).mode & 0o777).toBe(0o600);
    }
    const digest = base36(
      createHash('sha256')
        .update(readFileSync(join(w1.dataDir, 'certificates', 'swarm-root-ca.crt')))
        .digest(),
      50,
    );
    expect(workerToken.split('-')[2]).toBe(digest);
  });

  it('runs a replicated service with a secret and a published port reachable on every node', async () => {
    await m1.ok(['secret', 'create', 'site_key', '-'], 's3cr3t-value\n');
    const secrets = await m1.json<Array<{ name: string }>>(['secret', 'ls']);
    expect(secrets.map((s) => s.name)).toEqual(['site_key']);
    expect(await m1.ok(['secret', 'inspect', 'site_key'])).not.toContain('s3cr3t');
    await m1.ok([
      'service',
      'create',
      '--name',
      'web',
      '--replicas',
      '3',
      '--publish',
      `${PORT}:80`,
      '--secret',
      'site_key',
      '--env',
      'GREETING=hello',
      '--',
      process.execPath,
      '-e',
      WEB,
    ]);
    await waitFor('3 running web tasks', async () => (await running('web')).length === 3, 60_000);
    for (const n of cluster.nodes)
      await waitFor(
        `web through ${n.name}`,
        async () => /^hello s3cr3t-value from \d$/.test(await get(n.address)),
        30_000,
      );

    await m1.ok(['service', 'scale', 'web=5']);
    await waitFor('5 running web tasks', async () => (await running('web')).length === 5, 60_000);
    const logs = await m1.ok(['service', 'logs', 'web']);
    expect(typeof logs).toBe('string');
  }, 180_000);

  it('rolls an update out and back', async () => {
    await m1.ok(['service', 'update', '--env-add', 'GREETING=bonjour', '--update-parallelism', '2', 'web']);
    await waitFor(
      'the update on every task',
      async () => {
        const r = await running('web');
        if (r.length !== 5) return false;
        const env = r.map((t) => JSON.stringify(t.raw));
        return env.every((e) => e.includes('GREETING=bonjour'));
      },
      120_000,
    );
    expect(await waitFor('bonjour', async () => (await get(m2.address)).startsWith('bonjour'), 30_000)).toBe(
      true,
    );
    await m1.ok(['service', 'rollback', 'web']);
    await waitFor(
      'the rollback on every task',
      async () => {
        const r = await running('web');
        return r.length === 5 && r.every((t) => JSON.stringify(t.raw).includes('GREETING=hello'));
      },
      120_000,
    );
  }, 300_000);

  it('places zoned work only in its zone and drains a node', async () => {
    await m1.ok(['node', 'update', '--label-add', 'swarm.zone=pci', 'w1']);
    await waitFor(
      'w1 certificate carries the zone',
      async () => {
        const n = await m1.json<NodeView>(['node', 'inspect', 'w1']);
        return (Array.isArray(n) ? n[0] : n).zone === 'pci';
      },
      30_000,
    );
    await m1.ok([
      'service',
      'create',
      '--name',
      'pay',
      '--replicas',
      '2',
      '--constraint',
      'node.labels.swarm.zone==pci',
      '--',
      process.execPath,
      '-e',
      'setInterval(() => {}, 1000)',
    ]);
    const pay = await waitFor(
      '2 pay tasks',
      async () => {
        const r = await running('pay');
        return r.length === 2 ? r : undefined;
      },
      60_000,
    );
    expect(pay.every((t) => t.nodeHostname === 'w1')).toBe(true);

    await m1.ok(['node', 'update', '--availability', 'drain', 'w2']);
    await waitFor(
      'no web task on drained w2',
      async () => {
        const r = await running('web');
        return r.length === 5 && r.every((t) => t.nodeHostname !== 'w2');
      },
      60_000,
    );
    await m1.ok(['node', 'update', '--availability', 'active', 'w2']);
  }, 180_000);

  it('removes a node: refused while it is up, then forced; its tasks run elsewhere', async () => {
    const refused = await m1.swarm(['node', 'rm', 'w1']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is not down');
    await w1.stop();
    await m1.ok(['node', 'rm', '--force', 'w1']);
    const ls = await m1.json<NodeView[]>(['node', 'ls']);
    expect(ls.map((n) => n.hostname).sort()).toEqual(['m1', 'm2', 'w2']);
    // pay had only w1 in its zone: its tasks wait, with the scheduler's reason.
    await waitFor(
      'web back to 5 elsewhere',
      async () => {
        const r = await running('web');
        return r.length === 5 && r.every((t) => t.nodeHostname !== 'w1');
      },
      60_000,
    );
  }, 120_000);

  it('removes services and secrets (a secret in use is refused first)', async () => {
    const inUse = await m1.swarm(['secret', 'rm', 'site_key']);
    expect(inUse.code).toBe(1);
    expect(inUse.stderr).toContain('in use by the following service');
    await m1.ok(['service', 'rm', 'pay', 'web']);
    expect(await m1.json<unknown[]>(['service', 'ls'])).toEqual([]);
    await m1.ok(['secret', 'rm', 'site_key']);
    expect(await m1.json<unknown[]>(['secret', 'ls'])).toEqual([]);
  }, 60_000);

  it('autolocks managers: a restarted manager stays locked until unlocked with the key', async () => {
    const out = await m1.ok(['update', '--autolock=true']);
    const key = /SWMKEY-1-[A-Za-z0-9+/]{43}/.exec(out)?.[0];
    expect(key).toBeDefined();
    expect((await m1.ok(['unlock-key', '-q'])).trim()).toBe(key);
    await new Promise((r) => setTimeout(r, 1000)); // m2 rewraps its data key under the new key
    await m2.stop();
    await m2.start();
    const locked = await m2.swarm(['node', 'ls']);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain('Swarm is encrypted and needs to be unlocked');
    const wrong = await m2.swarm(
      ['unlock'],
      `SWMKEY-1-${Buffer.alloc(32, 7).toString('base64').replace(/=+$/, '')}\n`,
    );
    expect(wrong.code).toBe(1);
    await m2.ok(['unlock'], `${key}\n`);
    expect((await m2.json<NodeView[]>(['node', 'ls'])).length).toBe(3);
  }, 120_000);

  it('rotates a join token (the old one is refused) and the root CA', async () => {
    const w3 = cluster.add({ name: 'w3', address: '127.0.0.25' });
    await w3.start();
    await m1.ok(['join-token', '--rotate', 'worker']);
    const rotated = (await m1.ok(['join-token', '-q', 'worker'])).trim();
    expect(rotated).not.toBe(workerToken);
    const refused = await w3.swarm(['join', '--token', workerToken, '--listen-addr', w3.addr, m1.addr]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('not valid');

    const rootBefore = readFileSync(join(m1.dataDir, 'certificates', 'swarm-root-ca.crt'), 'utf8');
    await m1.ok(['ca', '--rotate']);
    const rootAfter = readFileSync(join(m1.dataDir, 'certificates', 'swarm-root-ca.crt'), 'utf8');
    expect(rootAfter).not.toBe(rootBefore);
    const after = (await m1.ok(['join-token', '-q', 'worker'])).trim();
    expect(after).not.toBe(rotated);
    for (const n of [m1, m2, w2]) {
      const dir = join(n.dataDir, 'certificates');
      expect(readFileSync(join(dir, 'swarm-root-ca.crt'), 'utf8')).toBe(rootAfter);
      expect(
        execFileSync('openssl', [
          'verify',
          '-CAfile',
          join(dir, 'swarm-root-ca.crt'),
          join(dir, 'swarm-node.crt'),
        ]).toString(),
      ).toContain(': OK');
    }
    // The new token works for a new node, and the cluster still answers.
    expect(await w3.ok(['join', '--token', after, '--listen-addr', w3.addr, m1.addr])).toContain(
      'as a worker',
    );
    await waitFor(
      'w3 ready',
      async () => {
        const ls = await m1.json<NodeView[]>(['node', 'ls']);
        return ls.find((n) => n.hostname === 'w3')?.status === 'ready';
      },
      30_000,
    );
  }, 180_000);

  it('promotes a worker to manager (it joins raft and serves the CLI) and demotes it again', async () => {
    await m1.ok(['node', 'promote', 'w2']);
    await waitFor(
      'w2 reachable as a manager',
      async () => {
        const ls = await m1.json<NodeView[]>(['node', 'ls']);
        return ls.find((n) => n.hostname === 'w2')?.managerStatus === 'Reachable';
      },
      60_000,
    );
    // w2's own replica catches up a moment after m1 sees it as a manager.
    const self = await waitFor('w2 serving node ls with itself in it', async () =>
      (await w2.json<NodeView[]>(['node', 'ls'])).find((n) => n.self),
    );
    expect(self.role).toBe('manager');
    await m1.ok(['node', 'demote', 'w2']);
    await waitFor('w2 back to a worker', async () => (await w2.swarm(['node', 'ls'])).code === 1, 60_000);
    expect((await m1.json<NodeView[]>(['node', 'ls'])).find((n) => n.hostname === 'w2')?.role).toBe('worker');
  }, 150_000);
});
