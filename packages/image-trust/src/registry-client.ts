/**
 * A minimal Docker Registry HTTP API v2 client: fetch a manifest by tag or digest (with the Accept
 * headers of OCI and Docker manifests and indexes), compute its digest from the bytes (a
 * `Docker-Content-Digest` header that disagrees is an error, never believed), fetch a blob by
 * digest, and resolve `name:tag` to `name:tag@sha256:...`. HTTPS, except for registries named
 * insecure (by default loopback, as Docker's daemon does). Anonymous bearer tokens are fetched when
 * a registry asks for them; credentials are not supported.
 */
import { createHash } from 'node:crypto';
import { isIPv4 } from 'node:net';
import {
  ManifestNotFoundError,
  RegistryDigestMismatchError,
  RegistryResponseError,
  RegistryUnreachableError,
} from './errors.js';
import { type HttpComponents, HttpTransportError, readBody, request, withDefaults } from './http.js';
import { formatReference, type ImageReference, repositoryOf, withDigest } from './reference.js';

/**
 * The manifest media types asked for (the `Accept` header): OCI manifests and indexes, and
 * Docker's schema 2 manifests and manifest lists.
 */
export const MANIFEST_MEDIA_TYPES = Object.freeze([
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);

/**
 * Options of `RegistryClient`: which registries are plain HTTP, the per-request time limit and the
 * largest manifest read.
 */
export interface RegistryClientInit {
  /**
   * Registries reached over plain HTTP: `host`, `host:port`, or an IPv4 CIDR. Default
   * `['localhost', '127.0.0.0/8']` (Docker's default). Everything else is HTTPS.
   */
  insecureRegistries?: readonly string[];
  /** Time limit of one request, ms. Default 10,000. */
  timeoutMs?: number;
  /** Largest manifest read, bytes. Default 4 MiB. */
  maxManifestBytes?: number;
}

/**
 * The defaults of `RegistryClientInit`: loopback registries are insecure, 10 s per request,
 * manifests up to 4 MiB.
 */
export const REGISTRY_CLIENT_DEFAULTS = Object.freeze({
  insecureRegistries: Object.freeze(['localhost', '127.0.0.0/8']) as readonly string[],
  timeoutMs: 10_000,
  maxManifestBytes: 4 * 1024 * 1024,
});

/** A manifest as fetched: its digest (computed from `bytes`), media type (`Content-Type`) and bytes. */
export interface Manifest {
  readonly digest: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

/**
 * A Docker Registry HTTP API v2 client for manifests and blobs, checking every digest against the
 * bytes received (see the module comment for transport and authentication).
 */
export class RegistryClient {
  readonly #o: Required<RegistryClientInit>;
  readonly #c: Required<HttpComponents>;
  readonly #tokens = new Map<string, string>();

  constructor(init: RegistryClientInit = {}, components: HttpComponents = {}) {
    this.#o = { ...REGISTRY_CLIENT_DEFAULTS, ...definedOnly(init) };
    if (!Number.isSafeInteger(this.#o.timeoutMs) || this.#o.timeoutMs <= 0)
      throw new RangeError('RegistryClientInit.timeoutMs must be a positive integer (ms)');
    this.#c = withDefaults(components);
  }

  /** The base URL of a registry (`docker.io` is served by registry-1.docker.io). */
  baseUrl(domain: string): string {
    const host = domain === 'docker.io' ? 'registry-1.docker.io' : domain;
    return `${this.isInsecure(domain) ? 'http' : 'https'}://${host}`;
  }

  /**
   * True when `domain` (a host with an optional port) is reached over plain HTTP: it or its host is
   * listed in `insecureRegistries`, or its IPv4 address falls in a listed CIDR.
   */
  isInsecure(domain: string): boolean {
    const host = domain.replace(/:[0-9]+$/, '');
    for (const entry of this.#o.insecureRegistries) {
      if (entry === domain || entry === host) return true;
      if (entry.includes('/') && isIPv4(host) && inCidr(host, entry)) return true;
    }
    return false;
  }

  /** The manifest `ref` names (by digest when it has one, else by tag; `latest` when neither). */
  async getManifest(ref: ImageReference, signal?: AbortSignal): Promise<Manifest> {
    const wanted = ref.digest ?? ref.tag ?? 'latest';
    const url = `${this.baseUrl(ref.domain)}/v2/${ref.path}/manifests/${wanted}`;
    const res = await this.#get(ref, url, { accept: MANIFEST_MEDIA_TYPES.join(', ') }, signal);
    if (res.res.status === 404) {
      res.done();
      throw new ManifestNotFoundError(formatReference(ref));
    }
    const bytes = await this.#body(res, url, this.#o.maxManifestBytes);
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    if (ref.digest !== undefined && digest !== ref.digest)
      throw new RegistryDigestMismatchError(url, ref.digest, digest);
    const claimed = res.res.headers.get('docker-content-digest');
    if (claimed !== null && claimed !== '' && claimed !== digest)
      throw new RegistryDigestMismatchError(url, claimed, digest);
    const mediaType = (res.res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    return { digest, mediaType, bytes };
  }

  /** `name:tag` -> `name:tag@sha256:...` (the digest of the bytes the registry serves for the tag now). */
  async resolve(ref: ImageReference, signal?: AbortSignal): Promise<ImageReference> {
    const m = await this.getManifest(
      { domain: ref.domain, path: ref.path, tag: ref.tag ?? 'latest' },
      signal,
    );
    if (ref.digest !== undefined && ref.digest !== m.digest)
      throw new RegistryDigestMismatchError(
        `${repositoryOf(ref)}:${ref.tag ?? 'latest'}`,
        ref.digest,
        m.digest,
      );
    return withDigest({ ...ref, tag: ref.tag ?? 'latest' }, m.digest);
  }

  /** A blob of `ref`'s repository, checked against `digest`. */
  async getBlob(
    ref: ImageReference,
    digest: string,
    maxBytes: number,
    signal?: AbortSignal,
  ): Promise<Uint8Array> {
    const url = `${this.baseUrl(ref.domain)}/v2/${ref.path}/blobs/${digest}`;
    const res = await this.#get(ref, url, {}, signal);
    if (res.res.status === 404) {
      res.done();
      throw new ManifestNotFoundError(`${repositoryOf(ref)}@${digest} (blob)`);
    }
    const bytes = await this.#body(res, url, maxBytes);
    const actual = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    if (actual !== digest) throw new RegistryDigestMismatchError(url, digest, actual);
    return bytes;
  }

  async #body(r: { res: Response; done: () => void }, url: string, max: number): Promise<Uint8Array> {
    try {
      if (r.res.status !== 200) {
        await r.res.body?.cancel().catch(() => {});
        throw new RegistryResponseError(url, `HTTP ${r.res.status}`, r.res.status);
      }
      const bytes = await readBody(r.res, max).catch((e: unknown) => {
        throw new RegistryUnreachableError(url, (e as Error).message);
      });
      if (bytes === undefined) throw new RegistryResponseError(url, `a body larger than ${max} bytes`);
      return bytes;
    } finally {
      r.done();
    }
  }

  async #get(
    ref: ImageReference,
    url: string,
    headers: Record<string, string>,
    signal: AbortSignal | undefined,
  ): Promise<{ res: Response; done: () => void }> {
    const scope = `repository:${ref.path}:pull`;
    const key = `${ref.domain} ${scope}`;
    const send = async (token: string | undefined) => {
      try {
        return await request(this.#c, url, {
          headers: { ...headers, ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
          signal,
          timeoutMs: this.#o.timeoutMs,
        });
      } catch (e) {
        if (e instanceof HttpTransportError) throw new RegistryUnreachableError(url, e.message);
        throw e;
      }
    };
    let r = await send(this.#tokens.get(key));
    if (r.res.status !== 401) return r;
    const challenge = r.res.headers.get('www-authenticate') ?? '';
    await r.res.body?.cancel().catch(() => {});
    r.done();
    const token = await this.#anonymousToken(url, challenge, scope, signal);
    this.#tokens.set(key, token);
    r = await send(token);
    if (r.res.status === 401 || r.res.status === 403) {
      r.done();
      throw new RegistryResponseError(
        url,
        `HTTP ${r.res.status}: the registry requires credentials, which this client does not send`,
        r.res.status,
      );
    }
    return r;
  }

  async #anonymousToken(
    url: string,
    challenge: string,
    scope: string,
    signal: AbortSignal | undefined,
  ): Promise<string> {
    const m = /^Bearer\s+(.*)$/i.exec(challenge.trim());
    if (!m)
      throw new RegistryResponseError(url, 'HTTP 401 without a Bearer challenge: credentials are required');
    const params = new Map<string, string>();
    for (const p of (m[1] as string).matchAll(/([a-zA-Z_]+)="([^"]*)"/g))
      params.set((p[1] as string).toLowerCase(), p[2] as string);
    const realm = params.get('realm');
    if (realm === undefined) throw new RegistryResponseError(url, 'a Bearer challenge without a realm');
    const tokenUrl = new URL(realm);
    if (tokenUrl.protocol !== 'https:' && !this.isInsecure(tokenUrl.host))
      throw new RegistryResponseError(url, `a token realm that is not HTTPS (${realm})`);
    const service = params.get('service');
    if (service !== undefined) tokenUrl.searchParams.set('service', service);
    tokenUrl.searchParams.set('scope', params.get('scope') ?? scope);
    let r: { res: Response; done: () => void };
    try {
      r = await request(this.#c, tokenUrl.toString(), { signal, timeoutMs: this.#o.timeoutMs });
    } catch (e) {
      throw new RegistryUnreachableError(tokenUrl.toString(), (e as Error).message);
    }
    const body = await this.#body(r, tokenUrl.toString(), 64 * 1024);
    let token: unknown;
    try {
      const v = JSON.parse(new TextDecoder().decode(body)) as { token?: unknown; access_token?: unknown };
      token = v.token ?? v.access_token;
    } catch {
      token = undefined;
    }
    if (typeof token !== 'string' || token === '')
      throw new RegistryResponseError(tokenUrl.toString(), 'no token');
    return token;
  }
}

function inCidr(ip: string, cidr: string): boolean {
  const [base = '', bitsText = ''] = cidr.split('/');
  const bits = Number(bitsText);
  if (!isIPv4(base) || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const toInt = (a: string) => a.split('.').reduce((n, o) => (n << 8) + Number(o), 0) >>> 0;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (toInt(ip) & mask) === (toInt(base) & mask);
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
