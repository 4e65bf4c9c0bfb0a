// RawNode with asyncStorageWrites (etcd's local-message design): writes leave the Ready as
// StorageAppend / StorageApply messages whose responses are stepped back once the work is done.
import { seededRandom } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { describeMessage } from '../../src/describe.js';
import { AdvanceWithAsyncStorageWritesError, StepLocalMessageError } from '../../src/errors.js';
import { RawNode, type Ready } from '../../src/raw-node.js';
import { MemoryStorage } from '../../src/storage.js';
import { TestCluster } from '../../src/testing.js';
import {
  type Entry,
  emptyConfState,
  LOCAL_APPEND_THREAD,
  LOCAL_APPLY_THREAD,
  type MemberId,
  type Message,
  MessageType,
} from '../../src/types.js';
import { message } from '../../src/util.js';

function bootstrapped(voters: bigint[]): MemoryStorage {
  const s = new MemoryStorage();
  s.applySnapshot({
    data: new Uint8Array(),
    metadata: { index: 1n, term: 1n, confState: { ...emptyConfState(), voters } },
  });
  s.setHardState({ term: 1n, vote: 0n, commit: 1n });
  return s;
}

/** One member and its two storage threads' queues. */
class Member {
  readonly storage: MemoryStorage;
  readonly node: RawNode;
  readonly appendQ: Message[] = [];
  readonly applyQ: Message[] = [];
  readonly applied: Entry[] = [];
  constructor(
    readonly id: MemberId,
    voters: MemberId[],
  ) {
    this.storage = bootstrapped(voters);
    this.node = new RawNode({
      id,
      storage: this.storage,
      random: seededRandom(Number(id)),
      asyncStorageWrites: true,
    });
  }

  /** Takes a Ready: local messages go to the thread queues, the rest is returned to be sent. */
  ready(): { rd: Ready; net: Message[] } {
    const rd = this.node.ready();
    const net: Message[] = [];
    for (const m of rd.messages) {
      if (m.to === LOCAL_APPEND_THREAD) this.appendQ.push(m);
      else if (m.to === LOCAL_APPLY_THREAD) this.applyQ.push(m);
      else net.push(m);
    }
    return { rd, net };
  }

  /** Runs the append thread for one message: persists it, returns its responses. */
  runAppend(): Message[] {
    const m = this.appendQ.shift();
    if (m === undefined) throw new Error('no append work');
    if (m.snapshot !== undefined) this.storage.applySnapshot(m.snapshot);
    if (m.term !== 0n || m.commit !== 0n || (m.vote ?? 0n) !== 0n)
      this.storage.setHardState({ term: m.term, vote: m.vote ?? 0n, commit: m.commit });
    this.storage.append(m.entries);
    return m.responses ?? [];
  }

  /** Runs the apply thread for one message: applies it, returns its responses. */
  runApply(): Message[] {
    const m = this.applyQ.shift();
    if (m === undefined) throw new Error('no apply work');
    this.applied.push(...m.entries);
    return m.responses ?? [];
  }
}

/** Delivers messages to their members (responses to oneself included). */
function deliver(members: Map<MemberId, Member>, msgs: Message[]): void {
  for (const m of msgs) members.get(m.to)!.node.step(m);
}

/** Drives every member until nothing is left: Readys, both threads, the network. */
function settle(members: Map<MemberId, Member>): void {
  for (let round = 0; round < 100; round++) {
    let busy = false;
    const out: Message[] = [];
    for (const mb of members.values()) {
      while (mb.node.hasReady()) {
        busy = true;
        out.push(...mb.ready().net);
      }
    }
    for (const mb of members.values()) {
      while (mb.appendQ.length > 0) {
        busy = true;
        out.push(...mb.runAppend());
      }
      while (mb.applyQ.length > 0) {
        busy = true;
        out.push(...mb.runApply());
      }
    }
    deliver(members, out);
    if (!busy && out.length === 0) return;
  }
  throw new Error('did not settle');
}

const cluster = (ids: MemberId[]) => new Map(ids.map((id) => [id, new Member(id, ids)]));
const types = (ms: Message[]) => ms.map((m) => MessageType[m.type]);

