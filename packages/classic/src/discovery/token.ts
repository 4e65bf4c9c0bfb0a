/**
 * `token://TOKEN`: a cluster kept by a token service (ours: see `createTokenService`; the Docker
 * Hub service Swarm 0.2 used no longer exists). `list` is `GET {service}/v1/clusters/TOKEN`,
 * `register` is `POST {service}/v1/clusters/TOKEN?ttl=SECONDS` with the address as body, and
 * `createCluster` is `POST {service}/v1/clusters`.
 */
import { canonicalAddress } from '../address.js';
import { ClassicError } from '../errors.js';
import type { Discovery } from './discovery.js';
import { httpCall } from './http.js';

/** A token: 32 lowercase hex digits (128 random bits). */
export const TOKEN_PATTERN = /^[0-9a-f]{32}$/;

function checkService(service: string): string {
  let u: URL;
  try {
    u = new URL(service);
  } catch {
    u = new URL('invalid:');
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.search !== '' || u.hash !== '')
    throw new ClassicError(
      'CLASSIC_BAD_DISCOVERY',
      `${JSON.stringify(service)} is not a token service URL: use http(s)://HOST:PORT (swarm token-service serves one)`,
      { service },
    );
  return service.replace(/\/+$/, '');
}

function answerError(shown: string, status: number, text: string): ClassicError {
  let message = text.trim();
  try {
    const j = JSON.parse(text) as { message?: unknown };
    if (typeof j.message === 'string') message = j.message;
  } catch {
    // plain text
  }
  return new ClassicError(
    'CLASSIC_DISCOVERY_FAILED',
    `token service for ${shown} answered ${status}: ${message.slice(0, 200)}`,
    {
      url: shown,
      status,
    },
  );
}

/** Creates a cluster on the token service and returns its token (`swarm create`). */
export async function createCluster(service: string, signal?: AbortSignal): Promise<string> {
  const base = checkService(service);
  const r = await httpCall(`${base}/v1/clusters`, 'POST', undefined, base, signal);
  const token = r.text.trim();
  if (r.status !== 201 || !TOKEN_PATTERN.test(token)) throw answerError(base, r.status, r.text);
  return token;
}

/** `token://` discovery against `service`. */
export class TokenDiscovery implements Discovery {
  readonly url: string;
  readonly shown: string;
  readonly token: string;
  readonly #base: string;

  constructor(url: string, service: string) {
    this.url = url;
    this.token = url.slice('token://'.length);
    if (!TOKEN_PATTERN.test(this.token))
      throw new ClassicError(
        'CLASSIC_BAD_DISCOVERY',
        `${JSON.stringify(url)} has no valid token: write token://TOKEN with the 32 hex digits swarm create printed`,
        { url: 'token://…' },
      );
    this.shown = `token://${this.token.slice(0, 4)}…`;
    this.#base = checkService(service);
  }

  async list(signal?: AbortSignal): Promise<string[]> {
    const r = await httpCall(`${this.#base}/v1/clusters/${this.token}`, 'GET', undefined, this.shown, signal);
    if (r.status !== 200) throw answerError(this.shown, r.status, r.text);
    let list: unknown;
    try {
      list = JSON.parse(r.text);
    } catch {
      list = undefined;
    }
    if (!Array.isArray(list)) throw answerError(this.shown, r.status, 'the answer is not a JSON array');
    const out: string[] = [];
    for (const a of list) {
      if (typeof a !== 'string') continue;
      try {
        out.push(canonicalAddress(a));
      } catch {
        // not an engine address: skipped
      }
    }
    return [...new Set(out)].sort();
  }

  async register(addr: string, ttlMs: number, signal?: AbortSignal): Promise<void> {
    const a = canonicalAddress(addr);
    const ttl = Math.max(1, Math.ceil(ttlMs / 1000));
    const r = await httpCall(
      `${this.#base}/v1/clusters/${this.token}?ttl=${ttl}`,
      'POST',
      JSON.stringify(a),
      this.shown,
      signal,
    );
    if (r.status !== 200) throw answerError(this.shown, r.status, r.text);
  }
}
