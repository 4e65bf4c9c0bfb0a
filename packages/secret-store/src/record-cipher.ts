import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { RecordAuthenticationError } from './errors.js';

/**
 * What @swarm/raft's storage hook and snapshots need: seal a record with associated data that
 * names its identity and position (for example `associatedData('raft-entry', term, index)`), and
 * open it again only with the same associated data. Any record of this shape will do.
 */
export interface RecordCipher {
  /** Seals `plain`; the result carries the key ID and a fresh nonce. */
  encrypt(plain: Uint8Array, ad: Uint8Array): Uint8Array;
  /** Opens a sealed record, or throws `RECORD_AUTHENTICATION_FAILED`; never returns altered data. */
  decrypt(sealed: Uint8Array, ad: Uint8Array): Uint8Array;
}

/** The keys a record cipher draws on: one to seal with, any known one to open with. */
export interface RecordKeys {
  /** The key to seal the next record with; counts one encryption and may refuse (key exhausted). */
  sealingKey(): { id: number; key: Uint8Array };
  /** The key with this ID, or undefined when it is not (or no longer) known. */
  openingKey(id: number): Uint8Array | undefined;
}

/** Sealed record layout: version (1) | data key ID (4, big-endian) | nonce (12) | ciphertext | tag (16). */
export const RECORD_FORMAT_VERSION = 1;
export const RECORD_HEADER_BYTES = 1 + 4 + 12;
export const RECORD_TAG_BYTES = 16;
/** Bytes a sealed record adds to its plaintext. */
export const RECORD_OVERHEAD_BYTES = RECORD_HEADER_BYTES + RECORD_TAG_BYTES;

const ALGORITHM = 'aes-256-gcm';
const DOMAIN = Buffer.from('swarm-record/1\0', 'utf8');

/** A record cipher over AES-256-GCM with a random 96-bit nonce per record. */
export function createRecordCipher(keys: RecordKeys): RecordCipher {
  return {
    encrypt(plain, ad) {
      checkBytes(plain, 'plain');
      checkBytes(ad, 'ad');
      const { id, key } = keys.sealingKey();
      return sealRecord(key, id, plain, ad);
    },
    decrypt(sealed, ad) {
      checkBytes(sealed, 'sealed');
      checkBytes(ad, 'ad');
      const id = sealedKeyId(sealed);
      const key = keys.openingKey(id);
      if (key === undefined)
        throw new RecordAuthenticationError('sealed by an unknown data key', { keyId: id });
      return openRecord(key, sealed, ad);
    },
  };
}

/** Seals one record under `key` (32 bytes) labelled `keyId`. */
export function sealRecord(key: Uint8Array, keyId: number, plain: Uint8Array, ad: Uint8Array): Uint8Array {
  const header = Buffer.alloc(RECORD_HEADER_BYTES);
  header[0] = RECORD_FORMAT_VERSION;
  header.writeUInt32BE(keyId, 1);
  takeNonce(header, 5);
  const cipher = createCipheriv(ALGORITHM, key, header.subarray(5), { authTagLength: RECORD_TAG_BYTES });
  cipher.setAAD(Buffer.concat([DOMAIN, header.subarray(0, 5), ad]));
  const body = cipher.update(plain);
  const final = cipher.final();
  const out = new Uint8Array(RECORD_OVERHEAD_BYTES + plain.byteLength);
  out.set(header, 0);
  out.set(body, RECORD_HEADER_BYTES);
  out.set(final, RECORD_HEADER_BYTES + body.byteLength);
  out.set(cipher.getAuthTag(), out.byteLength - RECORD_TAG_BYTES);
  return out;
}

// Nonces come from a pool refilled from the CSPRNG 4 KiB at a time (one syscall per 341 records);
// each 12-byte slice is handed out exactly once.
const NONCE_POOL_BYTES = 12 * 341;
let noncePool = Buffer.alloc(0);
let nonceOffset = 0;
function takeNonce(into: Buffer, at: number): void {
  if (nonceOffset + 12 > noncePool.byteLength) {
    noncePool = randomBytes(NONCE_POOL_BYTES);
    nonceOffset = 0;
  }
  noncePool.copy(into, at, nonceOffset, nonceOffset + 12);
  noncePool.fill(0, nonceOffset, nonceOffset + 12);
  nonceOffset += 12;
}

