// Testing aids (`@swarm/store/testing`): a proposer that commits on demand, so tests can hold
// transactions between proposal and commit (to provoke apply-time conflicts) without running raft,
// and a small AES-256-GCM record cipher.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { RecordCipher } from '@swarm/raft';
import type { CallOptions } from '@swarm/raft/driver';
import type { Proposer } from './replicated-store.js';

export { createMemoryStore, MemoryStore } from './memory-store.js';

interface Replica {
  apply(data: Uint8Array, index: bigint): unknown;
}

/**
 * Queues proposals until `commit()`, which applies them in order at increasing indexes to every
 * replica (each a ReplicatedStore) and settles each proposal with the first replica's result.
 */
export class ManualProposer implements Proposer {
  readonly #queue: {
    data: Uint8Array;
    resolve: (v: { index: bigint; result: unknown }) => void;
    reject: (e: unknown) => void;
  }[] = [];
  /** Every proposal made, in order. */
  readonly proposed: Uint8Array[] = [];
  readonly replicas: Replica[];
  /** The index of the last committed proposal. */
  index = 0n;

  constructor(replicas: Replica[] = []) {
    this.replicas = replicas;
  }

  propose(data: Uint8Array, options: CallOptions = {}): Promise<{ index: bigint; result: unknown }> {
    if (options.signal?.aborted) return Promise.reject(options.signal.reason);
    this.proposed.push(data);
    return new Promise((resolve, reject) => this.#queue.push({ data, resolve, reject }));
  }

  /** Proposals waiting for `commit()`. */
  get pending(): number {
    return this.#queue.length;
  }

  /** Applies up to `max` waiting proposals, oldest first, to every replica; returns how many. */
  commit(max = Number.POSITIVE_INFINITY): number {
    let n = 0;
    for (
      let p = n < max ? this.#queue.shift() : undefined;
      p !== undefined;
      p = n < max ? this.#queue.shift() : undefined
    ) {
      this.index += 1n;
      const results = this.replicas.map((r) => r.apply(p!.data, this.index));
      p.resolve({ index: this.index, result: results[0] });
      n++;
    }
    return n;
  }

  /** Drops every waiting proposal, rejecting it with `reason` (a lost proposal). */
  drop(reason: unknown = new Error('proposal dropped by ManualProposer')): number {
    const n = this.#queue.length;
    for (let p = this.#queue.shift(); p !== undefined; p = this.#queue.shift()) p.reject(reason);
    return n;
  }
}

/**
 * A RecordCipher on AES-256-GCM for tests: a random 12-byte nonce, the ciphertext, the 16-byte tag;
 * `ad` is authenticated. Production code uses @swarm/secret-store's record cipher instead.
 */
export function aesGcmTestCipher(key: Uint8Array = randomBytes(32)): RecordCipher {
  if (!(key instanceof Uint8Array) || key.byteLength !== 32)
    throw new RangeError('aesGcmTestCipher(key): key must be 32 bytes');
  const k = new Uint8Array(key);
  return {
    encrypt(plain, ad) {
      const nonce = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', k, nonce);
      c.setAAD(ad);
      const body = Buffer.concat([c.update(plain), c.final()]);
      return new Uint8Array(Buffer.concat([nonce, body, c.getAuthTag()]));
    },
    decrypt(sealed, ad) {
      if (sealed.byteLength < 28) throw new RangeError('sealed record is shorter than nonce and tag');
      const b = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      const d = createDecipheriv('aes-256-gcm', k, b.subarray(0, 12));
      d.setAAD(ad);
      d.setAuthTag(b.subarray(b.length - 16));
      return new Uint8Array(Buffer.concat([d.update(b.subarray(12, b.length - 16)), d.final()]));
    },
  };
}
