import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { associatedData, createRecordCipher, RECORD_OVERHEAD_BYTES, type RecordKeys } from '../src/index.js';
import { openRecord, sealedKeyId } from '../src/record-cipher.js';

function keys(): RecordKeys & { sealed: number; active: number; ring: Map<number, Uint8Array> } {
  const ring = new Map<number, Uint8Array>([
    [1, randomBytes(32)],
    [2, randomBytes(32)],
  ]);
  const k = {
    ring,
    sealed: 0,
    active: 1,
    sealingKey: () => {
      k.sealed++;
      return { id: k.active, key: ring.get(k.active)! };
    },
    openingKey: (id: number) => ring.get(id),
  };
  return k;
}

const text = (s: string): Uint8Array => Buffer.from(s, 'utf8');

describe('record cipher (AES-256-GCM, associated data names the record)', () => {
  it('opens what it sealed, with the same associated data', () => {
    const cipher = createRecordCipher(keys());
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 256 }),
        fc.string(),
        fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
        (plain, kind, index) => {
          const ad = associatedData('raft-entry', kind, index);
          const sealed = cipher.encrypt(plain, ad);
          expect(sealed.byteLength).toBe(plain.byteLength + RECORD_OVERHEAD_BYTES);
          expect(cipher.decrypt(sealed, ad)).toEqual(plain);
        },
      ),
    );
  });

  it('uses a fresh nonce for every record, so equal plaintexts seal differently', () => {
    const cipher = createRecordCipher(keys());
    const ad = associatedData('x');
    const a = cipher.encrypt(text('same'), ad);
    const b = cipher.encrypt(text('same'), ad);
    expect(Buffer.from(a.subarray(5, 17)).equals(Buffer.from(b.subarray(5, 17)))).toBe(false);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('rejects a record moved to another position (different associated data)', () => {
    const cipher = createRecordCipher(keys());
    const sealed = cipher.encrypt(text('entry'), associatedData('raft-entry', 5n, 10n));
    for (const ad of [
      associatedData('raft-entry', 5n, 11n),
      associatedData('raft-entry', 6n, 10n),
      associatedData('snapshot', 5n, 10n),
      new Uint8Array(0),
    ]) {
      expect(() => cipher.decrypt(sealed, ad)).toThrow(
        expect.objectContaining({ code: 'RECORD_AUTHENTICATION_FAILED' }),
      );
    }
  });

  it('detects every single-bit flip anywhere in a sealed record', () => {
    const cipher = createRecordCipher(keys());
    const ad = associatedData('secret-data', 'abc');
    const sealed = cipher.encrypt(text('a small secret'), ad);
    for (let bit = 0; bit < sealed.byteLength * 8; bit++) {
      const flipped = Uint8Array.from(sealed);
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      expect(() => cipher.decrypt(flipped, ad)).toThrow(
        expect.objectContaining({ code: 'RECORD_AUTHENTICATION_FAILED' }),
      );
    }
  });

  it('rejects truncated records and records sealed by an unknown key', () => {
    const k = keys();
    const cipher = createRecordCipher(k);
    const ad = associatedData('x');
    const sealed = cipher.encrypt(text('v'), ad);
    expect(() => cipher.decrypt(sealed.subarray(0, RECORD_OVERHEAD_BYTES - 1), ad)).toThrow(
      expect.objectContaining({ code: 'RECORD_AUTHENTICATION_FAILED' }),
    );
    k.ring.delete(1);
    expect(() => cipher.decrypt(sealed, ad)).toThrow(
      expect.objectContaining({ code: 'RECORD_AUTHENTICATION_FAILED' }),
    );
  });

  it('opens records of an older key while sealing with the newer one', () => {
    const k = keys();
    const cipher = createRecordCipher(k);
    const ad = associatedData('x');
    const old = cipher.encrypt(text('old'), ad);
    k.active = 2;
    const fresh = cipher.encrypt(text('new'), ad);
    expect(Buffer.from(cipher.decrypt(old, ad)).toString()).toBe('old');
    expect(Buffer.from(cipher.decrypt(fresh, ad)).toString()).toBe('new');
    expect(k.sealed).toBe(2);
  });

  it('encodes associated data unambiguously', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (a, b, c, d) => {
        fc.pre(a !== c || b !== d);
        expect(Buffer.from(associatedData('k', a, b)).equals(Buffer.from(associatedData('k', c, d)))).toBe(
          false,
        );
      }),
    );
    expect(associatedData('k', 1)).not.toEqual(associatedData('k', '1'));
    expect(associatedData('k', 1)).toEqual(associatedData('k', 1n));
  });

  it('pins the associated data encoding: tag, 32-bit length, bytes per field', () => {
    expect(Buffer.from(associatedData('secret-data', 'abc')).toString('hex')).toBe(
      '6b0000000b7365637265742d646174617300000003616263',
    );
    expect(Buffer.from(associatedData('k', 1n, new Uint8Array([9]))).toString('hex')).toBe(
      '6b000000016b' + '6e000000080000000000000001' + '620000000109',
    );
  });

  it('opens the committed sealed-record vector (test/vectors/make-record-vector.mjs)', () => {
    const key = new Uint8Array(32).fill(0x11);
    const sealed = Buffer.from(
      '0100000007000102030405060708090a0b6586d56714d1158478d9baf1b0ca8f52dd065c108f0188ea301584b71c984ad7',
      'hex',
    );
    expect(sealedKeyId(sealed)).toBe(7);
    expect(Buffer.from(openRecord(key, sealed, associatedData('secret-data', 'abc'))).toString()).toBe(
      'vector plaintext',
    );
  });

  it('refuses negative or fractional position fields', () => {
    expect(() => associatedData('k', -1)).toThrow(RangeError);
    expect(() => associatedData('k', 1.5)).toThrow(RangeError);
    expect(() => associatedData('k', 2n ** 64n)).toThrow(RangeError);
  });
});
