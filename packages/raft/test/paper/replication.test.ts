// Raft paper §5.3 (log replication): the leader appends, replicates with the (term, index)
// consistency check, commits on a majority, and brings every follower's log in line with its own.
import { describe, expect, it } from 'vitest';
import { SnapshotTemporarilyUnavailableError } from '../../src/errors.js';
import type { Raft } from '../../src/raft.js';
import { MemoryStorage } from '../../src/storage.js';
import { emptyConfState, MessageType, NONE } from '../../src/types.js';
import {
  ent,
  entsWithTerms,
  logTerms,
  msg,
  newRaft,
  PaperNetwork,
  persistAndApply,
  propose,
  storageWithLog,
  takeMessages,
} from './helpers.js';

const ids = [1n, 2n, 3n];

function leaderOf(size: number): Raft {
  const members = Array.from({ length: size }, (_, i) => BigInt(i + 1));
  const r = newRaft(1n, members);
  r.becomeCandidate();
  r.becomeLeader();
  // Commit the leader's empty entry so replication starts from a clean state.
  for (const id of members.slice(1)) {
    r.step(msg({ type: MessageType.AppResp, from: id, to: 1n, term: r.term, index: r.raftLog.lastIndex() }));
  }
  persistAndApply(r);
  takeMessages(r);
  return r;
}

