/**
 * The web listener's token: every request must carry it, as `Authorization: Bearer TOKEN`, as the
 * `swarm_web_token` cookie, or once as `?token=TOKEN` (which sets that cookie). Comparison is in
 * constant time over SHA-256 digests, so neither the token's content nor its length leaks through
 * timing.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { WebError } from './errors.js';

/** The cookie that carries the token after a `?token=` request. */
export const TOKEN_COOKIE = 'swarm_web_token';
/** Shorter tokens are refused: a guessable token would open the cluster view to anyone on the host. */
export const MIN_TOKEN_LENGTH = 16;

/** A new token: 32 random bytes, base64url. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Returns `token` when it is long enough and has no spaces; else throws `WEB_TOKEN_INVALID` naming `source`. */
export function assertToken(token: string, source: string): string {
  if (token.length < MIN_TOKEN_LENGTH || /\s/.test(token))
    throw new WebError(
      'WEB_TOKEN_INVALID',
      `the web token from ${source} must be at least ${MIN_TOKEN_LENGTH} characters without spaces: leave it out to have one generated`,
      { source },
    );
  return token;
}

/**
 * Reads the token from `path`, or, when the file does not exist, generates one and writes it there
 * (mode 0600). A file that group or others can read is refused: fix it with `chmod 600`.
 */
export function tokenFromFile(path: string): { token: string; created: boolean } {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    const token = generateToken();
    writeFileSync(path, `${token}\n`, { mode: 0o600, flag: 'wx' });
    return { token, created: true };
  }
  if ((mode & 0o077) !== 0)
    throw new WebError(
      'WEB_TOKEN_FILE_INSECURE',
      `the web token file ${path} is readable by other users (mode ${(mode & 0o777).toString(8)}): run "chmod 600 ${path}"`,
      { path },
    );
  return { token: assertToken(readFileSync(path, 'utf8').trim(), path), created: false };
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time equality of two tokens. */
export function tokenMatches(given: string | undefined, token: string): boolean {
  if (given === undefined || given === '') return false;
  return timingSafeEqual(digest(given), digest(token));
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The outcome of `authorize`. */
export interface AuthResult {
  ok: boolean;
  /** The token came in the query string: the response sets the cookie (and the page redirects to drop it from the URL). */
  viaQuery: boolean;
}

/** Checks a request's token (header, cookie, then query). Any one source that matches is enough. */
export function authorize(
  headers: { authorization?: string | undefined; cookie?: string | undefined },
  url: URL,
  token: string,
): AuthResult {
  const auth = headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (m && tokenMatches(m[1], token)) return { ok: true, viaQuery: false };
  }
  if (tokenMatches(cookieValue(headers.cookie, TOKEN_COOKIE), token)) return { ok: true, viaQuery: false };
  const q = url.searchParams.get('token');
  if (q !== null && tokenMatches(q, token)) return { ok: true, viaQuery: true };
  return { ok: false, viaQuery: false };
}

/** The cookie a query token sets: HttpOnly (no script reads it), SameSite=Strict (no cross-site request carries it). */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`;
}
