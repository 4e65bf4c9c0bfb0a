import { SwarmError } from './errors.js';
import { cryptoRandom, type Random } from './random.js';

/** Length of node, cluster, service, task and secret IDs. */
export const ID_LENGTH = 25;
const ID_PATTERN = /^[0-9a-z]{25}$/;

/**
 * A new object ID: 16 random bytes (128 bits) as lowercase base36, left-padded to 25 characters.
 * Uses `cryptoRandom` unless a Random is given (tests pass a seeded one).
 */
export function generateId(random: Random = cryptoRandom): string {
  return toBase36(random.bytes(16), ID_LENGTH);
}

/** True when `id` has the shape of an object ID. */
export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && ID_PATTERN.test(id);
}

/** Throws `INVALID_ID` unless `id` has the shape of an object ID; `what` names the input. */
export function assertValidId(id: unknown, what = 'id'): asserts id is string {
  if (!isValidId(id)) {
    throw new SwarmError(
      'INVALID_ID',
      `${what} must be 25 lowercase base36 characters (0-9, a-z), got ${describe(id)}`,
      { what },
    );
  }
}

/** `bytes` as a big-endian unsigned number in lowercase base36, left-padded with zeros to `width`. */
export function toBase36(bytes: Uint8Array, width: number): string {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  const s = n.toString(36);
  if (s.length > width) throw new RangeError(`${bytes.length} bytes do not fit in ${width} base36 digits`);
  return s.padStart(width, '0');
}

function describe(v: unknown): string {
  if (typeof v !== 'string') return typeof v;
  return v.length > 40 ? `a string of ${v.length} characters` : JSON.stringify(v);
}