describe('§5.3 log replication', () => {
  it('makes the leader append a proposal to its log and send it to every follower with the preceding (term, index)', () => {
    const r = leaderOf(3);
    const li = r.raftLog.lastIndex();
    propose(r, 'some data');
    expect(r.raftLog.lastIndex()).toBe(li + 1n);
    const msgs = takeMessages(r);
    expect(
      msgs.map((m) => [m.type, m.to, m.index, m.logTerm, m.entries.map((e) => [e.index, e.term])]),
    ).toEqual([
      [MessageType.App, 2n, li, 2n, [[li + 1n, 2n]]],
      [MessageType.App, 3n, li, 2n, [[li + 1n, 2n]]],
    ]);
    expect(r.raftLog.committed).toBe(li);
  });

  it('commits an entry once a majority stores it, and tells followers the new commit index', () => {
    const r = leaderOf(3);
    propose(r, 'a');
    const li = r.raftLog.lastIndex();
    takeMessages(r);
    r.step(msg({ type: MessageType.AppResp, from: 2n, to: 1n, term: r.term, index: li }));
    expect(r.raftLog.committed).toBe(li);
    expect(r.raftLog.nextCommittedEntries(true).map((e) => new TextDecoder().decode(e.data))).toEqual(['a']);
    const msgs = takeMessages(r);
    expect(msgs.map((m) => [m.type, m.to, m.commit])).toEqual([
      [MessageType.App, 2n, li],
      [MessageType.App, 3n, li],
    ]);
  });

  it.each([
    // [cluster size, followers that acknowledge, committed?]
    [1, [], true],
    [3, [], false],
    [3, [2], true],
    [3, [2, 3], true],
    [5, [], false],
    [5, [2], false],
    [5, [2, 3], true],
    [5, [2, 3, 4, 5], true],
  ] as const)('in a cluster of %i with acknowledgements from %j, commits: %s', (size, acks, want) => {
    const r = leaderOf(size);
    propose(r, 'x');
    r.advanceMessagesAfterAppend(); // the leader's own acknowledgement, once persisted
    const li = r.raftLog.lastIndex();
    for (const id of acks)
      r.step(msg({ type: MessageType.AppResp, from: BigInt(id), to: 1n, term: r.term, index: li }));
    expect(r.raftLog.committed === li).toBe(want);
  });

  it('commits all preceding entries, including those from earlier terms, when it commits one of its own', () => {
    for (const prior of [[], [2], [1, 2], [1, 1, 3]]) {
      const s = storageWithLog(ids, prior);
      const r = newRaft(1n, ids, { storage: s });
      r.loadState({ term: 3n, vote: NONE, commit: 1n });
      r.becomeCandidate();
      r.becomeLeader();
      propose(r, 'new');
      takeMessages(r);
      for (const id of [2n, 3n]) {
        r.step(
          msg({ type: MessageType.AppResp, from: id, to: 1n, term: r.term, index: r.raftLog.lastIndex() }),
        );
      }
      expect(r.raftLog.committed).toBe(r.raftLog.lastIndex());
      expect(r.raftLog.nextCommittedEntries(true).length).toBe(prior.length + 2);
    }
  });

  it('makes a follower commit up to the leader commit it learns, bounded by what it has', () => {
    const cases: [number, bigint, bigint][] = [
      // [entries sent, leader commit, expected commit]
      [1, 2n, 2n],
      [2, 3n, 3n],
      [2, 2n, 2n],
      [1, 5n, 2n],
    ];
    for (const [n, commit, want] of cases) {
      const r = newRaft(1n, ids);
      r.becomeFollower(2n, 2n);
      const ents = entsWithTerms(...Array<number>(n).fill(2));
      r.step(
        msg({
          type: MessageType.App,
          from: 2n,
          to: 1n,
          term: 2n,
          logTerm: 1n,
          index: 1n,
          entries: ents,
          commit,
        }),
      );
      expect(r.raftLog.committed).toBe(want);
    }
  });

  it('makes a follower reject an append whose preceding (term, index) it does not hold, hinting where to resume', () => {
    const s = storageWithLog(ids, [1, 2]);
    const cases: [bigint, bigint, boolean, bigint][] = [
      // [prev term, prev index, rejected, hint]
      [1n, 1n, false, 0n],
      [1n, 2n, false, 0n],
      [2n, 3n, false, 0n],
      [3n, 3n, true, 3n], // term mismatch at 3: our term there (2) is below 3
      [3n, 4n, true, 3n], // beyond our log
    ];
    for (const [logTerm, index, reject, hint] of cases) {
      const r = newRaft(1n, ids, { storage: s });
      r.becomeFollower(3n, 2n);
      r.step(msg({ type: MessageType.App, from: 2n, to: 1n, term: 3n, logTerm, index, commit: 1n }));
      const [resp] = takeMessages(r);
      expect(resp).toMatchObject({ type: MessageType.AppResp, reject });
      if (reject) expect(resp!.rejectHint).toBe(hint);
    }
  });

  it('makes a follower append new entries and replace only a conflicting suffix', () => {
    const cases: [bigint, bigint, [bigint, bigint][], string][] = [
      // follower log 2:1 3:2; [prev index, prev term, entries (index, term)] -> log after
      [3n, 2n, [[4n, 3n]], '1:1 2:1 3:2 4:3'],
      [
        2n,
        1n,
        [
          [3n, 3n],
          [4n, 4n],
        ],
        '1:1 2:1 3:3 4:4',
      ],
      [1n, 1n, [[2n, 1n]], '1:1 2:1 3:2'],
      [1n, 1n, [[2n, 3n]], '1:1 2:3'],
    ];
    for (const [index, logTerm, ents, want] of cases) {
      const r = newRaft(1n, ids, { storage: storageWithLog(ids, [1, 2]) });
      r.becomeFollower(3n, 2n);
      r.step(
        msg({
          type: MessageType.App,
          from: 2n,
          to: 1n,
          term: 3n,
          logTerm,
          index,
          entries: ents.map(([i, t]) => ent(i, t)),
        }),
      );
      // The bootstrap entry is compacted into the snapshot: include it for readability.
      expect(`1:1 ${logTerms(r)}`).toBe(want);
    }
  });

  it('brings every follower log of Figure 7 into line with the leader', () => {
    // Figure 7 (shifted by one for the bootstrap entry): the leader's log for term 8, and
    // followers (a) to (f) that miss entries or hold extra, conflicting ones.
    const leaderLog = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6];
    const followers = [
      [1, 1, 1, 4, 4, 5, 5, 6, 6],
      [1, 1, 1, 4],
      [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6],
      [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7],
      [1, 1, 1, 4, 4, 4, 4],
      [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3],
    ];
    for (const f of followers) {
      const lead = newRaft(1n, ids, { storage: storageWithLog(ids, leaderLog, 8n) });
      lead.loadState({ term: 8n, vote: NONE, commit: 1n });
      const follower = newRaft(2n, ids, { storage: storageWithLog(ids, f, 8n) });
      follower.loadState({ term: 8n, vote: NONE, commit: 1n });
      // A third voter that grants the vote, so the leader of term 9 is elected.
      const third = newRaft(3n, ids);
      const net = new PaperNetwork(lead, follower, third);
      net.campaign(1n);
      expect(lead.state).toBe('leader');
      net.send(msg({ type: MessageType.Beat, from: 1n, to: 1n }));
      expect(logTerms(follower)).toBe(logTerms(lead));
    }
  });

  it('keeps probing one message at a time for a follower in probe state, and streams in replicate state', () => {
    const r = leaderOf(3);
    const pr = r.trk.progress.get(2n)!;
    pr.becomeProbe();
    propose(r, 'a');
    propose(r, 'b');
    // Only the first proposal's append goes to 2 while probing; 3 (replicating) gets both.
    const msgs = takeMessages(r);
    expect(msgs.filter((m) => m.to === 2n)).toHaveLength(1);
    expect(msgs.filter((m) => m.to === 3n)).toHaveLength(2);
  });

  it('returns a probed follower that is already up to date to replicate state', () => {
    const r = leaderOf(3);
    const pr = r.trk.progress.get(2n)!;
    const match = pr.match;
    pr.becomeProbe();
    r.step(msg({ type: MessageType.AppResp, from: 2n, to: 1n, term: r.term, index: match }));
    expect(pr.state).toBe('replicate');
  });

  it('limits appends to maxSizePerMsg bytes but always sends at least one entry', () => {
    const r = newRaft(1n, ids, { maxSizePerMsg: 4 });
    r.becomeCandidate();
    r.becomeLeader();
    for (const id of [2n, 3n])
      r.step(msg({ type: MessageType.AppResp, from: id, to: 1n, term: r.term, index: 2n }));
    takeMessages(r);
    r.trk.progress.get(2n)!.becomeProbe();
    for (const d of ['aaa', 'bbb', 'cccccc']) propose(r, d);
    takeMessages(r);
    // Probe from scratch after a rejection: one message holds as many entries as fit.
    const pr = r.trk.progress.get(2n)!;
    pr.next = 3n;
    pr.msgAppFlowPaused = false;
    r.sendAppend(2n);
    const [m] = takeMessages(r);
    expect(m!.entries.map((e) => e.data.byteLength)).toEqual([3]);
    pr.next = 5n;
    pr.msgAppFlowPaused = false;
    r.sendAppend(2n);
    expect(takeMessages(r)[0]!.entries.map((e) => e.data.byteLength)).toEqual([6]);
  });

  it('drops proposals once uncommitted entries reach maxUncommittedEntriesSize', () => {
    const r = newRaft(1n, ids, { maxUncommittedEntriesSize: 10 });
    r.becomeCandidate();
    r.becomeLeader();
    propose(r, '12345');
    propose(r, '12345');
    expect(() => propose(r, '1')).toThrow(/uncommitted entry size limit/);
  });
});

