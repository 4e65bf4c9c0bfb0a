import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from '../src/cluster.js';
import { KvClient } from '../src/kv-client.js';

async function call(endpoint: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`http://${endpoint}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('a three-member cluster of separate processes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'raft-kv-cluster-'));
  // Ports derived from the pid so that parallel runs on one machine do not collide.
  const cluster = new Cluster({ dir, basePort: 20_000 + (process.pid % 400) * 100 });

  beforeAll(async () => {
    await cluster.bootstrap(3);
  });
  afterAll(async () => {
    await cluster.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves put, linearizable get, delete and compare-and-swap from any member', async () => {
    const client = new KvClient({ endpoints: [...cluster.endpoints] });
    await client.put('colour', 'red');
    const elsewhere = new KvClient({ endpoints: [cluster.endpoints[2] as string] });
    expect(await elsewhere.get('colour')).toBe('red');
    expect(await client.cas('colour', 'blue', 'green')).toBe(false);
    expect(await client.cas('colour', 'red', 'green')).toBe(true);
    expect(await elsewhere.get('colour')).toBe('green');
    await client.delete('colour');
    expect(await elsewhere.get('colour')).toBeNull();
    expect(await client.cas('colour', null, 'new')).toBe(true);
    expect(await elsewhere.get('colour')).toBe('new');
  });

  it('applies a retried write once, answering the retry from the session table', async () => {
    const [a, b] = cluster.endpoints as [string, string];
    await call(a, 'PUT', '/kv/retry', { value: 'first', client: 'writer-1', seq: 1 });
    await call(a, 'PUT', '/kv/retry', { value: 'second', client: 'writer-1', seq: 2 });
    const again = await call(b, 'PUT', '/kv/retry', { value: 'second', client: 'writer-1', seq: 2 });
    expect(again.body).toMatchObject({ ok: true, duplicate: true });
    const late = await call(b, 'PUT', '/kv/retry', { value: 'first', client: 'writer-1', seq: 1 });
    expect(late.body).toMatchObject({ ok: false, stale: true });
    expect((await call(b, 'GET', '/kv/retry')).body.value).toBe('second');
  });

  it('rejects a write whose sequence number comes without a client ID', async () => {
    const res = await call(cluster.endpoints[0] as string, 'PUT', '/kv/x', { value: 'v', seq: 3 });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('BAD_REQUEST');
  });

  it('keeps acknowledged writes across a SIGKILL of the leader and its restart', async () => {
    const client = new KvClient({ endpoints: cluster.endpoints });
    for (let i = 0; i < 20; i += 1) await client.put(`k${i}`, `v${i}`);
    const leader = await cluster.waitForLeader();
    await cluster.kill(leader.id);
    const newLeader = await cluster.waitForLeader();
    expect(newLeader.id).not.toBe(leader.id);
    await client.put('after-kill', 'yes');
    await cluster.restart(leader.id);
    const restarted = new KvClient({ endpoints: [cluster.httpAddress(leader.id)] });
    for (let i = 0; i < 20; i += 1) expect(await restarted.get(`k${i}`)).toBe(`v${i}`);
    expect(await restarted.get('after-kill')).toBe('yes');
  });

  it('adds a member at runtime that catches up, then removes one', async () => {
    const client = new KvClient({ endpoints: [...cluster.endpoints] });
    await client.put('before-join', 'here');
    await cluster.start('4', { peers: ['1', '2', '3', '4'], join: true });
    const added = await call(cluster.endpoints[0] as string, 'POST', '/members', {
      id: '4',
      peer: cluster.advertisedAddress('4'),
    });
    expect(added.body.voters).toEqual(['1', '2', '3', '4']);
    const joined = new KvClient({ endpoints: [cluster.httpAddress('4')] });
    expect(await joined.get('before-join')).toBe('here');

    const removed = await call(cluster.httpAddress('4'), 'DELETE', '/members/1');
    expect(removed.body.voters).toEqual(['2', '3', '4']);
    await client.put('after-remove', 'ok');
    expect(await joined.get('after-remove')).toBe('ok');
  });
});
