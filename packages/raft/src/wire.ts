// @swarm/raft/wire: conversions between the core's bigint values and @swarm/api's protobufjs messages
// (`swarm.Message` and friends, with `Long` for 64-bit fields), for transports and storages built on
// the generated code. The core itself encodes with `encodeMessage` and friends (./codec.ts).
import { fromLong, type swarm, toLong } from '@swarm/api';
import type { ConfState, Entry, EntryType, HardState, Message, MessageType, Snapshot } from './types.js';

const EMPTY = new Uint8Array(0);

/** Bytes as a plain Uint8Array view (protobufjs hands out Node Buffers). */
function bytes(b: Uint8Array | null | undefined): Uint8Array {
  if (b === null || b === undefined) return EMPTY;
  return b.constructor === Uint8Array ? b : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}
type LongLike = Parameters<typeof fromLong>[0];

const ids = (xs: readonly bigint[]) => xs.map(toLong);
const fromIds = (xs: readonly LongLike[] | null | undefined): bigint[] => (xs ?? []).map(fromLong);

/** A configuration as `swarm.ConfState` properties. */
export function confStateToWire(cs: ConfState): swarm.ConfState.$Properties {
  return {
    voters: ids(cs.voters),
    learners: ids(cs.learners),
    votersOutgoing: ids(cs.votersOutgoing),
    learnersNext: ids(cs.learnersNext),
    autoLeave: cs.autoLeave,
  };
}

/** A configuration from `swarm.ConfState` properties (missing means empty). */
export function confStateFromWire(w: swarm.ConfState.$Properties | null | undefined): ConfState {
  return {
    voters: fromIds(w?.voters as LongLike[] | undefined),
    learners: fromIds(w?.learners as LongLike[] | undefined),
    votersOutgoing: fromIds(w?.votersOutgoing as LongLike[] | undefined),
    learnersNext: fromIds(w?.learnersNext as LongLike[] | undefined),
    autoLeave: w?.autoLeave ?? false,
  };
}

/** An entry as `swarm.Entry` properties. */
export function entryToWire(e: Entry): swarm.Entry.$Properties {
  return { term: toLong(e.term), index: toLong(e.index), type: e.type as number, data: e.data };
}

/** An entry from `swarm.Entry` properties. */
export function entryFromWire(w: swarm.Entry.$Properties): Entry {
  return {
    term: fromLong(w.term as LongLike),
    index: fromLong(w.index as LongLike),
    type: (w.type ?? 0) as number as EntryType,
    data: bytes(w.data),
  };
}

/** A snapshot as `swarm.Snapshot` properties. */
export function snapshotToWire(s: Snapshot): swarm.Snapshot.$Properties {
  return {
    data: s.data,
    metadata: {
      confState: confStateToWire(s.metadata.confState),
      index: toLong(s.metadata.index),
      term: toLong(s.metadata.term),
    },
  };
}

/** A snapshot from `swarm.Snapshot` properties. */
export function snapshotFromWire(w: swarm.Snapshot.$Properties): Snapshot {
  return {
    data: bytes(w.data),
    metadata: {
      confState: confStateFromWire(w.metadata?.confState),
      index: fromLong(w.metadata?.index as LongLike),
      term: fromLong(w.metadata?.term as LongLike),
    },
  };
}

/** A hard state as `swarm.HardState` properties. */
export function hardStateToWire(hs: HardState): swarm.HardState.$Properties {
  return { term: toLong(hs.term), vote: toLong(hs.vote), commit: toLong(hs.commit) };
}

/** A hard state from `swarm.HardState` properties. */
export function hardStateFromWire(w: swarm.HardState.$Properties): HardState {
  return {
    term: fromLong(w.term as LongLike),
    vote: fromLong(w.vote as LongLike),
    commit: fromLong(w.commit as LongLike),
  };
}

/** A core message as the @swarm/api `swarm.Message` sent between managers. */
export function messageToWire(m: Message): swarm.Message.$Properties {
  const w: swarm.Message.$Properties = {
    type: m.type as number,
    to: toLong(m.to),
    from: toLong(m.from),
    term: toLong(m.term),
    logTerm: toLong(m.logTerm),
    index: toLong(m.index),
    entries: m.entries.map(entryToWire),
    commit: toLong(m.commit),
    reject: m.reject,
    rejectHint: toLong(m.rejectHint),
    context: m.context,
  };
  if (m.snapshot !== undefined) w.snapshot = snapshotToWire(m.snapshot);
  return w;
}

/** A message from `swarm.Message` properties (as decoded by the generated code). */
export function messageFromWire(w: swarm.Message.$Properties): Message {
  const m: Message = {
    type: (w.type ?? 0) as number as MessageType,
    to: fromLong(w.to as LongLike),
    from: fromLong(w.from as LongLike),
    term: fromLong(w.term as LongLike),
    logTerm: fromLong(w.logTerm as LongLike),
    index: fromLong(w.index as LongLike),
    entries: (w.entries ?? []).map(entryFromWire),
    commit: fromLong(w.commit as LongLike),
    reject: w.reject ?? false,
    rejectHint: fromLong(w.rejectHint as LongLike),
    context: bytes(w.context),
  };
  if (w.snapshot !== undefined && w.snapshot !== null) m.snapshot = snapshotFromWire(w.snapshot);
  return m;
}
