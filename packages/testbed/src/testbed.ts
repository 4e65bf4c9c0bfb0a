/**
 * One bench per test file (or demo, or benchmark): everything it makes lives under one run
 * directory and is removed by `cleanup()`, which runs the registered steps last-first and keeps
 * going past failures. If the process dies first, an exit handler removes what it can
 * synchronously, and the next `Testbed.create` with the same base sweeps anything left by a run
 * whose process is gone.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dialer } from './dialer.js';
import { Engine, type EngineOptions } from './engine.js';
import { InvalidArgumentError } from './errors.js';
import { buildImage, importBusybox, pullImage, pushImage, type RegistryAuth, tagImage } from './images.js';
import { type Lan, Namespace, PinnedNamespace, wireLan } from './namespace.js';
import { alive, assertRoot, kill, poll, run, which } from './process.js';
import { Registry, type RegistryOptions } from './registry.js';
import { recordNamespace, removeRun, startTimeOf, sweepStale } from './sweep.js';

export interface TestbedOptions {
  /** Names of namespaces start with it (e.g. `sw17`); also names the base directory. Default `tb`. */
  prefix?: string;
  /** Where run directories live. Default `<tmpdir>/<prefix>-testbed`. */
  base?: string;
}

type Step = { what: string; fn: () => unknown };

export class Testbed {
  readonly prefix: string;
  readonly base: string;
  /** The run directory: every file, socket and daemon state of this bench. */
  readonly dir: string;
  readonly #steps: Step[] = [];
  readonly #onExit: () => void;
  #closed = false;

