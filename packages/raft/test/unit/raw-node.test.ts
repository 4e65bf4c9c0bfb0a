import { MemoryLogger, seededRandom } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeConfChange, encodeMessage } from '../../src/codec.js';
import {
  NoReadyError,
  RaftConfigError,
  StepLocalMessageError,
  StepPeerNotFoundError,
} from '../../src/errors.js';
import { RawNode } from '../../src/raw-node.js';
import { MemoryStorage } from '../../src/storage.js';
import {
  ConfChangeTransition,
  ConfChangeType,
  EntryType,
  emptyConfState,
  MessageType,
} from '../../src/types.js';
import { message, toMemberId } from '../../src/util.js';

function bootstrapped(voters: bigint[]): MemoryStorage {
  const s = new MemoryStorage();
  s.applySnapshot({
    data: new Uint8Array(),
    metadata: { index: 1n, term: 1n, confState: { ...emptyConfState(), voters } },
  });
  s.setHardState({ term: 1n, vote: 0n, commit: 1n });
  return s;
}

function node(id = 1n, voters = [1n], storage = bootstrapped(voters)): RawNode {
  return new RawNode({ id, storage, random: seededRandom(7) });
}

/** Handles one Ready the way an embedder must. */
function handle(n: RawNode, s: MemoryStorage) {
  const rd = n.ready();
  if (rd.hardState) s.setHardState(rd.hardState);
  s.append(rd.entries);
  n.advance();
  return rd;
}

/** Handles Readys until there is none (each one's own votes and acknowledgements count on advance). */
function settle(n: RawNode, s: MemoryStorage) {
  const out = [];
  while (n.hasReady()) out.push(handle(n, s));
  return out;
}

