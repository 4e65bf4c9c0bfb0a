/**
 * A local multi-process cluster on loopback, for tests, the demo and the benchmark: each node is
 * a `swarm daemon` child process with its own data directory and its own 127.0.0.x address, and
 * every command goes through the real CLI (`bin/swarm.js`), exactly as a person would type it.
 * It needs the package built (`pnpm build`): the children run `dist/`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodePaths } from '@swarm/node/control';

/** The CLI entry point of this package. */
export const SWARM_BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'swarm.js');

/** What a `swarm` CLI run printed and how it exited. */
export interface SwarmResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of a LocalNode: its name, address and extra daemon arguments. */
export interface LocalNodeOptions {
  /** The name `node ls` shows (the daemon's --hostname). */
  name: string;
  /** The node's loopback address, e.g. 127.0.0.2. */
  address: string;
  /** Extra `swarm daemon` arguments. Without `--executor` the node runs `--executor sandbox`, so a
   * test never picks up a Docker Engine that happens to run on the machine. */
  daemonArgs?: string[];
  /**
   * A TCP control host (`tcp://HOST:PORT`) the daemon serves besides its socket; every CLI call of
   * this node then goes there (with the client certificate under the data directory).
   */
  controlHost?: string;
  /** Run the daemon inside this network namespace (a path such as /run/netns/NAME, entered with
   * `nsenter --net`); the CLI still reaches it through its socket. */
  netns?: string;
}

/** A `swarm daemon` process for tests, with its own data directory and log. */
export class LocalNode {
  readonly name: string;
  readonly address: string;
  readonly dataDir: string;
  readonly logFile: string;
  #child: ChildProcess | undefined;
  #log = '';
  readonly #daemonArgs: string[];
  readonly controlHost: string | undefined;
  readonly #netns: string | undefined;

  constructor(root: string, o: LocalNodeOptions) {
    this.name = o.name;
    this.address = o.address;
    this.dataDir = join(root, o.name);
    this.logFile = join(root, `${o.name}.log`);
    this.controlHost = o.controlHost;
    const args = o.daemonArgs ?? [];
    this.#daemonArgs = [
      ...(o.controlHost === undefined ? [] : ['--host', o.controlHost]),
      ...(args.includes('--executor') ? args : [...args, '--executor', 'sandbox']),
    ];
    this.#netns = o.netns;
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
  }

  get addr(): string {
    return `${this.address}:2377`;
  }

  get running(): boolean {
    return this.#child !== undefined && this.#child.exitCode === null && this.#child.signalCode === null;
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** The daemon's log lines so far (JSON lines). */
  get log(): string {
    return this.#log;
  }

  /** Starts the daemon and waits for its control socket. */
  async start(): Promise<void> {
    if (this.running) return;
    const argv = [
      process.execPath,
      SWARM_BIN,
      'daemon',
      '--data-dir',
      this.dataDir,
      '--hostname',
      this.name,
      ...this.#daemonArgs,
    ];
    const full = this.#netns === undefined ? argv : ['nsenter', `--net=${this.#netns}`, '--', ...argv];
    const child = spawn(full[0]!, full.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    this.#child = child;
    const append = (b: Buffer) => {
      this.#log += b.toString();
      if (this.#log.length > 4_000_000) this.#log = this.#log.slice(-2_000_000);
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    const sock = nodePaths(this.dataDir).socket;
    // Generous: a loaded machine starts a daemon slowly; the budget only catches one that hangs.
    const deadline = Date.now() + 120_000;
    while (
      !((existsSync(sock) || this.controlHost !== undefined) && this.#log.includes('swarm daemon ready'))
    ) {
      if (!this.running)
        throw new Error(`daemon ${this.name} exited while starting:\n${this.#log.slice(-4000)}`);
      if (Date.now() > deadline)
        throw new Error(`daemon ${this.name} did not start in 120 s:\n${this.#log.slice(-4000)}`);
      await sleep(25);
    }
  }

  /** Stops the daemon (SIGTERM, then SIGKILL after `graceMs`). */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
    const child = this.#child;
    if (child === undefined || !this.running) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  /** Runs `swarm ARGS...` against this node's daemon. */
  swarm(args: string[], input?: string): Promise<SwarmResult> {
    const host = this.controlHost === undefined ? [] : ['--host', this.controlHost];
    return runSwarm(['--data-dir', this.dataDir, ...host, ...args], input);
  }

  /** Runs `swarm ARGS...` and fails unless it exits 0; returns stdout. */
  async ok(args: string[], input?: string): Promise<string> {
    const r = await this.swarm(args, input);
    if (r.code !== 0)
      throw new Error(`swarm ${args.join(' ')} on ${this.name} exited ${r.code}:\n${r.stderr}${r.stdout}`);
    return r.stdout;
  }

  /** `swarm ARGS... --format json`, parsed. */
  async json<T = unknown>(args: string[]): Promise<T> {
    return JSON.parse(await this.ok([...args, '--format', 'json'])) as T;
  }
}

/** Runs the `swarm` CLI with `args` (and `input` on stdin). */
export function runSwarm(args: string[], input?: string): Promise<SwarmResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SWARM_BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `fn` until it returns a value other than undefined/false, or throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 30_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String((last as Error).message)}` : ''}`,
      );
    await sleep(intervalMs);
  }
}

