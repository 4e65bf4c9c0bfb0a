// The on-disk framing of every raft storage record: a format byte, a CRC-32 over the key and the
// stored payload, a flags byte, then the payload (sealed by the record cipher when one is set).
// The key is covered by both the checksum and the cipher's associated data, so a record copied to
// another key (another index, or the hard-state slot) is detected, never read as valid.
import { crc32 } from 'node:zlib';
import { StorageCorruptError } from '../errors.js';

/**
 * Encrypts and authenticates record payloads (provided by @swarm/secret-store's record cipher).
 * `ad` (associated data) names the record's identity and position; decrypt must throw when the
 * payload or `ad` differs from what was sealed.
 */
export interface RecordCipher {
  /** Seals `plain`, bound to the associated data `ad`. */
  encrypt(plain: Uint8Array, ad: Uint8Array): Uint8Array;
  /** Opens `sealed`; throws when it or `ad` differs from what was sealed. */
  decrypt(sealed: Uint8Array, ad: Uint8Array): Uint8Array;
}

const FORMAT = 1;
const FLAG_SEALED = 1;
const HEADER = 6;

export function frameRecord(
  key: Uint8Array,
  payload: Uint8Array,
  cipher: RecordCipher | undefined,
): Uint8Array {
  const body = cipher ? cipher.encrypt(payload, adFor(key)) : payload;
  const out = new Uint8Array(HEADER + body.byteLength);
  out[0] = FORMAT;
  out[5] = cipher ? FLAG_SEALED : 0;
  out.set(body, HEADER);
  new DataView(out.buffer).setUint32(1, checksum(key, out.subarray(5)));
  return out;
}

export function unframeRecord(
  key: Uint8Array,
  value: Uint8Array,
  cipher: RecordCipher | undefined,
): Uint8Array {
  const what = describeKey(key);
  if (value.byteLength < HEADER)
    throw new StorageCorruptError(what, 'record is shorter than its header (torn write)');
  if (value[0] !== FORMAT) throw new StorageCorruptError(what, `unknown record format ${value[0]}`);
  const dv = new DataView(value.buffer, value.byteOffset, value.byteLength);
  if (dv.getUint32(1) !== checksum(key, value.subarray(5))) {
    throw new StorageCorruptError(what, 'checksum mismatch (torn or corrupted record)');
  }
  const sealed = value[5] === FLAG_SEALED;
  const body = value.subarray(HEADER);
  if (sealed && !cipher) {
    throw new StorageCorruptError(
      what,
      'record is encrypted but no record cipher was given; open with the cipher',
    );
  }
  if (!sealed && cipher) {
    throw new StorageCorruptError(
      what,
      'record is not encrypted but a record cipher is set; refusing plaintext',
    );
  }
  if (!cipher) return body;
  try {
    return cipher.decrypt(body, adFor(key));
  } catch (err) {
    throw new StorageCorruptError(what, 'record failed authentication (wrong key, or moved or altered)', err);
  }
}

function checksum(key: Uint8Array, rest: Uint8Array): number {
  return crc32(rest, crc32(key)) >>> 0;
}

const AD_PREFIX = new TextEncoder().encode('swarm-raft-record/v1:');

function adFor(key: Uint8Array): Uint8Array {
  const ad = new Uint8Array(AD_PREFIX.byteLength + key.byteLength);
  ad.set(AD_PREFIX);
  ad.set(key, AD_PREFIX.byteLength);
  return ad;
}

// ---- keys ----

export const HARD_STATE_KEY = Uint8Array.of(0x68); // 'h'
export const SNAPSHOT_KEY = Uint8Array.of(0x73); // 's'
const ENTRY_PREFIX = 0x65; // 'e'

export function entryKey(index: bigint): Uint8Array {
  const k = new Uint8Array(9);
  k[0] = ENTRY_PREFIX;
  new DataView(k.buffer).setBigUint64(1, index);
  return k;
}

export function isEntryKey(key: Uint8Array): boolean {
  return key.byteLength === 9 && key[0] === ENTRY_PREFIX;
}

export function entryKeyIndex(key: Uint8Array): bigint {
  return new DataView(key.buffer, key.byteOffset, key.byteLength).getBigUint64(1);
}

export const ENTRY_RANGE = { gte: entryKey(0n), lte: entryKey((1n << 64n) - 1n) };

function describeKey(key: Uint8Array): string {
  if (isEntryKey(key)) return `entry ${entryKeyIndex(key)}`;
  if (key[0] === HARD_STATE_KEY[0]) return 'hard state';
  if (key[0] === SNAPSHOT_KEY[0]) return 'snapshot';
  return `key ${Buffer.from(key).toString('hex')}`;
}
