// Bytes of the core's values in the wire format of @swarm/api's `raft.proto` (the shape of etcd's
// raftpb): what transports send and storages keep. The bytes are those the generated `swarm.*`
// codecs write (test/unit/codec.test.ts checks both ways), without protobufjs or Long: 64-bit fields
// go straight between varints and bigints.
import { ProtoReader, ProtoSizer, ProtoWriter } from './protobuf.js';
import {
  type ConfChangeSingle,
  ConfChangeTransition,
  type ConfChangeType,
  type ConfChangeV1,
  type ConfChangeV2,
  type ConfState,
  type Entry,
  type EntryType,
  emptyConfState,
  type HardState,
  type Message,
  type MessageType,
  type Snapshot,
} from './types.js';

const EMPTY: Uint8Array = new Uint8Array(0);

// ---- sizes (every field number here is below 16, so each tag is one byte) ----

function entrySize(e: Entry): number {
  const s = new ProtoSizer();
  s.uint64(e.term, 'entry.term');
  s.uint64(e.index, 'entry.index');
  s.enum(e.type);
  s.bytesField(e.data);
  return s.bytes;
}

/** The packed payload sizes of a ConfState's four lists, and its total size. */
function confStateSizes(cs: ConfState): { total: number; lists: number[] } {
  const s = new ProtoSizer();
  const lists = [
    s.packed(cs.voters, 'confState.voters'),
    s.packed(cs.learners, 'confState.learners'),
    s.packed(cs.votersOutgoing, 'confState.votersOutgoing'),
    s.packed(cs.learnersNext, 'confState.learnersNext'),
  ];
  s.bool(cs.autoLeave);
  return { total: s.bytes, lists };
}

interface SnapshotSizes {
  total: number;
  metadata: number;
  confState: { total: number; lists: number[] };
}

function snapshotSizes(snap: Snapshot): SnapshotSizes {
  const confState = confStateSizes(snap.metadata.confState);
  const m = new ProtoSizer();
  m.nested(confState.total);
  m.uint64(snap.metadata.index, 'snapshot.metadata.index');
  m.uint64(snap.metadata.term, 'snapshot.metadata.term');
  const s = new ProtoSizer();
  s.bytesField(snap.data);
  s.nested(m.bytes);
  return { total: s.bytes, metadata: m.bytes, confState };
}

// ---- writers ----

function writeEntry(w: ProtoWriter, e: Entry): void {
  w.uint64(1, e.term, 'entry.term');
  w.uint64(2, e.index, 'entry.index');
  w.enum(3, e.type);
  w.bytesField(4, e.data);
}

function writeConfState(w: ProtoWriter, cs: ConfState, lists: number[]): void {
  w.packed(1, cs.voters, lists[0]!, 'confState.voters');
  w.packed(2, cs.learners, lists[1]!, 'confState.learners');
  w.packed(3, cs.votersOutgoing, lists[2]!, 'confState.votersOutgoing');
  w.packed(4, cs.learnersNext, lists[3]!, 'confState.learnersNext');
  w.bool(5, cs.autoLeave);
}

function writeSnapshot(w: ProtoWriter, snap: Snapshot, sizes: SnapshotSizes): void {
  w.bytesField(1, snap.data);
  w.nested(2, sizes.metadata);
  w.nested(1, sizes.confState.total);
  writeConfState(w, snap.metadata.confState, sizes.confState.lists);
  w.uint64(2, snap.metadata.index, 'snapshot.metadata.index');
  w.uint64(3, snap.metadata.term, 'snapshot.metadata.term');
}

function done(w: ProtoWriter): Uint8Array {
  if (w.pos !== w.buf.byteLength) throw new Error(`raft codec: wrote ${w.pos} of ${w.buf.byteLength} bytes`);
  return w.buf;
}

// ---- readers ----

function readEntry(r: ProtoReader): Entry {
  const e: Entry = { term: 0n, index: 0n, type: 0 as EntryType, data: EMPTY };
  for (let tag = r.next(); tag !== -1; tag = r.next()) {
    const wt = tag & 7;
    switch (tag >>> 3) {
      case 1:
        if (wt !== 0) break;
        e.term = r.uint64();
        continue;
      case 2:
        if (wt !== 0) break;
        e.index = r.uint64();
        continue;
      case 3:
        if (wt !== 0) break;
        e.type = r.int32() as EntryType;
        continue;
      case 4:
        if (wt !== 2) break;
        e.data = r.bytes();
        continue;
    }
    r.skip(wt);
  }
  return e;
}

// A nested message that appears twice merges into the first (repeated fields append, scalars are
// replaced), as protobuf requires and protobufjs does.
function readConfState(r: ProtoReader, cs: ConfState = emptyConfState()): ConfState {
  for (let tag = r.next(); tag !== -1; tag = r.next()) {
    const wt = tag & 7;
    const field = tag >>> 3;
    if (field >= 1 && field <= 4 && (wt === 0 || wt === 2)) {
      r.uint64s(wt, [cs.voters, cs.learners, cs.votersOutgoing, cs.learnersNext][field - 1]!);
      continue;
    }
    if (field === 5 && wt === 0) {
      cs.autoLeave = r.bool();
      continue;
    }
    r.skip(wt);
  }
  return cs;
}

