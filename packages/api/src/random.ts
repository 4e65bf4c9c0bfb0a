/**
 * Randomness as a seam. Algorithms that need random choices (election timeouts, jitter, renewal
 * moments) take a Random, so tests use `seededRandom(seed)` and replay exactly. Secrets, keys,
 * tokens and serial numbers must come from `cryptoRandom`, never from a seeded source.
 */
export interface Random {
  /** A uniformly random float in [0, 1). */
  float(): number;
  /** A uniformly random integer in [0, maxExclusive), maxExclusive a safe integer >= 1. */
  int(maxExclusive: number): number;
  /** `n` random bytes. */
  bytes(n: number): Uint8Array;
}

function checkMax(maxExclusive: number): void {
  if (!Number.isSafeInteger(maxExclusive) || maxExclusive < 1) {
    throw new RangeError(`int(maxExclusive) needs a safe integer >= 1, got ${maxExclusive}`);
  }
}

function checkLength(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`bytes(n) needs an integer n >= 0, got ${n}`);
}

/** Cryptographically strong randomness from Web Crypto (`globalThis.crypto`). */
export const cryptoRandom: Random = {
  float() {
    const b = cryptoRandom.bytes(8);
    // 53 random bits -> [0, 1)
    const hi = (b[0]! << 13) | (b[1]! << 5) | (b[2]! >>> 3);
    const lo = (b[3]! << 24) | (b[4]! << 16) | (b[5]! << 8) | b[6]!;
    return (hi * 2 ** 32 + (lo >>> 0)) / 2 ** 53;
  },
  int(maxExclusive) {
    checkMax(maxExclusive);
    return uniformInt(maxExclusive, () => cryptoRandom.float());
  },
  bytes(n) {
    checkLength(n);
    const out = new Uint8Array(n);
    for (let off = 0; off < n; off += 65_536)
      globalThis.crypto.getRandomValues(out.subarray(off, off + 65_536));
    return out;
  },
};

/**
 * A deterministic generator (xoshiro128**, seeded through splitmix32) for tests and simulations.
 * The same seed always yields the same sequence on every platform.
 */
export function seededRandom(seed: number): Random & { readonly seed: number } {
  if (!Number.isSafeInteger(seed))
    throw new RangeError(`seededRandom(seed) needs a safe integer, got ${seed}`);
  let sm = (seed >>> 0) ^ Math.floor(seed / 2 ** 32);
  const splitmix = (): number => {
    sm = (sm + 0x9e3779b9) | 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const s = [splitmix(), splitmix(), splitmix(), splitmix()] as [number, number, number, number];
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  };
  const float = (): number => ((next() >>> 5) * 2 ** 26 + (next() >>> 6)) / 2 ** 53;
  return {
    seed,
    float,
    int(maxExclusive) {
      checkMax(maxExclusive);
      return uniformInt(maxExclusive, float);
    },
    bytes(n) {
      checkLength(n);
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i += 4) {
        const v = next();
        for (let j = 0; j < 4 && i + j < n; j++) out[i + j] = (v >>> (8 * j)) & 0xff;
      }
      return out;
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function uniformInt(maxExclusive: number, float: () => number): number {
  // floor(float * max) is exactly uniform enough for max << 2^53, which checkMax guarantees is safe.
  return Math.floor(float() * maxExclusive);
}
