import type { StorageUpdate } from '../../src/driver/raft-storage.js';
import { type Entry, EntryType } from '../../src/types.js';

const enc = new TextEncoder();

export function entry(index: bigint, term: bigint, text = `e${index}t${term}`): Entry {
  return { index, term, type: EntryType.Normal, data: enc.encode(text) };
}

export function range(from: bigint, to: bigint, term: bigint): Entry[] {
  const out: Entry[] = [];
  for (let i = from; i <= to; i++) out.push(entry(i, term));
  return out;
}

/**
 * Six writes: appends in term 1, a conflicting overwrite of an uncommitted suffix in term 2 (which
 * must truncate the old tail), then more appends, each with a hard state whose commit trails.
 */
export function crashWorkload(): StorageUpdate[] {
  return [
    { entries: range(1n, 5n, 1n), hardState: { term: 1n, vote: 1n, commit: 0n } },
    { entries: range(6n, 12n, 1n), hardState: { term: 1n, vote: 1n, commit: 5n } },
    { entries: range(9n, 10n, 2n), hardState: { term: 2n, vote: 2n, commit: 8n } },
    { entries: range(11n, 15n, 2n), hardState: { term: 2n, vote: 2n, commit: 10n } },
    { hardState: { term: 3n, vote: 0n, commit: 12n } },
    { entries: range(16n, 20n, 3n), hardState: { term: 3n, vote: 3n, commit: 15n } },
  ];
}

/** The log and hard state after applying the first `n` writes of a workload, as a plain model. */
export function modelAfter(updates: StorageUpdate[], n: number) {
  const log = new Map<bigint, Entry>();
  let last = 0n;
  let hardState = { term: 0n, vote: 0n, commit: 0n };
  for (const u of updates.slice(0, n)) {
    const ents = u.entries ?? [];
    if (ents.length > 0) {
      for (const e of ents) log.set(e.index, e);
      const newLast = ents[ents.length - 1]!.index;
      for (let i = newLast + 1n; i <= last; i++) log.delete(i);
      last = newLast;
    }
    if (u.hardState) hardState = { ...u.hardState };
  }
  return { log, last, hardState };
}
