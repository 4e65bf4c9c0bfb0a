/**
 * A private Docker Engine: `dockerd` with its own data root, exec root, pid file, config file,
 * socket and containerd namespace under one directory, never the system's. In the host's network
 * namespace it runs with `--bridge=none --iptables=false` (no bridge, no rules); inside a namespace
 * the bench made it runs with its default bridge and iptables, which then exist only there.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import { StartFailedError } from './errors.js';
import type { Namespace } from './namespace.js';
import { alive, kill, pidsMatching, poll, terminate, unmountUnder, waitGone, which } from './process.js';

export interface EngineOptions {
  /** A short name (directory and containerd namespace). */
  name: string;
  /** Run inside this namespace, with a bridge and iptables there. Default: the host's, with neither. */
  netns?: Namespace;
  /** Extra dockerd arguments. */
  args?: readonly string[];
  /** How long to wait for the API to answer, ms. Default 60,000. */
  startTimeoutMs?: number;
  /**
   * Run in a UTS namespace of its own with this host name (what `docker info` reports as `Name`),
   * so that several engines of one machine have different names. Default: the machine's.
   */
  hostname?: string;
}

export class Engine {
  readonly name: string;
  readonly dir: string;
  readonly socket: string;
  readonly netns: Namespace | undefined;
  readonly docker: Docker;
  #child: ChildProcess | undefined;
  #pid = 0;
  #stopped = false;

  private constructor(name: string, dir: string, netns: Namespace | undefined) {
    this.name = name;
    this.dir = dir;
    this.netns = netns;
    this.socket = join(dir, 'docker.sock');
    this.docker = new Docker({ socketPath: this.socket });
  }

  /** `unix:///…/docker.sock`: what DOCKER_HOST and `--docker-host` take. */
  get host(): string {
    return `unix://${this.socket}`;
  }

  get pid(): number {
    return this.#pid;
  }

  get logFile(): string {
    return join(this.dir, 'dockerd.log');
  }

  /** The last part of dockerd's log (for failure messages). */
  logTail(bytes = 4000): string {
    try {
      const text = readFileSync(this.logFile, 'utf8');
      return text.slice(-bytes);
    } catch {
      return '';
    }
  }

  static async start(runDir: string, o: EngineOptions): Promise<Engine> {
    if (!/^[a-z0-9][a-z0-9-]{0,15}$/.test(o.name))
      throw new RangeError(`engine name must be 1-16 lowercase letters, digits or '-', got ${o.name}`);
    const dir = join(runDir, `engine-${o.name}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const engine = new Engine(o.name, dir, o.netns);
    writeFileSync(join(dir, 'daemon.json'), '{}\n');
    const args = [
      which('dockerd'),
      `--data-root=${join(dir, 'root')}`,
      `--exec-root=${join(dir, 'exec')}`,
      `--pidfile=${join(dir, 'docker.pid')}`,
      `--config-file=${join(dir, 'daemon.json')}`,
      `--host=unix://${engine.socket}`,
      `--containerd-namespace=tb-${o.name}`,
      `--containerd-plugins-namespace=tb-${o.name}-p`,
      '--storage-driver=overlay2',
      '--log-level=warn',
      ...(o.netns === undefined
        ? ['--bridge=none', '--iptables=false', '--ip-masq=false', '--ip-forward=false']
        : []),
      ...(o.args ?? []),
    ];
    if (o.hostname !== undefined && !/^[a-z0-9][a-z0-9.-]{0,62}$/.test(o.hostname))
      throw new RangeError(
        `engine hostname must be a DNS label of lowercase letters, digits, '.' or '-', got ${o.hostname}`,
      );
    // unshare and sh both exec, so the child's PID stays dockerd's.
    const named =
      o.hostname === undefined
        ? args
        : [which('unshare'), '--uts', '--', 'sh', '-c', 'hostname "$0" && exec "$@"', o.hostname, ...args];
    const argv = o.netns === undefined ? named : o.netns.wrap(named);
    const log = openSync(engine.logFile, 'a');
    const env = { PATH: process.env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' };
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', log, log], env });
    closeSync(log);
    child.on('error', () => {});
    engine.#child = child;
    engine.#pid = child.pid ?? 0;
    try {
      await poll(
        `dockerd ${o.name}`,
        async () => {
          if (child.exitCode !== null || child.signalCode !== null)
            throw new StartFailedError(
              `dockerd ${o.name}`,
              `it exited (${child.exitCode ?? child.signalCode})`,
              engine.logTail(),
            );
          return (await engine.docker.ping()).toString() === 'OK';
        },
        o.startTimeoutMs ?? 60_000,
      );
    } catch (err) {
      await engine.stop().catch(() => {});
      if (err instanceof StartFailedError) throw err;
      throw new StartFailedError(`dockerd ${o.name}`, (err as Error).message, engine.logTail());
    }
    return engine;
  }

  /** Removes every container of this engine (forcefully). */
  async removeAllContainers(): Promise<void> {
    const all = await this.docker.listContainers({ all: true });
    await Promise.all(
      all.map((c) =>
        this.docker
          .getContainer(c.Id)
          .remove({ force: true, v: true })
          .catch(() => {}),
      ),
    );
  }

  /**
   * Stops the engine: removes its containers, SIGTERM (SIGKILL after 20 s), kills any leftover
   * containerd or shim of this engine, unmounts what it left mounted and deletes its directory.
   */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    if (this.#pid > 0 && alive(this.#pid)) {
      await this.removeAllContainers().catch(() => {});
      await terminate(this.#pid, 20_000);
    }
    for (const p of pidsMatching(this.dir)) kill(p, 'SIGKILL');
    for (const p of pidsMatching(this.dir)) await waitGone(p, 5_000);
    unmountUnder(this.dir);
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Kills the daemon without letting it stop its containers (they keep running). */
  crash(): void {
    if (this.#pid > 0) kill(this.#pid, 'SIGKILL');
  }

  get running(): boolean {
    return this.#pid > 0 && alive(this.#pid) && this.#child !== undefined;
  }
}
