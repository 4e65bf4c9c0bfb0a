import { isSwarmError, ManualClock, seededRandom } from '@swarm/api';
import { afterEach, describe, expect, it } from 'vitest';
import { RaftNode } from '../../src/driver/raft-node.js';
import { memoryRaftStorage, type RaftStorage } from '../../src/driver/raft-storage.js';
import { LocalNetwork } from '../../src/driver/transport.js';
import { type MemberId, MessageType } from '../../src/types.js';
import { cmd, KvMachine } from './kv-machine.js';

const flush = () => new Promise<void>((r) => setImmediate(r));

class Cluster {
  readonly clock = new ManualClock(0);
  readonly net = new LocalNetwork();
  readonly nodes = new Map<MemberId, RaftNode<string | undefined>>();
  readonly machines = new Map<MemberId, KvMachine>();
  readonly storages = new Map<MemberId, RaftStorage>();
  #seed = 1;

  async add(id: MemberId, bootstrap?: MemberId[], snapshotInterval = 10_000) {
    const sm = new KvMachine();
    const storage = this.storages.get(id) ?? memoryRaftStorage();
    const node = new RaftNode({
      id,
      storage,
      transport: this.net.transport(id),
      stateMachine: sm,
      clock: this.clock,
      random: seededRandom(this.#seed++),
      tickMs: 100,
      snapshotInterval,
      keepEntries: 5,
      ...(bootstrap ? { bootstrap } : {}),
    });
    this.net.attach(id, node);
    this.nodes.set(id, node);
    this.machines.set(id, sm);
    this.storages.set(id, storage);
    await node.start();
    return node;
  }

  async run(ms: number) {
    for (let t = 0; t < ms; t += 10) {
      this.clock.advance(10);
      await flush();
    }
  }

  async leader(): Promise<RaftNode<string | undefined>> {
    for (let i = 0; i < 200; i++) {
      const l = [...this.nodes.values()].find((n) => n.isLeader);
      if (l) return l;
      await this.run(100);
    }
    throw new Error('no leader elected');
  }

  /** Resolves a promise while virtual time moves. */
  async settle<T>(p: Promise<T>, ms = 10_000): Promise<T> {
    let done = false;
    const out = p.finally(() => {
      done = true;
    });
    for (let t = 0; t < ms && !done; t += 10) {
      this.clock.advance(10);
      await flush();
    }
    return out;
  }
}

/**
 * A storage whose writes can be held: while held, `save` does not complete (and nothing it carries
 * is visible through the storage) until released, as a slow fsync. Writes stay in call order.
 */
function gated(inner: RaftStorage): RaftStorage & { hold(): void; release(): void } {
  let held = false;
  let waiting: (() => void)[] = [];
  let chain: Promise<unknown> = Promise.resolve();
  const g = Object.create(inner) as RaftStorage & { hold(): void; release(): void };
  g.save = (update, options) => {
    const p = chain
      .then(() => (held ? new Promise<void>((r) => waiting.push(r)) : undefined))
      .then(() => inner.save(update, options));
    chain = p.catch(() => {});
    return p;
  };
  g.hold = () => {
    held = true;
  };
  g.release = () => {
    held = false;
    for (const r of waiting) r();
    waiting = [];
  };
  return g;
}

let cluster: Cluster;
afterEach(async () => {
  for (const n of cluster?.nodes.values() ?? []) await n.stop();
});

describe('RaftNode', () => {
  it('refuses raft.asyncStorageWrites at construction with a typed error (it persists each Ready itself)', () => {
    const net = new LocalNetwork();
    // What a JavaScript caller (or one holding a core Config) could pass: the type has no such field.
    const raft = { electionTick: 10, asyncStorageWrites: true };
    const make = () =>
      new RaftNode({
        id: 1n,
        storage: memoryRaftStorage(),
        transport: net.transport(1n),
        stateMachine: new KvMachine(),
        clock: new ManualClock(0),
        random: seededRandom(1),
        raft,
      });
    expect(make).toThrow(/asyncStorageWrites/);
    try {
      make();
    } catch (e) {
      expect(isSwarmError(e, 'INVALID_RAFT_CONFIG')).toBe(true);
    }
  });

  it('elects a leader and resolves a proposal once it is committed and applied locally', async () => {
    cluster = new Cluster();
    for (const id of [1n, 2n, 3n]) await cluster.add(id, [1n, 2n, 3n]);
    const leader = await cluster.leader();
    const res = await cluster.settle(leader.propose(cmd('a', '1')));
    expect(res.result).toBeUndefined();
    expect(leader.appliedIndex).toBeGreaterThanOrEqual(res.index);
    expect(cluster.machines.get(leader.id)!.map.get('a')).toBe('1');
    const again = await cluster.settle(leader.propose(cmd('a', '2')));
    expect(again.result).toBe('1');
    expect(again.index).toBeGreaterThan(res.index);
    await cluster.run(500);
    for (const sm of cluster.machines.values()) expect(sm.map.get('a')).toBe('2');
  });

  it('forwards a follower proposal to the leader and resolves it on the follower when applied there', async () => {
    cluster = new Cluster();
    for (const id of [1n, 2n, 3n]) await cluster.add(id, [1n, 2n, 3n]);
    const leader = await cluster.leader();
    const follower = [...cluster.nodes.values()].find((n) => n !== leader)!;
    const res = await cluster.settle(follower.propose(cmd('f', 'x')));
    expect(follower.appliedIndex).toBeGreaterThanOrEqual(res.index);
    expect(cluster.machines.get(follower.id)!.map.get('f')).toBe('x');
  });

  it('serves a linearizable read index that covers every write acknowledged before it', async () => {
    cluster = new Cluster();
    for (const id of [1n, 2n, 3n]) await cluster.add(id, [1n, 2n, 3n]);
    const leader = await cluster.leader();
    const w = await cluster.settle(leader.propose(cmd('r', '1')));
    const follower = [...cluster.nodes.values()].find((n) => n !== leader)!;
    const read = await cluster.settle(follower.readIndex());
    expect(read.index).toBeGreaterThanOrEqual(w.index);
    expect(cluster.machines.get(follower.id)!.map.get('r')).toBe('1');
  });

  it('elects a new leader after the old one is cut off, and the old one cannot commit', async () => {
    cluster = new Cluster();
    for (const id of [1n, 2n, 3n]) await cluster.add(id, [1n, 2n, 3n]);
    const old = await cluster.leader();
    for (const id of cluster.nodes.keys()) if (id !== old.id) cluster.net.cut(old.id, id);
    const stuck = old.propose(cmd('lost', 'x'), { timeoutMs: 3_000 });
    const settled = stuck.then(
      () => 'committed',
      (e: unknown) => (isSwarmError(e) ? e.code : String(e)),
    );
    await cluster.run(4_000);
    expect(await settled).toBe('RAFT_TIMEOUT');
    const next = [...cluster.nodes.values()].find((n) => n.isLeader && n !== old);
    expect(next).toBeDefined();
    await cluster.settle(next!.propose(cmd('after', 'y')));
    cluster.net.heal();
    await cluster.run(3_000);
    expect(cluster.machines.get(old.id)!.map.get('after')).toBe('y');
    expect(cluster.machines.get(old.id)!.map.has('lost')).toBe(false);
  });

  it('adds a member that catches up by snapshot after the log was compacted', async () => {
    cluster = new Cluster();
    for (const id of [1n, 2n, 3n]) await cluster.add(id, [1n, 2n, 3n], 10);
    const leader = await cluster.leader();
    for (let i = 0; i < 30; i++) await cluster.settle(leader.propose(cmd(`k${i}`, `${i}`)));
    expect(cluster.storages.get(leader.id)!.firstIndex()).toBeGreaterThan(10n);
    const joiner = await cluster.add(4n, undefined, 10);
    const change = await cluster.settle(leader.addMember(4n));
    expect(change.confState.voters).toContain(4n);
    await cluster.run(3_000);
    const sm4 = cluster.machines.get(4n)!;
    expect(sm4.map.get('k29')).toBe('29');
    expect(sm4.map.get('k0')).toBe('0');
    expect(joiner.appliedIndex).toBe(leader.appliedIndex);
  });

  it('removes a member and keeps committing with the rest', async () => {
    cluster = new Cluster();
    for (const id of [1n, 2n, 3n]) await cluster.add(id, [1n, 2n, 3n]);
    const leader = await cluster.leader();
    const victim = [...cluster.nodes.keys()].find((id) => id !== leader.id)!;
    const change = await cluster.settle(leader.removeMember(victim));
    expect(change.confState.voters).not.toContain(victim);
    await cluster.nodes.get(victim)!.stop();
    await cluster.settle(leader.propose(cmd('two', 'left')));
  });

  it('restarts from its storage and re-applies committed entries', async () => {
    cluster = new Cluster();
    for (const id of [1n, 2n, 3n]) await cluster.add(id, [1n, 2n, 3n]);
    const leader = await cluster.leader();
    await cluster.settle(leader.propose(cmd('persist', 'me')));
    await cluster.run(500);
    const id = [...cluster.nodes.keys()].find((x) => x !== leader.id)!;
    await cluster.nodes.get(id)!.stop();
    cluster.net.detach(id);
    const restarted = await cluster.add(id);
    await cluster.run(1_000);
    expect(cluster.machines.get(id)!.map.get('persist')).toBe('me');
    expect(restarted.appliedIndex).toBeGreaterThan(1n);
  });

  it('batches the proposals made while a Ready is handled: all apply, in few appends', async () => {
    cluster = new Cluster();
    for (const id of [1n, 2n, 3n]) await cluster.add(id, [1n, 2n, 3n]);
    const leader = await cluster.leader();
    const follower = [...cluster.nodes.values()].find((n) => n !== leader)!;
    let appends = 0;
    cluster.net.attach(follower.id, {
      receive: (m) => {
        if (m.type === MessageType.App && m.entries.length > 0) appends++;
        follower.receive(m);
      },
      unreachable: (to) => follower.unreachable(to),
    });
    const results = await cluster.settle(
      Promise.all(Array.from({ length: 200 }, (_, i) => leader.propose(cmd(`k${i}`, `v${i}`)))),
    );
    const indexes = results.map((r) => r.index);
    expect(new Set(indexes).size).toBe(200);
    await cluster.run(500);
    for (const sm of cluster.machines.values()) {
      expect(sm.map.size).toBe(200);
      expect(sm.map.get('k199')).toBe('v199');
    }
    expect(appends).toBeGreaterThan(0);
    expect(appends).toBeLessThan(20);
  });

  it("acknowledges a write once two followers synced it, while the leader's own write is still in flight", async () => {
    cluster = new Cluster();
    const storages = new Map([1n, 2n, 3n].map((id) => [id, gated(memoryRaftStorage())]));
    for (const [id, st] of storages) cluster.storages.set(id, st);
    for (const id of [1n, 2n, 3n]) await cluster.add(id, [1n, 2n, 3n]);
    const leader = await cluster.leader();
    await cluster.settle(leader.propose(cmd('warm', 'up')));
    const own = storages.get(leader.id)!;
    own.hold();
    const res = await cluster.settle(leader.propose(cmd('fast', '1')), 2_000);
    // Applied and answered although the leader has not persisted the entry yet.
    expect(own.lastIndex()).toBeLessThan(res.index);
    expect(cluster.machines.get(leader.id)!.map.get('fast')).toBe('1');
    own.release();
    const next = await cluster.settle(leader.propose(cmd('fast', '2')));
    expect(next.result).toBe('1');
    await cluster.run(500);
    for (const sm of cluster.machines.values()) expect(sm.map.get('fast')).toBe('2');
  });

  it('answers a write it applies before it sends the followers the commit index that covers it', async () => {
    cluster = new Cluster();
    for (const id of [1n, 2n, 3n]) await cluster.add(id, [1n, 2n, 3n]);
    const leader = await cluster.leader();
    await cluster.settle(leader.propose(cmd('warm', 'up')));
    let answered = false;
    /** Each append a follower received: its commit index, and whether the write was answered then. */
    const received: { to: MemberId; commit: bigint; answered: boolean }[] = [];
    const followers = [...cluster.nodes.values()].filter((n) => n !== leader);
    for (const f of followers) {
      cluster.net.attach(f.id, {
        receive: (m) => {
          if (m.type === MessageType.App) received.push({ to: f.id, commit: m.commit, answered });
          f.receive(m);
        },
        unreachable: (to) => f.unreachable(to),
      });
    }
    const res = await cluster.settle(
      leader.propose(cmd('k', 'v')).then((r) => {
        answered = true;
        return r;
      }),
    );
    await cluster.run(300);
    for (const f of followers) {
      const first = received.find((r) => r.to === f.id && r.commit >= res.index);
      expect(first, `follower ${f.id} learned the commit`).toBeDefined();
      expect(first!.answered).toBe(true);
    }
  });

  it('never acknowledges a write synced by fewer than a majority (leader and one follower slow)', async () => {
    cluster = new Cluster();
    const storages = new Map([1n, 2n, 3n].map((id) => [id, gated(memoryRaftStorage())]));
    for (const [id, st] of storages) cluster.storages.set(id, st);
    for (const id of [1n, 2n, 3n]) await cluster.add(id, [1n, 2n, 3n]);
    const leader = await cluster.leader();
    await cluster.settle(leader.propose(cmd('warm', 'up')));
    const slowFollower = [...cluster.nodes.keys()].find((id) => id !== leader.id)!;
    storages.get(leader.id)!.hold();
    storages.get(slowFollower)!.hold();
    let acked = false;
    const pending = leader.propose(cmd('slow', '1')).then((r) => {
      acked = true;
      return r;
    });
    // Only one member (the fast follower) has synced it: no answer, however long we wait.
    await cluster.run(2_000);
    expect(acked).toBe(false);
    expect(cluster.machines.get(leader.id)!.map.has('slow')).toBe(false);
    // The leader's write completes: leader and fast follower make a majority.
    storages.get(leader.id)!.release();
    const res = await cluster.settle(pending, 2_000);
    expect(acked).toBe(true);
    expect(storages.get(leader.id)!.lastIndex()).toBeGreaterThanOrEqual(res.index);
    storages.get(slowFollower)!.release();
  });

  it('rejects a proposal right away when it is aborted or the node is stopped', async () => {
    cluster = new Cluster();
    const n = await cluster.add(1n, [1n]);
    await cluster.leader();
    const ac = new AbortController();
    ac.abort(new Error('caller gave up'));
    await expect(n.propose(cmd('a', 'b'), { signal: ac.signal })).rejects.toThrow('caller gave up');
    const pending = n.propose(cmd('x', 'y'));
    await n.stop();
    const err = await pending.catch((e: unknown) => e);
    expect(isSwarmError(err, 'RAFT_NODE_STOPPED')).toBe(true);
    expect(() => n.propose(cmd('z', 'z'))).toThrow(/stopped/);
  });
});
