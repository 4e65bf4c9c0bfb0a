// Raft paper §6 and thesis chapter 4 (cluster membership changes): one voter at a time, joint
// consensus, learners, removal of the leader, and the rule of one pending change.
import { describe, expect, it } from 'vitest';
import { encodeConfChange } from '../../src/codec.js';
import type { Raft } from '../../src/raft.js';
import {
  type ConfChangeSingle,
  ConfChangeTransition,
  ConfChangeType,
  type ConfChangeV2,
  EntryType,
  MessageType,
} from '../../src/types.js';
import { msg, newRaft, persistAndApply, takeMessages } from './helpers.js';

const cc = (changes: ConfChangeSingle[], transition = ConfChangeTransition.Auto): ConfChangeV2 => ({
  transition,
  changes,
  context: new Uint8Array(0),
});
const add = (id: bigint): ConfChangeSingle => ({ type: ConfChangeType.AddNode, nodeId: id });
const remove = (id: bigint): ConfChangeSingle => ({ type: ConfChangeType.RemoveNode, nodeId: id });
const learner = (id: bigint): ConfChangeSingle => ({ type: ConfChangeType.AddLearnerNode, nodeId: id });

function leader(voters: bigint[], opts: Parameters<typeof newRaft>[2] = {}): Raft {
  const r = newRaft(1n, voters, opts);
  r.becomeCandidate();
  r.becomeLeader();
  for (const id of voters.slice(1)) {
    r.step(msg({ type: MessageType.AppResp, from: id, to: 1n, term: r.term, index: r.raftLog.lastIndex() }));
  }
  persistAndApply(r);
  takeMessages(r);
  return r;
}

function proposeConfChange(r: Raft, change: ConfChangeV2): void {
  r.step(
    msg({
      type: MessageType.Prop,
      from: r.id,
      entries: [{ term: 0n, index: 0n, type: EntryType.ConfChangeV2, data: encodeConfChange(change) }],
    }),
  );
}

function ack(r: Raft, ...from: bigint[]): void {
  for (const id of from)
    r.step(
      msg({ type: MessageType.AppResp, from: id, to: r.id, term: r.term, index: r.raftLog.lastIndex() }),
    );
}