function readSnapshot(
  r: ProtoReader,
  snap: Snapshot = { data: EMPTY, metadata: { confState: emptyConfState(), index: 0n, term: 0n } },
): Snapshot {
  for (let tag = r.next(); tag !== -1; tag = r.next()) {
    const wt = tag & 7;
    const field = tag >>> 3;
    if (field === 1 && wt === 2) {
      snap.data = r.bytes();
      continue;
    }
    if (field === 2 && wt === 2) {
      const m = r.sub();
      const meta = snap.metadata;
      for (let t = m.next(); t !== -1; t = m.next()) {
        const mwt = t & 7;
        const mf = t >>> 3;
        if (mf === 1 && mwt === 2) readConfState(m.sub(), meta.confState);
        else if (mf === 2 && mwt === 0) meta.index = m.uint64();
        else if (mf === 3 && mwt === 0) meta.term = m.uint64();
        else m.skip(mwt);
      }
      continue;
    }
    r.skip(wt);
  }
  return snap;
}

// ---- public codecs ----

/** The bytes of a raft message (`swarm.Message`), as a transport sends them. */
export function encodeMessage(m: Message): Uint8Array {
  const entrySizes = m.entries.map(entrySize);
  const snap = m.snapshot === undefined ? undefined : snapshotSizes(m.snapshot);
  const s = new ProtoSizer();
  s.enum(m.type);
  s.uint64(m.to, 'message.to');
  s.uint64(m.from, 'message.from');
  s.uint64(m.term, 'message.term');
  s.uint64(m.logTerm, 'message.logTerm');
  s.uint64(m.index, 'message.index');
  for (const n of entrySizes) s.nested(n);
  s.uint64(m.commit, 'message.commit');
  if (snap !== undefined) s.nested(snap.total);
  s.bool(m.reject);
  s.uint64(m.rejectHint, 'message.rejectHint');
  s.bytesField(m.context);

  const w = new ProtoWriter(s.bytes);
  w.enum(1, m.type);
  w.uint64(2, m.to, 'message.to');
  w.uint64(3, m.from, 'message.from');
  w.uint64(4, m.term, 'message.term');
  w.uint64(5, m.logTerm, 'message.logTerm');
  w.uint64(6, m.index, 'message.index');
  m.entries.forEach((e, i) => {
    w.nested(7, entrySizes[i]!);
    writeEntry(w, e);
  });
  w.uint64(8, m.commit, 'message.commit');
  if (snap !== undefined && m.snapshot !== undefined) {
    w.nested(9, snap.total);
    writeSnapshot(w, m.snapshot, snap);
  }
  w.bool(10, m.reject);
  w.uint64(11, m.rejectHint, 'message.rejectHint');
  w.bytesField(12, m.context);
  return done(w);
}

/**
 * A raft message from its bytes. Byte fields are views into `bytes` (not copies); unknown fields
 * are skipped. Malformed input throws a `RangeError`.
 */
export function decodeMessage(bytes: Uint8Array): Message {
  const r = new ProtoReader(bytes);
  const m: Message = {
    type: 0 as MessageType,
    to: 0n,
    from: 0n,
    term: 0n,
    logTerm: 0n,
    index: 0n,
    entries: [],
    commit: 0n,
    reject: false,
    rejectHint: 0n,
    context: EMPTY,
  };
  for (let tag = r.next(); tag !== -1; tag = r.next()) {
    const wt = tag & 7;
    const field = tag >>> 3;
    if (wt === 0) {
      switch (field) {
        case 1:
          m.type = r.int32() as MessageType;
          continue;
        case 2:
          m.to = r.uint64();
          continue;
        case 3:
          m.from = r.uint64();
          continue;
        case 4:
          m.term = r.uint64();
          continue;
        case 5:
          m.logTerm = r.uint64();
          continue;
        case 6:
          m.index = r.uint64();
          continue;
        case 8:
          m.commit = r.uint64();
          continue;
        case 10:
          m.reject = r.bool();
          continue;
        case 11:
          m.rejectHint = r.uint64();
          continue;
      }
    } else if (wt === 2) {
      switch (field) {
        case 7:
          m.entries.push(readEntry(r.sub()));
          continue;
        case 9:
          m.snapshot = readSnapshot(r.sub(), m.snapshot);
          continue;
        case 12:
          m.context = r.bytes();
          continue;
      }
    }
    r.skip(wt);
  }
  return m;
}

/** The bytes of a log entry (`swarm.Entry`), as a storage keeps it. */
export function encodeEntry(e: Entry): Uint8Array {
  const w = new ProtoWriter(entrySize(e));
  writeEntry(w, e);
  return done(w);
}

/** A log entry from its bytes (`data` is a view into `bytes`). */
export function decodeEntry(bytes: Uint8Array): Entry {
  return readEntry(new ProtoReader(bytes));
}

