// Small helpers over the value types: sizes, message classification, empty values.
import {
  ConfChangeTransition,
  type ConfChangeV2,
  type Entry,
  emptyConfState,
  type HardState,
  type Message,
  MessageType,
  NONE,
  type Snapshot,
} from './types.js';

/** The payload size of an entry, the unit of every byte limit in the core (etcd counts the same). */
export function payloadSize(e: Entry): number {
  return e.data.byteLength;
}

export function payloadsSize(ents: readonly Entry[]): number {
  let s = 0;
  for (const e of ents) s += e.data.byteLength;
  return s;
}

/**
 * The longest prefix of `ents` whose total payload fits in `maxSize`; always at least one entry so
 * that an oversized entry still makes progress.
 */
export function limitSize(ents: Entry[], maxSize: number): Entry[] {
  if (ents.length === 0) return ents;
  let size = payloadSize(ents[0]!);
  let n = 1;
  for (; n < ents.length; n++) {
    size += payloadSize(ents[n]!);
    if (size > maxSize) break;
  }
  return n === ents.length ? ents : ents.slice(0, n);
}

export const emptyHardState = (): HardState => ({ term: 0n, vote: NONE, commit: 0n });

export function isEmptyHardState(hs: HardState): boolean {
  return hs.term === 0n && hs.vote === NONE && hs.commit === 0n;
}

export function hardStateEqual(a: HardState, b: HardState): boolean {
  return a.term === b.term && a.vote === b.vote && a.commit === b.commit;
}

/** A snapshot at index 0 (no snapshot). */
export const emptySnapshot = (): Snapshot => ({
  data: new Uint8Array(0),
  metadata: { confState: emptyConfState(), index: 0n, term: 0n },
});

/** True for no snapshot (undefined or at index 0). */
export function isEmptySnapshot(s: Snapshot | undefined): boolean {
  return s === undefined || s.metadata.index === 0n;
}

/** A message with every field at its zero value, overridden by `fields`. */
export function message(fields: Partial<Message> & { type: MessageType }): Message {
  // Field by field rather than a spread: messages are made on every append and acknowledgement.
  const m: Message = {
    type: fields.type,
    to: fields.to ?? NONE,
    from: fields.from ?? NONE,
    term: fields.term ?? 0n,
    logTerm: fields.logTerm ?? 0n,
    index: fields.index ?? 0n,
    entries: fields.entries ?? [],
    commit: fields.commit ?? 0n,
    reject: fields.reject ?? false,
    rejectHint: fields.rejectHint ?? 0n,
    context: fields.context ?? EMPTY_CONTEXT,
  };
  if (fields.snapshot !== undefined) m.snapshot = fields.snapshot;
  return m;
}

/** The context of messages without one (zero bytes: nothing can write to it). */
const EMPTY_CONTEXT = new Uint8Array(0);

export function entry(fields: Partial<Entry> & { index: bigint; term: bigint }): Entry {
  return { type: 0, data: new Uint8Array(0), ...fields };
}

const LOCAL = new Set<MessageType>([
  MessageType.Hup,
  MessageType.Beat,
  MessageType.Unreachable,
  MessageType.SnapStatus,
  MessageType.CheckQuorum,
  MessageType.ForgetLeader,
  MessageType.StorageAppend,
  MessageType.StorageAppendResp,
  MessageType.StorageApply,
  MessageType.StorageApplyResp,
]);

const RESPONSE = new Set<MessageType>([
  MessageType.AppResp,
  MessageType.VoteResp,
  MessageType.HeartbeatResp,
  MessageType.Unreachable,
  MessageType.ReadIndexResp,
  MessageType.PreVoteResp,
  MessageType.StorageAppendResp,
  MessageType.StorageApplyResp,
]);

/** Messages the node generates for itself; they never come from the network. */
export function isLocalMessage(t: MessageType): boolean {
  return LOCAL.has(t);
}

export function isResponseMessage(t: MessageType): boolean {
  return RESPONSE.has(t);
}

export function voteResponseType(t: MessageType): MessageType {
  if (t === MessageType.Vote) return MessageType.VoteResp;
  if (t === MessageType.PreVote) return MessageType.PreVoteResp;
  throw new TypeError(`not a vote message: ${MessageType[t]}`);
}

export const minBig = (a: bigint, b: bigint): bigint => (a < b ? a : b);
export const maxBig = (a: bigint, b: bigint): bigint => (a > b ? a : b);

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A stable map key for a byte string (read-index request contexts). */
export function bytesKey(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

/**
 * Whether a ConfChangeV2 enters a joint configuration, and if so whether the core leaves it
 * automatically. A change of more than one member, or an explicit joint transition, is joint.
 */
export function confChangeEntersJoint(cc: ConfChangeV2): { autoLeave: boolean } | undefined {
  if (cc.transition !== ConfChangeTransition.Auto || cc.changes.length > 1) {
    return { autoLeave: cc.transition !== ConfChangeTransition.JointExplicit };
  }
  return undefined;
}

/** An empty ConfChangeV2 (any context) is the request to leave a joint configuration. */
export function confChangeLeavesJoint(cc: ConfChangeV2): boolean {
  return cc.transition === ConfChangeTransition.Auto && cc.changes.length === 0;
}

/** Parses a member ID given as bigint or as a decimal string (IDs are exact 64-bit values). */
export function toMemberId(id: bigint | string, name = 'id'): bigint {
  let v: bigint;
  if (typeof id === 'bigint') v = id;
  else if (typeof id === 'string' && /^[0-9]{1,20}$/.test(id)) v = BigInt(id);
  else throw new TypeError(`${name} must be a bigint or a decimal string, got ${String(id)}`);
  if (v < 0n || v >= 1n << 64n) throw new RangeError(`${name} must fit in 64 bits, got ${v}`);
  return v;
}
