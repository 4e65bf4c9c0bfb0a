/**
 * The control API's transport: HTTP/1.1, `POST /v1/<method>` with the request as a JSON body
 * (`Content-Type: application/json`), answered with the result as JSON (200) or
 * `{ error: SwarmError.toJSON() }` (4xx/5xx). It listens on a unix socket (mode 0600: whoever can
 * open it controls the node) or on TCP under the rule of ./tcp-guard.ts (mutual TLS with the
 * daemon's client certificate, no `Origin`, a `Host` naming the bound address, JSON bodies).
 */
import { chmodSync, lstatSync, unlinkSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect } from 'node:net';
import { isSwarmError, type Logger, noopLogger, SwarmError } from '@swarm/api';
import { CONTROL_METHODS, type ControlApi, type ControlMethod, LOCAL_ONLY_METHODS } from './api.js';
import { ControlAccessError } from './errors.js';
import {
  type ControlTls,
  checkNotFromBrowser,
  checkTcpRequest,
  type TcpGuardRule,
  tcpGuardServerOptions,
} from './tcp-guard.js';

/** The largest request body accepted (a secret is at most 500 KiB, 4/3 larger in base64). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** A unix socket, or a TCP address with the daemon's control TLS material (see tcp-guard.ts). */
export type ControlListen = { socketPath: string } | { host: string; port: number; tls: ControlTls };

export interface ControlServer {
  close(): Promise<void>;
  /** `unix:///path/swarm.sock` or `tcp://127.0.0.1:PORT` (the port actually bound). */
  address: string;
}

const METHODS = new Set<string>(CONTROL_METHODS);

/** The HTTP status for an error code; clients rebuild the error from the body, this is for humans and proxies. */
export function statusForCode(code: string): number {
  switch (code) {
    case 'INVALID_ARGUMENT':
    case 'INVALID_CONSTRAINT':
    case 'INVALID_ZONE_CONSTRAINT':
    case 'BAD_REQUEST':
      return 400;
    case 'NOT_FOUND':
    case 'UNKNOWN_METHOD':
      return 404;
    case 'METHOD_NOT_ALLOWED':
      return 405;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'SWARM_LOCKED':
      return 423;
    case 'NOT_A_MANAGER':
    case 'NOT_IN_SWARM':
    case 'UNAVAILABLE':
    case 'NO_LEADER':
    case 'QUORUM_LOST':
      return 503;
  }
  if (
    code === 'AMBIGUOUS' ||
    code.startsWith('ALREADY_') ||
    code.endsWith('_CONFLICT') ||
    code.endsWith('_EXISTS')
  ) {
    return 409;
  }
  if (code.endsWith('_UNAVAILABLE')) return 503;
  return 500;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function sendError(res: ServerResponse, err: SwarmError): void {
  // After a refused body the connection is not reused: the rest of that body may still arrive.
  if (err.code === 'PAYLOAD_TOO_LARGE' || err instanceof ControlAccessError)
    res.setHeader('connection', 'close');
  send(res, err instanceof ControlAccessError ? err.status : statusForCode(err.code), {
    error: err.toJSON(),
  });
}

/**
 * Reads the body, up to MAX_BODY_BYTES. A larger body is refused with 413 once it is read (the
 * client then sees the error rather than a reset); one beyond 4x the limit has the connection cut.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > MAX_BODY_BYTES) {
      // Answered at once; node's server discards the rest of the body before closing.
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 4 * MAX_BODY_BYTES) req.destroy();
      else if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function tooLarge(): SwarmError {
  return new SwarmError(
    'PAYLOAD_TOO_LARGE',
    `the control request is larger than ${MAX_BODY_BYTES} bytes; secrets are limited to 500 KiB`,
    { limit: MAX_BODY_BYTES },
  );
}

async function handle(
  api: ControlApi,
  req: IncomingMessage,
  res: ServerResponse,
  logger: Logger,
  rule: TcpGuardRule | undefined,
): Promise<void> {
  const started = Date.now();
  const url = req.url ?? '/';
  const match = /^\/v1\/([A-Za-z]+)$/.exec(url);
  const method = match?.[1];
  let status = 200;
  // The access rule comes before anything else: a refused request learns nothing about the API.
  const refused = rule === undefined ? checkNotFromBrowser(req, true) : checkTcpRequest(req, rule);
  if (refused !== undefined) {
    logger.warn('control request refused', { code: refused.code, path: url.slice(0, 100) });
    req.resume();
    sendError(res, refused);
    return;
  }
  try {
    if (method === undefined || !METHODS.has(method)) {
      throw new SwarmError(
        'UNKNOWN_METHOD',
        `the control API has no method at ${JSON.stringify(url)}; the CLI and the daemon may be different versions`,
        { path: url },
      );
    }
    // Authority for these comes from the unix socket itself (mode 0600), never from a TCP caller.
    if (rule !== undefined && LOCAL_ONLY_METHODS.has(method as ControlMethod)) {
      throw new ControlAccessError(
        'CONTROL_LOCAL_SOCKET_REQUIRED',
        `${method} is served on the daemon's local unix socket only (a local act on the node): run the command on the node, with --host unix:///DATA_DIR/swarm.sock`,
        { method },
      );
    }
    if (req.method !== 'POST') {
      throw new SwarmError('METHOD_NOT_ALLOWED', `use POST for ${url}, not ${req.method}`, {
        method: req.method,
      });
    }
    const raw = await readBody(req);
    let body: unknown = {};
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new SwarmError('INVALID_ARGUMENT', `the body of ${url} is not valid JSON`, { path: url });
      }
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new SwarmError('INVALID_ARGUMENT', `the body of ${url} must be a JSON object`, { path: url });
    }
    const fn = api[method as ControlMethod] as (req: unknown) => Promise<unknown>;
    const result = await fn.call(api, body);
    send(res, 200, result ?? {});
  } catch (e) {
    // A SwarmError from another copy of @swarm/api is still a SwarmError: keep its code.
    const err =
      e instanceof SwarmError
        ? e
        : isSwarmError(e)
          ? new SwarmError((e as SwarmError).code, (e as Error).message, { ...(e as SwarmError).details })
          : new SwarmError('INTERNAL', e instanceof Error ? e.message : String(e));
    status = err instanceof ControlAccessError ? err.status : statusForCode(err.code);
    if (!res.headersSent) sendError(res, err);
    else res.destroy();
    if (status >= 500) logger.warn('control call failed', { method, code: err.code, message: err.message });
  }
  // Never log bodies: requests carry secrets and unlock keys.
  logger.debug('control call', { method: method ?? url, status, ms: Date.now() - started });
}

/** Whether something accepts connections on the unix socket at `path`. */
function socketAnswers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ path });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** Removes a stale socket file left by a daemon that died; refuses to touch anything else. */
async function clearStaleSocket(path: string): Promise<void> {
  let st: ReturnType<typeof lstatSync>;
  try {
    st = lstatSync(path);
  } catch {
    return; // nothing there
  }
  if (!st.isSocket()) {
    throw new SwarmError(
      'SOCKET_PATH_IN_USE',
      `${path} exists and is not a socket; move it away or choose another --host`,
      { path },
    );
  }
  if (await socketAnswers(path)) {
    throw new SwarmError(
      'DAEMON_ALREADY_RUNNING',
      `another process answers on ${path}; is a swarm daemon already running with this data directory?`,
      { path },
    );
  }
  unlinkSync(path);
}

