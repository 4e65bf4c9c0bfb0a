/**
 * What a bench run made, recorded on disk as it is made, so that a later run can remove what a
 * crashed one (SIGKILL, power loss) left behind: its processes, network namespaces, mounts,
 * container cgroups and directories. A run directory is `<base>/<pid>-<token>/` with
 * `namespaces` (one name a line); every process a run starts has the run directory on its command
 * line, so it can be found again by that alone.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { alive, kill, pidsMatching, runSync, unmountUnder } from './process.js';

const CGROUP_ROOT = '/sys/fs/cgroup';

/** The start time of `pid` (field 22 of /proc/PID/stat), to tell a reused PID from the owner. */
export function startTimeOf(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

export function recordNamespace(runDir: string, name: string): void {
  appendFileSync(join(runDir, 'namespaces'), `${name}\n`);
}

function recordedNamespaces(runDir: string): string[] {
  try {
    return readFileSync(join(runDir, 'namespaces'), 'utf8')
      .split('\n')
      .filter((l) => l !== '');
  } catch {
    return [];
  }
}

/** Kills every process of the container cgroups of the engines under `runDir`, then removes the cgroups. */
function killContainers(runDir: string): void {
  let controllers: string[] = [];
  try {
    controllers = readdirSync(CGROUP_ROOT);
  } catch {
    return;
  }
  let engines: string[] = [];
  try {
    engines = readdirSync(runDir).filter((e) => e.startsWith('engine-'));
  } catch {
    return;
  }
  for (const engine of engines) {
    let ids: string[] = [];
    try {
      ids = readdirSync(join(runDir, engine, 'root', 'containers'));
    } catch {
      continue;
    }
    for (const id of ids) {
      const dirs = [
        join(CGROUP_ROOT, 'docker', id), // cgroup v2
        ...controllers.map((c) => join(CGROUP_ROOT, c, 'docker', id)), // v1
      ].filter((d) => existsSync(join(d, 'cgroup.procs')));
      for (const d of dirs) {
        try {
          for (const p of readFileSync(join(d, 'cgroup.procs'), 'utf8').split('\n'))
            if (p !== '') kill(Number(p), 'SIGKILL');
        } catch {
          // gone
        }
      }
      for (const d of dirs) {
        for (let i = 0; i < 20; i++) {
          try {
            rmdirSync(d);
            break;
          } catch {
            runSync(['sleep', '0.05']);
          }
        }
      }
    }
  }
}

/** Removes everything a run made (its processes first, then mounts, namespaces and files). Synchronous. */
export function removeRun(runDir: string): void {
  for (let round = 0; round < 3; round++) {
    const pids = pidsMatching(runDir);
    if (pids.length === 0) break;
    for (const p of pids) kill(p, 'SIGKILL');
    runSync(['sleep', '0.1']);
  }
  killContainers(runDir);
  for (const ns of recordedNamespaces(runDir)) {
    if (!existsSync(`/run/netns/${ns}`)) continue;
    const out = spawnPids(ns);
    for (const p of out) kill(p, 'SIGKILL');
    runSync(['ip', 'netns', 'del', ns]);
  }
  unmountUnder(runDir);
  rmSync(runDir, { recursive: true, force: true });
}

/** PIDs of the processes inside network namespace `ns` (`ip netns pids`). */
function spawnPids(ns: string): number[] {
  let out = '';
  try {
    out = spawnSync('ip', ['netns', 'pids', ns], { encoding: 'utf8', timeout: 10_000 }).stdout ?? '';
  } catch {
    return [];
  }
  return out
    .split('\n')
    .filter((l) => /^\d+$/.test(l))
    .map(Number);
}

/** Removes the runs under `base` whose owner process is gone (a crashed earlier run). */
export function sweepStale(base: string): string[] {
  const removed: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(base);
  } catch {
    return removed;
  }
  for (const e of entries) {
    const m = /^(\d+)-(\d+)-[0-9a-f]+$/.exec(e);
    if (m === null) continue;
    const pid = Number(m[1]);
    if (alive(pid) && startTimeOf(pid) === m[2]) continue;
    removeRun(join(base, e));
    removed.push(e);
  }
  return removed;
}
