import { seededRandom } from '@swarm/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtures, runAll, targets } from '../bench/fuzz-targets.js';
import {
  constantTimeEqual,
  generateJoinToken,
  parseJoinToken,
  roleForToken,
  rootDigest,
  verifyRootBundle,
} from '../src/index.js';

describe('parsers under fast-check (a few thousand inputs; bench/fuzz.ts runs 100,000+)', () => {
  it('throws nothing but typed errors and never accepts a forged input', async () => {
    const counts = runAll(targets(await fixtures()), 800, 42);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(3200);
  });
});

describe('join tokens (SWMTKN-1-<50 base36>-<25 base36>)', () => {
  const bundle = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';

  it('has the exact format, with the digest of the root bundle', () => {
    const token = generateJoinToken(bundle, seededRandom(1));
    expect(token).toMatch(/^SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}$/);
    expect(parseJoinToken(token)).toEqual({
      version: 1,
      digest: rootDigest(bundle),
      secret: token.slice(60),
    });
  });

  it('left-pads the digest and the secret with zeros', () => {
    const zero = { float: () => 0, int: () => 0, bytes: (n: number) => new Uint8Array(n) };
    expect(generateJoinToken(bundle, zero).slice(60)).toBe('0'.repeat(25));
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (s) => rootDigest(s).length === 50),
      { numRuns: 200 },
    );
  });

  it('refuses tokens of the wrong shape or with out-of-range parts', () => {
    const token = generateJoinToken(bundle, seededRandom(2));
    for (const bad of [
      '',
      token.slice(0, -1),
      `${token}0`,
      token.replace('SWMTKN-1', 'SWMTKN-2'),
      token.toUpperCase(),
      `SWMTKN-1-${'z'.repeat(50)}-${'0'.repeat(25)}`,
      `SWMTKN-1-${'0'.repeat(50)}-${'z'.repeat(25)}`,
    ])
      expect(() => parseJoinToken(bad)).toThrow(expect.objectContaining({ code: 'JOIN_TOKEN_MALFORMED' }));
    expect(() => parseJoinToken(42)).toThrow(expect.objectContaining({ code: 'JOIN_TOKEN_MALFORMED' }));
  });

  it('decides the role by which token matched, and refuses a rotated token', () => {
    const tokens = {
      worker: generateJoinToken(bundle, seededRandom(3)),
      manager: generateJoinToken(bundle, seededRandom(4)),
    };
    expect(roleForToken(tokens, tokens.worker)).toBe('swarm-worker');
    expect(roleForToken(tokens, tokens.manager)).toBe('swarm-manager');
    const rotated = { ...tokens, worker: generateJoinToken(bundle, seededRandom(5)) };
    expect(() => roleForToken(rotated, tokens.worker)).toThrow(
      expect.objectContaining({ code: 'JOIN_TOKEN_INVALID' }),
    );
  });

  it('lets a joiner detect a root bundle that does not match the token (man in the middle)', () => {
    const token = generateJoinToken(bundle, seededRandom(6));
    expect(() => verifyRootBundle(token, bundle)).not.toThrow();
    expect(() => verifyRootBundle(token, bundle.replace('AAAA', 'AAAB'))).toThrow(
      expect.objectContaining({ code: 'ROOT_DIGEST_MISMATCH' }),
    );
  });

  it('compares in constant time with the same answer as ===', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => constantTimeEqual(a, b) === (a === b)),
      { numRuns: 500 },
    );
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
  });
});
