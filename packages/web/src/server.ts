/**
 * The web listener (`swarm daemon --web ADDR`): the live cluster visualizer, its JSON API, a
 * server-sent event stream, and Prometheus metrics, on plain node:http. Loopback by default.
 *
 * Routes (every one needs the token, see ./auth.ts; without it: 401):
 * - `GET /`            the page (./page.html, vanilla JS, no build step)
 * - `GET /api/state`   the cluster as JSON (./state.ts); 503 NOT_A_MANAGER off a manager
 * - `GET /api/events`  server-sent events: `state` with a full snapshot at once and after every store
 *                      change (coalesced), a `: ping` comment every 15 s; 503 off a manager
 * - `GET /metrics`     Prometheus text (./metrics.ts)
 *
 * The daemon's manager comes and goes (init, join, promote, demote, leave), so the listener asks
 * the daemon for it on every request and re-subscribes the event stream when it changes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, type Logger, systemClock, type Timer } from '@swarm/api';
import { assertToken, authorize, generateToken, tokenCookie, tokenFromFile } from './auth.js';
import { WebError } from './errors.js';
import { SwarmMetrics } from './metrics.js';
import type { WebDaemon, WebManager } from './source.js';
import { buildState, type WebState } from './state.js';

/** Options of `startWebServer`. */
export interface WebServerOptions {
  daemon: WebDaemon;
  /** `HOST:PORT`, `[IPv6]:PORT`, or `PORT` alone (loopback, 127.0.0.1). Port 0 picks a free one. */
  listen: string;
  /** The access token; default: read from `tokenFile`, else generated. */
  token?: string;
  /** Where the token is kept: read when the file exists (it must be mode 0600), else generated and written there. */
  tokenFile?: string;
  logger: Logger;
  /** Coalescing window for event-stream updates (ms, default 100). */
  coalesceMs?: number;
  /** Heartbeat comment period on event streams (ms, default 15,000). */
  pingMs?: number;
  /** How often the listener looks for a new manager, leader or dispatcher (ms, default 500). */
  pollMs?: number;
  /** The timers of the event streams and of polling. Default `systemClock`. */
  clock?: Clock;
}

/** A running web listener. */
export interface WebServer {
  /** `http://HOST:PORT/` (without the token). */
  readonly url: string;
  readonly token: string;
  /** Where the token came from: 'generated', 'option', or the token file's path. */
  readonly tokenSource: string;
  /** The line the daemon prints on stderr at start. It holds the token only when the token was generated. */
  readonly banner: string;
  readonly metrics: SwarmMetrics;
  /** Stops listening and ends every open event stream. */
  close(): Promise<void>;
}

/** What the page and the API say on a node that is not a manager. */
export const NOT_A_MANAGER_PAGE_MESSAGE =
  'This node is not a swarm manager: the visualizer is served by managers only. Open it on a manager.';

const PAGE_PATH = new URL('../src/page.html', import.meta.url);

/** The page, read once. The path is the same from `src/` and from `dist/` (the package ships `src`). */
function loadPage(): string {
  try {
    return readFileSync(PAGE_PATH, 'utf8');
  } catch (e) {
    throw new WebError(
      'WEB_PAGE_MISSING',
      `the visualizer page ${PAGE_PATH.pathname} is missing (${(e as Error).message}): reinstall @swarm/web`,
    );
  }
}

/** Parses `HOST:PORT`, `[V6]:PORT` or `PORT`. */
export function parseListen(listen: string): { host: string; port: number } {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]*)):(\d{1,5})$/.exec(listen) ?? /^()()(\d{1,5})$/.exec(listen);
  const port = Number(m?.[3]);
  if (!m || !(port >= 0 && port <= 65535))
    throw new WebError(
      'INVALID_ARGUMENT',
      `--web must be HOST:PORT (e.g. 127.0.0.1:8080), got ${JSON.stringify(listen)}`,
    );
  const host = m[1] || m[2] || '127.0.0.1';
  return { host, port };
}

function isLoopback(host: string): boolean {
  return /^127\./.test(host) || host === '::1' || host === 'localhost';
}

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};
/**
 * The page's Content-Security-Policy: only its own inline script and style (pinned by hash) run,
 * and it reaches only its own origin.
 */
