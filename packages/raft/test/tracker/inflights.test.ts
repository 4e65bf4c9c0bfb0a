import { describe, expect, it } from 'vitest';
import { Inflights } from '../../src/tracker/inflights.js';

/** Adds messages ending at `from`, `from+1`, ... each of `bytes` bytes. */
function addRange(inf: Inflights, from: number, n: number, bytes = 0): void {
  for (let i = 0; i < n; i++) inf.add(BigInt(from + i), bytes);
}

describe('Inflights', () => {
  it('is full once it holds `size` messages', () => {
    const inf = new Inflights(10, 0);
    addRange(inf, 0, 9);
    expect(inf.full()).toBe(false);
    inf.add(9n, 0);
    expect(inf.full()).toBe(true);
    expect(inf.count()).toBe(10);
  });

  it('refuses to add to a full window', () => {
    const inf = new Inflights(2, 0);
    addRange(inf, 1, 2);
    expect(() => inf.add(3n, 0)).toThrow(RangeError);
    expect(inf.count()).toBe(2);
  });

  it('frees every message at or below the acknowledged index', () => {
    const inf = new Inflights(10, 0);
    addRange(inf, 0, 10);
    inf.freeLE(0n);
    expect(inf.toArray()).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n]);
    inf.freeLE(8n);
    expect(inf.toArray()).toEqual([9n]);
    expect(inf.full()).toBe(false);
  });

  it('ignores an acknowledgement below the oldest message, and one on an empty window', () => {
    const inf = new Inflights(4, 0);
    inf.freeLE(100n);
    expect(inf.count()).toBe(0);
    addRange(inf, 10, 3);
    inf.freeLE(9n);
    expect(inf.count()).toBe(3);
  });

  it('wraps around the ring and keeps the order of messages', () => {
    const inf = new Inflights(10, 0);
    addRange(inf, 0, 10);
    inf.freeLE(4n); // frees 0..4, the window now starts at slot 5
    addRange(inf, 10, 5); // these wrap to slots 0..4
    expect(inf.full()).toBe(true);
    expect(inf.toArray()).toEqual([5n, 6n, 7n, 8n, 9n, 10n, 11n, 12n, 13n, 14n]);
    inf.freeLE(12n);
    expect(inf.toArray()).toEqual([13n, 14n]);
    inf.freeLE(14n);
    expect(inf.count()).toBe(0);
  });

  it('frees everything with an index beyond the newest message', () => {
    const inf = new Inflights(5, 0);
    addRange(inf, 3, 4);
    inf.freeLE(1000n);
    expect(inf.count()).toBe(0);
    expect(inf.bytes()).toBe(0);
    addRange(inf, 1001, 5);
    expect(inf.toArray()).toEqual([1001n, 1002n, 1003n, 1004n, 1005n]);
  });

  it('is full once the bytes in flight reach maxBytes, whatever the count', () => {
    const inf = new Inflights(10, 1000);
    inf.add(1n, 400);
    inf.add(2n, 500);
    expect(inf.full()).toBe(false);
    inf.add(3n, 100);
    expect(inf.full()).toBe(true);
    expect(inf.bytes()).toBe(1000);
    inf.freeLE(1n);
    expect(inf.bytes()).toBe(600);
    expect(inf.full()).toBe(false);
  });

  it('lets one message exceed maxBytes on its own (the window was not full before it)', () => {
    const inf = new Inflights(10, 100);
    inf.add(1n, 5000);
    expect(inf.full()).toBe(true);
    expect(inf.count()).toBe(1);
    inf.freeLE(1n);
    expect(inf.full()).toBe(false);
  });

  it('treats maxBytes 0 as no byte limit', () => {
    const inf = new Inflights(3, 0);
    inf.add(1n, Number.MAX_SAFE_INTEGER);
    expect(inf.full()).toBe(false);
  });

  it('forgets everything on reset', () => {
    const inf = new Inflights(3, 1000);
    addRange(inf, 1, 3, 50);
    inf.reset();
    expect(inf.count()).toBe(0);
    expect(inf.bytes()).toBe(0);
    expect(inf.full()).toBe(false);
    addRange(inf, 7, 2, 10);
    expect(inf.toArray()).toEqual([7n, 8n]);
  });

  it('clones independently of the original', () => {
    const inf = new Inflights(4, 0);
    addRange(inf, 1, 3, 2);
    const c = inf.clone();
    c.freeLE(2n);
    c.add(4n, 1);
    expect(inf.toArray()).toEqual([1n, 2n, 3n]);
    expect(inf.bytes()).toBe(6);
    expect(c.toArray()).toEqual([3n, 4n]);
    expect(c.bytes()).toBe(3);
  });

  it('rejects a bad size, maxBytes or byte count with a RangeError', () => {
    expect(() => new Inflights(0, 0)).toThrow(/size/);
    expect(() => new Inflights(1.5, 0)).toThrow(RangeError);
    expect(() => new Inflights(4, -1)).toThrow(/maxBytes/);
    expect(() => new Inflights(4, 0).add(1n, -3)).toThrow(/bytes/);
  });
});
