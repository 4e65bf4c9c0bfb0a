/**
 * Reaching TCP services inside a network namespace from the test process, which stays in the
 * host's: a small Node process runs inside the namespace and listens on a unix socket (a path in
 * the file system, so reachable from any namespace). Each connection sends `HOST PORT\n`; the
 * dialer answers `ok\n` and relays bytes, or `err CODE\n` and closes. Without a namespace the
 * same interface connects directly.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { StartFailedError } from './errors.js';
import type { Namespace } from './namespace.js';
import { poll } from './process.js';

const DIALER_SCRIPT = `
const net = require('node:net');
const fs = require('node:fs');
const path = process.argv[1];
try { fs.unlinkSync(path); } catch {}
const server = net.createServer((client) => {
  let head = Buffer.alloc(0);
  const onData = (d) => {
    head = Buffer.concat([head, d]);
    const nl = head.indexOf(10);
    if (nl < 0) { if (head.length > 512) client.destroy(); return; }
    client.off('data', onData);
    client.pause();
    const [host, port] = head.subarray(0, nl).toString().trim().split(' ');
    const rest = head.subarray(nl + 1);
    const up = net.connect({ host, port: Number(port) });
    up.setTimeout(5000, () => up.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    up.once('connect', () => {
      up.setTimeout(0);
      client.write('ok\\n');
      if (rest.length > 0) up.write(rest);
      client.pipe(up);
      up.pipe(client);
      client.resume();
    });
    up.on('error', (e) => {
      if (client.writable && !up.remoteAddress) client.end('err ' + (e.code || 'ERROR') + '\\n');
      else client.destroy();
    });
    client.on('error', () => up.destroy());
    client.on('close', () => up.destroy());
  };
  client.on('data', onData);
  client.on('error', () => {});
});
server.listen(path, () => { fs.chmodSync(path, 0o600); process.stdout.write('ready\\n'); });
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
`;

export interface HttpResult {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export class DialError extends Error {
  readonly code: string;
  constructor(code: string, target: string) {
    super(`connect to ${target} failed: ${code}`);
    this.code = code;
  }
}

/** Connects to TCP services where the dialer lives (a namespace, or the test's own). */
export class Dialer {
  readonly #socket: string | undefined;
  readonly #child: ChildProcess | undefined;

  private constructor(socket: string | undefined, child: ChildProcess | undefined) {
    this.#socket = socket;
    this.#child = child;
  }

  /** A dialer in the test's own namespace. */
  static direct(): Dialer {
    return new Dialer(undefined, undefined);
  }

  /** Starts a dialer inside `ns`, listening on the unix socket `socketPath`. */
  static async start(ns: Namespace, socketPath: string): Promise<Dialer> {
    const child = spawn(...splitArgv(ns.wrap([process.execPath, '-e', DIALER_SCRIPT, socketPath])), {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', () => {});
    try {
      await poll('the dialer', () => out.includes('ready') && existsSync(socketPath), 20_000, 20);
    } catch (err) {
      child.kill('SIGKILL');
      throw new StartFailedError(`the dialer in ${ns.name}`, (err as Error).message, out);
    }
    return new Dialer(socketPath, child);
  }

  /** A connected socket to `host:port` (DialError with the errno code when it cannot connect). */
  connect(host: string, port: number): Promise<net.Socket> {
    const target = `${host}:${port}`;
    if (this.#socket === undefined) {
      return new Promise((resolve, reject) => {
        const s = net.connect({ host, port });
        s.once('connect', () => {
          s.removeAllListeners('error');
          resolve(s);
        });
        s.once('error', (e: NodeJS.ErrnoException) => reject(new DialError(e.code ?? 'ERROR', target)));
      });
    }
    return new Promise((resolve, reject) => {
      const s = net.connect(this.#socket as string);
      let head = Buffer.alloc(0);
      const fail = (code: string) => {
        s.destroy();
        reject(new DialError(code, target));
      };
      s.once('error', (e: NodeJS.ErrnoException) => fail(e.code ?? 'ERROR'));
      s.once('close', () => fail('ECONNRESET'));
      s.once('connect', () => s.write(`${host} ${port}\n`));
      const onData = (d: Buffer) => {
        head = Buffer.concat([head, d]);
        const nl = head.indexOf(10);
        if (nl < 0) return;
        s.off('data', onData);
        const line = head.subarray(0, nl).toString();
        if (!line.startsWith('ok')) {
          fail(line.slice(4) || 'ERROR');
          return;
        }
        s.removeAllListeners('error');
        s.removeAllListeners('close');
        s.pause();
        const rest = head.subarray(nl + 1);
        if (rest.length > 0) s.unshift(rest);
        resolve(s);
      };
      s.on('data', onData);
    });
  }

  /** A plain HTTP/1.0 GET (the server closes after answering). */
  async get(host: string, port: number, path = '/', timeoutMs = 5_000): Promise<HttpResult> {
    const s = await this.connect(host, port);
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      const timer = setTimeout(() => {
        s.destroy();
        reject(new Error(`GET http://${host}:${port}${path}: no complete answer in ${timeoutMs} ms`));
      }, timeoutMs);
      s.on('data', (d: Buffer) => chunks.push(d));
      s.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      s.on('close', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        const split = text.indexOf('\r\n\r\n');
        const head = split < 0 ? text : text.slice(0, split);
        const m = /^HTTP\/\d\.\d (\d{3})/.exec(head);
        if (m === null) {
          reject(
            new Error(
              `GET http://${host}:${port}${path}: not an HTTP answer: ${JSON.stringify(text.slice(0, 200))}`,
            ),
          );
          return;
        }
        const headers: Record<string, string> = {};
        for (const line of head.split('\r\n').slice(1)) {
          const c = line.indexOf(':');
          if (c > 0) headers[line.slice(0, c).trim().toLowerCase()] = line.slice(c + 1).trim();
        }
        resolve({ status: Number(m[1]), headers, body: split < 0 ? '' : text.slice(split + 4) });
      });
      s.resume();
      s.write(`GET ${path} HTTP/1.0\r\nHost: ${host}:${port}\r\nConnection: close\r\n\r\n`);
    });
  }

  close(): void {
    this.#child?.stdin?.end();
    this.#child?.kill('SIGTERM');
  }
}

function splitArgv(argv: string[]): [string, string[]] {
  return [argv[0]!, argv.slice(1)];
}