describe('RawNode', () => {
  it('reports a Ready only when there is something to do, and advance() clears it', () => {
    const s = bootstrapped([1n]);
    const n = node(1n, [1n], s);
    expect(n.hasReady()).toBe(false);
    n.campaign();
    expect(n.hasReady()).toBe(true);
    // Its own vote counts only once persisted: the candidate wins when the first Ready is advanced.
    const vote = handle(n, s);
    expect(vote.softState).toEqual({ lead: 0n, raftState: 'candidate' });
    expect(vote.hardState).toEqual({ term: 2n, vote: 1n, commit: 1n });
    expect(vote.mustSync).toBe(true);
    // Its own append counts only once persisted: the entry commits when this Ready is advanced.
    const append = handle(n, s);
    expect(append.softState).toEqual({ lead: 1n, raftState: 'leader' });
    expect(append.entries.map((e) => e.index)).toEqual([2n]);
    expect(append.committedEntries).toEqual([]);
    const commit = handle(n, s);
    expect(commit.hardState).toEqual({ term: 2n, vote: 1n, commit: 2n });
    expect(commit.committedEntries.map((e) => e.index)).toEqual([2n]);
    expect(commit.mustSync).toBe(false);
    expect(n.hasReady()).toBe(false);
  });

  it('quorumIndex: on a leader, what a majority of voters holds, its own copy counted up to what it persisted', () => {
    const s = bootstrapped([1n, 2n, 3n]);
    const n = node(1n, [1n, 2n, 3n], s);
    expect(n.quorumIndex(100n)).toBeUndefined(); // not a leader
    n.campaign();
    settle(n, s);
    n.step(message({ type: MessageType.VoteResp, from: 2n, to: 1n, term: 2n }));
    settle(n, s); // the leader's empty entry at index 2
    expect(n.term).toBe(2n);
    expect(n.quorumIndex(2n)).toBe(0n); // no follower acknowledged anything yet
    n.step(message({ type: MessageType.AppResp, from: 2n, to: 1n, term: 2n, index: 2n }));
    expect(n.quorumIndex(2n)).toBe(2n);
    expect(n.quorumIndex(1n)).toBe(1n); // its own write of index 2 still in flight
    n.step(message({ type: MessageType.AppResp, from: 3n, to: 1n, term: 2n, index: 2n }));
    expect(n.quorumIndex(0n)).toBe(2n); // two followers are a majority without it
  });

  it('appends a batch of proposals as consecutive entries in one Ready, in order', () => {
    const s = bootstrapped([1n]);
    const n = node(1n, [1n], s);
    n.campaign();
    settle(n, s);
    const enc = new TextEncoder();
    n.proposeBatch([enc.encode('a'), enc.encode('b'), enc.encode('c')]);
    n.proposeBatch([]);
    const rd = handle(n, s);
    expect(rd.entries.map((e) => [e.index, new TextDecoder().decode(e.data)])).toEqual([
      [3n, 'a'],
      [4n, 'b'],
      [5n, 'c'],
    ]);
    expect(() => n.proposeBatch([enc.encode('x'), 'y' as unknown as Uint8Array])).toThrow(TypeError);
  });

  it('does not need a sync when only the commit index changed', () => {
    const s = bootstrapped([1n, 2n]);
    const n = node(1n, [1n, 2n], s);
    n.campaign();
    handle(n, s);
    n.step(message({ type: MessageType.VoteResp, from: 2n, to: 1n, term: 2n }));
    handle(n, s);
    n.step(message({ type: MessageType.AppResp, from: 2n, to: 1n, term: 2n, index: 2n }));
    const rd = handle(n, s);
    expect(rd.hardState?.commit).toBe(2n);
    expect(rd.entries).toEqual([]);
    expect(rd.mustSync).toBe(false);
  });

  it('refuses advance() without ready(), and ready() twice without advance()', () => {
    const n = node();
    expect(() => n.advance()).toThrow(NoReadyError);
    n.ready();
    expect(() => n.ready()).toThrow(/advance/);
  });

  it('refuses local message types and responses from strangers from the network', () => {
    const n = node();
    expect(() => n.step(message({ type: MessageType.Hup, from: 2n }))).toThrow(StepLocalMessageError);
    expect(() => n.step(message({ type: MessageType.AppResp, from: 9n, term: 1n }))).toThrow(
      StepPeerNotFoundError,
    );
  });

  it('reports proposals that cannot be accepted as PROPOSAL_DROPPED', () => {
    const n = node(1n, [1n, 2n, 3n]);
    expect(() => n.propose(new Uint8Array([1]))).toThrow(
      expect.objectContaining({ code: 'PROPOSAL_DROPPED' }),
    );
  });

  it('applies a committed conf change and returns the new ConfState', () => {
    const s = bootstrapped([1n]);
    const n = node(1n, [1n], s);
    n.campaign();
    settle(n, s);
    const cc = {
      transition: ConfChangeTransition.Auto,
      changes: [{ type: ConfChangeType.AddLearnerNode, nodeId: 2n }],
      context: new Uint8Array(),
    };
    n.proposeConfChange(cc);
    const committed = settle(n, s).flatMap((rd) => rd.committedEntries);
    const entry = committed.find((e) => e.type === EntryType.ConfChangeV2)!;
    expect(entry.data).toEqual(encodeConfChange(cc));
    expect(n.applyConfChange(cc)).toMatchObject({ voters: [1n], learners: [2n] });
    expect(n.status().progress?.get(2n)?.isLearner).toBe(true);
  });

  it('serves a read on a single voter at once', () => {
    const s = bootstrapped([1n]);
    const n = node(1n, [1n], s);
    n.campaign();
    settle(n, s);
    n.readIndex(new Uint8Array([42]));
    const rd = handle(n, s);
    expect(rd.readStates).toEqual([{ index: 2n, requestCtx: new Uint8Array([42]) }]);
  });

  it('restarts from storage with its term, vote and commit', () => {
    const s = bootstrapped([1n]);
    const n = node(1n, [1n], s);
    n.campaign();
    settle(n, s);
    n.propose(new Uint8Array([1]));
    settle(n, s);
    const again = node(1n, [1n], s);
    expect(again.status().hardState).toEqual({ term: 2n, vote: 1n, commit: 3n });
    // Committed entries are delivered again (applied was not given).
    expect(again.ready().committedEntries.map((e) => e.index)).toEqual([2n, 3n]);
  });

  it('does not re-deliver entries up to Config.applied after a restart', () => {
    const s = bootstrapped([1n]);
    const n = node(1n, [1n], s);
    n.campaign();
    settle(n, s);
    n.propose(new Uint8Array([1]));
    settle(n, s);
    const again = new RawNode({ id: 1n, storage: s, random: seededRandom(1), applied: 2n });
    expect(again.ready().committedEntries.map((e) => e.index)).toEqual([3n]);
  });

  it('logs through the injected logger', () => {
    const logger = new MemoryLogger();
    const s = bootstrapped([1n]);
    const n = new RawNode({ id: 1n, storage: s, random: seededRandom(1), logger });
    n.campaign();
    settle(n, s);
    expect(logger.text()).toMatch(/became leader/);
  });
});

