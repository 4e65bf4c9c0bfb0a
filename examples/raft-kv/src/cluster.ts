import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorageKind } from './member.js';
import { PartitionProxy } from './partition-proxy.js';

const memberScript = join(dirname(fileURLToPath(import.meta.url)), 'member.ts');
const exampleDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface MemberStatus {
  id: string;
  leader: string;
  term: string;
  applied: string;
  isLeader: boolean;
  voters: string[];
  learners: string[];
}

export interface ClusterOptions {
  /** Where the members' data directories and logs go. */
  dir: string;
  /** First port: member i uses basePort+i (peer), basePort+100+i (HTTP), basePort+200+i (proxy). */
  basePort: number;
  /** Route member-to-member traffic through a PartitionProxy in front of each member. */
  proxied?: boolean;
  audit?: boolean;
  tickMs?: number;
  snapshotInterval?: number;
  /** The members' storage: `level` (LevelDB, the default), `wal` or `wal-threadpool` (write-ahead log). */
  storage?: StorageKind;
  /** Extra Node.js flags for the member processes (the profiler passes `--cpu-prof`). */
  nodeArgs?: string[];
}

/**
 * Separate member processes on 127.0.0.1 for tests, the robustness harness and the benchmark:
 * start, SIGKILL, SIGSTOP/SIGCONT, restart from the same data directory, partition.
 */
export class Cluster {
  readonly #options: ClusterOptions;
  readonly processes = new Map<string, ChildProcess>();
  readonly proxies = new Map<string, PartitionProxy>();
  /** Every member ever started, in order (removed ones included). */
  readonly known: string[] = [];
  /** HTTP endpoints of members, shared with clients (members added later are appended). */
  readonly endpoints: string[] = [];
  readonly paused = new Set<string>();

  constructor(options: ClusterOptions) {
    this.#options = options;
    mkdirSync(options.dir, { recursive: true });
  }

  peerAddress(id: string): string {
    return `127.0.0.1:${this.#options.basePort + Number(id)}`;
  }

  /** Where other members reach `id`: its proxy when proxied. */
  advertisedAddress(id: string): string {
    return this.#options.proxied
      ? `127.0.0.1:${this.#options.basePort + 200 + Number(id)}`
      : this.peerAddress(id);
  }

  httpAddress(id: string): string {
    return `127.0.0.1:${this.#options.basePort + 100 + Number(id)}`;
  }

  /** Founds a cluster of members 1..size and waits for a leader. */
  async bootstrap(size: number): Promise<void> {
    const ids = Array.from({ length: size }, (_, i) => String(i + 1));
    await Promise.all(ids.map((id) => this.start(id, { peers: ids, join: false })));
    await this.waitForLeader();
  }

  /** Starts (or restarts, from its data directory) member `id`. */
  async start(id: string, how: { peers: string[]; join: boolean }): Promise<void> {
    if (!this.known.includes(id)) {
      this.known.push(id);
      this.endpoints.push(this.httpAddress(id));
      if (this.#options.proxied) {
        const proxy = new PartitionProxy(id, this.peerAddress(id));
        await proxy.listen(this.advertisedAddress(id));
        this.proxies.set(id, proxy);
      }
    }
    const peers = how.peers.map((p) => `${p}=${this.advertisedAddress(p)}`).join(',');
    const log = openSync(join(this.#options.dir, `member-${id}.log`), 'a');
    const args = [
      ...(this.#options.nodeArgs ?? []),
      '--import',
      'tsx',
      memberScript,
      '--id',
      id,
      '--data',
      join(this.#options.dir, `member-${id}`),
      '--listen',
      this.peerAddress(id),
      '--http',
      this.httpAddress(id),
      '--peers',
      peers,
      '--tick-ms',
      String(this.#options.tickMs ?? 100),
      '--snapshot-interval',
      String(this.#options.snapshotInterval ?? 10_000),
      ...(how.join ? ['--join'] : []),
      ...(this.#options.audit ? ['--audit'] : []),
      ...(this.#options.storage ? ['--storage', this.#options.storage] : []),
    ];
    const child = spawn(process.execPath, args, { cwd: exampleDir, stdio: ['ignore', log, log] });
    this.processes.set(id, child);
    this.paused.delete(id);
    await this.#waitUntil(
      async () => (await this.status(id)) !== undefined,
      30_000,
      `member ${id} to serve HTTP`,
    );
  }

  /** Starts a member again with the arguments it had (its data directory decides what it is). */
  async restart(id: string): Promise<void> {
    await this.start(id, { peers: this.known, join: true });
  }

  signal(id: string, signal: NodeJS.Signals): void {
    const child = this.processes.get(id);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    if (signal === 'SIGSTOP') this.paused.add(id);
    if (signal === 'SIGCONT') this.paused.delete(id);
  }

  /** SIGKILLs a member and waits for it to be gone. */
  async kill(id: string): Promise<void> {
    const child = this.processes.get(id);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
    this.paused.delete(id);
  }

  isRunning(id: string): boolean {
    const child = this.processes.get(id);
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  /** Cuts traffic between every member of `a` and every member of `b`, both ways. */
  partition(a: string[], b: string[]): void {
    for (const x of a) this.proxies.get(x)?.block(b);
    for (const y of b) this.proxies.get(y)?.block(a);
  }

  heal(): void {
    for (const proxy of this.proxies.values()) proxy.heal();
  }

  async status(id: string, timeoutMs = 1000): Promise<MemberStatus | undefined> {
    if (this.paused.has(id) || !this.isRunning(id)) return undefined;
    try {
      const res = await fetch(`http://${this.httpAddress(id)}/status`, {
        signal: AbortSignal.timeout(timeoutMs),
      });
      return res.ok ? ((await res.json()) as MemberStatus) : undefined;
    } catch {
      return undefined;
    }
  }

  /** The member that says it leads and that a majority of the members asked agree on. */
  async leader(): Promise<MemberStatus | undefined> {
    const statuses = (await Promise.all(this.known.map((id) => this.status(id)))).filter(
      (s) => s !== undefined,
    );
    const leader = statuses.find((s) => s.isLeader);
    if (!leader) return undefined;
    const agree = statuses.filter((s) => s.leader === leader.id && s.term === leader.term).length;
    return agree * 2 > leader.voters.length ? leader : undefined;
  }

  async waitForLeader(timeoutMs = 30_000): Promise<MemberStatus> {
    let found: MemberStatus | undefined;
    await this.#waitUntil(
      async () => {
        found = await this.leader();
        return found !== undefined;
      },
      timeoutMs,
      'a leader',
    );
    return found as MemberStatus;
  }

  async #waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Asks every running member to shut down (SIGTERM) and waits until each has exited. */
  async stop(): Promise<void> {
    for (const id of this.known) this.signal(id, 'SIGCONT');
    await Promise.all(
      this.known.map(async (id) => {
        const child = this.processes.get(id);
        if (!child || !this.isRunning(id)) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await exited;
      }),
    );
  }

  /** SIGKILLs every member and closes the proxies. */
  async destroy(): Promise<void> {
    for (const id of this.known) this.signal(id, 'SIGCONT');
    await Promise.all(this.known.map((id) => this.kill(id)));
    await Promise.all([...this.proxies.values()].map((p) => p.close()));
  }
}
