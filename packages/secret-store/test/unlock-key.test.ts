import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateUnlockKey, parseUnlockKey, UnlockKey } from '../src/index.js';

describe('unlock keys (SWMKEY-1-<unpadded base64 of 32 bytes>)', () => {
  it('round-trips every 32-byte key through its text form', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const text = new UnlockKey(bytes).reveal();
        expect(text).toMatch(/^SWMKEY-1-[A-Za-z0-9+/]{43}$/);
        expect(parseUnlockKey(text).bytes()).toEqual(bytes);
      }),
    );
  });

  it('generates distinct random keys', () => {
    const a = generateUnlockKey().reveal();
    const b = generateUnlockKey().reveal();
    expect(a).not.toBe(b);
    expect(parseUnlockKey(a).reveal()).toBe(a);
  });

  const good = new UnlockKey(new Uint8Array(32).fill(7)).reveal();
  const body = good.slice('SWMKEY-1-'.length);
  it.each([
    ['an empty string', ''],
    ['a missing prefix', body],
    ['a lowercase prefix', `swmkey-1-${body}`],
    ['another version', `SWMKEY-2-${body}`],
    ['padding', `${good}=`],
    ['a short key part', good.slice(0, -1)],
    ['a long key part', `${good}A`],
    ['leading whitespace', ` ${good}`],
    ['trailing newline', `${good}\n`],
    ['an inner space', `${good.slice(0, 20)} ${good.slice(21)}`],
    ['base64url characters', `SWMKEY-1-${body.slice(0, 10)}-_${body.slice(12)}`],
    [
      'non-canonical trailing bits',
      `SWMKEY-1-${body.slice(0, 42)}${String.fromCharCode(body.charCodeAt(42) + 1)}`,
    ],
  ])('rejects %s with MALFORMED_UNLOCK_KEY', (_what, text) => {
    expect(() => parseUnlockKey(text)).toThrow(expect.objectContaining({ code: 'MALFORMED_UNLOCK_KEY' }));
  });

  it('never echoes the rejected text in the error', () => {
    const text = `${good}x`;
    try {
      parseUnlockKey(text);
      expect.unreachable();
    } catch (err) {
      expect(String((err as Error).message)).not.toContain(body.slice(0, 20));
      expect(JSON.stringify(err)).not.toContain(body.slice(0, 20));
    }
  });

  it('redacts the key in toString, JSON and inspect', () => {
    const key = generateUnlockKey();
    const text = key.reveal().slice(9);
    for (const shown of [String(key), `${key}`, JSON.stringify({ key }), inspect(key), inspect({ key })]) {
      expect(shown).not.toContain(text);
      expect(shown).toContain('redacted');
    }
  });

  it('refuses raw keys that are not 32 bytes', () => {
    expect(() => new UnlockKey(new Uint8Array(31))).toThrow(RangeError);
  });
});
