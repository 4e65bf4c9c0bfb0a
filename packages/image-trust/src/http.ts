/**
 * The HTTP seam: a WHATWG `fetch` (Node's global one by default; `./testing` has an in-memory one),
 * with a time limit on the injected clock and a cap on the bytes read from any answer.
 */
import { type Clock, systemClock } from '@swarm/api';

/**
 * The WHATWG `fetch` signature this package makes its requests with (the global `fetch`, or a
 * double such as `MemoryHttp.fetch` from `./testing`).
 */
export type HttpFetch = (url: string, init?: RequestInit) => Promise<Response>;

/**
 * The injected HTTP seam of `RegistryClient`: the `fetch` to call and the clock that times
 * requests out.
 */
export interface HttpComponents {
  /** Default: the global `fetch`. */
  fetch?: HttpFetch;
  /** Times requests out. Default `systemClock`. */
  clock?: Clock;
}

export interface HttpOptions {
  method?: 'GET' | 'HEAD';
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  timeoutMs: number;
}

/** Thrown for a network failure or a timeout (never for an HTTP status). */
export class HttpTransportError extends Error {
  override readonly name = 'HttpTransportError';
}

/** Sends one request; the answer's body must then be read with `readBody` while the time limit runs. */
export async function request(
  c: Required<HttpComponents>,
  url: string,
  o: HttpOptions,
): Promise<{ res: Response; done: () => void }> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(o.signal?.reason);
  if (o.signal?.aborted) controller.abort(o.signal.reason);
  o.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = c.clock.setTimeout(
    () => controller.abort(new Error(`no answer within ${o.timeoutMs} ms`)),
    o.timeoutMs,
  );
  const done = () => {
    timer.cancel();
    o.signal?.removeEventListener('abort', onAbort);
  };
  try {
    const res = await c.fetch(url, {
      method: o.method ?? 'GET',
      headers: o.headers ?? {},
      signal: controller.signal,
      redirect: 'follow',
    });
    return { res, done };
  } catch (e) {
    done();
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const reason = controller.signal.aborted
      ? String((controller.signal.reason as Error)?.message ?? controller.signal.reason)
      : (cause?.code ?? cause?.message ?? (e as Error).message);
    throw new HttpTransportError(reason);
  }
}

/** Reads at most `max` bytes of a body; a longer body is an error (`undefined`). */
export async function readBody(res: Response, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(res.headers.get('content-length') ?? '-1');
  if (declared > max) {
    await res.body?.cancel().catch(() => {});
    return undefined;
  }
  if (res.body === null) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let off = 0;
  for (const ch of chunks) {
    out.set(ch, off);
    off += ch.byteLength;
  }
  return out;
}

export function withDefaults(c: HttpComponents): Required<HttpComponents> {
  return { fetch: c.fetch ?? ((url, init) => globalThis.fetch(url, init)), clock: c.clock ?? systemClock };
}
