import type { Random } from '@swarm/api';

/** Char codes of the base36 digits. */
const DIGITS = Array.from('0123456789abcdefghijklmnopqrstuvwxyz', (c) => c.charCodeAt(0));
const IDS_PER_POOL = 256;

/**
 * Task IDs in the project's format (16 random bytes as lowercase base36, left-padded to 25
 * characters), the same IDs `generateId` from @swarm/api makes from the same byte stream, made
 * fast enough for a million at a time: random bytes are drawn 4 KiB at a time (one call into
 * Web Crypto per 256 IDs instead of one per ID), and base36 digits come from integer division of
 * eight 16-bit limbs by 36^2 (every intermediate stays below 2^31), with no bigint and no string
 * concatenation (which would leave a 25-piece rope per ID).
 */
export class IdSource {
  readonly #random: Random;
  #pool: Uint8Array = new Uint8Array(0);
  #at = 0;
  readonly #limbs = new Int32Array(8);
  readonly #codes = new Array<number>(25).fill(48);

  constructor(random: Random) {
    this.#random = random;
  }

  next(): string {
    if (this.#at + 16 > this.#pool.length) {
      this.#pool = this.#random.bytes(16 * IDS_PER_POOL);
      this.#at = 0;
    }
    const b = this.#pool;
    const o = this.#at;
    this.#at += 16;
    const limbs = this.#limbs;
    for (let i = 0; i < 8; i++) limbs[i] = (b[o + 2 * i]! << 8) | b[o + 2 * i + 1]!;
    const codes = this.#codes;
    // 13 passes of two digits each; 36^25 > 2^128, so the 26th digit is always zero.
    for (let pass = 0; pass < 13; pass++) {
      let rem = 0;
      for (let i = 0; i < 8; i++) {
        const cur = rem * 65536 + limbs[i]!;
        const q = (cur / 1296) | 0;
        rem = cur - q * 1296;
        limbs[i] = q;
      }
      const hi = (rem / 36) | 0;
      codes[24 - 2 * pass] = DIGITS[rem - hi * 36]!;
      if (pass < 12) codes[23 - 2 * pass] = DIGITS[hi]!;
    }
    return String.fromCharCode.apply(null, codes);
  }
}