describe('asyncStorageWrites', () => {
  it('a single voter wins and commits only as its append thread reports the writes durable', () => {
    const members = cluster([1n]);
    const a = members.get(1n)!;
    a.node.campaign();
    const { rd, net } = a.ready();
    expect(net).toEqual([]);
    expect(rd.mustSync).toBe(true);
    expect(a.appendQ.map(describeMessage)).toEqual([
      '1->AppendThread MsgStorageAppend Term:2 Log:0/0 Commit:1 Vote:1 Responses:[\n  1->1 MsgVoteResp Term:2 Log:0/0\n]',
    ]);
    // Ready can be taken again without advance(), which is refused in this mode.
    expect(() => a.node.advance()).toThrow(AdvanceWithAsyncStorageWritesError);
    expect(a.node.status().softState.raftState).toBe('candidate');
    // The vote is durable: its response makes the candidate leader.
    deliver(members, a.runAppend());
    expect(a.node.status().softState.raftState).toBe('leader');
    // The empty entry of its term is in the next Ready, acknowledged only through the append thread.
    const second = a.ready();
    expect(second.rd.entries.map((e) => e.index)).toEqual([2n]);
    expect(a.appendQ[0]!.responses!.map(describeMessage)).toEqual([
      '1->1 MsgAppResp Term:2 Log:0/2',
      'AppendThread->1 MsgStorageAppendResp Term:2 Log:2/2',
    ]);
    expect(a.node.status().hardState.commit).toBe(1n);
    const resps = a.runAppend();
    expect(a.storage.lastIndex()).toBe(2n);
    deliver(members, resps);
    expect(a.node.status().hardState.commit).toBe(2n);
    // Committed and stable: handed to the apply thread; applied counts once it answers.
    a.ready();
    expect(a.applyQ.map(describeMessage)).toEqual([
      '1->ApplyThread MsgStorageApply Term:0 Log:0/0 Entries:[2/2 EntryNormal ""] Responses:[\n  ApplyThread->1 MsgStorageApplyResp Term:0 Log:0/0 Entries:[2/2 EntryNormal ""]\n]',
    ]);
    expect(a.node.status().applied).toBe(1n);
    deliver(members, a.runApply());
    expect(a.node.status().applied).toBe(2n);
    settle(members);
    expect(a.node.hasReady()).toBe(false);
  });

  it('a follower acknowledges an append only in the responses of its StorageAppend', () => {
    const members = cluster([1n, 2n, 3n]);
    members.get(1n)!.node.campaign();
    settle(members);
    const leader = members.get(1n)!;
    expect(leader.node.status().softState.raftState).toBe('leader');
    leader.node.propose(new TextEncoder().encode('x'));
    const { net } = leader.ready();
    expect(types(net)).toEqual(['App', 'App']);
    const f = members.get(2n)!;
    f.node.step(net[0]!);
    const frd = f.ready();
    // Nothing goes to the leader directly: the acknowledgement waits for the write.
    expect(frd.net).toEqual([]);
    expect(f.appendQ).toHaveLength(1);
    const resps = f.appendQ[0]!.responses!;
    expect(resps.map(describeMessage)).toEqual([
      '2->1 MsgAppResp Term:2 Log:0/3',
      'AppendThread->2 MsgStorageAppendResp Term:2 Log:2/3',
    ]);
    // The leader's own write and the follower's make a quorum; the follower's counts only once run.
    deliver(members, leader.runAppend());
    expect(leader.node.status().hardState.commit).toBe(2n);
    expect(f.storage.lastIndex()).toBe(2n);
    deliver(members, f.runAppend());
    expect(f.storage.lastIndex()).toBe(3n);
    expect(leader.node.status().hardState.commit).toBe(3n);
    settle(members);
    for (const mb of members.values()) {
      expect(mb.applied.map((e) => new TextDecoder().decode(e.data))).toEqual(['', 'x']);
      expect(mb.node.status().applied).toBe(3n);
    }
  });

  it('hands committed entries to the apply thread only once they are stable locally', () => {
    const members = cluster([1n, 2n, 3n]);
    members.get(1n)!.node.campaign();
    settle(members);
    const leader = members.get(1n)!;
    const f = members.get(2n)!;
    leader.node.propose(new TextEncoder().encode('y'));
    const { net } = leader.ready();
    deliver(members, leader.runAppend());
    // Member 3 acknowledges: the entry commits with the leader and 3.
    const f3 = members.get(3n)!;
    f3.node.step(net[1]!);
    f3.ready();
    deliver(members, f3.runAppend());
    expect(leader.node.status().hardState.commit).toBe(3n);
    // Member 2 learns the entry and, in the same append, the commit index covering it (as when
    // its first append was lost and the leader sent it again after the commit).
    f.node.step(message({ ...net[0]!, commit: 3n }));
    const frd = f.ready();
    expect(frd.rd.hardState?.commit).toBe(3n);
    expect(frd.rd.committedEntries).toEqual([]);
    expect(f.applyQ).toEqual([]);
    deliver(members, f.runAppend());
    const next = f.ready();
    expect(next.rd.committedEntries.map((e) => e.index)).toEqual([3n]);
    expect(f.applyQ).toHaveLength(1);
  });

  it('does not mark entries stable from a StorageAppendResp of an earlier term', () => {
    const members = cluster([1n, 2n, 3n]);
    members.get(1n)!.node.campaign();
    settle(members);
    const f = members.get(2n)!;
    const leader = members.get(1n)!;
    leader.node.propose(new TextEncoder().encode('z'));
    const { net } = leader.ready();
    f.node.step(net[0]!);
    f.ready();
    const stale = f.appendQ.shift()!;
    // Before the write finishes, a higher term arrives (a heartbeat of a new leader, 3).
    f.node.step(message({ type: MessageType.Heartbeat, from: 3n, to: 2n, term: 9n }));
    expect(f.node.status().hardState.term).toBe(9n);
    f.storage.append(stale.entries);
    const resp = stale.responses!.find((m) => m.type === MessageType.StorageAppendResp)!;
    f.node.step(resp);
    // Still in the unstable log: the write is not trusted across the term change...
    expect(f.node.raft.raftLog.unstable.entries.map((e) => e.index)).toEqual([3n]);
    // ...until the write of the new term (its hard state) reports the whole log durable.
    f.ready();
    deliver(
      members,
      f.runAppend().filter((m) => m.to === 2n),
    );
    expect(f.node.raft.raftLog.unstable.entries).toEqual([]);
  });

  it('refuses storage responses that do not come from a storage thread', () => {
    const members = cluster([1n]);
    const n = members.get(1n)!.node;
    expect(() =>
      n.step(message({ type: MessageType.StorageAppendResp, from: 2n, to: 1n, term: 1n, index: 1n })),
    ).toThrow(StepLocalMessageError);
    expect(() => n.step(message({ type: MessageType.StorageApply, from: 2n, to: 1n }))).toThrow(
      StepLocalMessageError,
    );
  });

  it('leaves the synchronous Ready unchanged when off: no local messages, advance() works', () => {
    const s = bootstrapped([1n, 2n]);
    const n = new RawNode({ id: 1n, storage: s, random: seededRandom(1) });
    n.campaign();
    const rd = n.ready();
    expect(types(rd.messages)).toEqual(['Vote']);
    s.setHardState(rd.hardState!);
    n.advance();
    expect(n.hasReady()).toBe(false);
  });
});

