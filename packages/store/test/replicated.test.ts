import { isSwarmError, ManualClock, seededRandom } from '@swarm/api';
import type { MemberId, RecordCipher } from '@swarm/raft';
import { LocalNetwork, memoryRaftStorage, RaftNode, type RaftStorage } from '@swarm/raft/driver';
import { afterEach, describe, expect, it } from 'vitest';
import { ReplicatedStore, type StoreApplyResult, type StoreEvent } from '../src/index.js';
import { containsBytes, Objects, testCipher } from './helpers.js';

const flush = () => new Promise<void>((r) => setImmediate(r));

class Cluster {
  readonly clock = new ManualClock(0);
  readonly net = new LocalNetwork();
  readonly nodes = new Map<MemberId, RaftNode<StoreApplyResult | undefined>>();
  readonly stores = new Map<MemberId, ReplicatedStore>();
  readonly storages = new Map<MemberId, RaftStorage>();
  readonly events = new Map<MemberId, string[]>();
  #seed = 1;

  constructor(readonly cipher: RecordCipher = testCipher()) {}

  async add(id: MemberId, bootstrap?: MemberId[], snapshotInterval = 10_000) {
    const store = new ReplicatedStore({ clock: this.clock, cipher: this.cipher });
    const storage = memoryRaftStorage();
    const node = new RaftNode<StoreApplyResult | undefined>({
      id,
      storage,
      transport: this.net.transport(id),
      stateMachine: store,
      clock: this.clock,
      random: seededRandom(this.#seed++),
      tickMs: 100,
      snapshotInterval,
      keepEntries: 5,
      timeoutMs: 3_000,
      ...(bootstrap ? { bootstrap } : {}),
    });
    store.attach(node);
    const log: string[] = [];
    store.watch({}, (events: StoreEvent[]) => {
      for (const e of events) log.push(`${e.action} ${e.kind} ${e.object.id}`);
    });
    this.events.set(id, log);
    this.net.attach(id, node);
    this.nodes.set(id, node);
    this.stores.set(id, store);
    this.storages.set(id, storage);
    await node.start();
    return { node, store };
  }

  async run(ms: number) {
    for (let t = 0; t < ms; t += 10) {
      this.clock.advance(10);
      await flush();
    }
  }

  async leader(exclude?: MemberId): Promise<MemberId> {
    for (let i = 0; i < 200; i++) {
      const l = [...this.nodes.values()].find((n) => n.isLeader && n.id !== exclude);
      if (l) return l.id;
      await this.run(100);
    }
    throw new Error('no leader elected');
  }

  store(id: MemberId): ReplicatedStore {
    return this.stores.get(id)!;
  }

  /** Resolves a promise while virtual time moves. */
  async settle<T>(p: Promise<T>, ms = 10_000): Promise<T> {
    let done = false;
    const out = p.finally(() => {
      done = true;
    });
    out.catch(() => {}); // handled by the caller, which awaits `out` after the loop
    for (let t = 0; t < ms && !done; t += 10) {
      this.clock.advance(10);
      await flush();
    }
    return out;
  }

  dump(id: MemberId): string[] {
    return this.store(id).view((tx) =>
      (['cluster', 'node', 'service', 'task', 'secret'] as const).flatMap((k) =>
        tx
          .list(k)
          .map((x) => `${k} ${JSON.stringify(x)}`)
          .sort(),
      ),
    );
  }
}

let cluster: Cluster | undefined;
afterEach(async () => {
  for (const n of cluster?.nodes.values() ?? []) await n.stop();
  cluster = undefined;
});

async function threeMembers(): Promise<Cluster> {
  const c = new Cluster();
  for (const id of [1n, 2n, 3n]) await c.add(id, [1n, 2n, 3n]);
  return c;
}

describe('ReplicatedStore on three RaftNodes', () => {
  it('makes writes on the leader visible on followers, and watches fire on every member', async () => {
    cluster = await threeMembers();
    const leader = await cluster.leader();
    const o = new Objects();
    const svc = o.service('web');
    const tasks = [o.task(svc.id, 'n1'), o.task(svc.id, 'n2')];
    const res = await cluster.settle(
      cluster.store(leader).update((tx) => {
        tx.create('service', svc);
        for (const t of tasks) tx.create('task', t);
      }),
    );
    // Resolved only once applied on the proposing member.
    expect(cluster.store(leader).view((tx) => tx.get('service', svc.id))).toBeDefined();
    await cluster.run(500);
    for (const id of [1n, 2n, 3n]) {
      expect(cluster.store(id).version).toBe(res.version);
      expect(cluster.store(id).view((tx) => tx.find('task', { serviceId: svc.id }))).toHaveLength(2);
      expect(cluster.events.get(id)).toEqual([
        `create service ${svc.id}`,
        ...tasks.map((t) => `create task ${t.id}`),
      ]);
    }
    expect(cluster.dump(2n)).toEqual(cluster.dump(1n));
    expect(cluster.dump(3n)).toEqual(cluster.dump(1n));
  });

  it('accepts an update on a follower (forwarded to the leader) and resolves it once applied there', async () => {
    cluster = await threeMembers();
    const leader = await cluster.leader();
    const follower = [1n, 2n, 3n].find((id) => id !== leader)!;
    const o = new Objects();
    const n = o.node('worker-1');
    await cluster.settle(cluster.store(follower).update((tx) => tx.create('node', n)));
    expect(cluster.store(follower).view((tx) => tx.get('node', n.id))?.description?.hostname).toBe(
      'worker-1',
    );
  });

  it('rejects the loser of two conflicting updates from different members with SEQUENCE_CONFLICT', async () => {
    cluster = await threeMembers();
    const leader = await cluster.leader();
    const follower = [1n, 2n, 3n].find((id) => id !== leader)!;
    const o = new Objects();
    const t = o.task('svc', 'n1');
    await cluster.settle(cluster.store(leader).update((tx) => tx.create('task', t)));
    await cluster.run(300);
    const move = (id: MemberId, to: string) =>
      cluster!.store(id).update((tx) => {
        const c = tx.get('task', t.id)!;
        c.nodeId = to;
        tx.update('task', c);
      });
    const outcomes = await cluster.settle(
      Promise.allSettled([move(leader, 'from-leader'), move(follower, 'from-follower')]),
    );
    const codes = outcomes
      .map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code))
      .sort();
    expect(codes).toEqual(['SEQUENCE_CONFLICT', 'ok']);
    await cluster.run(300);
    const winners = [1n, 2n, 3n].map((id) => cluster!.store(id).view((tx) => tx.get('task', t.id)!.nodeId));
    expect(new Set(winners).size).toBe(1);
  });

