/** A small JSON-over-HTTP helper for the etcd and token backends. */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ClassicError } from '../errors.js';

/** The most a discovery answer may hold (a cluster of thousands of engines fits easily). */
const MAX_ANSWER = 4 * 1024 * 1024;

/** Sends one request; resolves with status and body text. Network failures are `CLASSIC_DISCOVERY_FAILED`. */
export function httpCall(
  url: string,
  method: string,
  body: string | undefined,
  shown: string,
  signal?: AbortSignal,
): Promise<{ status: number; text: string }> {
  const u = new URL(url);
  const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      u,
      {
        method,
        headers:
          body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        signal: signal ?? AbortSignal.timeout(10_000),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_ANSWER) {
            req.destroy(new Error(`the answer is larger than ${MAX_ANSWER} bytes`));
            return;
          }
          chunks.push(c);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', (e) => reject(failed(shown, e)));
      },
    );
    req.on('error', (e) => reject(failed(shown, e)));
    req.end(body);
  });
}

function failed(shown: string, e: Error): ClassicError {
  return new ClassicError('CLASSIC_DISCOVERY_FAILED', `discovery ${shown} did not answer: ${e.message}`, {
    url: shown,
  });
}