describe('§6 membership changes', () => {
  it('counts a newly added voter toward the quorum once the change is applied', () => {
    const r = leader([1n, 2n]);
    r.applyConfChange(cc([add(3n)]));
    expect(r.trk.voterNodes()).toEqual([1n, 2n, 3n]);
    r.step(
      msg({
        type: MessageType.Prop,
        from: 1n,
        entries: [{ term: 0n, index: 0n, type: 0, data: new Uint8Array([1]) }],
      }),
    );
    r.advanceMessagesAfterAppend(); // the leader's own acknowledgement, once persisted
    const li = r.raftLog.lastIndex();
    // With three voters, the leader alone is not a quorum; one more acknowledgement is.
    expect(r.raftLog.committed).toBeLessThan(li);
    ack(r, 3n);
    expect(r.raftLog.committed).toBe(li);
  });

  it('commits with the smaller quorum once a voter is removed', () => {
    const r = leader([1n, 2n]);
    r.step(
      msg({
        type: MessageType.Prop,
        from: 1n,
        entries: [{ term: 0n, index: 0n, type: 0, data: new Uint8Array([1]) }],
      }),
    );
    r.advanceMessagesAfterAppend(); // the leader's own acknowledgement, once persisted
    const li = r.raftLog.lastIndex();
    expect(r.raftLog.committed).toBeLessThan(li);
    // Removing 2 leaves the leader as the only voter: its own entry is now committed.
    r.applyConfChange(cc([remove(2n)]));
    expect(r.raftLog.committed).toBe(li);
  });

  it('requires both majorities to commit while in a joint configuration', () => {
    const r = leader([1n, 2n, 3n]);
    r.applyConfChange(cc([add(4n), add(5n), remove(2n), remove(3n)]));
    expect(r.trk.config.voters.isJoint()).toBe(true);
    r.step(
      msg({
        type: MessageType.Prop,
        from: 1n,
        entries: [{ term: 0n, index: 0n, type: 0, data: new Uint8Array([1]) }],
      }),
    );
    r.advanceMessagesAfterAppend(); // the leader's own acknowledgement, once persisted
    const li = r.raftLog.lastIndex();
    // The incoming config {1,4,5} agrees, but the outgoing {1,2,3} does not yet.
    ack(r, 4n, 5n);
    expect(r.raftLog.committed).toBeLessThan(li);
    ack(r, 2n);
    expect(r.raftLog.committed).toBe(li);
  });

  it('requires both majorities to win an election while joint', () => {
    const r = newRaft(1n, [1n, 2n, 3n]);
    r.applyConfChange(cc([add(4n), add(5n), remove(2n), remove(3n)]));
    r.step(msg({ type: MessageType.Hup, from: 1n }));
    r.advanceMessagesAfterAppend(); // its own vote, once persisted
    const vote = (from: bigint) => r.step(msg({ type: MessageType.VoteResp, from, to: 1n, term: r.term }));
    vote(4n);
    vote(5n);
    expect(r.state).toBe('candidate');
    vote(2n);
    expect(r.state).toBe('leader');
  });

  it('leaves an auto-leave joint configuration by itself once the joint change is applied', () => {
    const r = leader([1n, 2n, 3n]);
    proposeConfChange(r, cc([add(4n), remove(3n)]));
    const joint = r.raftLog.lastIndex();
    ack(r, 2n, 3n);
    expect(r.raftLog.committed).toBe(joint);
    persistAndApply(r);
    r.applyConfChange(cc([add(4n), remove(3n)]));
    expect(r.trk.config.autoLeave).toBe(true);
    takeMessages(r);
    r.appliedTo(joint, 0);
    // The leader appended the empty conf change that leaves the joint configuration.
    const last = r.raftLog.entries(r.raftLog.lastIndex(), Number.MAX_SAFE_INTEGER)[0]!;
    expect(last.type).toBe(EntryType.ConfChangeV2);
    expect(last.index).toBe(joint + 1n);
  });

  it('accepts only one pending conf change: a second one becomes an empty entry', () => {
    const r = leader([1n, 2n, 3n]);
    proposeConfChange(r, cc([add(4n)]));
    proposeConfChange(r, cc([add(5n)]));
    const ents = r.raftLog.entries(r.raftLog.lastIndex() - 1n, Number.MAX_SAFE_INTEGER);
    expect(ents.map((e) => e.type)).toEqual([EntryType.ConfChangeV2, EntryType.Normal]);
    expect(ents[1]!.data.byteLength).toBe(0);
  });

  it('refuses a new change while joint, and an empty (leave) change while not joint', () => {
    const r = leader([1n, 2n, 3n]);
    proposeConfChange(r, cc([]));
    expect(r.raftLog.entries(r.raftLog.lastIndex(), 1e9)[0]!.type).toBe(EntryType.Normal);
    persistAndApply(r);
    ack(r, 2n, 3n);
    persistAndApply(r);
    r.applyConfChange(cc([add(4n)], ConfChangeTransition.JointExplicit));
    proposeConfChange(r, cc([add(5n)]));
    expect(r.raftLog.entries(r.raftLog.lastIndex(), 1e9)[0]!.type).toBe(EntryType.Normal);
  });

  it('does not let a member campaign while a committed conf change is unapplied', () => {
    const r = newRaft(2n, [1n, 2n, 3n]);
    r.becomeFollower(2n, 1n);
    r.step(
      msg({
        type: MessageType.App,
        from: 1n,
        to: 2n,
        term: 2n,
        logTerm: 1n,
        index: 1n,
        commit: 2n,
        entries: [
          { term: 2n, index: 2n, type: EntryType.ConfChangeV2, data: encodeConfChange(cc([add(4n)])) },
        ],
      }),
    );
    takeMessages(r);
    r.step(msg({ type: MessageType.Hup, from: 2n }));
    expect(r.state).toBe('follower');
    r.appliedTo(2n, 0);
    r.step(msg({ type: MessageType.Hup, from: 2n }));
    expect(r.state).toBe('candidate');
  });

  it('makes a removed leader hand leadership to a caught-up voter, then step down', () => {
    const r = leader([1n, 2n, 3n]);
    r.applyConfChange(cc([remove(1n)]));
    // It stays leader only to hand over: proposals are refused, and the first remaining voter
    // with the whole log is told to campaign now.
    expect(r.state).toBe('leader');
    expect(r.leadTransferee).toBe(2n);
    expect(
      takeMessages(r)
        .filter((m) => m.type === MessageType.TimeoutNow)
        .map((m) => m.to),
    ).toEqual([2n]);
    expect(() =>
      r.step(
        msg({
          type: MessageType.Prop,
          from: 1n,
          entries: [{ term: 0n, index: 0n, type: 0, data: new Uint8Array(1) }],
        }),
      ),
    ).toThrow(/no longer a member/);
    // The transferee's election reaches it: it becomes a follower and votes for it.
    r.step(
      msg({
        type: MessageType.Vote,
        from: 2n,
        to: 1n,
        term: r.term + 1n,
        index: r.raftLog.lastIndex(),
        logTerm: r.raftLog.lastTerm(),
        context: new TextEncoder().encode('CampaignTransfer'),
      }),
    );
    expect(r.state).toBe('follower');
    expect(() =>
      r.step(
        msg({
          type: MessageType.Prop,
          from: 1n,
          entries: [{ term: 0n, index: 0n, type: 0, data: new Uint8Array(1) }],
        }),
      ),
    ).toThrow(/no leader/);
  });

  it('makes a removed leader catch the voter with the longest log up before handing over', () => {
    const r = leader([1n, 2n, 3n]);
    r.step(
      msg({
        type: MessageType.Prop,
        from: 1n,
        entries: [{ term: 0n, index: 0n, type: 0, data: new Uint8Array(1) }],
      }),
    );
    persistAndApply(r);
    takeMessages(r);
    const last = r.raftLog.lastIndex();
    // Only 3 has the new entry: it is the one to take over.
    r.step(msg({ type: MessageType.AppResp, from: 3n, to: 1n, term: r.term, index: last }));
    persistAndApply(r);
    takeMessages(r);
    r.applyConfChange(cc([remove(1n)]));
    expect(r.leadTransferee).toBe(3n);
    expect(takeMessages(r).some((m) => m.type === MessageType.TimeoutNow && m.to === 3n)).toBe(true);
  });

  it('keeps a removed leader leading when stepDownOnRemoval is off, but it no longer counts toward commit', () => {
    const r = leader([1n, 2n, 3n], { stepDownOnRemoval: false });
    r.applyConfChange(cc([remove(1n)]));
    expect(r.state).toBe('leader');
    expect(() =>
      r.step(
        msg({
          type: MessageType.Prop,
          from: 1n,
          entries: [{ term: 0n, index: 0n, type: 0, data: new Uint8Array(1) }],
        }),
      ),
    ).toThrow(/no longer a member/);
  });

  it('never lets a learner vote-count or campaign, and promotes it to voter', () => {
    const l = newRaft(4n, [1n, 2n, 3n], { learners: [4n] });
    expect(l.isLearner).toBe(true);
    for (let i = 0; i < 50; i++) l.tick();
    expect(l.state).toBe('follower');
    expect(takeMessages(l)).toHaveLength(0);

    const r = leader([1n, 2n, 3n]);
    r.applyConfChange(cc([learner(4n)]));
    r.step(
      msg({
        type: MessageType.Prop,
        from: 1n,
        entries: [{ term: 0n, index: 0n, type: 0, data: new Uint8Array(1) }],
      }),
    );
    const li = r.raftLog.lastIndex();
    // The learner receives the entry ...
    expect(takeMessages(r).some((m) => m.to === 4n && m.type === MessageType.App)).toBe(true);
    // ... but its acknowledgement does not make a quorum.
    ack(r, 4n);
    expect(r.raftLog.committed).toBeLessThan(li);
    r.applyConfChange(cc([add(4n)]));
    expect(r.trk.voterNodes()).toEqual([1n, 2n, 3n, 4n]);
    expect(r.trk.learnerNodes()).toEqual([]);
  });

  it('aborts a leadership transfer to a member that is removed', () => {
    const r = leader([1n, 2n, 3n]);
    r.trk.progress.get(3n)!.match = 0n;
    r.step(msg({ type: MessageType.TransferLeader, from: 3n, to: 1n }));
    expect(r.leadTransferee).toBe(3n);
    r.applyConfChange(cc([remove(3n)]));
    expect(r.leadTransferee).toBe(0n);
  });

  it('rejects an invalid change with a typed error and leaves the configuration as it was', () => {
    const r = leader([1n, 2n, 3n]);
    expect(() =>
      r.applyConfChange(cc([add(4n), add(5n)], ConfChangeTransition.Auto)).toString(),
    ).not.toThrow();
    expect(() => r.applyConfChange(cc([add(6n)]))).toThrow(
      expect.objectContaining({ code: 'INVALID_CONF_CHANGE' }),
    );
    expect(r.trk.config.voters.isJoint()).toBe(true);
  });
});