  private constructor(prefix: string, base: string, dir: string) {
    this.prefix = prefix;
    this.base = base;
    this.dir = dir;
    this.#onExit = () => removeRun(this.dir);
    process.once('exit', this.#onExit);
  }

  /** Sweeps stale runs under the base, then makes this run's directory. */
  static async create(options: TestbedOptions = {}): Promise<Testbed> {
    const prefix = options.prefix ?? 'tb';
    if (!/^[a-z][a-z0-9]{0,7}$/.test(prefix))
      throw new InvalidArgumentError(
        `prefix must be 1-8 lowercase letters or digits, got ${JSON.stringify(prefix)}`,
      );
    const base = options.base ?? join(tmpdir(), `${prefix}-testbed`);
    mkdirSync(base, { recursive: true, mode: 0o700 });
    sweepStale(base);
    const dir = join(base, `${process.pid}-${startTimeOf(process.pid)}-${randomBytes(3).toString('hex')}`);
    mkdirSync(dir, { mode: 0o700 });
    return new Testbed(prefix, base, dir);
  }

  /** Registers a cleanup step (steps run last-first). */
  defer(what: string, fn: () => unknown): void {
    this.#steps.push({ what, fn });
  }

  /** A new network namespace `<prefix>-<name>-<random>` with loopback up. */
  async namespace(name: string): Promise<Namespace> {
    assertRoot('a network namespace');
    const full = `${this.prefix}-${name}-${randomBytes(2).toString('hex')}`;
    recordNamespace(this.dir, full);
    await run([which('ip'), 'netns', 'add', full]);
    const ns = new Namespace(full);
    this.defer(`namespace ${full}`, () => removeNamespace(full));
    await ns.ip('link', 'set', 'lo', 'up');
    return ns;
  }

  /** A LAN: `hosts` namespaces joined by veth pairs to a bridge namespace, addresses `<subnet>.1..n`. */
  async lan(name: string, hosts: number, subnet: string, o: { pinned?: boolean } = {}): Promise<Lan> {
    if (!/^\d+\.\d+\.\d+$/.test(subnet))
      throw new InvalidArgumentError(`subnet must be A.B.C, got ${subnet}`);
    const make = (n: string) => (o.pinned ? this.pinnedNamespace(n) : this.namespace(n));
    const bridge = await make(`${name}br`);
    const members: Namespace[] = [];
    for (let i = 1; i <= hosts; i++) members.push(await make(`${name}h${i}`));
    return wireLan(bridge, members, subnet);
  }

  /**
   * A new network namespace held by a process of this run (see PinnedNamespace), loopback up;
   * cleanup (or the sweep of a crashed run, which finds the holder by the run directory in its
   * command line) kills the holder and with it the namespace.
   */
  async pinnedNamespace(name: string): Promise<PinnedNamespace> {
    assertRoot('a network namespace');
    const { spawn } = await import('node:child_process');
    const holder = spawn(
      which('unshare'),
      ['--net', '--', 'sh', '-c', 'exec sleep 2147483647', `${this.dir}/netns-${name}`],
      { stdio: 'ignore' },
    );
    holder.on('error', () => {});
    const pid = holder.pid ?? 0;
    this.defer(`pinned namespace ${name}`, () => {
      if (pid > 0 && alive(pid)) kill(pid, 'SIGKILL');
    });
    // unshare execs sh, which execs sleep: the namespace is ready once the holder runs sleep.
    const own = await run([which('readlink'), '/proc/self/ns/net']);
    await poll(
      `namespace holder ${name}`,
      async () => {
        const r = await run([which('readlink'), `/proc/${pid}/ns/net`], { check: false });
        return r.code === 0 && r.stdout.trim() !== own.stdout.trim();
      },
      10_000,
    );
    const ns = new PinnedNamespace(`${this.prefix}-${name}-${pid}`, pid);
    await ns.ip('link', 'set', 'lo', 'up');
    return ns;
  }

  /** A private dockerd (see Engine); stopped by cleanup. */
  async engine(options: EngineOptions): Promise<Engine> {
    assertRoot('dockerd');
    const engine = await Engine.start(this.dir, options);
    this.defer(`engine ${options.name}`, () => engine.stop());
    return engine;
  }

  /** A registry on a loopback address (see Registry); stopped by cleanup. */
  async registry(options: RegistryOptions): Promise<Registry> {
    const registry = await Registry.start(this.dir, options);
    this.defer(`registry ${options.name}`, () => registry.stop());
    return registry;
  }

  /** Reaches TCP services inside `ns` (or directly without one); closed by cleanup. */
  async dialer(ns?: Namespace): Promise<Dialer> {
    if (ns === undefined) return Dialer.direct();
    const dialer = await Dialer.start(ns, join(this.dir, `dial-${ns.name}.sock`));
    this.defer(`dialer ${ns.name}`, () => dialer.close());
    return dialer;
  }

  /** Imports the busybox image `ref` into `engine`. */
  busyboxImage(engine: Engine, ref: string, changes: readonly string[] = []): Promise<void> {
    return importBusybox(engine.socket, ref, this.dir, changes);
  }

  /** Builds `ref` in `engine` from Dockerfile lines (FROM an image the engine has). */
  buildImage(
    engine: Engine,
    ref: string,
    dockerfile: readonly string[],
    files?: Record<string, string>,
  ): Promise<void> {
    return buildImage(engine.socket, ref, dockerfile, this.dir, files);
  }

  tagImage(engine: Engine, source: string, target: string): Promise<void> {
    return tagImage(engine.socket, source, target);
  }

  pushImage(engine: Engine, ref: string, auth?: RegistryAuth): Promise<void> {
    return pushImage(engine.socket, ref, auth);
  }

  pullImage(engine: Engine, ref: string, auth?: RegistryAuth): Promise<void> {
    return pullImage(engine.socket, ref, auth);
  }

  /** Runs every cleanup step (last-first), then removes the run directory. Throws the first failure after all ran. */
  async cleanup(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const failures: unknown[] = [];
    while (this.#steps.length > 0) {
      const step = this.#steps.pop()!;
      try {
        await step.fn();
      } catch (err) {
        failures.push(new Error(`cleanup of ${step.what} failed: ${(err as Error).message}`));
      }
    }
    removeRun(this.dir);
    process.removeListener('exit', this.#onExit);
    if (failures.length > 0) throw failures[0];
  }
}

async function removeNamespace(name: string): Promise<void> {
  const pids = (await run([which('ip'), 'netns', 'pids', name], { check: false })).stdout
    .split('\n')
    .filter((l) => /^\d+$/.test(l))
    .map(Number);
  for (const p of pids) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // gone
    }
  }
  await run([which('ip'), 'netns', 'del', name], { check: false });
}