describe('asyncStorageWrites under random interleavings, faults and crashes', () => {
  /** One state machine is a prefix of the other (payloads are unique). */
  const prefixConsistent = (a: string[], b: string[]) => {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
    return true;
  };

  for (let seed = 1; seed <= 25; seed++) {
    it(`seed ${seed}: members agree on everything applied, and all apply a last write after healing`, () => {
      const random = seededRandom(seed);
      const c = new TestCluster({
        random,
        faults: { dropRate: 0.1, duplicateRate: 0.05, reorderRate: 0.1, maxDelay: 2 },
      });
      const ids = [1n, 2n, 3n];
      // Member 3 writes synchronously: both modes in one cluster.
      for (const id of ids) c.addNode(id, { voters: ids, config: { asyncStorageWrites: id !== 3n } });
      const everApplied = new Set<string>();
      let k = 0;
      for (let step = 0; step < 1500; step++) {
        const id = ids[random.int(ids.length)]!;
        const r = random.int(100);
        if (r < 15) c.tick(id);
        else if (r < 35) c.processReady(id);
        else if (r < 50) c.processAppendThread(id);
        else if (r < 60) c.processApplyThread(id);
        else if (r < 85) c.deliver(id);
        else if (r < 96) c.propose(c.leader() ?? id, `p${seed}-${k++}`);
        else if (r < 98) c.compact(id, c.get(id).appliedIndex);
        else c.restart(id);
        for (const n of c.nodes.values()) for (const s of n.state) everApplied.add(s);
        const states = [...c.nodes.values()].map((n) => n.state);
        for (const a of states) for (const b of states) expect(prefixConsistent(a, b)).toBe(true);
      }
      // Heal: no more faults; time passes until a leader commits a last write everyone applies.
      c.network.faults = { dropRate: 0, duplicateRate: 0, reorderRate: 0, maxDelay: 0 };
      let done = false;
      for (let round = 0; round < 200 && !done; round++) {
        c.tickAll();
        c.stabilize(undefined, 100);
        const leader = c.leader();
        if (leader !== undefined && c.propose(leader, `last${seed}`)) {
          c.stabilize(undefined, 100);
          done = [...c.nodes.values()].every((n) => n.state.includes(`last${seed}`));
        }
      }
      expect(done).toBe(true);
      const final = [...c.nodes.values()].map((n) => n.state);
      for (const s of final) expect(s).toEqual(final[0]);
      // Nothing any member ever applied was lost by a crash.
      for (const s of everApplied) expect(final[0]).toContain(s);
    });
  }
});
