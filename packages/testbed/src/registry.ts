/**
 * Debian's `docker-registry` (distribution 2.8) on a loopback address, storing under a private
 * directory; optionally with htpasswd (bcrypt) authentication. Engines treat registries on
 * 127.0.0.0/8 as insecure (plain HTTP) by default, so no engine configuration is needed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { InvalidArgumentError, StartFailedError } from './errors.js';
import type { Namespace } from './namespace.js';
import { alive, poll, terminate, which } from './process.js';

export interface RegistryOptions {
  name: string;
  /** `HOST:PORT` to listen on, e.g. 127.0.2.1:5000. */
  addr: string;
  netns?: Namespace;
  /** Require these credentials (HTTP basic auth, htpasswd with bcrypt). */
  auth?: { username: string; password: string };
}

export class Registry {
  readonly addr: string;
  readonly dir: string;
  #child: ChildProcess | undefined;
  #stopped = false;

  private constructor(addr: string, dir: string) {
    this.addr = addr;
    this.dir = dir;
  }

  get logFile(): string {
    return join(this.dir, 'registry.log');
  }

  static async start(runDir: string, o: RegistryOptions): Promise<Registry> {
    if (!/^127\.\d+\.\d+\.\d+:\d+$/.test(o.addr) && o.netns === undefined)
      throw new InvalidArgumentError(
        `a registry in the host's namespace listens on loopback only (127.x.y.z:PORT), got ${o.addr}`,
      );
    const dir = join(runDir, `registry-${o.name}`);
    mkdirSync(join(dir, 'data'), { recursive: true, mode: 0o700 });
    const registry = new Registry(o.addr, dir);
    let auth = '';
    if (o.auth !== undefined) {
      const hash = bcrypt.hashSync(o.auth.password, 6);
      writeFileSync(join(dir, 'htpasswd'), `${o.auth.username}:${hash}\n`, { mode: 0o600 });
      auth = `auth:\n  htpasswd:\n    realm: testbed\n    path: ${join(dir, 'htpasswd')}\n`;
    }
    const config = join(dir, 'config.yml');
    writeFileSync(
      config,
      `version: 0.1\nlog:\n  level: info\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\n  delete:\n    enabled: true\nhttp:\n  addr: ${o.addr}\n${auth}`,
    );
    const args = [which('docker-registry'), 'serve', config];
    const argv = o.netns === undefined ? args : o.netns.wrap(args);
    const log = openSync(registry.logFile, 'a');
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', log, log] });
    closeSync(log);
    child.on('error', () => {});
    registry.#child = child;
    try {
      await poll(
        `registry ${o.name}`,
        () => {
          if (child.exitCode !== null) throw new Error(`it exited (${child.exitCode})`);
          return /listening on/.test(readFileSync(registry.logFile, 'utf8'));
        },
        20_000,
      );
    } catch (err) {
      const tail = readFileSync(registry.logFile, 'utf8');
      await registry.stop();
      throw new StartFailedError(`registry ${o.name}`, (err as Error).message, tail);
    }
    return registry;
  }

  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    const pid = this.#child?.pid;
    if (pid !== undefined && alive(pid)) await terminate(pid, 5_000);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
