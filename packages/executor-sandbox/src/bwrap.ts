/**
 * The bubblewrap command line of a task sandbox. Kept apart from the executor so the exact
 * isolation flags are in one place and easy to review.
 */
import fs from 'node:fs';
import path from 'node:path';

/** What bwrap is told to do, and the extra fds it reads (fd number = index in stdio). */
export interface SandboxSpec {
  argv: readonly string[];
  hostname: string;
  workdir: string;
  /** Secret files put at /run/secrets/<name> from fd `fd` with `mode`. */
  secrets: readonly { name: string; fd: number; mode: number }[];
  /** Config files bound read-only at their absolute `target` from fd `fd` with `mode`. */
  configs?: readonly { target: string; fd: number; mode: number }[];
  /** bwrap writes `{"child-pid": N, ...}` here once the namespaces exist. */
  infoFd: number;
  /** bwrap waits for a byte on this fd before it runs the task (the node sets up the network meanwhile). */
  blockFd?: number;
  /** Give the task its own network namespace (only loopback until the node connects it). */
  unshareNet?: boolean;
  /** Extra host paths bound read-only at the same place. */
  readOnlyPaths?: readonly string[];
}

/** The system paths every task sees read-only (symlinks such as /bin -> usr/bin are kept as links). */
const SYSTEM_PATHS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/etc'];

/**
 * Mount arguments for the host's system: read-only binds of SYSTEM_PATHS that exist, and the
 * directory of the running node binary (tasks can run `node -e ...`) when it lives elsewhere.
 */
export function systemMounts(extra: readonly string[] = []): string[] {
  const args: string[] = [];
  const bound: string[] = [];
  const bind = (p: string): void => {
    if (bound.some((b) => p === b || p.startsWith(`${b}/`))) return;
    args.push('--ro-bind', p, p);
    bound.push(p);
  };
  for (const p of SYSTEM_PATHS) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch {
      continue;
    }
    if (st.isSymbolicLink()) args.push('--symlink', fs.readlinkSync(p), p);
    else if (st.isDirectory()) bind(p);
  }
  let nodeDir: string | undefined;
  try {
    nodeDir = path.dirname(fs.realpathSync(process.execPath));
  } catch {
    nodeDir = undefined;
  }
  // Symlinked system dirs (/lib -> usr/lib) resolve into /usr, which `bind` already covers.
  if (nodeDir !== undefined) bind(nodeDir);
  for (const p of extra) {
    if (!path.isAbsolute(p)) throw new RangeError(`readOnlyPaths entries must be absolute, got ${p}`);
    bind(path.resolve(p));
  }
  return args;
}

/** The full bwrap argument list for one task. `mounts` comes from `systemMounts()`. */
export function bwrapArgs(spec: SandboxSpec, mounts: readonly string[]): string[] {
  const args = [
    // New mount, PID, IPC, UTS and (when the kernel allows) cgroup namespaces, and a network
    // namespace of its own unless the executor shares the host's (see `network`).
    ...(spec.unshareNet ? ['--unshare-net'] : []),
    '--unshare-pid',
    '--unshare-ipc',
    '--unshare-uts',
    '--unshare-cgroup-try',
    // The sandbox dies with bwrap's monitor process; the task cannot reach our terminal (TIOCSTI).
    '--die-with-parent',
    '--new-session',
    '--info-fd',
    String(spec.infoFd),
    ...(spec.blockFd === undefined ? [] : ['--block-fd', String(spec.blockFd)]),
    ...mounts,
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--tmpfs',
    '/tmp',
    '--hostname',
    spec.hostname,
  ];
  if (spec.secrets.length > 0) {
    // A task-private tmpfs filled from pipes: the secret never touches a disk and no other task
    // (each has its own mount namespace) can see it.
    args.push('--tmpfs', '/run/secrets');
    for (const s of spec.secrets) {
      args.push(
        '--perms',
        s.mode.toString(8).padStart(4, '0'),
        '--file',
        String(s.fd),
        `/run/secrets/${s.name}`,
      );
    }
    args.push('--remount-ro', '/run/secrets');
  }
  for (const c of spec.configs ?? []) {
    if (!validConfigTarget(c.target))
      throw new RangeError(`config target ${JSON.stringify(c.target)} is not an absolute file path`);
    // A read-only bind of a file bwrap fills from the pipe, in this task's mount namespace only;
    // bwrap makes the missing parent directories.
    args.push(
      '--perms',
      (c.mode & 0o777).toString(8).padStart(4, '0'),
      '--ro-bind-data',
      String(c.fd),
      c.target,
    );
  }
  args.push('--chdir', spec.workdir, '--', ...spec.argv);
  return args;
}

/** A hostname the kernel accepts (at most 64 bytes; letters, digits, '-', '.' and '_'). */
export function sandboxHostname(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 63);
  return cleaned.length > 0 ? cleaned : 'task';
}

/** A config target: an absolute, normalized path with no `.` or `..` component. */
export function validConfigTarget(target: string): boolean {
  if (!target.startsWith('/') || target.includes('\0') || target.length > 4096) return false;
  const parts = target.slice(1).split('/');
  return parts.every((p) => p !== '' && p !== '.' && p !== '..');
}

/** A secret file name under /run/secrets: one path component, no traversal. */
export function validSecretName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    !name.includes('/') &&
    name !== '.' &&
    name !== '..' &&
    !name.includes('\0')
  );
}
