// Autolock on real daemons (127.0.0.140-143): a manager restarted without the key serves nothing
// (no CLI, no RPC of any service) and keeps its data; a wrong key is refused; the right key
// restores it; rotating the unlock key keeps the cluster running and retires the old key.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeView } from '@swarm/node/control';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, waitFor } from '../src/testing.js';
import {
  allMethods,
  callAs,
  dumpLogsOnFailure,
  formCluster,
  IDLE,
  identityOf,
  runningTasks,
  startNodes,
} from './e2e/helpers.js';

const KEY_RE = /SWMKEY-1-[A-Za-z0-9+/]{43}/;

describe('autolock', () => {
  const cluster = new LocalCluster();
  let m1: LocalNode;
  let m2: LocalNode;
  let m3: LocalNode;
  let w1: LocalNode;
  let key1 = '';

  async function ready(): Promise<boolean> {
    const ls = await m1.json<NodeView[]>(['node', 'ls']);
    return ls.length === 4 && ls.every((n) => n.status === 'ready');
  }

  /**
   * Every RPC of every service against `node`, as manager m1: the methods it served. Raft
   * membership calls are made only while `node` should be locked: served, Leave would take m1
   * out of raft and Join would add a member.
   */
  async function served(node: LocalNode, membership: boolean): Promise<string[]> {
    const me = identityOf(m1);
    const out: string[] = [];
    for (const m of allMethods()) {
      if (!membership && m.service === 'RaftMembership') continue;
      const o = await callAs(node.addr, m, me, {
        timeoutMs: 3000,
        ...(m.path === '/swarm.RaftMembership/Join' ? { request: { addr: m1.addr } } : {}),
      });
      if (o === 'allow') out.push(m.path);
    }
    return out;
  }

  beforeAll(async () => {
    [m1, m2, m3, w1] = await startNodes(
      cluster,
      { name: 'm1', address: '127.0.0.140' },
      { name: 'm2', address: '127.0.0.141' },
      { name: 'm3', address: '127.0.0.142' },
      { name: 'w1', address: '127.0.0.143' },
    );
    await formCluster(m1, [m2, m3], [w1]);
  }, 120_000);

  afterAll(() => cluster.destroy(), 60_000);
  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster));

  it('a manager restarted without the key stays locked, serves nothing, and keeps its data', async () => {
    const out = await m1.ok(['update', '--autolock=true']);
    key1 = KEY_RE.exec(out)?.[0] ?? '';
    expect(key1).not.toBe('');
    await m1.ok(['secret', 'create', 'al_secret', '-'], 'al-secret-value');
    await m1.ok([
      'service',
      'create',
      '--name',
      'al',
      '--replicas',
      '2',
      '--secret',
      'al_secret',
      '--',
      ...IDLE,
    ]);
    await waitFor('2 al tasks', async () => (await runningTasks(m1, 'al')).length === 2, 60_000);
    // m3 rewraps its data key under the unlock key.
    await waitFor(
      'm3 rewrapped',
      () => m3.log.includes('data key rewrapped under the new unlock key'),
      15_000,
    );
    await m3.stop();
    const keysBefore = readFileSync(join(m3.dataDir, 'raft-keys.json'), 'utf8');
    const raftBefore = readdirSync(join(m3.dataDir, 'raft')).sort();
    expect(raftBefore.length).toBeGreaterThan(0);
    expect(keysBefore).not.toContain(key1);
    await m3.start();

    const locked = await m3.swarm(['node', 'ls']);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain('Swarm is encrypted and needs to be unlocked');
    const info = await m3.json<{ localNodeState: string }>(['info']);
    expect(info.localNodeState).toBe('locked');
    expect(await served(m3, true)).toEqual([]);
    // Its data is all there, untouched.
    expect(readFileSync(join(m3.dataDir, 'raft-keys.json'), 'utf8')).toBe(keysBefore);
    expect(readdirSync(join(m3.dataDir, 'raft')).sort()).toEqual(expect.arrayContaining(raftBefore));
    // The rest of the cluster runs on (two of three managers).
    await m1.ok(['service', 'scale', 'al=3']);
    await waitFor('3 al tasks', async () => (await runningTasks(m1, 'al')).length === 3, 60_000);
  }, 180_000);

  it('a wrong key is refused (the node stays locked); the right key unlocks it and it serves again', async () => {
    const wrong = `SWMKEY-1-${Buffer.alloc(32, 9).toString('base64').replace(/=+$/, '')}`;
    const r1 = await m3.swarm(['unlock'], `${wrong}\n`);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toContain('does not open');
    const r2 = await m3.swarm(['unlock'], 'SWMKEY-1-not-a-key\n');
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('invalid unlock key');
    expect((await m3.json<{ localNodeState: string }>(['info'])).localNodeState).toBe('locked');
    expect(await served(m3, true)).toEqual([]);

    await m3.ok(['unlock'], `${key1}\n`);
    expect((await m3.json<{ localNodeState: string }>(['info'])).localNodeState).toBe('active');
    const ls = await waitFor('m3 serves node ls', async () => m3.json<NodeView[]>(['node', 'ls']), 30_000);
    expect(ls.length).toBe(4);
    expect(await m3.json<Array<{ name: string }>>(['service', 'ls'])).toEqual([
      expect.objectContaining({ name: 'al' }),
    ]);
    expect(await served(m3, false)).toContain('/swarm.CA/GetUnlockKey');
    await waitFor('all ready', ready, 30_000);
  }, 120_000);

  it('rotating the unlock key keeps the cluster running; the old key no longer unlocks', async () => {
    const out = await m1.ok(['unlock-key', '--rotate']);
    const key2 = KEY_RE.exec(out)?.[0] ?? '';
    expect(key2).not.toBe('');
    expect(key2).not.toBe(key1);
    // Writes and work go on through the rotation.
    await m1.ok(['service', 'scale', 'al=4']);
    await waitFor('4 al tasks', async () => (await runningTasks(m1, 'al')).length === 4, 60_000);
    expect(await ready()).toBe(true);
    await waitFor(
      'm2 rewrapped under the new key',
      () => m2.log.split('data key rewrapped under the new unlock key').length > 2,
      15_000,
    );
    await m2.stop();
    await m2.start();
    expect((await m2.json<{ localNodeState: string }>(['info'])).localNodeState).toBe('locked');
    const old = await m2.swarm(['unlock'], `${key1}\n`);
    expect(old.code).toBe(1);
    await m2.ok(['unlock'], `${key2}\n`);
    await waitFor('m2 serves', async () => (await m2.json<NodeView[]>(['node', 'ls'])).length === 4, 30_000);
    await waitFor('all ready', ready, 30_000);
    expect((await runningTasks(m1, 'al')).length).toBe(4);
  }, 180_000);
});
