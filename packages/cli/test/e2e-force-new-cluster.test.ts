// Recovery from quorum loss on real daemons (127.0.6.20-24): an autolocked cluster of three
// managers and two workers loses two managers for good (SIGKILL, data directories deleted). The
// survivor, restarted and unlocked, runs `swarm init --force-new-cluster`: it becomes the only
// manager with every service, secret, config, node, the CA and the tokens; the lost managers are removed;
// the workers reconnect and keep their running tasks (same task IDs); published ports answer
// again; and the cluster accepts writes.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigView, InfoResult, NodeView, TaskView } from '@swarm/node/control';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, waitFor } from '../src/testing.js';
import { dumpLogsOnFailure, formCluster, startNodes } from './e2e/helpers.js';

const PUBLISHED = 18270;
const WEB = `
const fs = require('node:fs');
require('node:http').createServer((req, res) => res.end(fs.readFileSync('/run/secrets/fnc_key', 'utf8').trim() + ' ' + fs.readFileSync('/conf/fnc.conf', 'utf8').trim() + ' ' + process.env.SWARM_TASK_SLOT))
  .listen(Number(process.env.PORT), process.env.HOST);
`;

async function get(address: string): Promise<string> {
  const res = await fetch(`http://${address}:${PUBLISHED}/`, { signal: AbortSignal.timeout(3000) });
  return res.text();
}

