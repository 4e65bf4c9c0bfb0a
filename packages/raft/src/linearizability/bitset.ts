/**
 * A fixed-size set of operation indexes with an incrementally maintained hash, used as the
 * "which operations are already linearized" half of the search cache key.
 */
export class Bitset {
  readonly words: Uint32Array;
  #hash = 0;

  constructor(size: number) {
    this.words = new Uint32Array(Math.ceil(size / 32));
  }

  get hash(): number {
    return this.#hash;
  }

  set(i: number): void {
    const w = i >>> 5;
    const bit = 1 << (i & 31);
    if ((this.words[w]! & bit) === 0) {
      this.words[w]! |= bit;
      this.#hash ^= mix(i);
    }
  }

  clear(i: number): void {
    const w = i >>> 5;
    const bit = 1 << (i & 31);
    if ((this.words[w]! & bit) !== 0) {
      this.words[w]! &= ~bit;
      this.#hash ^= mix(i);
    }
  }

  has(i: number): boolean {
    return (this.words[i >>> 5]! & (1 << (i & 31))) !== 0;
  }

  /** Equal to a snapshot taken with `snapshot()`. */
  equals(words: Uint32Array): boolean {
    const a = this.words;
    for (let i = 0; i < a.length; i++) if (a[i] !== words[i]) return false;
    return true;
  }

  /** Every member of the snapshot `words` is a member of this set. */
  includes(words: Uint32Array): boolean {
    const a = this.words;
    for (let i = 0; i < a.length; i++) if ((words[i]! & ~a[i]!) !== 0) return false;
    return true;
  }

  snapshot(): Uint32Array {
    return this.words.slice();
  }
}

/** A 32-bit integer finalizer (from MurmurHash3) so that XOR-ing the hashes of members spreads well. */
export function mix(x: number): number {
  let h = (x + 0x9e3779b9) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
