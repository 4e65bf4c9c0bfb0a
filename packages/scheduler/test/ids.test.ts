import { generateId, isValidId, seededRandom } from '@swarm/api';
import { expect, it } from 'vitest';
import { IdSource } from '../src/ids.js';

it('makes the same IDs as generateId from the same random byte stream', () => {
  for (const seed of [0, 1, 42, 2 ** 40]) {
    const reference = seededRandom(seed);
    const ids = new IdSource(seededRandom(seed));
    for (let i = 0; i < 600; i++) {
      const id = ids.next();
      expect(id).toBe(generateId(reference));
      expect(isValidId(id)).toBe(true);
    }
  }
});

it('encodes all-zero and all-one bytes at the edges of the range', () => {
  const fixed = (byte: number) => ({
    float: () => 0,
    int: () => 0,
    bytes: (n: number) => new Uint8Array(n).fill(byte),
  });
  expect(new IdSource(fixed(0)).next()).toBe('0'.repeat(25));
  expect(new IdSource(fixed(255)).next()).toBe(generateId(fixed(255)));
});
