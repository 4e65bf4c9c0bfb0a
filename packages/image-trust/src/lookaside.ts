/**
 * Reading signatures from a lookaside store (containers' "separate storage"): for the image
 * `host/ns/repo@sha256:<hex>` and a base URL, signature N is at `<base>/ns/repo@sha256=<hex>/signature-N`,
 * N = 1, 2, ... until the first that does not exist. A store that cannot be read (no answer, an HTTP
 * status other than 200 or 404) fails the whole read: verification fails closed.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SignatureStoreUnreachableError } from './errors.js';
import { type HttpComponents, HttpTransportError, readBody, request } from './http.js';
import { formatReference, type ImageReference } from './reference.js';

export interface LookasideOptions {
  maxSignatures: number;
  maxSignatureBytes: number;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/** The URL of signature `index` (1-based) of `ref` (which must carry a digest) under `base`. */
export function lookasideUrl(base: string, ref: ImageReference, index: number): string {
  if (ref.digest === undefined) throw new TypeError('lookasideUrl needs a reference with a digest');
  return `${base.replace(/\/+$/, '')}/${ref.path}@${ref.digest.replace(':', '=')}/signature-${index}`;
}

/** Every signature blob stored for `ref` under `base`, in index order. */
export async function readLookaside(
  http: Required<HttpComponents>,
  base: string,
  ref: ImageReference,
  o: LookasideOptions,
): Promise<Uint8Array[]> {
  const image = formatReference(ref);
  const out: Uint8Array[] = [];
  for (let i = 1; i <= o.maxSignatures; i++) {
    const url = lookasideUrl(base, ref, i);
    const blob = url.startsWith('file:')
      ? await readLocal(image, url, o)
      : await readHttp(http, image, url, o);
    if (blob === undefined) return out;
    out.push(blob);
  }
  return out;
}

async function readLocal(image: string, url: string, o: LookasideOptions): Promise<Uint8Array | undefined> {
  try {
    const data = await readFile(fileURLToPath(url));
    if (data.byteLength > o.maxSignatureBytes)
      throw new SignatureStoreUnreachableError(
        image,
        url,
        `a signature larger than ${o.maxSignatureBytes} bytes`,
      );
    return new Uint8Array(data);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (e instanceof SignatureStoreUnreachableError) throw e;
    throw new SignatureStoreUnreachableError(
      image,
      url,
      (e as NodeJS.ErrnoException).code ?? (e as Error).message,
    );
  }
}

async function readHttp(
  http: Required<HttpComponents>,
  image: string,
  url: string,
  o: LookasideOptions,
): Promise<Uint8Array | undefined> {
  let r: { res: Response; done: () => void };
  try {
    r = await request(http, url, { signal: o.signal, timeoutMs: o.timeoutMs });
  } catch (e) {
    if (e instanceof HttpTransportError) throw new SignatureStoreUnreachableError(image, url, e.message);
    throw e;
  }
  try {
    if (r.res.status === 404) {
      await r.res.body?.cancel().catch(() => {});
      return undefined;
    }
    if (r.res.status !== 200) {
      await r.res.body?.cancel().catch(() => {});
      throw new SignatureStoreUnreachableError(image, url, `HTTP ${r.res.status}`);
    }
    let body: Uint8Array | undefined;
    try {
      body = await readBody(r.res, o.maxSignatureBytes);
    } catch (e) {
      throw new SignatureStoreUnreachableError(image, url, (e as Error).message);
    }
    if (body === undefined)
      throw new SignatureStoreUnreachableError(
        image,
        url,
        `a signature larger than ${o.maxSignatureBytes} bytes`,
      );
    return body;
  } finally {
    r.done();
  }
}