export function pageCsp(page: string): string {
  const hashes = (tag: string) =>
    [...page.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))]
      .map((m) => `'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`)
      .join(' ');
  return `default-src 'none'; script-src ${hashes('script')}; style-src ${hashes('style')}; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    ...extra,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}) {
  send(res, status, `${JSON.stringify(value)}\n`, 'application/json; charset=utf-8', extra);
}

function notAManager(res: ServerResponse, extra: Record<string, string>): void {
  sendJson(res, 503, { error: { code: 'NOT_A_MANAGER', message: NOT_A_MANAGER_PAGE_MESSAGE } }, extra);
}

function snapshot(m: WebManager): WebState {
  return m.store.view((tx) => buildState(tx, { self: m.nodeId, leaderId: m.leaderNodeId() }));
}

/** Sends the state to event-stream clients: once per store change burst, and only when it differs from what each has. */
class Broadcaster {
  /** Each open stream and the last snapshot it was sent. */
  readonly clients = new Map<ServerResponse, string>();
  #manager: WebManager | undefined;
  #unwatch: (() => void) | undefined;
  #timer: Timer | undefined;
  #leader = '';
  #seq = 0;
  readonly #daemon: WebDaemon;
  readonly #coalesceMs: number;
  readonly #log: Logger;
  readonly #clock: Clock;

  constructor(daemon: WebDaemon, coalesceMs: number, log: Logger, clock: Clock) {
    this.#clock = clock;
    this.#daemon = daemon;
    this.#coalesceMs = coalesceMs;
    this.#log = log;
  }

  /** Follows the daemon's current manager; drops the streams when it has none. */
  poll(): void {
    const m = this.#daemon.manager;
    if (m !== this.#manager) {
      this.#unwatch?.();
      this.#unwatch = undefined;
      this.#manager = m;
      if (m !== undefined && this.clients.size > 0) {
        this.#watch(m);
        this.schedule();
      }
    }
    if (m === undefined) {
      for (const c of [...this.clients.keys()]) this.#end(c, 'unavailable', NOT_A_MANAGER_PAGE_MESSAGE);
      return;
    }
    // Raft's leader is not in the store: a periodic look catches a leader change.
    const leader = m.leaderNodeId() ?? '';
    if (leader !== this.#leader) {
      this.#leader = leader;
      this.schedule();
    }
  }

  #watch(m: WebManager): void {
    this.#unwatch = m.store.watch({ kinds: ['node', 'service', 'task'] }, () => this.schedule());
  }

  add(res: ServerResponse, m: WebManager): void {
    this.clients.set(res, '');
    if (this.#manager !== m) this.poll();
    if (this.#unwatch === undefined) this.#watch(m);
    res.on('close', () => {
      this.clients.delete(res);
      if (this.clients.size === 0) {
        this.#unwatch?.();
        this.#unwatch = undefined;
      }
    });
    const json = JSON.stringify(snapshot(m));
    this.clients.set(res, json);
    this.#write(res, 'state', json);
  }

  schedule(): void {
    if (this.#timer !== undefined || this.clients.size === 0) return;
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      this.#flush();
    }, this.#coalesceMs);
  }

  #flush(): void {
    const m = this.#manager;
    if (m === undefined || this.clients.size === 0) return;
    let json: string;
    try {
      json = JSON.stringify(snapshot(m));
    } catch (e) {
      // A manager that is stopping may refuse reads; the next poll moves on.
      this.#log.debug('web: could not read the state', { error: String((e as Error).message) });
      return;
    }
    for (const [c, last] of this.clients) {
      if (last === json) continue;
      this.clients.set(c, json);
      this.#write(c, 'state', json);
    }
  }

  #write(res: ServerResponse, event: string, data: string): void {
    res.write(`id: ${++this.#seq}\nevent: ${event}\ndata: ${data}\n\n`);
  }

  #end(res: ServerResponse, event: string, message: string): void {
    this.#write(res, event, JSON.stringify({ message }));
    res.end();
    this.clients.delete(res);
  }

  ping(): void {
    for (const c of this.clients.keys()) c.write(': ping\n\n');
  }

  close(): void {
    this.#timer?.cancel();
    this.#timer = undefined;
    this.#unwatch?.();
    this.#unwatch = undefined;
    for (const c of this.clients.keys()) c.end();
    this.clients.clear();
  }
}

