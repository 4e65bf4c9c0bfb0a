// Raft paper §5.4 (safety): the election restriction, committing only current-term entries
// (Figure 8), and the State Machine Safety property under a faulty network.
import { seededRandom } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../src/testing.js';
import { MessageType, NONE } from '../../src/types.js';
import { msg, newRaft, PaperNetwork, propose, storageWithLog, takeMessages } from './helpers.js';

const ids = [1n, 2n, 3n];

describe('§5.4.1 election restriction', () => {
  it.each([
    // voter log terms (after the bootstrap entry at index 1), candidate last (term, index), granted?
    [[1, 2], 2, 3, true], // same last term, same index
    [[1, 2], 2, 4, true], // same last term, longer log
    [[1, 2], 2, 2, false], // same last term, shorter log
    [[1, 2], 3, 2, true], // higher last term, shorter log: term wins
    [[1, 2], 1, 5, false], // lower last term, longer log: refused (voting on index alone would grant)
    [[1, 2], 1, 3, false], // lower last term, same index
    [[], 1, 1, true],
  ] as const)(
    'a voter with log %j answers a candidate whose last entry is (term %i, index %i): granted %s',
    (log, lt, li, granted) => {
      const r = newRaft(1n, ids, { storage: storageWithLog(ids, [...log], 3n) });
      r.step(
        msg({ type: MessageType.Vote, from: 2n, to: 1n, term: 4n, logTerm: BigInt(lt), index: BigInt(li) }),
      );
      const [resp] = takeMessages(r);
      expect(resp).toMatchObject({ type: MessageType.VoteResp, reject: !granted });
      expect(r.vote).toBe(granted ? 2n : NONE);
    },
  );

  it('never elects a candidate that lacks a committed entry', () => {
    const net = PaperNetwork.of(3);
    net.campaign(1n);
    net.isolate(3n);
    net.propose(1n, 'committed');
    expect(net.get(1n).raftLog.committed).toBe(3n);
    net.recover();
    // 3 missed the committed entry: 1 and 2 refuse to elect it.
    net.campaign(3n);
    expect(net.get(3n).state).not.toBe('leader');
    net.campaign(2n);
    expect(net.get(2n).state).toBe('leader');
    expect(net.get(2n).raftLog.matchTerm(3n, 2n)).toBe(true);
  });
});

describe('§5.4.2 committing entries from previous terms', () => {
  it('does not commit an earlier-term entry by counting replicas, only with an entry of the current term', () => {
    // The leader of term 3 holds (2, term 2) from an earlier term.
    const r = newRaft(1n, ids, { storage: storageWithLog(ids, [2], 2n) });
    r.loadState({ term: 2n, vote: NONE, commit: 1n });
    r.becomeCandidate();
    const emptyIndex = r.raftLog.lastIndex() + 1n;
    r.becomeLeader();
    takeMessages(r);
    // A majority now stores index 2 (leader + member 2), but 2 is from term 2.
    r.step(msg({ type: MessageType.AppResp, from: 2n, to: 1n, term: r.term, index: 2n }));
    expect(r.raftLog.committed).toBe(1n);
    // Once the leader's own empty entry (term 3) is on a majority, both commit.
    r.step(msg({ type: MessageType.AppResp, from: 2n, to: 1n, term: r.term, index: emptyIndex }));
    expect(r.raftLog.committed).toBe(emptyIndex);
  });

  it('lets a later leader overwrite an earlier-term entry that was on a majority but never committed (Figure 8)', () => {
    // S1 has (2, t2); S5 has (2, t3); S2..S4 have nothing beyond the bootstrap entry.
    const five = [1n, 2n, 3n, 4n, 5n];
    const s1 = newRaft(1n, five, { storage: storageWithLog(five, [2], 3n), maxSizePerMsg: 1 });
    const s2 = newRaft(2n, five, { storage: storageWithLog(five, [], 3n) });
    const s3 = newRaft(3n, five, { storage: storageWithLog(five, [], 3n) });
    const s4 = newRaft(4n, five, { storage: storageWithLog(five, [], 3n) });
    const s5 = newRaft(5n, five, { storage: storageWithLog(five, [3], 3n) });
    const net = new PaperNetwork(s1, s2, s3, s4, s5);
    // S1 leads term 4 but only reaches S2 and S3 with (2, t2); its term-4 entry never arrives.
    net.cut(1n, 4n);
    net.cut(1n, 5n);
    net.ignore(MessageType.AppResp);
    net.campaign(1n);
    expect(s1.state).toBe('leader');
    // Feed the append responses by hand so that S2 and S3 hold exactly (2, t2).
    for (const f of [s2, s3]) {
      f.raftLog.append([{ index: 2n, term: 2n, type: 0, data: new TextEncoder().encode('t2') }]);
      s1.step(msg({ type: MessageType.AppResp, from: f.id, to: 1n, term: s1.term, index: 2n }));
    }
    expect(s1.raftLog.committed).toBe(1n);
    // S1 fails; S5 is elected by S2, S3, S4 and replaces index 2 everywhere.
    net.recover();
    net.isolate(1n);
    // Its first attempt (term 4) fails: 2 and 3 already voted in term 4. The next one (term 5) wins.
    net.campaign(5n);
    expect(s5.state).toBe('candidate');
    net.campaign(5n);
    expect(s5.state).toBe('leader');
    expect(s5.term).toBe(5n);
    for (const f of [s2, s3, s4]) expect(f.raftLog.term(2n)).toBe(3n);
  });
});

