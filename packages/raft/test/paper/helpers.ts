// Shared helpers for the paper tests: a raft core on a MemoryStorage, message builders, and a
// tiny synchronous network that steps messages between cores until quiet (persistence is not
// modelled: what is in a core's log counts as stored, as in etcd's paper tests).
import { seededRandom } from '@swarm/api';
import type { Config } from '../../src/config.js';
import { Raft } from '../../src/raft.js';
import { MemoryStorage } from '../../src/storage.js';
import {
  type Entry,
  EntryType,
  emptyConfState,
  type MemberId,
  type Message,
  MessageType,
} from '../../src/types.js';
import { message } from '../../src/util.js';

let seed = 1;

export function newStorage(voters: MemberId[], learners: MemberId[] = []): MemoryStorage {
  const s = new MemoryStorage();
  s.applySnapshot({
    data: new Uint8Array(0),
    metadata: { index: 0n + 1n, term: 1n, confState: { ...emptyConfState(), voters, learners } },
  });
  // The bootstrap snapshot is at (index 1, term 1); the member has seen term 1.
  s.setHardState({ term: 1n, vote: 0n, commit: 1n });
  return s;
}

/** A core with id `id` in a cluster of `voters`, bootstrapped at (index 1, term 1). */
export function newRaft(
  id: MemberId,
  voters: MemberId[],
  opts: Partial<Omit<Config, 'id' | 'random'>> & { learners?: MemberId[]; seed?: number } = {},
): Raft {
  const { learners, seed: s, ...rest } = opts;
  return new Raft({
    electionTick: 10,
    heartbeatTick: 1,
    checkQuorum: false,
    ...rest,
    id,
    storage: rest.storage ?? newStorage(voters, learners),
    random: seededRandom(s ?? seed++),
  });
}

/**
 * The messages a core produced since the last call, after its own votes and append
 * acknowledgements were stepped (as if its writes were persisted; etcd's `readMessages`).
 */
export function takeMessages(r: Raft): Message[] {
  r.advanceMessagesAfterAppend();
  const m = r.msgs;
  r.msgs = [];
  return m;
}

export const msg = (fields: Partial<Message> & { type: MessageType }): Message => message(fields);

export function ent(index: bigint, term: bigint, data = ''): Entry {
  return { index, term, type: EntryType.Normal, data: new TextEncoder().encode(data) };
}

/** Entries (index from 2, after the bootstrap entry) with the given terms. */
export function entsWithTerms(...terms: number[]): Entry[] {
  return terms.map((t, i) => ent(BigInt(i + 2), BigInt(t), `t${t}`));
}

/** A storage whose log holds entries with the given terms after the bootstrap, at `term`. */
export function storageWithLog(voters: MemberId[], terms: number[], term?: bigint): MemoryStorage {
  const s = newStorage(voters);
  const ents = entsWithTerms(...terms);
  s.append(ents);
  const last = ents.length > 0 ? ents[ents.length - 1]!.term : 1n;
  s.setHardState({ term: term ?? last, vote: 0n, commit: 1n });
  return s;
}

export function propose(r: Raft, data = 'x'): void {
  r.step(msg({ type: MessageType.Prop, from: r.id, entries: [ent(0n, 0n, data)] }));
}

/** Persists a core's unstable entries and applies its committed ones (what an embedder's Ready loop does). */
export function persistAndApply(r: Raft): void {
  const ents = r.raftLog.nextUnstableEntries();
  (r.raftLog.storage as MemoryStorage).append(ents);
  if (ents.length > 0) {
    r.raftLog.acceptUnstable();
    const last = ents[ents.length - 1]!;
    r.raftLog.stableTo(last.index, last.term);
  }
  if (r.raftLog.committed > r.raftLog.applied) r.appliedTo(r.raftLog.committed, 0);
}

/** Steps messages between cores until no more are produced; links can be cut and types ignored. */
export class PaperNetwork {
  readonly peers = new Map<MemberId, Raft>();
  readonly #cut = new Set<string>();
  readonly #ignored = new Set<MessageType>();

  constructor(...rafts: Raft[]) {
    for (const r of rafts) this.peers.set(r.id, r);
  }

  static of(n: number, opts: Parameters<typeof newRaft>[2] = {}): PaperNetwork {
    const ids = Array.from({ length: n }, (_, i) => BigInt(i + 1));
    return new PaperNetwork(...ids.map((id) => newRaft(id, ids, opts)));
  }

  get(id: MemberId): Raft {
    return this.peers.get(id)!;
  }

  cut(a: MemberId, b: MemberId): void {
    this.#cut.add(`${a}-${b}`);
    this.#cut.add(`${b}-${a}`);
  }

  isolate(id: MemberId): void {
    for (const other of this.peers.keys()) if (other !== id) this.cut(id, other);
  }

  recover(): void {
    this.#cut.clear();
    this.#ignored.clear();
  }

  ignore(t: MessageType): void {
    this.#ignored.add(t);
  }

  send(...msgs: Message[]): void {
    const queue = [...msgs];
    for (let steps = 0; queue.length > 0; steps++) {
      if (steps > 100_000) throw new Error('PaperNetwork: messages never stopped');
      const m = queue.shift()!;
      const p = this.peers.get(m.to);
      if (p === undefined || this.#cut.has(`${m.from}-${m.to}`) || this.#ignored.has(m.type)) continue;
      try {
        p.step({ ...m, entries: m.entries.map((e) => ({ ...e })) });
      } catch (err) {
        if ((err as { code?: string }).code !== 'PROPOSAL_DROPPED') throw err;
      }
      queue.push(...takeMessages(p));
    }
  }

  /** Member `id` campaigns (a local MsgHup), and messages flow until quiet. */
  campaign(id: MemberId): void {
    this.send(msg({ type: MessageType.Hup, from: id, to: id }));
  }

  propose(id: MemberId, data = 'x'): void {
    this.send(msg({ type: MessageType.Prop, from: id, to: id, entries: [ent(0n, 0n, data)] }));
  }
}

export function logTerms(r: Raft): string {
  return r.raftLog
    .allEntries()
    .map((e) => `${e.index}:${e.term}`)
    .join(' ');
}
