/**
 * Small process helpers: run a command and collect its output, find a program, wait for a process
 * to exit, and find processes by their command line (for cleaning up what a crashed run left).
 */
import { type SpawnOptions, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { CommandFailedError, MissingToolError, NotRootError } from './errors.js';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `argv` to completion; with `check` (default) a non-zero exit throws CommandFailedError. */
export function run(
  argv: readonly string[],
  options: { input?: string | Buffer; check?: boolean; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const spawnOptions: SpawnOptions = { stdio: ['pipe', 'pipe', 'pipe'] };
    if (options.env !== undefined) spawnOptions.env = options.env;
    const child = spawn(argv[0]!, argv.slice(1), spawnOptions);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', (err) => {
      if (timer) clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code) => {
      if (timer) clearTimeout(timer);
      if ((options.check ?? true) && code !== 0) reject(new CommandFailedError(argv, code, stderr || stdout));
      else resolve({ code, stdout, stderr });
    });
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.input ?? '');
  });
}

/** Synchronous form for exit handlers: never throws. */
export function runSync(argv: readonly string[]): number | null {
  try {
    return spawnSync(argv[0]!, argv.slice(1), { stdio: 'ignore', timeout: 20_000 }).status;
  } catch {
    return null;
  }
}

/** Debian packages that provide the programs the bench runs. */
export const TOOL_PACKAGES: Readonly<Record<string, string>> = {
  dockerd: 'docker.io',
  'docker-registry': 'docker-registry',
  busybox: 'busybox-static',
  ip: 'iproute2',
  nsenter: 'util-linux',
  unshare: 'util-linux',
  openssl: 'openssl',
  etcd: 'etcd-server',
  tar: 'tar',
  bwrap: 'bubblewrap',
  slirp4netns: 'slirp4netns',
  iptables: 'iptables',
};

const found = new Map<string, string>();

/** The absolute path of `tool` in PATH (also /usr/sbin and /sbin), or MissingToolError. */
export function which(tool: string): string {
  const cached = found.get(tool);
  if (cached !== undefined) return cached;
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/local/sbin', '/usr/sbin', '/sbin'];
  for (const d of dirs) {
    if (d === '') continue;
    const p = `${d}/${tool}`;
    const res = spawnSync('test', ['-x', p]);
    if (res.status === 0) {
      found.set(tool, p);
      return p;
    }
  }
  throw new MissingToolError(tool, TOOL_PACKAGES[tool] ?? tool);
}

export function assertRoot(what: string): void {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) throw new NotRootError(what);
}

/** Whether `pid` is alive (a zombie counts as gone). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.charAt(stat.lastIndexOf(')') + 2) !== 'Z';
  } catch {
    return false;
  }
}

/** The NUL-separated command line of `pid`, joined by spaces ('' when gone). */
export function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** PIDs whose command line contains `needle`. */
export function pidsMatching(needle: string): number[] {
  const out: number[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    const pid = Number(e);
    if (pid === process.pid) continue;
    if (cmdline(pid).includes(needle)) out.push(pid);
  }
  return out;
}

export function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** Waits until `pid` is gone (polling /proc), up to `timeoutMs`; returns whether it is gone. */
export async function waitGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return true;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export async function terminate(pid: number, graceMs: number): Promise<void> {
  kill(pid, 'SIGTERM');
  if (await waitGone(pid, graceMs)) return;
  kill(pid, 'SIGKILL');
  await waitGone(pid, 5_000);
}

/** Unmounts every mount point under `dir` (deepest first, lazily). */
export function unmountUnder(dir: string): void {
  let text: string;
  try {
    text = readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return;
  }
  const points = text
    .split('\n')
    .map((l) => l.split(' ')[4] ?? '')
    .map((p) => p.replace(/\\040/g, ' '))
    .filter((p) => p === dir || p.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
  for (const p of points) runSync(['umount', '-l', p]);
}

/** Polls `probe` until it returns a value other than undefined/false, or throws after `timeoutMs`. */
export async function poll<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs: number,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v as T;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`,
      );
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
