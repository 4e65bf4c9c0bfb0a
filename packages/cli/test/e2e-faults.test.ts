// Faults on real daemons (127.0.0.150-154): three managers (raft tick 100 ms) and two workers.
// Each round injects a fault (SIGKILL or SIGSTOP of the leader or of a follower) while services
// are created and updated through the CLI of a random manager; then the cluster must converge, and
// every acknowledged change (CLI exit 0) must be there on every manager and in the running tasks.
// Also: a partition of one manager (SIGSTOP as the stand-in: its peers see it vanish, it comes
// back with a stale log) while writes go on, and loss of quorum and its recovery (no write is
// acknowledged without a quorum). CI runs a short fixed set; SWARM_E2E_FULL=1 (pnpm
// test:e2e:full) runs many random rounds (SWARM_E2E_ROUNDS to choose how many, SWARM_E2E_SEED).

import type { NodeView, TaskView } from '@swarm/node/control';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  LocalCluster,
  type LocalNode,
  sleep,
  startCpuLoad,
  waitFor,
  waitForProgress,
} from '../src/testing.js';
import { dumpLogsOnFailure, IDLE } from './e2e/helpers.js';

const FULL = process.env.SWARM_E2E_FULL === '1';
const ROUNDS = Number(process.env.SWARM_E2E_ROUNDS ?? (FULL ? 24 : 0));
const DAEMON = ['--raft-tick', '100ms'];
/**
 * Busy-loop processes per CPU kept running for the whole file (issue 22: the cluster must converge
 * on a loaded machine). SWARM_E2E_LOAD=0 runs without them.
 */
const LOAD = Number(process.env.SWARM_E2E_LOAD ?? 2);

type Fault = 'kill-leader' | 'kill-follower' | 'stop-leader' | 'stop-follower';
type Op = 'create' | 'update';

