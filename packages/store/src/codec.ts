// The store's byte formats: a transaction as one raft proposal, and the whole state as a snapshot.
// Objects are the @swarm/api protobuf messages; the framing around them is a compact fixed layout
// (big-endian integers), described in README.md ("Formats"). Secret fields are sealed by the
// optional RecordCipher on the way out and opened on the way in, so secret data never appears in
// plaintext in raft entries, raft messages or snapshots.
import type { RecordCipher } from '@swarm/raft';
import { StoreCorruptError } from './errors.js';
import {
  decodeObject,
  encodeObject,
  FIRST_FORMAT_KINDS,
  kindCode,
  kindFromCode,
  OBJECT_KINDS,
  type ObjectKind,
  type StoreObject,
} from './kinds.js';
import { openSealedFields, sealFields } from './sealing.js';
import type { Change } from './store-state.js';

const PROPOSAL_MAGIC = 0x54; // 'T'
const SNAPSHOT_MAGIC = 0x4f; // 'O'
const FORMAT = 1;
/** Magic, format, change count. */
export const PROPOSAL_HEADER_BYTES = 6;
/** Kind, op, flags, expected version, payload length. */
const CHANGE_HEADER_BYTES = 15;
const FLAG_SEALED = 1;

const OPS = ['create', 'update', 'delete'] as const;

/** One change in its wire form, with its size, ready to be packed into a proposal. */
export interface EncodedChange {
  kind: ObjectKind;
  id: string;
  bytes: Uint8Array;
}

export function encodeChange(c: Change, cipher: RecordCipher | undefined): EncodedChange {
  let payload: Uint8Array;
  let flags = 0;
  if (c.op === 'delete') {
    payload = new TextEncoder().encode(c.id);
  } else {
    const sealed = sealFields(c.kind, c.object, cipher);
    if (sealed.sealed) flags |= FLAG_SEALED;
    payload = encodeObject(c.kind, sealed.object);
  }
  const out = new Uint8Array(CHANGE_HEADER_BYTES + payload.byteLength);
  const dv = new DataView(out.buffer);
  out[0] = kindCode(c.kind);
  out[1] = OPS.indexOf(c.op) + 1;
  out[2] = flags;
  dv.setBigUint64(3, c.op === 'update' ? c.expectedVersion : 0n);
  dv.setUint32(11, payload.byteLength);
  out.set(payload, CHANGE_HEADER_BYTES);
  return { kind: c.kind, id: c.op === 'delete' ? c.id : c.object.id, bytes: out };
}

export function packProposal(changes: readonly EncodedChange[]): Uint8Array {
  let size = PROPOSAL_HEADER_BYTES;
  for (const c of changes) size += c.bytes.byteLength;
  const out = new Uint8Array(size);
  out[0] = PROPOSAL_MAGIC;
  out[1] = FORMAT;
  new DataView(out.buffer).setUint32(2, changes.length);
  let at = PROPOSAL_HEADER_BYTES;
  for (const c of changes) {
    out.set(c.bytes, at);
    at += c.bytes.byteLength;
  }
  return out;
}

/** True when `data` starts like a store proposal (other entries in the log are not the store's). */
export function isProposal(data: Uint8Array): boolean {
  return data.byteLength >= PROPOSAL_HEADER_BYTES && data[0] === PROPOSAL_MAGIC;
}

export function decodeProposal(data: Uint8Array, cipher: RecordCipher | undefined): Change[] {
  const what = 'proposal';
  if (!isProposal(data)) throw new StoreCorruptError(what, 'missing the proposal header');
  if (data[1] !== FORMAT) throw new StoreCorruptError(what, `unknown proposal format ${data[1]}`);
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const count = dv.getUint32(2);
  const out: Change[] = [];
  let at = PROPOSAL_HEADER_BYTES;
  for (let i = 0; i < count; i++) {
    if (at + CHANGE_HEADER_BYTES > data.byteLength)
      throw new StoreCorruptError(what, `change ${i} is truncated`);
    const kind = kindFromCode(data[at]!);
    const op = OPS[data[at + 1]! - 1];
    const flags = data[at + 2]!;
    const expectedVersion = dv.getBigUint64(at + 3);
    const len = dv.getUint32(at + 11);
    at += CHANGE_HEADER_BYTES;
    if (kind === undefined || op === undefined)
      throw new StoreCorruptError(what, `change ${i} has an unknown kind or operation`);
    if (at + len > data.byteLength) throw new StoreCorruptError(what, `change ${i} is truncated`);
    const payload = data.subarray(at, at + len);
    at += len;
    if (op === 'delete') {
      out.push({ op, kind, id: new TextDecoder().decode(payload) });
      continue;
    }
    const object = readObject(kind, payload, (flags & FLAG_SEALED) !== 0, cipher, what);
    out.push(op === 'create' ? { op, kind, object } : { op, kind, object, expectedVersion });
  }
  if (at !== data.byteLength) throw new StoreCorruptError(what, 'trailing bytes after the last change');
  return out;
}

