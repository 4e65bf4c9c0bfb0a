// The liveness case of issue 20, as a fixed script: four voters, one of them failed for good, a
// member removed and shut down once the remaining voters applied its removal, then both remaining
// voters crash. An applied configuration change must survive the crash: if the restarted members
// fell back to the four-voter configuration (their durable commit index below the removal entry),
// two of four would be alive and no leader could ever be elected.
import { ManualClock, seededRandom } from '@swarm/api';
import { afterEach, describe, expect, it } from 'vitest';
import { RaftNode } from '../../src/driver/raft-node.js';
import { LocalNetwork } from '../../src/driver/transport.js';
import { SimStorage } from '../../src/sim/sim-storage.js';
import type { MemberId } from '../../src/types.js';
import { cmd, KvMachine } from '../driver/kv-machine.js';

const flush = () => new Promise<void>((r) => setImmediate(r));

class Cluster {
  readonly clock = new ManualClock(0);
  readonly net = new LocalNetwork();
  readonly nodes = new Map<MemberId, RaftNode<string | undefined>>();
  readonly storages = new Map<MemberId, SimStorage>();
  #seed = 1;

  async start(id: MemberId, bootstrap?: MemberId[]) {
    let storage = this.storages.get(id);
    if (storage === undefined) {
      storage = new SimStorage(`member ${id}`);
      this.storages.set(id, storage);
    }
    const node = new RaftNode({
      id,
      storage,
      transport: this.net.transport(id),
      stateMachine: new KvMachine(),
      clock: this.clock,
      random: seededRandom(this.#seed++),
      tickMs: 10,
      ...(bootstrap ? { bootstrap } : {}),
    });
    this.net.attach(id, node);
    this.nodes.set(id, node);
    await node.start();
    return node;
  }

  /** The process dies: its unsynced writes are lost. */
  async crash(id: MemberId) {
    await this.nodes.get(id)?.stop();
    this.nodes.delete(id);
    this.net.detach(id);
    this.storages.get(id)!.crash();
  }

  async run(ms: number) {
    for (let t = 0; t < ms; t++) {
      this.clock.advance(1);
      await flush();
    }
  }

  async settle<T>(p: Promise<T>, ms = 5_000): Promise<T> {
    let done = false;
    const out = p.finally(() => {
      done = true;
    });
    for (let t = 0; t < ms && !done; t++) {
      this.clock.advance(1);
      await flush();
    }
    return out;
  }

  leader(): RaftNode<string | undefined> | undefined {
    return [...this.nodes.values()].find((n) => n.isLeader);
  }
}

let cluster: Cluster | undefined;
afterEach(async () => {
  for (const n of cluster?.nodes.values() ?? []) await n.stop();
  cluster = undefined;
});

describe('a member removal followed by crashes of the remaining voters', () => {
  it('keeps the applied removal across the crash, so the survivors elect a leader', async () => {
    const c = new Cluster();
    cluster = c;
    const all = [1n, 2n, 3n, 4n];
    for (const id of all) await c.start(id, all);
    c.nodes.get(1n)!.campaign();
    await c.run(200);
    const first = c.leader();
    expect(first?.id).toBe(1n);
    await c.settle(first!.propose(cmd('a', '1')));

    // Member 4 fails for good (its disk is damaged: it never comes back).
    await c.crash(4n);
    // Member 3 is removed; the leader's removal resolves once the change applied there.
    const { index, confState } = await c.settle(first!.removeMember(3n));
    expect(confState.voters).toEqual([1n, 2n, 4n]);
    // Like an operator, shut member 3 down once both remaining live voters applied its removal.
    for (let i = 0; i < 1_000 && (c.nodes.get(2n)?.appliedIndex ?? 0n) < index; i++) await c.run(1);
    expect(c.nodes.get(2n)!.appliedIndex).toBeGreaterThanOrEqual(index);
    await c.nodes.get(3n)!.stop();
    c.nodes.delete(3n);
    c.net.detach(3n);

    // Both survivors crash (say, their next fsync fails) and restart from what is durable.
    await c.crash(1n);
    await c.crash(2n);
    for (const id of [1n, 2n]) {
      expect(
        c.storages.get(id)!.hardState().commit,
        `member ${id}'s durable commit index`,
      ).toBeGreaterThanOrEqual(index);
    }
    await c.start(1n);
    await c.start(2n);
    let leader: RaftNode<string | undefined> | undefined;
    for (let i = 0; i < 3_000 && leader === undefined; i++) {
      await c.run(1);
      leader = c.leader();
    }
    expect(leader, 'a leader among the two surviving voters of three').toBeDefined();
    expect(leader!.status().config.voters).toEqual([1n, 2n, 4n]);
    const w = await c.settle(leader!.propose(cmd('a', '2')));
    expect(w.index).toBeGreaterThan(index);
  });
});
