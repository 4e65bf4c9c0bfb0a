/**
 * A cgroup per sandboxed task that has resource limits: memory (hard limit, no swap beyond it,
 * and the reservation as a soft limit) and CPU (a CFS quota). cgroup v1 (a hierarchy per
 * controller, as on hybrid hosts) and v2 (one unified hierarchy) are both handled. The task's
 * first process joins it before it runs anything (see `joinScript`), so nothing escapes the limit.
 */
import fs from 'node:fs';
import path from 'node:path';

export const CGROUP_ROOT = '/sys/fs/cgroup';
/** The parent group of every sandboxed task. */
export const CGROUP_PARENT = 'swarm-sandbox';

export interface TaskLimits {
  memoryBytes: number;
  nanoCpus: number;
  memoryReservationBytes: number;
}

const CFS_PERIOD_US = 100_000;

function isV2(root: string): boolean {
  return fs.existsSync(path.join(root, 'cgroup.controllers'));
}

function write(file: string, value: string): void {
  fs.writeFileSync(file, value);
}

export class TaskCgroup {
  /** The directories the task's processes join (one per v1 controller, or the v2 group). */
  readonly dirs: readonly string[];
  readonly #v2: boolean;
  readonly #memoryDir: string | undefined;

  private constructor(dirs: string[], v2: boolean, memoryDir: string | undefined) {
    this.dirs = dirs;
    this.#v2 = v2;
    this.#memoryDir = memoryDir;
  }

  /** Creates the task's group(s) and writes the limits. Throws when the controllers are missing. */
  static create(taskId: string, limits: TaskLimits, root = CGROUP_ROOT): TaskCgroup {
    if (!/^[a-z0-9]+$/.test(taskId)) throw new RangeError(`task ID ${taskId} cannot name a cgroup`);
    const dirs: string[] = [];
    try {
      if (isV2(root)) {
        const parent = path.join(root, CGROUP_PARENT);
        fs.mkdirSync(parent, { recursive: true });
        const wanted = [
          limits.memoryBytes > 0 || limits.memoryReservationBytes > 0 ? '+memory' : '',
          limits.nanoCpus > 0 ? '+cpu' : '',
        ].filter(Boolean);
        if (wanted.length > 0) write(path.join(parent, 'cgroup.subtree_control'), wanted.join(' '));
        const dir = path.join(parent, taskId);
        fs.mkdirSync(dir);
        dirs.push(dir);
        if (limits.memoryBytes > 0) {
          write(path.join(dir, 'memory.max'), String(limits.memoryBytes));
          write(path.join(dir, 'memory.swap.max'), '0');
        }
        if (limits.memoryReservationBytes > 0)
          write(path.join(dir, 'memory.low'), String(limits.memoryReservationBytes));
        if (limits.nanoCpus > 0)
          write(path.join(dir, 'cpu.max'), `${quota(limits.nanoCpus)} ${CFS_PERIOD_US}`);
        return new TaskCgroup(dirs, true, dir);
      }
      let memoryDir: string | undefined;
      if (limits.memoryBytes > 0 || limits.memoryReservationBytes > 0) {
        memoryDir = path.join(root, 'memory', CGROUP_PARENT, taskId);
        fs.mkdirSync(memoryDir, { recursive: true });
        dirs.push(memoryDir);
        if (limits.memoryBytes > 0) {
          write(path.join(memoryDir, 'memory.limit_in_bytes'), String(limits.memoryBytes));
          const memsw = path.join(memoryDir, 'memory.memsw.limit_in_bytes');
          if (fs.existsSync(memsw)) write(memsw, String(limits.memoryBytes));
        }
        if (limits.memoryReservationBytes > 0)
          write(path.join(memoryDir, 'memory.soft_limit_in_bytes'), String(limits.memoryReservationBytes));
      }
      if (limits.nanoCpus > 0) {
        const cpuDir = path.join(root, 'cpu', CGROUP_PARENT, taskId);
        fs.mkdirSync(cpuDir, { recursive: true });
        dirs.push(cpuDir);
        write(path.join(cpuDir, 'cpu.cfs_period_us'), String(CFS_PERIOD_US));
        write(path.join(cpuDir, 'cpu.cfs_quota_us'), String(quota(limits.nanoCpus)));
      }
      return new TaskCgroup(dirs, false, memoryDir);
    } catch (err) {
      for (const d of dirs) removeDir(d);
      throw new Error(
        `resource limits need cgroups (memory, cpu) under ${root}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
  }

  /** A shell prefix that moves the shell into the group(s), then runs "$@". */
  joinScript(): string {
    return `${this.dirs.map((d) => `echo $$ > '${path.join(d, 'cgroup.procs')}'`).join(' && ')} && exec "$@"`;
  }

  /** Whether the kernel's OOM killer killed a process of the group. */
  oomKilled(): boolean {
    if (this.#memoryDir === undefined) return false;
    try {
      const text = fs.readFileSync(
        path.join(this.#memoryDir, this.#v2 ? 'memory.events' : 'memory.oom_control'),
        'utf8',
      );
      const m = /^oom_kill (\d+)$/m.exec(text);
      return m !== null && Number(m[1]) > 0;
    } catch {
      return false;
    }
  }

  /** Kills what is left in the group(s) and removes them. */
  remove(): void {
    for (const d of this.dirs) removeDir(d);
  }
}

function quota(nanoCpus: number): number {
  return Math.max(1000, Math.round((nanoCpus / 1e9) * CFS_PERIOD_US));
}

function removeDir(dir: string): void {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      for (const p of fs.readFileSync(path.join(dir, 'cgroup.procs'), 'utf8').split('\n'))
        if (p !== '') {
          try {
            process.kill(Number(p), 'SIGKILL');
          } catch {
            // gone
          }
        }
      fs.rmdirSync(dir);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      // Busy until the kernel reaped the killed processes: wait 10 ms (runs once per task, after it ended).
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}
