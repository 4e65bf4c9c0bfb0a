import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Bytes in a data key (DEK) for AES-256-GCM. */
export const DATA_KEY_BYTES = 32;

export interface DataKey {
  /** Written into every record sealed by this key; IDs grow by one per rotation. */
  readonly id: number;
  readonly key: Uint8Array;
}

/** The data keys of one store: the current key and, during a rotation, the pending one. */
export interface Keyring {
  current: DataKey;
  pending?: DataKey;
}

/** A keyring wrapped under an unlock key (base64 fields, as stored in the key file). */
export interface WrappedKeyring {
  salt: string;
  nonce: string;
  sealed: string;
}

const MAGIC = 0x53574b52; // 'SWKR'
const VERSION = 1;
const WRAP_INFO = Buffer.from('swarm-secret-store/keyring-wrap/1', 'utf8');
const WRAP_AD = Buffer.from('swarm-secret-store/keyring/1', 'utf8');

/** magic (4) | version (1) | count (1) | count x (id (4) | key (32)); the current key first. */
export function encodeKeyring(ring: Keyring): Uint8Array {
  const keys = ring.pending === undefined ? [ring.current] : [ring.current, ring.pending];
  const out = Buffer.alloc(6 + keys.length * (4 + DATA_KEY_BYTES));
  out.writeUInt32BE(MAGIC, 0);
  out[4] = VERSION;
  out[5] = keys.length;
  keys.forEach((k, i) => {
    const at = 6 + i * (4 + DATA_KEY_BYTES);
    out.writeUInt32BE(k.id, at);
    out.set(k.key, at + 4);
  });
  return out;
}

/** Parses `encodeKeyring` output; returns a reason string when the bytes are not a keyring. */
export function decodeKeyring(bytes: Uint8Array): Keyring | string {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.byteLength < 6 || b.readUInt32BE(0) !== MAGIC || b[4] !== VERSION) return 'keyring header is wrong';
  const count = b[5]!;
  if ((count !== 1 && count !== 2) || b.byteLength !== 6 + count * (4 + DATA_KEY_BYTES)) {
    return 'keyring length is wrong';
  }
  const keyAt = (i: number): DataKey => {
    const at = 6 + i * (4 + DATA_KEY_BYTES);
    return { id: b.readUInt32BE(at), key: Uint8Array.from(b.subarray(at + 4, at + 4 + DATA_KEY_BYTES)) };
  };
  const current = keyAt(0);
  if (count === 1) return { current };
  const pending = keyAt(1);
  if (pending.id === current.id) return 'pending key has the current key ID';
  return { current, pending };
}

/** A new random data key. */
export function generateDataKey(id: number): DataKey {
  if (!Number.isInteger(id) || id < 1 || id > 0xffff_ffff)
    throw new RangeError(`data key id must be 1..2^32-1, got ${id}`);
  return { id, key: Uint8Array.from(randomBytes(DATA_KEY_BYTES)) };
}

/** Wraps `plain` under the unlock key `kek`: HKDF-SHA256 with a fresh salt, then AES-256-GCM. */
export function wrapKeyring(kek: Uint8Array, plain: Uint8Array): WrappedKeyring {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const wrappingKey = deriveWrappingKey(kek, salt);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, nonce);
  cipher.setAAD(WRAP_AD);
  const sealed = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  wrappingKey.fill(0);
  return {
    salt: salt.toString('base64'),
    nonce: nonce.toString('base64'),
    sealed: sealed.toString('base64'),
  };
}

/** Unwraps a keyring, or returns undefined when `kek` is the wrong key or the blob was altered. */
export function unwrapKeyring(kek: Uint8Array, wrapped: WrappedKeyring): Uint8Array | undefined {
  const salt = Buffer.from(wrapped.salt, 'base64');
  const nonce = Buffer.from(wrapped.nonce, 'base64');
  const sealed = Buffer.from(wrapped.sealed, 'base64');
  if (salt.byteLength !== 16 || nonce.byteLength !== 12 || sealed.byteLength < 16) return undefined;
  const wrappingKey = deriveWrappingKey(kek, salt);
  const decipher = createDecipheriv('aes-256-gcm', wrappingKey, nonce);
  decipher.setAAD(WRAP_AD);
  decipher.setAuthTag(sealed.subarray(sealed.byteLength - 16));
  const body = decipher.update(sealed.subarray(0, sealed.byteLength - 16));
  try {
    decipher.final();
    return body;
  } catch {
    body.fill(0);
    return undefined;
  } finally {
    wrappingKey.fill(0);
  }
}

export function wipeKeyring(ring: Keyring): void {
  ring.current.key.fill(0);
  ring.pending?.key.fill(0);
}

function deriveWrappingKey(kek: Uint8Array, salt: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', kek, salt, WRAP_INFO, 32));
}
