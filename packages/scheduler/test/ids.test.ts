import { generateId, isValidId, seededRandom } from '@swarm/api';
import { expect, it } from 'vitest';
import { fastId } from '../src/ids.js';

it('makes the same IDs as generateId from the same random bytes', () => {
  for (let seed = 0; seed < 300; seed++) {
    const id = fastId(seededRandom(seed));
    expect(id).toBe(generateId(seededRandom(seed)));
    expect(isValidId(id)).toBe(true);
  }
});

it('encodes all-zero and all-one bytes at the edges of the range', () => {
  const fixed = (byte: number) => ({
    float: () => 0,
    int: () => 0,
    bytes: (n: number) => new Uint8Array(n).fill(byte),
  });
  expect(fastId(fixed(0))).toBe('0'.repeat(25));
  expect(fastId(fixed(255))).toBe(generateId(fixed(255)));
});
