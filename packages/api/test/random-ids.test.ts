import { describe, expect, it } from 'vitest';
import {
  assertValidId,
  cryptoRandom,
  fromLong,
  generateId,
  isSwarmError,
  isValidId,
  seededRandom,
  toBase36,
  toLong,
  UINT64_MAX,
} from '../src/index.js';

describe('seededRandom', () => {
  it('replays the same sequence for the same seed and differs for another', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const seqA = Array.from({ length: 20 }, () => a.int(1_000_000));
    const seqB = Array.from({ length: 20 }, () => b.int(1_000_000));
    const seqC = Array.from({ length: 20 }, () => c.int(1_000_000));
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
    expect(seededRandom(7).bytes(13)).toEqual(seededRandom(7).bytes(13));
  });

  it('stays in range and covers it roughly uniformly', () => {
    const r = seededRandom(1);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const f = r.float();
      expect(f >= 0 && f < 1).toBe(true);
      const k = r.int(10);
      counts[k] = counts[k]! + 1;
    }
    for (const n of counts) expect(Math.abs(n - 10_000)).toBeLessThan(600);
  });

  it('refuses bad arguments with a RangeError', () => {
    expect(() => seededRandom(1.5)).toThrow(RangeError);
    expect(() => seededRandom(1).int(0)).toThrow(RangeError);
    expect(() => cryptoRandom.int(-3)).toThrow(RangeError);
    expect(() => cryptoRandom.bytes(-1)).toThrow(RangeError);
  });
});

describe('cryptoRandom', () => {
  it('gives bytes, floats in [0, 1) and large buffers', () => {
    expect(cryptoRandom.bytes(100_000).length).toBe(100_000);
    for (let i = 0; i < 1000; i++) {
      const f = cryptoRandom.float();
      expect(f >= 0 && f < 1).toBe(true);
    }
    expect(cryptoRandom.bytes(32)).not.toEqual(cryptoRandom.bytes(32));
  });
});

describe('IDs', () => {
  it('are 25 lowercase base36 characters and unique', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const id = generateId();
      expect(id).toMatch(/^[0-9a-z]{25}$/);
      ids.add(id);
    }
    expect(ids.size).toBe(2000);
  });

  it('are reproducible with a seeded source', () => {
    expect(generateId(seededRandom(9))).toBe(generateId(seededRandom(9)));
  });

  it('pads base36 to the width and refuses a number that does not fit', () => {
    expect(toBase36(new Uint8Array([0, 1]), 5)).toBe('00001');
    expect(toBase36(new Uint8Array(16).fill(255), 25)).toHaveLength(25);
    expect(() => toBase36(new Uint8Array(17).fill(255), 25)).toThrow(RangeError);
  });

  it('are validated with a typed error that names the input', () => {
    expect(isValidId('a'.repeat(25))).toBe(true);
    expect(isValidId('A'.repeat(25))).toBe(false);
    expect(isValidId(12)).toBe(false);
    try {
      assertValidId('nope', 'serviceId');
      expect.unreachable();
    } catch (err) {
      expect(isSwarmError(err, 'INVALID_ID')).toBe(true);
      expect((err as Error).message).toContain('serviceId');
    }
  });
});

describe('uint64 conversion', () => {
  it('round-trips exact 64-bit values through Long', () => {
    for (const v of [0n, 1n, 2n ** 53n + 1n, 2n ** 63n, UINT64_MAX]) expect(fromLong(toLong(v))).toBe(v);
    expect(fromLong(undefined)).toBe(0n);
    expect(fromLong(42)).toBe(42n);
  });

  it('refuses values outside the unsigned 64-bit range', () => {
    expect(() => toLong(-1n)).toThrow(RangeError);
    expect(() => toLong(UINT64_MAX + 1n)).toThrow(RangeError);
    expect(() => fromLong(1.5)).toThrow(RangeError);
  });
});
