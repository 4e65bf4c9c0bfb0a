/**
 * `etcd://HOST:PORT[,HOST:PORT]/PATH`: each engine is a key `PATH/ADDR` (value ADDR) attached to a
 * lease of the registration's TTL, through etcd's v3 JSON gateway (`/v3/kv/range`, `/v3/kv/put`,
 * `/v3/lease/grant`; etcd 3.4 and later). The endpoints are tried in order.
 */
import { canonicalAddress } from '../address.js';
import { ClassicError } from '../errors.js';
import type { Discovery } from './discovery.js';
import { httpCall } from './http.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64').toString('utf8');

/** The key just after every key with `prefix` (etcd's range end for a prefix). */
function prefixEnd(prefix: string): string {
  const b = Buffer.from(prefix, 'utf8');
  for (let i = b.length - 1; i >= 0; i--) {
    if (b[i]! < 0xff) {
      b[i]! += 1;
      return b.subarray(0, i + 1).toString('latin1');
    }
  }
  return '\0';
}

/** `etcd://` discovery. */
export class EtcdDiscovery implements Discovery {
  readonly url: string;
  readonly shown: string;
  readonly endpoints: string[];
  /** The key prefix, ending with `/`. */
  readonly prefix: string;
  readonly #scheme: 'http' | 'https';

  /** `scheme`: `https` when the etcd endpoints serve TLS (default `http`). */
  constructor(url: string, scheme: 'http' | 'https' = 'http') {
    this.url = url;
    this.shown = url;
    this.#scheme = scheme;
    const m = /^etcd:\/\/([^/]+)(\/.*)?$/.exec(url);
    if (m === null)
      throw new ClassicError('CLASSIC_BAD_DISCOVERY', `${url}: write etcd://HOST:PORT[,HOST:PORT]/PATH`, {
        url,
      });
    this.endpoints = m[1]!
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '');
    for (const e of this.endpoints) canonicalAddress(e);
    const path = (m[2] ?? '/swarm').replace(/\/+$/, '');
    if (path === '')
      throw new ClassicError('CLASSIC_BAD_DISCOVERY', `${url}: give a key path, etcd://HOST:PORT/swarm`, {
        url,
      });
    this.prefix = `${path}/`;
  }

  async #call(path: string, body: object, signal?: AbortSignal): Promise<Record<string, unknown>> {
    let last: unknown;
    for (const ep of this.endpoints) {
      try {
        const r = await httpCall(
          `${this.#scheme}://${ep}${path}`,
          'POST',
          JSON.stringify(body),
          this.shown,
          signal,
        );
        if (r.status !== 200)
          throw new ClassicError(
            'CLASSIC_DISCOVERY_FAILED',
            `etcd ${ep} answered ${r.status} to ${path}: ${r.text.trim().slice(0, 200)}`,
            { url: this.shown, status: r.status },
          );
        return JSON.parse(r.text) as Record<string, unknown>;
      } catch (e) {
        last = e;
      }
    }
    throw last;
  }

  async list(signal?: AbortSignal): Promise<string[]> {
    const r = await this.#call(
      '/v3/kv/range',
      { key: b64(this.prefix), range_end: Buffer.from(prefixEnd(this.prefix), 'latin1').toString('base64') },
      signal,
    );
    const kvs = Array.isArray(r.kvs) ? (r.kvs as { value?: string }[]) : [];
    const out: string[] = [];
    for (const kv of kvs) {
      if (typeof kv.value !== 'string') continue;
      try {
        out.push(canonicalAddress(unb64(kv.value)));
      } catch {
        // A key under the path that is not an engine address: not ours, skipped.
      }
    }
    return [...new Set(out)].sort();
  }

  async register(addr: string, ttlMs: number, signal?: AbortSignal): Promise<void> {
    const a = canonicalAddress(addr);
    const lease = await this.#call('/v3/lease/grant', { TTL: Math.max(1, Math.ceil(ttlMs / 1000)) }, signal);
    if (typeof lease.ID !== 'string' && typeof lease.ID !== 'number')
      throw new ClassicError('CLASSIC_DISCOVERY_FAILED', `etcd gave no lease ID for ${this.shown}`, {
        url: this.shown,
      });
    await this.#call(
      '/v3/kv/put',
      { key: b64(`${this.prefix}${a}`), value: b64(a), lease: String(lease.ID) },
      signal,
    );
  }
}
