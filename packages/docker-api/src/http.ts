/**
 * Request and response helpers with dockerd's conventions: JSON bodies read with a size limit and
 * a 400 for anything that does not parse, Docker's boolean and version query parameters, and JSON
 * answers followed by a newline (Go's json.Encoder), with Docker's server headers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DockerInvalidParameterError } from './errors.js';
import { API_VERSION } from './version.js';

/** The largest body accepted: a secret is at most 500 KiB, 4/3 larger in base64, inside a spec. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** A request as route handlers see it. */
export interface DockerRequest {
  readonly method: string;
  /** The path without the `/vX.Y` prefix. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly params: Readonly<Record<string, string>>;
  readonly raw: IncomingMessage;
}

/** Docker's boolean query value: "", "0", "no", "false" and "none" are false, anything else true. */
export function boolParam(q: URLSearchParams, name: string): boolean {
  const v = (q.get(name) ?? '').trim().toLowerCase();
  return !(v === '' || v === '0' || v === 'no' || v === 'false' || v === 'none');
}

/** The `version` query parameter of an update: a uint64, required. */
export function versionParam(q: URLSearchParams, kind: string): string {
  const raw = q.get('version') ?? '';
  if (!/^\d{1,20}$/.test(raw) || BigInt(raw) > 0xffff_ffff_ffff_ffffn)
    throw new DockerInvalidParameterError(
      `invalid ${kind} version '${raw}': strconv.ParseUint: parsing ${JSON.stringify(raw)}: invalid syntax`,
    );
  return BigInt(raw).toString();
}

/** Reads the body (up to MAX_BODY_BYTES) and parses it as JSON; an empty body is `undefined`. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES)
    throw new DockerInvalidParameterError(`the request body is larger than ${MAX_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      throw new DockerInvalidParameterError(`the request body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DockerInvalidParameterError(`invalid JSON: ${(e as Error).message}`);
  }
}

/** A JSON object body; `required` bodies that are missing are a 400. */
export async function readObject<T>(req: IncomingMessage, required = true): Promise<T> {
  const body = await readJson(req);
  if (body === undefined) {
    if (required) throw new DockerInvalidParameterError('invalid JSON: the request body is empty (EOF)');
    return {} as T;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new DockerInvalidParameterError('invalid JSON: the request body must be a JSON object');
  return body as T;
}

/** Who answers: the `Server` header. */
export interface ServerIdentity {
  /** `Server` header, e.g. `swarm/0.1.0 (linux)`. */
  server: string;
}

/** The headers dockerd puts on every answer (`Api-Version`, `Server`, `Ostype`, ...). */
export function baseHeaders(id: ServerIdentity): Record<string, string> {
  return {
    'Api-Version': API_VERSION,
    'Docker-Experimental': 'false',
    Ostype: 'linux',
    Server: id.server,
  };
}

/** Answers `status` with a JSON body followed by a newline, as Go's json.Encoder writes. */
export function sendJson(res: ServerResponse, status: number, body: unknown, id: ServerIdentity): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, {
    ...baseHeaders(id),
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Answers `status` without a body (204, or a 200/201 with `Content-Length: 0`). */
export function sendEmpty(res: ServerResponse, status: number, id: ServerIdentity): void {
  res.writeHead(status, { ...baseHeaders(id), ...(status === 204 ? {} : { 'Content-Length': 0 }) });
  res.end();
}

/** Docker's error body. Clients before API 1.24 got plain text; newer ones `{"message": ...}`. */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  apiVersion: string | undefined,
  id: ServerIdentity,
): void {
  if (apiVersion !== undefined && /^1\.(1\d|2[0-3])$/.test(apiVersion)) {
    const text = `${message}\n`;
    res.writeHead(status, {
      ...baseHeaders(id),
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
    return;
  }
  sendJson(res, status, { message }, id);
}

/** Go's time.Time JSON form (RFC 3339 with trailing zeros of the fraction dropped). */
export function goTime(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0001-01-01T00:00:00Z';
  return new Date(ms).toISOString().replace(/\.?0+Z$/, 'Z');
}

/** Docker's time query values: Unix seconds (with a fraction), RFC 3339, or a duration back from now. */
export function parseTime(value: string, name: string, now = Date.now()): number {
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.floor(Number(v) * 1000);
  const d = /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)$/.exec(v);
  if (d !== null) {
    const unit = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[d[2]!]!;
    return now - Number(d[1]) * unit;
  }
  const t = Date.parse(v);
  if (!Number.isNaN(t)) return t;
  throw new DockerInvalidParameterError(
    `invalid value for "${name}": ${JSON.stringify(value)} is not a timestamp`,
  );
}