/** A small seeded generator (mulberry32) so that a failing full run can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('faults: crashes, stops, a partition and loss of quorum', () => {
  const cluster = new LocalCluster();
  let managers: LocalNode[];
  let workers: LocalNode[];
  /** Acknowledged state: service -> replicas, and the value of ROUND on service `u`. */
  const created = new Map<string, number>();
  /**
   * Every update of `u` (ROUND=value): when its CLI call started and returned, and whether it was
   * acknowledged. Writes overlap, so `u` may end on the value of any write that no acknowledged
   * write started after it returned (linearizability); anything else means an acknowledged change
   * was lost.
   */
  const uWrites: Array<{ value: number; start: number; end: number; acked: boolean }> = [];
  const stats = { rounds: 0, acked: 0, unacked: 0, faults: {} as Record<string, number> };
  let serial = 0;

  async function leader(): Promise<LocalNode> {
    return waitFor(
      'a leader',
      async () => {
        for (const m of managers) {
          if (!m.running) continue;
          const r = await m.swarm(['node', 'ls', '--format', 'json']);
          if (r.code !== 0) continue;
          const l = (JSON.parse(r.stdout) as NodeView[]).find((n) => n.managerStatus === 'Leader');
          const node = managers.find((x) => x.name === l?.hostname);
          if (node?.running) return node;
        }
        return undefined;
      },
      180_000,
      200,
    );
  }

  /** Runs one write through `via`; records whether it was acknowledged. */
  async function write(via: LocalNode, op: Op): Promise<void> {
    if (op === 'create') {
      const name = `c${++serial}`;
      const replicas = 1 + (serial % 3);
      const r = await via.swarm([
        'service',
        'create',
        '--name',
        name,
        '--replicas',
        String(replicas),
        '--',
        ...IDLE,
      ]);
      if (r.code === 0) {
        created.set(name, replicas);
        stats.acked++;
      } else stats.unacked++; // it may or may not exist: not checked
    } else {
      const value = ++serial;
      const start = Date.now();
      const r = await via.swarm([
        'service',
        'update',
        '--env-add',
        `ROUND=${value}`,
        '--update-parallelism',
        '0',
        'u',
      ]);
      uWrites.push({ value, start, end: Date.now(), acked: r.code === 0 });
      if (r.code === 0) stats.acked++;
      else stats.unacked++;
    }
  }

  /** The values `u` may hold now. */
  function uCandidates(): number[] {
    return uWrites.filter((x) => !uWrites.some((y) => y.acked && y.start > x.end)).map((x) => x.value);
  }

  function envOf(raw: unknown): number | undefined {
    const m = /ROUND=(\d+)/.exec(JSON.stringify(raw));
    return m ? Number(m[1]) : undefined;
  }

  /** Every node ready, every acknowledged change on every manager and in the running tasks. */
  async function converged(): Promise<void> {
    const l = await leader();
    await waitForProgress('five ready nodes', async () => {
      const ls = await l.json<NodeView[]>(['node', 'ls']);
      const progress = ls.map((n) => `${n.hostname}:${n.status}`).join(',');
      return { done: ls.length === 5 && ls.every((n) => n.status === 'ready'), progress };
    });
    for (const m of managers) {
      const services = await waitFor(
        `${m.name} has every acknowledged service`,
        async () => {
          const ls = await m.json<Array<{ name: string; raw: unknown }>>(['service', 'ls']);
          const names = new Set(ls.map((s) => s.name));
          return [...created.keys()].every((n) => names.has(n)) ? ls : undefined;
        },
        120_000,
        250,
      );
      const u = services.find((s) => s.name === 'u');
      const v = envOf(u?.raw);
      expect(uCandidates(), `${m.name}: ROUND of u`).toContain(v ?? -1);
    }
    const expected = [...created.entries()];
    // Judged by progress: any change of the tasks' states keeps the wait going.
    await waitForProgress(
      'every acknowledged service running with its replicas and u on its last value',
      async () => {
        const tasks = await l.json<TaskView[]>(['service', 'ps', ...created.keys()]);
        const progress = tasks
          .map((t) => `${t.id}:${t.currentState}:${t.desiredState}`)
          .sort()
          .join(',');
        const running = (s: string) =>
          tasks.filter(
            (t) => t.name.startsWith(`${s}.`) && t.currentState === 'running' && t.desiredState === 'running',
          );
        if (!expected.every(([s, n]) => running(s).length === n)) return { done: false, progress };
        const uInStore = envOf(await l.json<unknown>(['service', 'inspect', 'u']));
        return { done: running('u').every((t) => envOf(t.raw) === uInStore), progress };
      },
      { stallMs: 90_000 },
    );
  }

  async function inject(fault: Fault, victim: LocalNode): Promise<() => Promise<void>> {
    stats.faults[fault] = (stats.faults[fault] ?? 0) + 1;
    if (fault.startsWith('kill')) {
      await victim.stop('SIGKILL');
      return () => victim.start();
    }
    process.kill(victim.pid!, 'SIGSTOP');
    return async () => {
      process.kill(victim.pid!, 'SIGCONT');
    };
  }

  /** One round: writes through random managers, a fault in the middle, recovery, convergence. */
  async function round(fault: Fault, op: Op, random: () => number): Promise<void> {
    const l = await leader();
    const followers = managers.filter((m) => m !== l);
    const victim = fault.endsWith('leader') ? l : followers[Math.floor(random() * followers.length)]!;
    const pick = () => managers[Math.floor(random() * managers.length)]!;
    // Writes through a stopped daemon wait for SIGCONT; through a killed one they fail.
    const inFlight = [write(pick(), op), write(pick(), op)];
    await sleep(Math.floor(random() * 300));
    const recover = await inject(fault, victim);
    const during = [write(pick(), op === 'create' ? 'update' : 'create')];
    await sleep(fault.startsWith('stop') ? 2000 + Math.floor(random() * 2000) : 500);
    await recover();
    await Promise.all([...inFlight, ...during]);
    stats.rounds++;
    await converged();
  }

  let load: ReturnType<typeof startCpuLoad> | undefined;

  beforeAll(async () => {
    load = startCpuLoad(LOAD);
    managers = ['m1', 'm2', 'm3'].map((name, i) =>
      cluster.add({ name, address: `127.0.0.${150 + i}`, daemonArgs: DAEMON }),
    );
    workers = ['w1', 'w2'].map((name, i) =>
      cluster.add({ name, address: `127.0.0.${153 + i}`, daemonArgs: DAEMON }),
    );
    await Promise.all(cluster.nodes.map((n) => n.start()));
    const [m1, m2, m3] = managers as [LocalNode, LocalNode, LocalNode];
    await m1.ok(['init', '--listen-addr', m1.addr, '--availability', 'drain']);
    const mt = (await m1.ok(['join-token', '-q', 'manager'])).trim();
    const wt = (await m1.ok(['join-token', '-q', 'worker'])).trim();
    for (const m of [m2, m3])
      await m.ok(['join', '--token', mt, '--availability', 'drain', '--listen-addr', m.addr, m1.addr]);
    await Promise.all(workers.map((w) => w.ok(['join', '--token', wt, '--listen-addr', w.addr, m1.addr])));
    const start = Date.now();
    await m1.ok(['service', 'create', '--name', 'u', '--replicas', '2', '--env', 'ROUND=0', '--', ...IDLE]);
    uWrites.push({ value: 0, start, end: Date.now(), acked: true });
    created.set('u', 2);
    await converged();
  }, 900_000);

  afterAll(async () => {
    load?.stop();
    for (const n of cluster.nodes) if (n.pid !== undefined && n.running) process.kill(n.pid, 'SIGCONT');
    console.log(`fault stats: ${JSON.stringify({ ...stats, busyLoops: load?.count ?? 0 })}`);
    await cluster.destroy();
  }, 60_000);

  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster));

  it('SIGKILL of the leader during service create', async () => {
    await round('kill-leader', 'create', rng(1));
  }, 900_000);

  it('SIGKILL of a follower during service update', async () => {
    await round('kill-follower', 'update', rng(2));
  }, 900_000);

  it('SIGSTOP of the leader during service update', async () => {
    await round('stop-leader', 'update', rng(3));
  }, 900_000);

  it('SIGSTOP of a follower during service create', async () => {
    await round('stop-follower', 'create', rng(4));
  }, 900_000);

  it('a partitioned manager (SIGSTOP stand-in) misses writes, comes back and catches up', async () => {
    const l = await leader();
    const cut = managers.find((m) => m !== l)!;
    const other = managers.find((m) => m !== l && m !== cut)!;
    stats.faults.partition = (stats.faults.partition ?? 0) + 1;
    const ackedBefore = stats.acked;
    process.kill(cut.pid!, 'SIGSTOP');
    try {
      for (let i = 0; i < 3; i++) {
        await write(i % 2 === 0 ? l : other, 'create');
        await write(other, 'update');
      }
      // Two of three managers are a quorum: every write is acknowledged.
      expect(stats.acked - ackedBefore).toBe(6);
    } finally {
      process.kill(cut.pid!, 'SIGCONT');
    }
    await converged();
  }, 900_000);

  it('loss of quorum: no write is acknowledged; after recovery everything acknowledged is there', async () => {
    const l = await leader();
    const others = managers.filter((m) => m !== l);
    stats.faults['quorum-loss'] = (stats.faults['quorum-loss'] ?? 0) + 1;
    for (const m of others) await m.stop('SIGKILL');
    const name = `q${++serial}`;
    const r = await l.swarm(['service', 'create', '--name', name, '--replicas', '1', '--', ...IDLE]);
    expect(r.code).toBe(1);
    // The proposal cannot commit: refused, or reported as of unknown outcome, never acknowledged.
    expect(r.stderr).toMatch(/leader|quorum|majority|outcome unknown/i);
    // Reads still answer from the local store.
    expect((await l.json<unknown[]>(['service', 'ls'])).length).toBeGreaterThan(0);
    await Promise.all(others.map((m) => m.start()));
    await converged();
    // The refused create may have been proposed; either way the cluster accepts writes again.
    await write(await leader(), 'create');
    await write(await leader(), 'update');
    await converged();
  }, 900_000);

  it(
    `random rounds (${ROUNDS}; SWARM_E2E_FULL=1 runs 24)`,
    async () => {
      const seed = Number(process.env.SWARM_E2E_SEED ?? 20261128);
      const random = rng(seed);
      const faults: Fault[] = ['kill-leader', 'kill-follower', 'stop-leader', 'stop-follower'];
      for (let i = 0; i < ROUNDS; i++) {
        const fault = faults[Math.floor(random() * faults.length)]!;
        const op: Op = random() < 0.5 ? 'create' : 'update';
        await round(fault, op, random);
      }
      expect(stats.rounds).toBeGreaterThanOrEqual(ROUNDS);
    },
    60_000 + ROUNDS * 600_000,
  );
});