/** Opens a record sealed by `sealRecord` under `key`, checking tag, header and associated data. */
export function openRecord(key: Uint8Array, sealed: Uint8Array, ad: Uint8Array): Uint8Array {
  if (sealed.byteLength < RECORD_OVERHEAD_BYTES) throw new RecordAuthenticationError('too short');
  if (sealed[0] !== RECORD_FORMAT_VERSION) throw new RecordAuthenticationError('unknown format version');
  const view = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const decipher = createDecipheriv(ALGORITHM, key, view.subarray(5, RECORD_HEADER_BYTES), {
    authTagLength: RECORD_TAG_BYTES,
  });
  decipher.setAAD(Buffer.concat([DOMAIN, view.subarray(0, 5), ad]));
  decipher.setAuthTag(view.subarray(view.byteLength - RECORD_TAG_BYTES));
  const body = decipher.update(view.subarray(RECORD_HEADER_BYTES, view.byteLength - RECORD_TAG_BYTES));
  try {
    const final = decipher.final();
    if (final.byteLength === 0) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    return Buffer.concat([body, final]);
  } catch {
    // The unauthenticated plaintext must not linger in memory or reach the caller.
    body.fill(0);
    throw new RecordAuthenticationError('tag mismatch');
  }
}

/** The data key ID in a sealed record's header (unauthenticated until the record is opened). */
export function sealedKeyId(sealed: Uint8Array): number {
  if (sealed.byteLength < RECORD_OVERHEAD_BYTES) throw new RecordAuthenticationError('too short');
  return ((sealed[1]! << 24) | (sealed[2]! << 16) | (sealed[3]! << 8) | sealed[4]!) >>> 0;
}

/**
 * Unambiguous associated data naming a record: a kind (`'secret-data'`, `'raft-entry'`) and its
 * identity and position fields. Each field is tagged by type and length-prefixed, so
 * `('a', 'bc')` and `('ab', 'c')` differ. Numbers must be safe integers >= 0; use bigint for
 * 64-bit raft terms and indexes.
 */
export function associatedData(
  kind: string,
  ...fields: Array<string | number | bigint | Uint8Array>
): Uint8Array {
  if (typeof kind !== 'string' || kind.length === 0) {
    throw new TypeError('associatedData(kind) needs a non-empty string');
  }
  const parts: Array<[number, Uint8Array]> = [[TAG_KIND, Buffer.from(kind, 'utf8')]];
  for (const [i, field] of fields.entries()) parts.push(encodeField(field, i));
  let length = 0;
  for (const [, bytes] of parts) length += 5 + bytes.byteLength;
  // One allocation per call: this runs twice per secret on every read.
  const out = Buffer.allocUnsafe(length);
  let at = 0;
  for (const [tag, bytes] of parts) {
    out[at] = tag;
    out.writeUInt32BE(bytes.byteLength, at + 1);
    out.set(bytes, at + 5);
    at += 5 + bytes.byteLength;
  }
  return out;
}

const TAG_KIND = 0x6b; // 'k'
const TAG_STRING = 0x73; // 's'
const TAG_BYTES = 0x62; // 'b'
const TAG_NUMBER = 0x6e; // 'n'

function encodeField(field: string | number | bigint | Uint8Array, i: number): [number, Uint8Array] {
  if (typeof field === 'string') return [TAG_STRING, Buffer.from(field, 'utf8')];
  if (field instanceof Uint8Array) return [TAG_BYTES, field];
  if (typeof field === 'number' || typeof field === 'bigint') {
    if (typeof field === 'number' && (!Number.isSafeInteger(field) || field < 0)) {
      throw new RangeError(`associatedData field ${i} must be a safe integer >= 0, got ${field}`);
    }
    const n = BigInt(field);
    if (n < 0n || n > 0xffff_ffff_ffff_ffffn) {
      throw new RangeError(`associatedData field ${i} must fit in an unsigned 64-bit integer`);
    }
    const b = Buffer.alloc(8);
    b.writeBigUInt64BE(n);
    return [TAG_NUMBER, b];
  }
  throw new TypeError(`associatedData field ${i} must be a string, number, bigint or Uint8Array`);
}

function checkBytes(value: unknown, what: string): void {
  if (!(value instanceof Uint8Array)) throw new TypeError(`${what} must be a Uint8Array`);
}