  it('loses no acknowledged write across a leader change in the middle of a run', async () => {
    cluster = await threeMembers();
    const o = new Objects();
    const svc = o.service('web');
    const acknowledged: string[] = [];
    const write = async (): Promise<void> => {
      const t = o.task(svc.id, `n${acknowledged.length % 3}`);
      for (let attempt = 0; attempt < 10; attempt++) {
        const id = await cluster!.leader();
        try {
          await cluster!.settle(
            cluster!.store(id).update((tx) => tx.create('task', t)),
            4_000,
          );
          acknowledged.push(t.id);
          return;
        } catch (err) {
          // Outcome unknown or dropped: the write may still have committed; retry only if absent.
          if (
            !isSwarmError(err) ||
            !['RAFT_TIMEOUT', 'PROPOSAL_DROPPED', 'RAFT_NODE_STOPPED'].includes(err.code)
          )
            throw err;
          await cluster!.run(500);
          if (cluster!.store(await cluster!.leader()).view((tx) => tx.get('task', t.id)) !== undefined) {
            acknowledged.push(t.id);
            return;
          }
        }
      }
      throw new Error('write never committed');
    };
    const first = await cluster.leader();
    await cluster.settle(cluster.store(first).update((tx) => tx.create('service', svc)));
    for (let i = 0; i < 5; i++) await write();
    // Cut the leader off while a write is in flight on it; the others elect a new leader. The
    // leader may already have sent the entry (leaders send appends while their own write is in
    // flight), so its outcome is unknown: committed everywhere or nowhere.
    const inFlight = o.task(svc.id, 'in-flight');
    const pending = cluster
      .store(first)
      .update((tx) => tx.create('task', inFlight))
      .then(
        () => 'ok',
        (e: unknown) => (isSwarmError(e) ? e.code : String(e)),
      );
    for (const id of [1n, 2n, 3n]) if (id !== first) cluster.net.cut(first, id);
    const second = await cluster.leader(first);
    expect(second).not.toBe(first);
    for (let i = 0; i < 5; i++) await write();
    cluster.net.heal();
    await cluster.run(3_000);
    const outcome = await pending;
    expect(['ok', 'RAFT_TIMEOUT']).toContain(outcome);
    const holders = [1n, 2n, 3n].filter(
      (id) => cluster!.store(id).view((tx) => tx.get('task', inFlight.id)) !== undefined,
    );
    expect(holders.length === 0 || holders.length === 3).toBe(true);
    if (outcome === 'ok') expect(holders).toHaveLength(3);
    for (const id of [1n, 2n, 3n]) {
      const ids = new Set(
        cluster.store(id).view((tx) => tx.find('task', { serviceId: svc.id }).map((t) => t.id)),
      );
      for (const a of acknowledged) expect(ids.has(a)).toBe(true);
    }
    expect(acknowledged).toHaveLength(10);
    expect(cluster.dump(2n)).toEqual(cluster.dump(1n));
    expect(cluster.dump(3n)).toEqual(cluster.dump(1n));
    // Every member saw the same events in the same order.
    expect(cluster.events.get(2n)).toEqual(cluster.events.get(1n));
    expect(cluster.events.get(3n)).toEqual(cluster.events.get(1n));
  });