/** Serves `api` on a unix socket (mode 0600) or on TCP with mutual TLS (see tcp-guard.ts). */
export async function serveControl(
  api: ControlApi,
  listen: ControlListen,
  logger: Logger = noopLogger,
): Promise<ControlServer> {
  let rule: TcpGuardRule | undefined;
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(api, req, res, logger, rule).catch((e: unknown) => {
      logger.error('control handler crashed', { message: e instanceof Error ? e.message : String(e) });
      res.destroy();
    });
  };
  const tcp = 'socketPath' in listen ? undefined : listen;
  const server: Server =
    tcp === undefined
      ? createServer(onRequest)
      : createHttpsServer(tcpGuardServerOptions(tcp.tls), onRequest);
  // Calls such as `service create` may legitimately take long; the client decides when to give up.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 5_000;

  let address: string;
  if ('socketPath' in listen) {
    const path = listen.socketPath;
    await clearStaleSocket(path);
    // Create the socket already private: chmod after listen would leave a window.
    let oldMask: number | undefined;
    try {
      oldMask = process.umask(0o177);
    } catch {
      oldMask = undefined; // umask cannot be changed in worker threads; chmod below still applies
    }
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(path, () => {
          server.off('error', reject);
          resolve();
        });
        if (oldMask !== undefined) {
          process.umask(oldMask);
          oldMask = undefined;
        }
      });
    } finally {
      if (oldMask !== undefined) process.umask(oldMask);
    }
    chmodSync(path, 0o600);
    address = `unix://${path}`;
  } else {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(listen.port, listen.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const a = server.address();
    const port = typeof a === 'object' && a !== null ? a.port : listen.port;
    rule = { host: listen.host, port, jsonWithoutBody: true };
    const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
    address = `tcp://${host}:${port}`;
  }
  logger.info('control API listening', { address });

  return {
    address,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
