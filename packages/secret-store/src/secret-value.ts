import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * Secret bytes in a wrapper that never prints them: `toString`, `toJSON`, `util.inspect` and
 * template strings all show `[redacted]`. Call `reveal()` only where the bytes must leave the
 * process (delivery to a task). `wipe()` zeroes the held copy.
 */
export class SecretValue {
  readonly #bytes: Uint8Array;

  /** Copies `bytes`, so later changes to the caller's buffer do not reach the secret. */
  constructor(bytes: Uint8Array) {
    if (!(bytes instanceof Uint8Array)) throw new TypeError('SecretValue(bytes) needs a Uint8Array');
    this.#bytes = Uint8Array.from(bytes);
  }

  /** Wraps `bytes` and zeroes the caller's buffer (for freshly decrypted buffers). */
  static take(bytes: Uint8Array): SecretValue {
    const value = new SecretValue(bytes);
    bytes.fill(0);
    return value;
  }

  get byteLength(): number {
    return this.#bytes.byteLength;
  }

  /** A copy of the secret bytes. */
  reveal(): Uint8Array {
    return Uint8Array.from(this.#bytes);
  }

  /** Zeroes the held bytes; the value reads as all zeros afterwards. */
  wipe(): void {
    this.#bytes.fill(0);
  }

  /** `[redacted]`: a secret never prints. */
  toString(): string {
    return REDACTED;
  }

  /** `[redacted]`: a secret never reaches JSON. */
  toJSON(): string {
    return REDACTED;
  }

  /** `[redacted]` in template strings and concatenation. */
  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  /** `[redacted]` in `util.inspect` and `console.log`. */
  [inspect.custom](): string {
    return `SecretValue ${REDACTED}`;
  }
}
