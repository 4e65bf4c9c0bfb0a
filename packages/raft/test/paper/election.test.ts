// Raft paper §5.2 (leader election), plus pre-vote and check-quorum from Ongaro's thesis §9.6, §6.2.
import { describe, expect, it } from 'vitest';
import { MessageType, NONE } from '../../src/types.js';
import { ent, msg, newRaft, PaperNetwork, storageWithLog, takeMessages } from './helpers.js';

const ids = [1n, 2n, 3n];

function tickUntil(r: ReturnType<typeof newRaft>, pred: () => boolean, max = 100): number {
  for (let i = 1; i <= max; i++) {
    r.tick();
    if (pred()) return i;
  }
  throw new Error('condition never reached');
}

describe('§5.2 leader election', () => {
  it('starts every member as a follower', () => {
    const r = newRaft(1n, ids);
    expect(r.state).toBe('follower');
    expect(r.term).toBe(1n);
  });

  it('makes a follower that hears nothing for an election timeout a candidate of the next term that votes for itself and requests votes', () => {
    const r = newRaft(1n, ids);
    tickUntil(r, () => r.state !== 'follower');
    expect(r.state).toBe('candidate');
    expect(r.term).toBe(2n);
    expect(r.vote).toBe(1n);
    const votes = takeMessages(r);
    expect(votes.map((m) => [m.type, m.to, m.term, m.logTerm, m.index])).toEqual([
      [MessageType.Vote, 2n, 2n, 1n, 1n],
      [MessageType.Vote, 3n, 2n, 1n, 1n],
    ]);
  });

  it('makes a candidate that times out start a new election at a higher term', () => {
    const r = newRaft(1n, ids);
    r.becomeCandidate();
    takeMessages(r);
    tickUntil(r, () => r.term === 3n);
    expect(r.state).toBe('candidate');
    expect(takeMessages(r).filter((m) => m.type === MessageType.Vote && m.term === 3n)).toHaveLength(2);
  });

  it('draws election timeouts across the whole range [electionTick, 2 * electionTick)', () => {
    const seen = new Set<number>();
    for (let s = 0; s < 200; s++) {
      const r = newRaft(1n, ids, { seed: s });
      seen.add(tickUntil(r, () => r.state === 'candidate'));
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('makes a leader send heartbeats every heartbeat interval', () => {
    const r = newRaft(1n, ids, { heartbeatTick: 2 });
    r.becomeCandidate();
    r.becomeLeader();
    takeMessages(r);
    r.tick();
    expect(takeMessages(r)).toHaveLength(0);
    r.tick();
    const hb = takeMessages(r);
    expect(hb.map((m) => [m.type, m.to])).toEqual([
      [MessageType.Heartbeat, 2n],
      [MessageType.Heartbeat, 3n],
    ]);
  });

  it.each([
    // [cluster size, votes granted by others, expected state]
    [1, {}, 'leader'],
    [3, { 2: true, 3: true }, 'leader'],
    [3, { 2: true }, 'leader'],
    [5, { 2: true, 3: true, 4: true, 5: true }, 'leader'],
    [5, { 2: true, 3: true }, 'leader'],
    [3, { 2: false, 3: false }, 'follower'],
    [5, { 2: false, 3: false, 4: false }, 'follower'],
    [5, { 2: true, 3: false, 4: false, 5: false }, 'follower'],
    [5, { 2: true, 3: false, 4: false }, 'candidate'],
    [3, {}, 'candidate'],
    [5, { 2: true }, 'candidate'],
    [5, { 2: false, 3: false }, 'candidate'],
  ] as const)('decides a %i-member election with votes %j as %s', (size, votes, want) => {
    const members = Array.from({ length: size }, (_, i) => BigInt(i + 1));
    const r = newRaft(1n, members);
    r.step(msg({ type: MessageType.Hup, from: 1n }));
    r.advanceMessagesAfterAppend(); // its own vote, once persisted
    for (const [id, granted] of Object.entries(votes)) {
      r.step(msg({ type: MessageType.VoteResp, from: BigInt(id), to: 1n, term: r.term, reject: !granted }));
    }
    expect(r.state).toBe(want);
    expect(r.term).toBe(2n);
  });

  it('grants at most one vote per term, first come first served', () => {
    for (const [vote, from, reject] of [
      [NONE, 2n, false],
      [NONE, 3n, false],
      [2n, 2n, false],
      [3n, 3n, false],
      [2n, 3n, true],
      [3n, 2n, true],
    ] as const) {
      const r = newRaft(1n, ids);
      r.loadState({ term: 2n, vote, commit: 1n });
      r.step(msg({ type: MessageType.Vote, from, to: 1n, term: 2n, logTerm: 1n, index: 1n }));
      const [resp] = takeMessages(r);
      expect(resp).toMatchObject({ type: MessageType.VoteResp, to: from, reject });
    }
  });

  it('makes a candidate that hears from a leader of its term or later become its follower', () => {
    for (const term of [2n, 3n]) {
      const r = newRaft(1n, ids);
      r.step(msg({ type: MessageType.Hup, from: 1n }));
      expect(r.state).toBe('candidate');
      r.step(msg({ type: MessageType.App, from: 2n, to: 1n, term, logTerm: 1n, index: 1n }));
      expect(r.state).toBe('follower');
      expect(r.term).toBe(term);
      expect(r.lead).toBe(2n);
    }
  });

  it('makes any member that sees a higher term adopt it and become a follower', () => {
    for (const become of ['follower', 'candidate', 'leader'] as const) {
      const r = newRaft(1n, ids);
      if (become === 'candidate') r.becomeCandidate();
      if (become === 'leader') {
        r.becomeCandidate();
        r.becomeLeader();
      }
      r.step(msg({ type: MessageType.App, from: 2n, to: 1n, term: 5n, logTerm: 0n, index: 0n }));
      expect(r.term).toBe(5n);
      expect(r.state).toBe('follower');
    }
  });

  it('ignores a message from a stale term', () => {
    const r = newRaft(1n, ids);
    r.loadState({ term: 3n, vote: NONE, commit: 1n });
    r.step(
      msg({
        type: MessageType.App,
        from: 2n,
        to: 1n,
        term: 2n,
        logTerm: 1n,
        index: 1n,
        entries: [ent(2n, 2n)],
      }),
    );
    expect(r.raftLog.lastIndex()).toBe(1n);
    expect(r.term).toBe(3n);
  });

  it('elects exactly one leader in a cluster with randomized timeouts', () => {
    const net = PaperNetwork.of(5);
    // Everyone ticks in lockstep; deliver after each tick.
    for (let t = 0; t < 100; t++) {
      for (const r of net.peers.values()) {
        r.tick();
        net.send(...takeMessages(r));
      }
    }
    const leaders = [...net.peers.values()].filter((r) => r.state === 'leader');
    expect(leaders).toHaveLength(1);
    const term = leaders[0]!.term;
    for (const r of net.peers.values()) expect(r.term).toBe(term);
  });
});

describe('pre-vote (thesis §9.6)', () => {
  it('makes a pre-candidate request votes for the next term without changing its own term or vote', () => {
    const r = newRaft(1n, ids, { preVote: true });
    r.step(msg({ type: MessageType.Hup, from: 1n }));
    expect(r.state).toBe('pre-candidate');
    expect(r.term).toBe(1n);
    expect(r.vote).toBe(NONE);
    expect(takeMessages(r).map((m) => [m.type, m.term])).toEqual([
      [MessageType.PreVote, 2n],
      [MessageType.PreVote, 2n],
    ]);
  });

  it('lets an isolated member time out repeatedly without raising its term, then rejoin without disruption', () => {
    const net = PaperNetwork.of(3, { preVote: true });
    net.campaign(1n);
    expect(net.get(1n).state).toBe('leader');
    net.isolate(3n);
    // The cluster moves on without 3, so 3's log is behind when it comes back.
    net.propose(1n, 'while-3-is-away');
    const r3 = net.get(3n);
    for (let i = 0; i < 100; i++) {
      r3.tick();
      net.send(...takeMessages(r3));
    }
    expect(r3.term).toBe(2n);
    net.recover();
    r3.step(msg({ type: MessageType.Hup, from: 3n }));
    net.send(...takeMessages(r3));
    expect(net.get(1n).state).toBe('leader');
    expect(net.get(1n).term).toBe(2n);
  });

  it('moves a pre-candidate that wins the pre-vote into a real election', () => {
    const net = PaperNetwork.of(3, { preVote: true });
    net.campaign(1n);
    expect(net.get(1n).state).toBe('leader');
    expect(net.get(1n).term).toBe(2n);
  });
});

describe('check-quorum (thesis §6.2)', () => {
  it('makes a leader that has not heard from a quorum for an election timeout step down', () => {
    const net = PaperNetwork.of(3, { checkQuorum: true });
    net.campaign(1n);
    const r1 = net.get(1n);
    expect(r1.state).toBe('leader');
    net.isolate(1n);
    for (let i = 0; i < 2 * r1.electionTimeout; i++) {
      r1.tick();
      net.send(...takeMessages(r1));
    }
    expect(r1.state).toBe('follower');
  });

  it('keeps a leader that hears from a quorum', () => {
    const net = PaperNetwork.of(3, { checkQuorum: true });
    net.campaign(1n);
    const r1 = net.get(1n);
    net.isolate(3n);
    for (let i = 0; i < 5 * r1.electionTimeout; i++) {
      r1.tick();
      net.send(...takeMessages(r1));
    }
    expect(r1.state).toBe('leader');
  });

  it('makes followers inside the leader lease ignore vote requests from a higher term', () => {
    const net = PaperNetwork.of(3, { checkQuorum: true });
    net.campaign(1n);
    const r2 = net.get(2n);
    r2.step(msg({ type: MessageType.Vote, from: 3n, to: 2n, term: 5n, logTerm: 2n, index: 10n }));
    expect(r2.term).toBe(2n);
    expect(takeMessages(r2)).toHaveLength(0);
  });

  it('refuses lease-based reads without check-quorum', () => {
    expect(() => newRaft(1n, ids, { checkQuorum: false, readOnlyOption: 'lease-based' })).toThrow(
      /checkQuorum/,
    );
  });
});

describe('candidates with a log from a crashed member', () => {
  it('uses the persisted term and vote after a restart, so it never votes twice in a term', () => {
    const s = storageWithLog(ids, [], 4n);
    s.setHardState({ term: 4n, vote: 2n, commit: 1n });
    const r = newRaft(1n, ids, { storage: s });
    r.step(msg({ type: MessageType.Vote, from: 3n, to: 1n, term: 4n, logTerm: 1n, index: 1n }));
    expect(takeMessages(r)[0]).toMatchObject({ type: MessageType.VoteResp, reject: true });
  });
});