  it('brings a member added after compaction up to date from a snapshot, secrets sealed on the wire', async () => {
    const cipher = testCipher();
    cluster = new Cluster(cipher);
    for (const id of [1n, 2n, 3n]) await cluster.add(id, [1n, 2n, 3n], 10);
    const leader = await cluster.leader();
    const o = new Objects();
    const data = new TextEncoder().encode('replicated-secret-bytes');
    const sec = o.secret('db', data);
    await cluster.settle(cluster.store(leader).update((tx) => tx.create('secret', sec)));
    for (let i = 0; i < 25; i++)
      await cluster.settle(cluster.store(leader).update((tx) => tx.create('task', o.task('svc'))));
    const storage = cluster.storages.get(leader)!;
    expect(storage.firstIndex()).toBeGreaterThan(10n);
    // Neither the stored snapshot nor any log entry holds the secret in plaintext.
    expect(containsBytes(storage.snapshot().data, data)).toBe(false);
    const entries = storage.entries(storage.firstIndex(), storage.lastIndex() + 1n, Number.MAX_SAFE_INTEGER);
    for (const e of entries) expect(containsBytes(e.data, data)).toBe(false);

    const { store: joiner } = await cluster.add(4n, undefined, 10);
    await cluster.settle(cluster.nodes.get(leader)!.addMember(4n));
    await cluster.run(3_000);
    expect(joiner.view((tx) => tx.get('secret', sec.id))!.spec!.data).toEqual(data);
    expect(joiner.view((tx) => tx.list('task'))).toHaveLength(25);
    expect(joiner.version).toBe(cluster.store(leader).version);
    // The joiner's watch saw the restore as creates.
    expect(cluster.events.get(4n)!.filter((e) => e.startsWith('create task'))).toHaveLength(25);
    expect(cluster.dump(4n)).toEqual(cluster.dump(leader));
  });

  it('stops a member that cannot open sealed secret data rather than diverge (fails closed)', async () => {
    cluster = new Cluster();
    for (const id of [1n, 2n, 3n]) await cluster.add(id, [1n, 2n, 3n]);
    const leader = await cluster.leader();
    const otherCipher = testCipher();
    // Member 4 joins with a different key: it cannot open the secret and stops.
    const { node } = await (async () => {
      const store = new ReplicatedStore({ clock: cluster!.clock, cipher: otherCipher });
      const n = new RaftNode<StoreApplyResult | undefined>({
        id: 4n,
        storage: memoryRaftStorage(),
        transport: cluster!.net.transport(4n),
        stateMachine: store,
        clock: cluster!.clock,
        random: seededRandom(44),
        tickMs: 100,
      });
      store.attach(n);
      cluster!.net.attach(4n, n);
      cluster!.nodes.set(4n, n);
      await n.start();
      return { node: n };
    })();
    await cluster.settle(cluster.nodes.get(leader)!.addMember(4n, { learner: true }));
    const o = new Objects();
    await cluster.settle(cluster.store(leader).update((tx) => tx.create('secret', o.secret('s', 'x'))));
    await cluster.run(2_000);
    expect(node.stoppedReason).toMatch(/STORE_CORRUPT|does not open/);
  });
});