/** The bytes of a snapshot (`swarm.Snapshot`). */
export function encodeSnapshot(snap: Snapshot): Uint8Array {
  const sizes = snapshotSizes(snap);
  const w = new ProtoWriter(sizes.total);
  writeSnapshot(w, snap, sizes);
  return done(w);
}

/** A snapshot from its bytes (`data` is a view into `bytes`). */
export function decodeSnapshot(bytes: Uint8Array): Snapshot {
  return readSnapshot(new ProtoReader(bytes));
}

/** The bytes of a hard state (`swarm.HardState`). */
export function encodeHardState(hs: HardState): Uint8Array {
  const s = new ProtoSizer();
  s.uint64(hs.term, 'hardState.term');
  s.uint64(hs.vote, 'hardState.vote');
  s.uint64(hs.commit, 'hardState.commit');
  const w = new ProtoWriter(s.bytes);
  w.uint64(1, hs.term, 'hardState.term');
  w.uint64(2, hs.vote, 'hardState.vote');
  w.uint64(3, hs.commit, 'hardState.commit');
  return done(w);
}

/** A hard state from its bytes. */
export function decodeHardState(bytes: Uint8Array): HardState {
  const hs: HardState = { term: 0n, vote: 0n, commit: 0n };
  const r = new ProtoReader(bytes);
  for (let tag = r.next(); tag !== -1; tag = r.next()) {
    const wt = tag & 7;
    const field = tag >>> 3;
    if (wt === 0 && field === 1) hs.term = r.uint64();
    else if (wt === 0 && field === 2) hs.vote = r.uint64();
    else if (wt === 0 && field === 3) hs.commit = r.uint64();
    else r.skip(wt);
  }
  return hs;
}

/** The payload of a ConfChangeV2 entry (`swarm.ConfChangeV2`). */
export function encodeConfChange(cc: ConfChangeV2): Uint8Array {
  const changeSizes = cc.changes.map((c) => {
    const s = new ProtoSizer();
    s.enum(c.type);
    s.uint64(c.nodeId, 'confChange.nodeId');
    return s.bytes;
  });
  const s = new ProtoSizer();
  s.enum(cc.transition);
  for (const n of changeSizes) s.nested(n);
  s.bytesField(cc.context);
  const w = new ProtoWriter(s.bytes);
  w.enum(1, cc.transition);
  cc.changes.forEach((c, i) => {
    w.nested(2, changeSizes[i]!);
    w.enum(1, c.type);
    w.uint64(2, c.nodeId, 'confChange.nodeId');
  });
  w.bytesField(3, cc.context);
  return done(w);
}

/** A ConfChangeV2 from an entry payload (`context` is a view into `data`). */
export function decodeConfChange(data: Uint8Array): ConfChangeV2 {
  const cc: ConfChangeV2 = { transition: ConfChangeTransition.Auto, changes: [], context: EMPTY };
  const r = new ProtoReader(data);
  for (let tag = r.next(); tag !== -1; tag = r.next()) {
    const wt = tag & 7;
    const field = tag >>> 3;
    if (field === 1 && wt === 0) cc.transition = r.int32() as ConfChangeTransition;
    else if (field === 2 && wt === 2) {
      const c = r.sub();
      const single: ConfChangeSingle = { type: 0 as ConfChangeType, nodeId: 0n };
      for (let t = c.next(); t !== -1; t = c.next()) {
        if (t === 8) single.type = c.int32() as ConfChangeType;
        else if (t === 16) single.nodeId = c.uint64();
        else c.skip(t & 7);
      }
      cc.changes.push(single);
    } else if (field === 3 && wt === 2) cc.context = r.bytes();
    else r.skip(wt);
  }
  return cc;
}

/** The payload of a legacy single-change entry (`EntryType.ConfChange`, `swarm.ConfChange`). */
export function encodeConfChangeV1(cc: ConfChangeV1): Uint8Array {
  const s = new ProtoSizer();
  s.enum(cc.type);
  s.uint64(cc.nodeId, 'confChange.nodeId');
  s.bytesField(cc.context);
  const w = new ProtoWriter(s.bytes);
  w.enum(1, cc.type);
  w.uint64(2, cc.nodeId, 'confChange.nodeId');
  w.bytesField(3, cc.context);
  return done(w);
}

/** Decodes a legacy (etcd v1 style) single ConfChange entry payload as the equivalent ConfChangeV2. */
export function decodeConfChangeV1(data: Uint8Array): ConfChangeV2 {
  const single: ConfChangeSingle = { type: 0 as ConfChangeType, nodeId: 0n };
  let context = EMPTY;
  const r = new ProtoReader(data);
  for (let tag = r.next(); tag !== -1; tag = r.next()) {
    const wt = tag & 7;
    const field = tag >>> 3;
    if (field === 1 && wt === 0) single.type = r.int32() as ConfChangeType;
    else if (field === 2 && wt === 0) single.nodeId = r.uint64();
    else if (field === 3 && wt === 2) context = r.bytes();
    else r.skip(wt);
  }
  return { transition: ConfChangeTransition.Auto, changes: [single], context };
}