describe('§7 log compaction and snapshots', () => {
  function compactedLeader(storage: MemoryStorage): Raft {
    const r = newRaft(1n, ids, { storage });
    r.becomeCandidate();
    r.becomeLeader();
    r.advanceMessagesAfterAppend(); // the leader's own acknowledgement, once persisted
    r.step(msg({ type: MessageType.AppResp, from: 3n, to: 1n, term: r.term, index: r.raftLog.lastIndex() }));
    persistAndApply(r);
    storage.createSnapshot(r.raftLog.applied, { ...emptyConfState(), voters: ids }, new Uint8Array([1]));
    storage.compact(r.raftLog.applied);
    takeMessages(r);
    return r;
  }

  it('sends a snapshot to a follower that needs compacted entries, and waits in snapshot state', () => {
    const storage = storageWithLog(ids, [1, 1]);
    const r = compactedLeader(storage);
    const pr = r.trk.progress.get(2n)!;
    pr.becomeProbe();
    pr.next = 2n;
    // Snapshots go only to followers heard from recently.
    pr.recentActive = true;
    r.sendAppend(2n);
    const [m] = takeMessages(r);
    expect(m?.type).toBe(MessageType.Snap);
    expect(m?.snapshot?.metadata.index).toBe(storage.snapshot().metadata.index);
    expect(pr.state).toBe('snapshot');
    expect(pr.isPaused()).toBe(true);
  });

  it('retries later when the storage cannot produce a snapshot yet', () => {
    class Busy extends MemoryStorage {
      busy = true;
      override snapshot() {
        if (this.busy) throw new SnapshotTemporarilyUnavailableError();
        return super.snapshot();
      }
    }
    const storage = new Busy();
    const base = storageWithLog(ids, [1, 1]);
    storage.applySnapshot(base.snapshot());
    storage.setHardState(base.hardState());
    storage.append(base.entries(base.firstIndex(), base.lastIndex() + 1n, 1e9));
    storage.busy = false;
    const r = compactedLeader(storage);
    storage.busy = true;
    const pr = r.trk.progress.get(2n)!;
    pr.becomeProbe();
    pr.next = 2n;
    // Snapshots go only to followers heard from recently.
    pr.recentActive = true;
    r.sendAppend(2n);
    expect(takeMessages(r)).toEqual([]);
    expect(pr.state).toBe('probe');
    storage.busy = false;
    r.sendAppend(2n);
    expect(takeMessages(r)[0]?.type).toBe(MessageType.Snap);
  });

  it('makes a follower install a newer snapshot: log, commit and configuration restart from it', () => {
    const r = newRaft(2n, ids);
    r.becomeFollower(2n, 1n);
    const cs = { ...emptyConfState(), voters: [1n, 2n, 3n, 4n] };
    r.step(
      msg({
        type: MessageType.Snap,
        from: 1n,
        to: 2n,
        term: 2n,
        snapshot: { data: new Uint8Array([9]), metadata: { index: 10n, term: 2n, confState: cs } },
      }),
    );
    expect([r.raftLog.committed, r.raftLog.lastIndex(), r.raftLog.lastTerm()]).toEqual([10n, 10n, 2n]);
    expect(r.trk.voterNodes()).toEqual([1n, 2n, 3n, 4n]);
    expect(takeMessages(r)[0]).toMatchObject({ type: MessageType.AppResp, index: 10n });
  });

  it('ignores a snapshot that is not newer than its commit index', () => {
    const r = newRaft(2n, ids);
    r.becomeFollower(2n, 1n);
    r.step(
      msg({
        type: MessageType.Snap,
        from: 1n,
        to: 2n,
        term: 2n,
        snapshot: {
          data: new Uint8Array(),
          metadata: { index: 1n, term: 1n, confState: { ...emptyConfState(), voters: ids } },
        },
      }),
    );
    expect(r.raftLog.hasNextUnstableSnapshot()).toBe(false);
    expect(takeMessages(r)[0]).toMatchObject({ type: MessageType.AppResp, index: 1n });
  });

  it('pauses replication to a follower once maxInflightBytes are in flight', () => {
    const r = newRaft(1n, ids, { maxSizePerMsg: 4, maxInflightBytes: 8 });
    r.becomeCandidate();
    r.becomeLeader();
    for (const id of [2n, 3n])
      r.step(msg({ type: MessageType.AppResp, from: id, to: 1n, term: r.term, index: 2n }));
    takeMessages(r);
    for (const d of ['aaaa', 'bbbb', 'cccc']) propose(r, d);
    // 2 is replicating: two 4-byte appends fill its 8-byte window; the third waits.
    expect(takeMessages(r).filter((m) => m.to === 2n && m.entries.length > 0)).toHaveLength(2);
    expect(r.trk.progress.get(2n)!.isPaused()).toBe(true);
  });
});