describe('64-bit values', () => {
  it('elects and commits with terms, indexes and member IDs beyond 2^53', () => {
    const big = (1n << 63n) + 5n;
    const id = (1n << 64n) - 1n;
    const s = new MemoryStorage();
    s.applySnapshot({
      data: new Uint8Array(),
      metadata: { index: big, term: big, confState: { ...emptyConfState(), voters: [id] } },
    });
    s.setHardState({ term: big, vote: 0n, commit: big });
    const n = new RawNode({ id: id.toString(), storage: s, random: seededRandom(3) });
    n.campaign();
    const elected = settle(n, s);
    n.propose(new Uint8Array([1]));
    const readies = [...elected, ...settle(n, s)];
    expect(n.status().hardState).toEqual({ term: big + 1n, vote: id, commit: big + 2n });
    expect(readies.flatMap((rd) => rd.committedEntries).map((e) => [e.term, e.index])).toEqual([
      [big + 1n, big + 1n],
      [big + 1n, big + 2n],
    ]);
  });
});

describe('Config validation', () => {
  const base = () => ({ id: 1n, storage: bootstrapped([1n]), random: seededRandom(1) });
  it.each([
    ['id 0', { id: 0n }, /id must be a non-zero/],
    [
      'electionTick <= heartbeatTick',
      { electionTick: 2, heartbeatTick: 2 },
      /electionTick \(2\) must be greater/,
    ],
    ['heartbeatTick 0', { heartbeatTick: 0 }, /heartbeatTick must be an integer >= 1/],
    ['maxInflightMsgs 0', { maxInflightMsgs: 0 }, /maxInflightMsgs/],
    [
      'maxInflightBytes below maxSizePerMsg',
      { maxInflightBytes: 10, maxSizePerMsg: 100 },
      /maxInflightBytes/,
    ],
    [
      'lease-based reads without check-quorum',
      { readOnlyOption: 'lease-based', checkQuorum: false },
      /lease-based/,
    ],
    ['no random', { random: undefined }, /random is required/],
  ] as const)('refuses %s with INVALID_RAFT_CONFIG', (_name, patch, re) => {
    let err: unknown;
    try {
      new RawNode({ ...base(), ...(patch as object) } as never);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RaftConfigError);
    expect((err as RaftConfigError).code).toBe('INVALID_RAFT_CONFIG');
    expect((err as Error).message).toMatch(re);
  });
});

describe('codec', () => {
  it('round-trips a message with 64-bit values through the swarm.Message wire format', () => {
    const big = (1n << 64n) - 2n;
    const m = message({
      type: MessageType.Snap,
      to: big,
      from: 1n,
      term: big,
      logTerm: 3n,
      index: big - 1n,
      commit: 9n,
      reject: true,
      rejectHint: 4n,
      context: new Uint8Array([1, 2]),
      entries: [{ term: big, index: 5n, type: EntryType.ConfChangeV2, data: new Uint8Array([9]) }],
      snapshot: {
        data: new Uint8Array([3]),
        metadata: {
          index: big,
          term: 2n,
          confState: {
            voters: [big],
            learners: [2n],
            votersOutgoing: [3n],
            learnersNext: [4n],
            autoLeave: true,
          },
        },
      },
    });
    expect(decodeMessage(encodeMessage(m))).toEqual(m);
  });

  it('accepts member IDs as bigint or decimal strings, exactly', () => {
    expect(toMemberId('18446744073709551615')).toBe((1n << 64n) - 1n);
    expect(toMemberId(5n)).toBe(5n);
    expect(() => toMemberId('18446744073709551616')).toThrow(RangeError);
    expect(() => toMemberId('0x10')).toThrow(TypeError);
  });
});