/** Every object of every kind, with the store's version (the index of the last applied transaction). */
export function encodeSnapshot(
  version: bigint,
  objects: (kind: ObjectKind) => Iterable<StoreObject>,
  cipher: RecordCipher | undefined,
): Uint8Array {
  const parts: Uint8Array[] = [];
  const head = new Uint8Array(10);
  head[0] = SNAPSHOT_MAGIC;
  head[1] = FORMAT;
  new DataView(head.buffer).setBigUint64(2, version);
  parts.push(head);
  for (const kind of OBJECT_KINDS) {
    const items: Uint8Array[] = [];
    for (const obj of objects(kind)) {
      const sealed = sealFields(kind, obj, cipher);
      const body = encodeObject(kind, sealed.object);
      const rec = new Uint8Array(5 + body.byteLength);
      rec[0] = sealed.sealed ? FLAG_SEALED : 0;
      new DataView(rec.buffer).setUint32(1, body.byteLength);
      rec.set(body, 5);
      items.push(rec);
    }
    const count = new Uint8Array(4);
    new DataView(count.buffer).setUint32(0, items.length);
    parts.push(count, ...items);
  }
  let size = 0;
  for (const p of parts) size += p.byteLength;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

export function decodeSnapshot(
  data: Uint8Array,
  cipher: RecordCipher | undefined,
): { version: bigint; objects: Map<ObjectKind, StoreObject[]> } {
  const what = 'snapshot';
  const objects = new Map<ObjectKind, StoreObject[]>();
  if (data.byteLength === 0) return { version: 0n, objects };
  if (data.byteLength < 10 || data[0] !== SNAPSHOT_MAGIC)
    throw new StoreCorruptError(what, 'missing the snapshot header');
  if (data[1] !== FORMAT) throw new StoreCorruptError(what, `unknown snapshot format ${data[1]}`);
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const version = dv.getBigUint64(2);
  let at = 10;
  for (const [k, kind] of OBJECT_KINDS.entries()) {
    // A snapshot written before a kind existed ends before that kind's section: it has none.
    if (at === data.byteLength && k >= FIRST_FORMAT_KINDS) {
      objects.set(kind, []);
      continue;
    }
    if (at + 4 > data.byteLength) throw new StoreCorruptError(what, `the ${kind} section is truncated`);
    const count = dv.getUint32(at);
    at += 4;
    const list: StoreObject[] = [];
    for (let i = 0; i < count; i++) {
      if (at + 5 > data.byteLength) throw new StoreCorruptError(what, `${kind} ${i} is truncated`);
      const flags = data[at]!;
      const len = dv.getUint32(at + 1);
      at += 5;
      if (at + len > data.byteLength) throw new StoreCorruptError(what, `${kind} ${i} is truncated`);
      list.push(readObject(kind, data.subarray(at, at + len), (flags & FLAG_SEALED) !== 0, cipher, what));
      at += len;
    }
    objects.set(kind, list);
  }
  if (at !== data.byteLength) throw new StoreCorruptError(what, 'trailing bytes after the last section');
  return { version, objects };
}

function readObject(
  kind: ObjectKind,
  payload: Uint8Array,
  sealed: boolean,
  cipher: RecordCipher | undefined,
  what: string,
): StoreObject {
  let obj: StoreObject;
  try {
    obj = decodeObject(kind, payload);
  } catch (err) {
    throw new StoreCorruptError(
      what,
      `a ${kind} does not decode (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  openSealedFields(kind, obj, sealed, cipher, what);
  return obj;
}
