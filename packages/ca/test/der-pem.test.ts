import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oid, readDer, readOid, readTime, readUnsigned, time, unsignedInteger } from '../src/der.js';
import { decodePem, decodePemAll, encodePem } from '../src/index.js';

describe('DER (X.690) as the CA writes and reads it', () => {
  it('writes UTCTime before 2050 and GeneralizedTime from 2050 on (RFC 5280 4.1.2.5)', () => {
    const y2049 = Date.UTC(2049, 11, 31, 23, 59, 59);
    const y2050 = Date.UTC(2050, 0, 1);
    expect(time(y2049)[0]).toBe(0x17);
    expect(time(y2050)[0]).toBe(0x18);
    expect(readTime(readDer(time(y2049)), 't')).toBe(y2049);
    expect(readTime(readDer(time(y2050)), 't')).toBe(y2050);
  });

  it('round-trips every whole-second time between 1950 and 9999', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1950, 0, 1) / 1000, max: Date.UTC(9999, 11, 31) / 1000 }),
        (s) => {
          expect(readTime(readDer(time(s * 1000)), 't')).toBe(s * 1000);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads GeneralizedTime years below 100 as written, not as 19xx', () => {
    const der = Uint8Array.from([0x18, 15, ...new TextEncoder().encode('00500101000000Z')]);
    expect(new Date(readTime(readDer(der), 't')).getUTCFullYear()).toBe(50);
  });

  it('refuses impossible dates', () => {
    const bad = Uint8Array.from([0x17, 13, ...new TextEncoder().encode('260231000000Z')]);
    expect(() => readTime(readDer(bad), 't')).toThrow(expect.objectContaining({ code: 'DER_MALFORMED' }));
  });

  it('round-trips OIDs and unsigned integers, and refuses non-minimal integers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 2n ** 56n }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 2 }),
        (rest, first) => {
          const second = first < 2 ? rest[0]! % 40n : rest[0]!;
          const dotted = [BigInt(first), second, ...rest.slice(1)].join('.');
          expect(readOid(readDer(oid(dotted)), 'oid')).toBe(dotted);
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 24 }), (b) => {
        const v = BigInt(`0x${Buffer.from(b).toString('hex')}`);
        expect(readUnsigned(readDer(unsignedInteger(b)), 'n')).toBe(v);
      }),
      { numRuns: 300 },
    );
    expect(() => readUnsigned(readDer(Uint8Array.of(2, 2, 0, 1)), 'n')).toThrow(
      expect.objectContaining({ code: 'DER_MALFORMED' }),
    );
  });
});

describe('PEM (RFC 7468)', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 2000 }), (b) => {
        expect(decodePem(encodePem('CERTIFICATE', b), 'CERTIFICATE')).toEqual(b);
      }),
      { numRuns: 200 },
    );
  });

  it('reads a bundle of several blocks in order', () => {
    const a = Uint8Array.of(1, 2, 3);
    const b = Uint8Array.of(4, 5);
    expect(decodePemAll(encodePem('CERTIFICATE', a) + encodePem('CERTIFICATE', b), 'CERTIFICATE')).toEqual([
      a,
      b,
    ]);
  });

  it('measures the size limit in UTF-8 bytes, not characters', () => {
    const text = `${encodePem('CERTIFICATE', Uint8Array.of(1))}${'é'.repeat(9000)}`;
    expect(text.length).toBeLessThan(16 * 1024);
    expect(() => decodePem(text, 'CERTIFICATE')).toThrow(expect.objectContaining({ code: 'PEM_TOO_LARGE' }));
  });
});