describe('swarm init --force-new-cluster', () => {
  const cluster = new LocalCluster();
  let m1: LocalNode;
  let m2: LocalNode;
  let m3: LocalNode;
  let w1: LocalNode;
  let w2: LocalNode;
  let unlockKey = '';
  let workerTasks: string[] = [];
  const backupFile = join(cluster.root, 'm3.swarm-backup');

  const running = async (on: LocalNode, service: string) =>
    (await on.json<TaskView[]>(['service', 'ps', service])).filter(
      (t) => t.currentState === 'running' && t.desiredState === 'running',
    );

  /** The config came back with its data, and is still in use by the web service. */
  async function expectConfigBack(on: LocalNode): Promise<void> {
    const configs = await on.json<ConfigView[]>(['config', 'ls']);
    expect(configs.map((c) => c.name)).toEqual(['fnc_conf']);
    expect(Buffer.from(configs[0]!.dataBase64, 'base64').toString()).toBe('fnc-config\n');
    const rm = await on.swarm(['config', 'rm', 'fnc_conf']);
    expect(rm.stderr).toBe("Error: config 'fnc_conf' is in use by the following service: web\n");
  }

  beforeAll(async () => {
    [m1, m2, m3, w1, w2] = await startNodes(
      cluster,
      { name: 'm1', address: '127.0.6.20' },
      { name: 'm2', address: '127.0.6.21' },
      { name: 'm3', address: '127.0.6.22' },
      { name: 'w1', address: '127.0.6.23' },
      { name: 'w2', address: '127.0.6.24' },
    );
  }, 120_000);

  afterAll(async () => {
    await cluster.destroy();
  }, 60_000);

  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster));

  it('builds an autolocked cluster with a secret and a published service', async () => {
    await formCluster(m1, [m2, m3], [w1, w2], ['--autolock'], 120_000);
    unlockKey = (await m1.ok(['unlock-key', '-q'])).trim();
    await m1.ok(['secret', 'create', 'fnc_key', '-'], 'fnc-secret\n');
    await m1.ok(['config', 'create', 'fnc_conf', '-'], 'fnc-config\n');
    await m1.ok([
      'service',
      'create',
      '--name',
      'web',
      '--replicas',
      '5',
      '--publish',
      `${PUBLISHED}:80`,
      '--secret',
      'fnc_key',
      '--config',
      'source=fnc_conf,target=/conf/fnc.conf',
      '--',
      process.execPath,
      '-e',
      WEB,
    ]);
    await waitFor('five running web tasks', async () => (await running(m1, 'web')).length === 5, 120_000);
    const ids = await m1.json<NodeView[]>(['node', 'ls']);
    const workerIds = new Set(ids.filter((n) => n.hostname.startsWith('w')).map((n) => n.id));
    workerTasks = (await running(m1, 'web'))
      .filter((t) => workerIds.has(t.nodeId))
      .map((t) => t.id)
      .sort();
    expect(workerTasks.length).toBeGreaterThan(0);
    // A backup of m3 now (autolock: encrypted under the unlock key), restored in a later test.
    const out = await m3.ok(['backup', '--output', backupFile]);
    expect(out).toContain(`written to ${backupFile}`);
    const bytes = readFileSync(backupFile);
    expect(bytes.subarray(0, 15).toString()).toBe('SWARM-BACKUP-1\n');
    expect(bytes.includes(Buffer.from('fnc-secret'))).toBe(false);
    expect(bytes.includes(Buffer.from('fnc-config'))).toBe(false);
    expect(bytes.includes(Buffer.from('BEGIN EC PRIVATE KEY'))).toBe(false);
    expect(bytes.includes(Buffer.from('PRIVATE KEY'))).toBe(false);
  }, 300_000);

  it('the survivor of two lost managers becomes the only manager, with all state, and accepts writes', async () => {
    for (const m of [m1, m2]) {
      await m.stop('SIGKILL');
      rmSync(m.dataDir, { recursive: true, force: true });
    }
    // Without a quorum nothing can be written.
    const refused = await m3.swarm(['secret', 'create', 'nope', '-'], 'x\n');
    expect(refused.code).toBe(1);
    // The survivor restarts locked (autolock): unlock it first, as Docker requires.
    await m3.stop();
    await m3.start();
    expect((JSON.parse(await m3.ok(['info', '--format', 'json'])) as InfoResult).localNodeState).toBe(
      'locked',
    );
    const locked = await m3.swarm(['init', '--force-new-cluster']);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain('Swarm is encrypted and needs to be unlocked');
    await m3.ok(['unlock'], `${unlockKey}\n`);

    const out = await m3.ok(['init', '--force-new-cluster']);
    expect(out).toMatch(/^Swarm initialized: current node \([a-z0-9]{25}\) is now a manager\./);
    expect(out).toContain('Removed 2 other managers from the swarm');

    const info = JSON.parse(await m3.ok(['info', '--format', 'json'])) as InfoResult;
    expect(info.raft?.members).toBe(1);
    expect(info.managers).toBe(1);
    expect(info.autolock).toBe(true);
    const nodes = await waitFor(
      'm3 and both workers ready',
      async () => {
        const ls = await m3.json<NodeView[]>(['node', 'ls']);
        return ls.length === 3 && ls.every((n) => n.status === 'ready') ? ls : undefined;
      },
      120_000,
    );
    expect(nodes.map((n) => n.hostname).sort()).toEqual(['m3', 'w1', 'w2']);
    expect(nodes.find((n) => n.hostname === 'm3')?.managerStatus).toBe('Leader');
    // Services, secrets and the tokens survived; the workers kept their running tasks.
    expect((await m3.json<Array<{ name: string }>>(['secret', 'ls'])).map((s) => s.name)).toEqual([
      'fnc_key',
    ]);
    await expectConfigBack(m3);
    await waitFor(
      'five running web tasks again',
      async () => (await running(m3, 'web')).length === 5,
      180_000,
    );
    const nowRunning = new Set((await running(m3, 'web')).map((t) => t.id));
    for (const id of workerTasks) expect(nowRunning.has(id)).toBe(true);
    for (const n of [m3, w1, w2])
      await waitFor(
        `port ${PUBLISHED} on ${n.name}`,
        async () => /^fnc-secret fnc-config \d$/.test(await get(n.address)),
        60_000,
      );

    // Writes are accepted.
    await m3.ok(['secret', 'create', 'after_key', '-'], 'after\n');
    await m3.ok(['service', 'scale', 'web=6']);
    await waitFor('six running web tasks', async () => (await running(m3, 'web')).length === 6, 120_000);
    // The unlock key still opens this manager after a restart.
    await m3.stop();
    await m3.start();
    await m3.ok(['unlock'], `${unlockKey}\n`);
    await waitFor(
      'leader again',
      async () => (await m3.json<NodeView[]>(['node', 'ls'])).length === 3,
      60_000,
    );
  }, 600_000);

  it('refuses --force-new-cluster on a worker and on a node outside any swarm', async () => {
    const onWorker = await w1.swarm(['init', '--force-new-cluster']);
    expect(onWorker.code).toBe(1);
    expect(onWorker.stderr).toContain('--force-new-cluster needs a node that is a manager of a swarm');
    await m1.start();
    const fresh = await m1.swarm(['init', '--force-new-cluster']);
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toContain('--force-new-cluster needs a node that is a manager of a swarm');
  }, 120_000);

  /** A fingerprint of a data directory's swarm files (names, state, key file, certificates). */
  function fingerprint(dir: string): string {
    const h = createHash('sha256');
    h.update(readdirSync(dir).sort().join('\n'));
    for (const f of [
      'state.json',
      'raft-keys.json',
      'certificates/swarm-node.key',
      'certificates/swarm-node.crt',
    ])
      h.update(readFileSync(join(dir, f)));
    h.update(readdirSync(join(dir, 'raft')).sort().join('\n'));
    return h.digest('hex');
  }

  let m3b: LocalNode;

  it('a backup restored on a fresh data directory brings the cluster back after --force-new-cluster', async () => {
    await m3.stop('SIGKILL');
    rmSync(m3.dataDir, { recursive: true, force: true });
    // A new machine takes the lost manager's address.
    m3b = cluster.add({ name: 'm3b', address: '127.0.6.22' });
    const restored = await m3b.ok(['restore', backupFile], `${unlockKey}\n`);
    expect(restored).toContain('Restored manager');
    expect(restored).toContain('swarm init --force-new-cluster');
    await m3b.start();
    await m3b.ok(['unlock'], `${unlockKey}\n`);
    const out = await m3b.ok(['init', '--force-new-cluster']);
    expect(out).toContain('Removed 2 other managers from the swarm');
    const nodes = await waitFor(
      'the restored manager and both workers ready',
      async () => {
        const ls = await m3b.json<NodeView[]>(['node', 'ls']);
        return ls.length === 3 && ls.every((n) => n.status === 'ready') ? ls : undefined;
      },
      180_000,
    );
    expect(nodes.filter((n) => n.hostname.startsWith('w')).length).toBe(2);
    expect((await m3b.json<Array<{ name: string }>>(['secret', 'ls'])).map((s) => s.name)).toEqual([
      'fnc_key',
    ]);
    await expectConfigBack(m3b);
    await waitFor('five running web tasks', async () => (await running(m3b, 'web')).length === 5, 180_000);
    for (const n of [m3b, w1, w2])
      await waitFor(
        `port ${PUBLISHED} on ${n.name}`,
        async () => /^fnc-secret fnc-config \d$/.test(await get(n.address)),
        60_000,
      );
    await m3b.ok(['secret', 'create', 'restored_key', '-'], 'r\n');
    await m3b.ok(['service', 'scale', 'web=3']);
    await waitFor('three running web tasks', async () => (await running(m3b, 'web')).length === 3, 120_000);
  }, 600_000);

  it('restore refuses a backup of another cluster, a truncated file and a wrong key, changing nothing', async () => {
    // Cluster B on the fresh m1, backed up under a passphrase (it has no unlock key).
    await m1.ok(['init', '--listen-addr', m1.addr]);
    const noKey = await m1.swarm(['backup', '--output', join(cluster.root, 'none')]);
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toContain('a backup is never written unencrypted');
    const pf = join(cluster.root, 'passphrase');
    writeFileSync(pf, 'correct horse battery staple\n', { mode: 0o600 });
    const other = join(cluster.root, 'other.swarm-backup');
    await m1.ok(['backup', '--output', other, '--passphrase-file', pf]);

    await m3b.stop();
    const before = fingerprint(m3b.dataDir);
    const foreign = await m3b.swarm(['restore', other, '--passphrase-file', pf]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(
      /^Error: this backup is of cluster [a-z0-9]{25}, but .* holds a node of cluster [a-z0-9]{25}/,
    );

    const truncated = join(cluster.root, 'truncated.swarm-backup');
    const full = readFileSync(backupFile);
    writeFileSync(truncated, full.subarray(0, Math.floor(full.length / 2)));
    const cut = await m3b.swarm(['restore', truncated], `${unlockKey}\n`);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain('the backup file is truncated');

    const wrongKey = `SWMKEY-1-${randomBytes(32).toString('base64').replace(/=+$/, '')}`;
    const wrong = await m3b.swarm(['restore', backupFile], `${wrongKey}\n`);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('the unlock key does not open this backup');
    const badPass = join(cluster.root, 'bad-passphrase');
    writeFileSync(badPass, 'not the passphrase\n', { mode: 0o600 });
    const wrongPass = await m3b.swarm(['restore', other, '--passphrase-file', badPass]);
    expect(wrongPass.code).toBe(1);
    expect(wrongPass.stderr).toContain('the passphrase does not open this backup');

    expect(fingerprint(m3b.dataDir)).toBe(before);
    // And the untouched manager still starts and serves.
    await m3b.start();
    await m3b.ok(['unlock'], `${unlockKey}\n`);
    await waitFor(
      'm3b serves again',
      async () => (await m3b.json<NodeView[]>(['node', 'ls'])).length === 3,
      60_000,
    );
  }, 300_000);
});
