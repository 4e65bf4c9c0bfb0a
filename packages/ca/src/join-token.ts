/**
 * Join tokens: `SWMTKN-1-<digest>-<secret>`. The digest (50 base36 characters) pins the root CA
 * bundle, so a joiner detects a man in the middle before it sends the secret; the secret (16 random
 * bytes, 25 base36 characters) decides the role. Tokens are compared in constant time.
 */
import { cryptoRandom, type Random, toBase36 } from '@swarm/api';
import { JoinTokenError } from './errors.js';
import type { NodeRole } from './issue.js';
import { rootDigest } from './root-ca.js';

const TOKEN_RE = /^SWMTKN-1-([0-9a-z]{50})-([0-9a-z]{25})$/;
const DIGEST_MAX = 2n ** 256n;
const SECRET_MAX = 2n ** 128n;

/** The parts of a join token: the root digest it pins and its secret. */
export interface ParsedJoinToken {
  readonly version: 1;
  /** The root bundle digest, 50 base36 characters. */
  readonly digest: string;
  /** The secret part, 25 base36 characters. */
  readonly secret: string;
}

/** The worker and manager tokens of a cluster. They share the digest and differ in the secret. */
export interface JoinTokens {
  readonly worker: string;
  readonly manager: string;
}

/** A new join token for the root bundle `rootBundlePem`, with 16 fresh random bytes. */
export function generateJoinToken(rootBundlePem: string, random: Random = cryptoRandom): string {
  return `SWMTKN-1-${rootDigest(rootBundlePem)}-${toBase36(random.bytes(16), 25)}`;
}

/** A fresh pair of tokens (rotating both, as a root rotation does). */
export function generateJoinTokens(rootBundlePem: string, random: Random = cryptoRandom): JoinTokens {
  return {
    worker: generateJoinToken(rootBundlePem, random),
    manager: generateJoinToken(rootBundlePem, random),
  };
}

/** Splits a token into its parts; anything but the exact format is `JOIN_TOKEN_MALFORMED`. */
export function parseJoinToken(token: unknown): ParsedJoinToken {
  if (typeof token !== 'string')
    throw new JoinTokenError('JOIN_TOKEN_MALFORMED', `a join token must be a string, got ${typeof token}`);
  const m = token.length === 85 ? TOKEN_RE.exec(token) : null;
  if (
    m === null ||
    BigInt(`0x${base36ToHex(m[1]!)}`) >= DIGEST_MAX ||
    BigInt(`0x${base36ToHex(m[2]!)}`) >= SECRET_MAX
  )
    throw new JoinTokenError(
      'JOIN_TOKEN_MALFORMED',
      'a join token looks like SWMTKN-1-<50 base36 characters>-<25 base36 characters>; copy it again from `swarm join-token`',
      { length: token.length },
    );
  return { version: 1, digest: m[1]!, secret: m[2]! };
}

function base36ToHex(s: string): string {
  let n = 0n;
  for (const ch of s) n = n * 36n + BigInt(Number.parseInt(ch, 36));
  return n.toString(16);
}

/** Compares two strings in time that depends only on their lengths. */
export function constantTimeEqual(a: string, b: string): boolean {
  const n = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

/**
 * The role a presented token grants: both current tokens are compared in constant time (always
 * both, so timing says nothing about which matched). No match is `JOIN_TOKEN_INVALID`.
 */
export function roleForToken(tokens: JoinTokens, presented: unknown): NodeRole {
  const p = parseJoinToken(presented);
  const token = `SWMTKN-1-${p.digest}-${p.secret}`;
  const w = constantTimeEqual(token, tokens.worker);
  const m = constantTimeEqual(token, tokens.manager);
  if (m) return 'swarm-manager';
  if (w) return 'swarm-worker';
  throw new JoinTokenError(
    'JOIN_TOKEN_INVALID',
    'the join token is not valid for this cluster (it may have been rotated)',
  );
}

/**
 * The joiner's check: the fetched root bundle must hash to the token's digest. A mismatch is
 * `ROOT_DIGEST_MISMATCH`: abort before sending the token.
 */
export function verifyRootBundle(token: string, rootBundlePem: string): void {
  const { digest } = parseJoinToken(token);
  if (!constantTimeEqual(digest, rootDigest(rootBundlePem)))
    throw new JoinTokenError(
      'ROOT_DIGEST_MISMATCH',
      'the root CA bundle the manager sent does not match the join token: possible man in the middle; do not join',
    );
}