/**
 * Polls `fn` until it reports `done`, judging progress rather than wall time: each poll also
 * returns a `progress` key (any string: a count of running tasks, a list of states...), and the
 * wait fails only when that key has not changed for `stallMs`, or after `maxMs` in all. On a
 * loaded machine a slow but moving cluster gets the time it needs; a stuck one fails as early as
 * a fixed budget would.
 */
export async function waitForProgress(
  what: string,
  fn: () => Promise<{ done: boolean; progress: string }>,
  o: { stallMs?: number; maxMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const stallMs = o.stallMs ?? 90_000;
  const maxMs = o.maxMs ?? 15 * 60_000;
  const start = Date.now();
  let lastProgress: string | undefined;
  let lastChange = start;
  let last: unknown;
  for (;;) {
    try {
      const r = await fn();
      if (r.done) return;
      if (r.progress !== lastProgress) {
        lastProgress = r.progress;
        lastChange = Date.now();
      }
    } catch (e) {
      last = e;
    }
    const now = Date.now();
    if (now - lastChange > stallMs || now - start > maxMs)
      throw new Error(
        `no progress for ${Math.round((now - lastChange) / 1000)} s (after ${Math.round((now - start) / 1000)} s in all) waiting for ${what}; last seen: ${lastProgress ?? '(nothing)'}${last ? `; last error: ${String((last as Error).message)}` : ''}`,
      );
    await sleep(o.intervalMs ?? 500);
  }
}

/** Busy-loop processes started by `startCpuLoad`. */
export interface CpuLoad {
  /** How many processes run. */
  readonly count: number;
  /** Kills them all. */
  stop(): void;
}

/**
 * Busy-loop processes that keep the machine's CPUs loaded (`perCpu` per CPU), for tests that must
 * pass on a busy machine. `stop()` kills them.
 */
export function startCpuLoad(perCpu: number): CpuLoad {
  const cpus = Math.max(1, availableParallelism());
  const children: ChildProcess[] = [];
  for (let i = 0; i < Math.max(0, Math.floor(perCpu * cpus)); i++)
    children.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  return {
    count: children.length,
    stop() {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    },
  };
}

/** A set of local nodes under one temporary directory. */
export class LocalCluster {
  readonly root: string;
  readonly nodes: LocalNode[] = [];

  constructor(root?: string) {
    this.root = root ?? mkdtempSync(join(tmpdir(), 'swarm-cluster-'));
  }

  /** Adds a node (not yet started). */
  add(o: LocalNodeOptions): LocalNode {
    const n = new LocalNode(this.root, o);
    this.nodes.push(n);
    return n;
  }

  /** Stops every node. */
  async stopAll(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.stop()));
  }

  /** Stops every node and removes the directory. */
  async destroy(): Promise<void> {
    await this.stopAll();
    rmSync(this.root, { recursive: true, force: true });
  }
}