describe('§5.4.3 state machine safety', () => {
  it('applies the same sequence of entries on every member despite loss, duplication, reordering, delay and partitions', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const random = seededRandom(seed);
      const c = new TestCluster({
        random,
        faults: { dropRate: 0.15, duplicateRate: 0.1, reorderRate: 0.2, maxDelay: 2 },
        config: { preVote: seed % 2 === 0 },
      });
      const members = [1n, 2n, 3n, 4n, 5n];
      for (const id of members) c.addNode(id, { voters: members });
      let proposals = 0;
      for (let step = 0; step < 300; step++) {
        c.tickAll();
        if (random.float() < 0.3) c.propose(members[random.int(5)]!, `s${seed}-p${proposals++}`);
        if (step % 60 === 0) c.network.partition([members[random.int(5)]!, members[random.int(5)]!]);
        if (step % 60 === 30) c.network.heal();
        for (let i = 0; i < 3; i++) {
          for (const id of members) c.processReady(id);
          c.deliver();
        }
        // Safety, checked at every step: applied logs are prefixes of one another.
        const applied = members.map((id) => c.get(id).appliedEntries.map((e) => `${e.term}/${e.index}`));
        const longest = applied.reduce((a, b) => (b.length > a.length ? b : a));
        for (const a of applied) expect(a).toEqual(longest.slice(0, a.length));
      }
      // Liveness once healed and quiet: everyone converges on the same state.
      c.network.heal();
      c.network.faults = { dropRate: 0, duplicateRate: 0, reorderRate: 0, maxDelay: 0 };
      for (let i = 0; i < 60; i++) {
        c.tickAll();
        c.stabilize();
      }
      const states = members.map((id) => c.get(id).state.join(','));
      for (const s of states) expect(s).toBe(states[0]);
      expect(c.leader()).toBeDefined();
    }
  });

  it('keeps at most one leader per term', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const random = seededRandom(100 + seed);
      const c = new TestCluster({ random, faults: { dropRate: 0.3, reorderRate: 0.3, maxDelay: 3 } });
      const members = [1n, 2n, 3n];
      for (const id of members) c.addNode(id, { voters: members });
      const leaders = new Map<bigint, bigint>();
      for (let step = 0; step < 300; step++) {
        c.tickAll();
        for (const id of members) c.processReady(id);
        c.deliver();
        for (const id of members) {
          const r = c.get(id).node.raft;
          if (r.state !== 'leader') continue;
          const seen = leaders.get(r.term);
          expect(seen === undefined || seen === id).toBe(true);
          leaders.set(r.term, id);
        }
      }
      expect(leaders.size).toBeGreaterThan(0);
    }
  });

  it('never lets a leader propose into a term it does not lead', () => {
    const r = newRaft(1n, ids);
    expect(() => propose(r)).toThrow(/no leader/);
  });
});

describe('linearizable reads (thesis §6.4)', () => {
  const ctx = new TextEncoder().encode('read-1');
  const readReq = () =>
    msg({ type: MessageType.ReadIndex, from: 1n, entries: [{ term: 0n, index: 0n, type: 0, data: ctx }] });

  it('defers a ReadIndex on a new leader until an entry of its term commits, then confirms it with a heartbeat quorum', () => {
    const r = newRaft(1n, ids);
    r.becomeCandidate();
    r.becomeLeader();
    takeMessages(r);
    r.step(readReq());
    expect(takeMessages(r)).toEqual([]);
    expect(r.readStates).toEqual([]);
    // The leader's empty entry commits: the read is released with a heartbeat round.
    r.step(msg({ type: MessageType.AppResp, from: 2n, to: 1n, term: r.term, index: r.raftLog.lastIndex() }));
    const hb = takeMessages(r).filter((m) => m.type === MessageType.Heartbeat);
    expect(hb.map((m) => new TextDecoder().decode(m.context))).toEqual(['read-1', 'read-1']);
    expect(r.readStates).toEqual([]);
    r.step(msg({ type: MessageType.HeartbeatResp, from: 3n, to: 1n, term: r.term, context: ctx }));
    expect(r.readStates).toEqual([{ index: r.raftLog.committed, requestCtx: ctx }]);
  });

  it('never answers a safe read without acknowledgements from a quorum', () => {
    const r = newRaft(1n, [1n, 2n, 3n, 4n, 5n]);
    r.becomeCandidate();
    r.becomeLeader();
    r.advanceMessagesAfterAppend(); // the leader's own acknowledgement, once persisted
    for (const id of [2n, 3n]) {
      r.step(
        msg({ type: MessageType.AppResp, from: id, to: 1n, term: r.term, index: r.raftLog.lastIndex() }),
      );
    }
    r.step(readReq());
    r.step(msg({ type: MessageType.HeartbeatResp, from: 2n, to: 1n, term: r.term, context: ctx }));
    expect(r.readStates).toEqual([]);
    r.step(msg({ type: MessageType.HeartbeatResp, from: 3n, to: 1n, term: r.term, context: ctx }));
    expect(r.readStates).toHaveLength(1);
  });
});
