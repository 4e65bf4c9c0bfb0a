// The core's hand-written codec against @swarm/api's generated protobufjs code: the same bytes for
// every value, and each side reads what the other wrote.
import { swarm, toLong } from '@swarm/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeConfChange,
  decodeConfChangeV1,
  decodeEntry,
  decodeHardState,
  decodeMessage,
  decodeSnapshot,
  encodeConfChange,
  encodeEntry,
  encodeHardState,
  encodeMessage,
  encodeSnapshot,
} from '../../src/codec.js';
import type { ConfChangeV2, ConfState, Entry, HardState, Message, Snapshot } from '../../src/types.js';
import {
  entryFromWire,
  entryToWire,
  hardStateFromWire,
  hardStateToWire,
  messageFromWire,
  messageToWire,
  snapshotFromWire,
  snapshotToWire,
} from '../../src/wire.js';

const u64 = fc.oneof(
  fc.constant(0n),
  fc.bigInt({ min: 0n, max: 300n }),
  fc.bigInt({ min: 0n, max: (1n << 35n) - 1n }),
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  fc.constant((1n << 64n) - 1n),
);
const bytes = fc.oneof(fc.constant(new Uint8Array(0)), fc.uint8Array({ maxLength: 300 }));
const ids = fc.array(u64, { maxLength: 5 });
const entry: fc.Arbitrary<Entry> = fc.record({
  term: u64,
  index: u64,
  type: fc.constantFrom(0, 1, 2),
  data: bytes,
});
const confState: fc.Arbitrary<ConfState> = fc.record({
  voters: ids,
  learners: ids,
  votersOutgoing: ids,
  learnersNext: ids,
  autoLeave: fc.boolean(),
});
const snapshot: fc.Arbitrary<Snapshot> = fc.record({
  data: bytes,
  metadata: fc.record({ confState, index: u64, term: u64 }),
});
const hardState: fc.Arbitrary<HardState> = fc.record({ term: u64, vote: u64, commit: u64 });
const message: fc.Arbitrary<Message> = fc
  .record({
    type: fc.integer({ min: 0, max: 18 }),
    to: u64,
    from: u64,
    term: u64,
    logTerm: u64,
    index: u64,
    entries: fc.array(entry, { maxLength: 4 }),
    commit: u64,
    reject: fc.boolean(),
    rejectHint: u64,
    context: bytes,
    snapshot: fc.option(snapshot, { nil: undefined }),
  })
  .map((m) => {
    const { snapshot: s, ...rest } = m;
    return s === undefined ? rest : { ...rest, snapshot: s };
  });
const confChange: fc.Arbitrary<ConfChangeV2> = fc.record({
  transition: fc.constantFrom(0, 1, 2),
  changes: fc.array(fc.record({ type: fc.constantFrom(0, 1, 2, 3), nodeId: u64 }), { maxLength: 4 }),
  context: bytes,
});

/** Plain Uint8Arrays, so that a Buffer from protobufjs and a view from the codec compare equal. */
function plain<T>(v: T): T {
  if (v instanceof Uint8Array) return new Uint8Array(v) as T;
  if (Array.isArray(v)) return v.map(plain) as T;
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)])) as T;
  return v;
}

const generated = (b: Uint8Array) => new Uint8Array(b);