/** Starts the web listener. Rejects when the address is taken or the token cannot be had. */
export async function startWebServer(o: WebServerOptions): Promise<WebServer> {
  const { host, port } = parseListen(o.listen);
  let token: string;
  let tokenSource: string;
  if (o.token !== undefined) {
    token = assertToken(o.token, 'the token option');
    tokenSource = 'option';
  } else if (o.tokenFile !== undefined) {
    const r = tokenFromFile(o.tokenFile);
    token = r.token;
    tokenSource = o.tokenFile;
  } else {
    token = generateToken();
    tokenSource = 'generated';
  }
  const page = loadPage();
  const csp = pageCsp(page);
  const log = o.logger;
  const metrics = new SwarmMetrics(o.daemon, o.clock === undefined ? {} : { clock: o.clock });
  const events = new Broadcaster(o.daemon, o.coalesceMs ?? 100, log, o.clock ?? systemClock);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://web.invalid');
    const auth = authorize(req.headers, url, token);
    if (!auth.ok) {
      send(
        res,
        401,
        'Unauthorized: open the address the daemon printed at start (http://HOST:PORT/?token=...), or send "Authorization: Bearer TOKEN".\n',
        'text/plain; charset=utf-8',
        { 'www-authenticate': 'Bearer realm="swarm"' },
      );
      return;
    }
    const cookie: Record<string, string> = auth.viaQuery ? { 'set-cookie': tokenCookie(token) } : {};
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method Not Allowed\n', 'text/plain; charset=utf-8', { allow: 'GET, HEAD', ...cookie });
      return;
    }
    switch (url.pathname) {
      case '/': {
        if (auth.viaQuery) {
          // The cookie now carries the token: drop it from the address bar and the history.
          send(res, 303, '', 'text/plain; charset=utf-8', { location: '/', ...cookie });
          return;
        }
        send(res, 200, page, 'text/html; charset=utf-8', { 'content-security-policy': csp });
        return;
      }
      case '/api/state': {
        const m = o.daemon.manager;
        if (m === undefined) return notAManager(res, cookie);
        sendJson(res, 200, snapshot(m), cookie);
        return;
      }
      case '/api/events': {
        const m = o.daemon.manager;
        if (m === undefined) return notAManager(res, cookie);
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          ...cookie,
          'content-type': 'text/event-stream; charset=utf-8',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        if (req.method === 'HEAD') {
          res.end();
          return;
        }
        res.write('retry: 2000\n\n');
        events.add(res, m);
        return;
      }
      case '/metrics': {
        send(res, 200, await metrics.text(), metrics.contentType, cookie);
        return;
      }
      default:
        send(res, 404, 'Not Found\n', 'text/plain; charset=utf-8', cookie);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log.error('web request failed', { path: req.url?.split('?')[0], error: String((e as Error).message) });
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'INTERNAL', message: 'internal error' } });
      else res.end();
    });
  });
  server.requestTimeout = 0; // event streams stay open
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE' || e.code === 'EADDRNOTAVAIL'
          ? new WebError('WEB_LISTEN_FAILED', `--web ${o.listen}: ${e.message}; choose another address`, {
              listen: o.listen,
            })
          : e,
      ),
    );
    server.listen(port, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const shown = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const url = `http://${shown}:${addr.port}/`;
  if (!isLoopback(host))
    log.warn(
      'the web UI listens beyond loopback: anyone who can reach it and has the token sees the cluster',
      {
        url,
      },
    );

  const clock = o.clock ?? systemClock;
  const every = (ms: number, fn: () => void): Timer => {
    let t: Timer;
    const arm = (): void => {
      t = clock.setTimeout(() => {
        fn();
        arm();
      }, ms);
    };
    arm();
    return { cancel: () => t.cancel() };
  };
  const poll = every(o.pollMs ?? 500, () => {
    metrics.track();
    events.poll();
  });
  const ping = every(o.pingMs ?? 15_000, () => events.ping());
  log.info('web UI listening', {
    url,
    token: tokenSource === 'generated' ? 'printed on stderr' : tokenSource,
  });

  const banner =
    tokenSource === 'generated'
      ? `web UI: ${url}?token=${token}`
      : `web UI: ${url} (token ${tokenSource === 'option' ? 'as configured' : `in ${tokenSource}`})`;
  return {
    url,
    token,
    tokenSource,
    banner,
    metrics,
    close: async () => {
      poll.cancel();
      ping.cancel();
      events.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
