import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { MalformedUnlockKeyError } from './errors.js';

/** The prefix of a human-readable unlock key, version 1. */
export const UNLOCK_KEY_PREFIX = 'SWMKEY-1-';
/** Bytes in an unlock key (the key-encryption key, KEK). */
export const UNLOCK_KEY_BYTES = 32;
// 32 bytes in unpadded base64: ceil(32 * 4 / 3) = 43 characters.
const ENCODED_LENGTH = 43;
const BASE64_BODY = /^[A-Za-z0-9+/]+$/;

/**
 * The key-encryption key (KEK) that wraps the data key when autolock is on. It is never written
 * to disk by this package. `toString`, `toJSON` and `util.inspect` redact it; `reveal()` gives
 * the `SWMKEY-1-...` text to show a person once.
 */
export class UnlockKey {
  readonly #bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    if (!(bytes instanceof Uint8Array) || bytes.byteLength !== UNLOCK_KEY_BYTES) {
      throw new RangeError(`UnlockKey(bytes) needs exactly ${UNLOCK_KEY_BYTES} bytes`);
    }
    this.#bytes = Uint8Array.from(bytes);
  }

  /** The `SWMKEY-1-<unpadded base64>` text, for showing to a person exactly once. */
  reveal(): string {
    return UNLOCK_KEY_PREFIX + Buffer.from(this.#bytes).toString('base64').replace(/=+$/, '');
  }

  /** A copy of the raw 32 key bytes. */
  bytes(): Uint8Array {
    return Uint8Array.from(this.#bytes);
  }

  /** Zeroes the held key bytes. */
  wipe(): void {
    this.#bytes.fill(0);
  }

  /** `[redacted]`: an unlock key never prints. */
  toString(): string {
    return 'SWMKEY-1-[redacted]';
  }

  /** `[redacted]`: an unlock key never reaches JSON. */
  toJSON(): string {
    return this.toString();
  }

  /** `[redacted]` in `util.inspect` and `console.log`. */
  [inspect.custom](): string {
    return `UnlockKey ${this.toString()}`;
  }
}

/** A new random unlock key from the operating system's CSPRNG. */
export function generateUnlockKey(): UnlockKey {
  const raw = randomBytes(UNLOCK_KEY_BYTES);
  const key = new UnlockKey(raw);
  raw.fill(0);
  return key;
}

/**
 * Parses `SWMKEY-1-<unpadded base64 of 32 bytes>` strictly: the exact prefix, exactly 43
 * characters of the standard base64 alphabet, no padding, no whitespace, and canonical
 * trailing bits. Anything else is a `MALFORMED_UNLOCK_KEY` error that never echoes the text.
 */
export function parseUnlockKey(text: string): UnlockKey {
  if (typeof text !== 'string') throw new TypeError('parseUnlockKey(text) needs a string');
  if (!text.startsWith(UNLOCK_KEY_PREFIX))
    throw new MalformedUnlockKeyError(`missing prefix ${UNLOCK_KEY_PREFIX}`);
  const body = text.slice(UNLOCK_KEY_PREFIX.length);
  if (body.length !== ENCODED_LENGTH) {
    throw new MalformedUnlockKeyError(`key part has ${body.length} characters, expected ${ENCODED_LENGTH}`);
  }
  if (!BASE64_BODY.test(body))
    throw new MalformedUnlockKeyError('key part has a character outside A-Z a-z 0-9 + /');
  const raw = Buffer.from(body, 'base64');
  // Node's decoder ignores trailing bits; re-encoding rejects the 3 non-canonical spellings per key.
  if (raw.byteLength !== UNLOCK_KEY_BYTES || raw.toString('base64').replace(/=+$/, '') !== body) {
    raw.fill(0);
    throw new MalformedUnlockKeyError('key part is not canonical base64');
  }
  const key = new UnlockKey(raw);
  raw.fill(0);
  return key;
}