describe('the raft codec', () => {
  it('writes a message exactly as the generated swarm.Message code does, and reads it back', () => {
    fc.assert(
      fc.property(message, (m) => {
        const ours = encodeMessage(m);
        expect(ours).toEqual(generated(swarm.Message.encode(messageToWire(m)).finish()));
        expect(plain(decodeMessage(ours))).toEqual(plain(m));
        expect(plain(messageFromWire(swarm.Message.decode(ours)))).toEqual(plain(m));
      }),
      { numRuns: 300, seed: 19 },
    );
  });

  it('writes entries, snapshots and hard states as the generated code does', () => {
    fc.assert(
      fc.property(entry, snapshot, hardState, (e, s, hs) => {
        expect(encodeEntry(e)).toEqual(generated(swarm.Entry.encode(entryToWire(e)).finish()));
        expect(encodeSnapshot(s)).toEqual(generated(swarm.Snapshot.encode(snapshotToWire(s)).finish()));
        expect(encodeHardState(hs)).toEqual(generated(swarm.HardState.encode(hardStateToWire(hs)).finish()));
        expect(plain(decodeEntry(encodeEntry(e)))).toEqual(plain(e));
        expect(plain(decodeSnapshot(encodeSnapshot(s)))).toEqual(plain(s));
        expect(decodeHardState(encodeHardState(hs))).toEqual(hs);
        expect(plain(entryFromWire(swarm.Entry.decode(encodeEntry(e))))).toEqual(plain(e));
        expect(plain(snapshotFromWire(swarm.Snapshot.decode(encodeSnapshot(s))))).toEqual(plain(s));
        expect(hardStateFromWire(swarm.HardState.decode(encodeHardState(hs)))).toEqual(hs);
      }),
      { numRuns: 300, seed: 20 },
    );
  });

  it('writes conf changes as the generated code does, and reads v1 conf changes', () => {
    fc.assert(
      fc.property(confChange, u64, (cc, id) => {
        const wire = {
          transition: cc.transition as number,
          changes: cc.changes.map((c) => ({ type: c.type as number, nodeId: toLong(c.nodeId) })),
          context: cc.context,
        };
        expect(encodeConfChange(cc)).toEqual(generated(swarm.ConfChangeV2.encode(wire).finish()));
        expect(plain(decodeConfChange(encodeConfChange(cc)))).toEqual(plain(cc));
        const single = cc.changes[0] ?? { type: 0, nodeId: 0n };
        const v1 = swarm.ConfChange.encode({
          type: single.type as number,
          nodeId: toLong(single.nodeId),
          context: cc.context,
          id: toLong(id),
        }).finish();
        expect(plain(decodeConfChangeV1(v1))).toEqual(
          plain({
            transition: 0,
            changes: [{ type: single.type, nodeId: single.nodeId }],
            context: cc.context,
          }),
        );
      }),
      { numRuns: 200, seed: 21 },
    );
  });

  it('reads unpacked repeated ids, merges a repeated snapshot field and skips unknown fields', () => {
    // voters = [1, 300] unpacked, then packed [5]; an unknown varint field 9 and fixed64 field 10.
    const cs = Uint8Array.from([
      0x08, 0x01, 0x08, 0xac, 0x02, 0x0a, 0x01, 0x05, 0x48, 0x07, 0x51, 1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    const meta = Uint8Array.from([0x0a, cs.length, ...cs, 0x10, 0x09]);
    const snap = Uint8Array.from([0x12, meta.length, ...meta]);
    const msg = Uint8Array.from([
      0x4a,
      snap.length,
      ...snap,
      0x4a,
      0x04,
      0x12,
      0x02,
      0x18,
      0x03,
      0xf8,
      0x01,
      0x01,
    ]);
    const m = decodeMessage(msg);
    expect(m.snapshot?.metadata).toEqual({
      confState: {
        voters: [1n, 300n, 5n],
        learners: [],
        votersOutgoing: [],
        learnersNext: [],
        autoLeave: false,
      },
      index: 9n,
      term: 3n,
    });
  });

  it('refuses truncated input and out-of-range values with a RangeError', () => {
    const bytes = encodeMessage({ ...emptyMessage(), term: 5n, context: new Uint8Array([1, 2, 3]) });
    expect(() => decodeMessage(bytes.subarray(0, bytes.length - 1))).toThrow(RangeError);
    expect(() => decodeMessage(Uint8Array.from([0x10, 0xff]))).toThrow(/truncated varint/);
    expect(() => encodeMessage({ ...emptyMessage(), term: -1n })).toThrow(/message.term: expected a bigint/);
    expect(() => encodeMessage({ ...emptyMessage(), to: 1n << 64n })).toThrow(RangeError);
  });
});

function emptyMessage(): Message {
  return decodeMessage(new Uint8Array(0));
}
