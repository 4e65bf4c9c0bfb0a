// RaftNode on WalStorage: real segment files, rollover, snapshots and compaction through the
// driver, then every member stopped and restarted from its directory.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, seededRandom } from '@swarm/api';
import { afterEach, describe, expect, it } from 'vitest';
import { RaftNode } from '../../src/driver/raft-node.js';
import { LocalNetwork } from '../../src/driver/transport.js';
import { WalStorage } from '../../src/durable/wal-storage.js';
import type { MemberId } from '../../src/types.js';
import { cmd, KvMachine } from './kv-machine.js';

// Real file I/O completes in real time while the clock is virtual: each step waits a moment.
const step = () => new Promise<void>((r) => setTimeout(r, 1));

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

class WalCluster {
  readonly clock = new ManualClock(0);
  readonly net = new LocalNetwork();
  readonly nodes = new Map<MemberId, RaftNode<string | undefined>>();
  readonly machines = new Map<MemberId, KvMachine>();
  readonly storages = new Map<MemberId, WalStorage>();
  readonly dir = mkdtempSync(join(tmpdir(), 'raft-node-wal-'));
  #seed = 1;

  constructor() {
    dirs.push(this.dir);
  }

  path(id: MemberId): string {
    return join(this.dir, `member-${id}`);
  }

  async add(id: MemberId, bootstrap: MemberId[]) {
    const sm = new KvMachine();
    const storage = await WalStorage.open({ path: this.path(id), segmentBytes: 4096 });
    const node = new RaftNode({
      id,
      storage,
      transport: this.net.transport(id),
      stateMachine: sm,
      clock: this.clock,
      random: seededRandom(this.#seed++),
      tickMs: 100,
      snapshotInterval: 40,
      keepEntries: 5,
      bootstrap,
    });
    this.net.attach(id, node);
    this.nodes.set(id, node);
    this.machines.set(id, sm);
    this.storages.set(id, storage);
    await node.start();
  }

  async stopAll() {
    for (const [id, node] of this.nodes) {
      await node.stop();
      this.net.detach(id);
      await this.storages.get(id)!.close();
    }
    this.nodes.clear();
  }

  async settle<T>(p: Promise<T>, steps = 20_000): Promise<T> {
    let done = false;
    const out = p.finally(() => {
      done = true;
    });
    for (let i = 0; i < steps && !done; i++) {
      this.clock.advance(10);
      await step();
    }
    return out;
  }

  async leader(): Promise<RaftNode<string | undefined>> {
    for (let i = 0; i < 5_000; i++) {
      const l = [...this.nodes.values()].find((n) => n.isLeader);
      if (l) return l;
      this.clock.advance(10);
      await step();
    }
    throw new Error('no leader elected');
  }

  /** Proposes through whoever leads, retrying when leadership moved. */
  async write(k: string, v: string) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const leader = await this.leader();
      try {
        return await this.settle(leader.propose(cmd(k, v), { timeoutMs: 5_000 }));
      } catch {
        // dropped or timed out during an election: try again (the state machine is idempotent here)
      }
    }
    throw new Error(`write ${k} never committed`);
  }
}

describe('RaftNode on WalStorage', () => {
  it('keeps every acknowledged write across segments, snapshots, compaction and a full restart', async () => {
    const cluster = new WalCluster();
    const ids = [1n, 2n, 3n];
    for (const id of ids) await cluster.add(id, ids);
    const payload = 'p'.repeat(200);
    for (let i = 0; i < 120; i++) await cluster.write(`k${i}`, `${i}-${payload}`);
    // Let the followers apply (and snapshot) what the leader committed.
    await cluster.settle(new Promise<void>((r) => setTimeout(r, 300)), 300);
    for (const id of ids) {
      const files = readdirSync(cluster.path(id));
      const segments = files.filter((f) => f.endsWith('.wal'));
      // ~250 bytes a record and 4 KiB segments: without compaction there would be 8 or more.
      expect(segments.length, `member ${id}: ${files.join(' ')}`).toBeLessThan(8);
      expect(files.filter((f) => f.endsWith('.snap')).length).toBe(1);
    }
    await cluster.stopAll();

    for (const id of ids) await cluster.add(id, ids);
    await cluster.write('after', 'restart');
    await cluster.settle(new Promise<void>((r) => setTimeout(r, 300)), 300);
    for (const id of ids) {
      const sm = cluster.machines.get(id)!;
      expect(sm.map.get('k0'), `member ${id}`).toBe(`0-${payload}`);
      expect(sm.map.get('k119'), `member ${id}`).toBe(`119-${payload}`);
      expect(sm.map.get('after'), `member ${id}`).toBe('restart');
    }
    await cluster.stopAll();
  }, 120_000);
});
