import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '@swarm/api';
import { checkKvHistory, HistoryRecorder, type KvInput, type KvOutput } from '@swarm/raft/linearizability';
import { Cluster, type MemberStatus } from './cluster.js';
import { KvClient } from './kv-client.js';

/** One fault family per run. */
export const FAULT_FAMILIES = [
  'kill-leader',
  'kill-follower',
  'kill-all',
  'pause',
  'partition-leader',
  'partition-minority',
  'partition-bridge',
  'membership',
] as const;
export type FaultFamily = (typeof FAULT_FAMILIES)[number];

export interface RobustnessOptions {
  family: FaultFamily;
  seed: number;
  /** Scratch directory for data and logs (one subdirectory per run). */
  dir: string;
  basePort: number;
  /** Founding members. Default 5 (a bridge needs five). */
  size?: number;
  /** Load before the fault. Default 3000 ms. */
  warmupMs?: number;
  /**
   * The first part of the warm-up, left out of the throughput that decides whether the run counts
   * (fresh processes are still compiling). Default 1000 ms.
   */
  rampMs?: number;
  /** Load after the fault heals, before the final checks. Default 3000 ms. */
  recoverMs?: number;
  /** Concurrent clients (writers and readers mixed). Default 16. */
  clients?: number;
  keys?: number;
  /** Upper bound of a SIGSTOP pause, at most 10,000 ms. Default 10,000 ms. */
  maxPauseMs?: number;
  log?: (line: string) => void;
}

export interface RobustnessResult {
  family: FaultFamily;
  seed: number;
  /** At least 100 successful operations per second before the fault: otherwise it does not count. */
  counted: boolean;
  opsPerSecBeforeFault: number;
  ops: number;
  unknownOps: number;
  faults: string[];
  linearizable: boolean;
  checkTimedOut: boolean;
  /** Acknowledged writes (client:seq) missing from a voter's applied writes. */
  lostWrites: string[];
  /** Voters whose key-value state differs from the leader's at the same applied index. */
  divergentMembers: string[];
  explanation?: string;
  durationMs: number;
}

export const MIN_OPS_PER_SEC = 100;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One robustness run: a cluster of separate member processes, a concurrent client workload that
 * records its history, one fault family injected with real signals or the partition proxies, then
 * heal, and check: the history is linearizable, every acknowledged write is among the writes every
 * voter applied, and the voters' states agree.
 */
export async function runRobustness(options: RobustnessOptions): Promise<RobustnessResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const random = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const dir = join(options.dir, `${options.family}-${options.seed}`);
  mkdirSync(dir, { recursive: true });
  const cluster = new Cluster({ dir, basePort: options.basePort, proxied: true, audit: true });
  const faults: string[] = [];
  try {
    await cluster.bootstrap(options.size ?? 5);
    log(`cluster up (${cluster.known.length} members), leader ${(await cluster.waitForLeader()).id}`);

    // The workload: each client mixes puts (unique values), compare-and-swaps, deletes and reads.
    const recorder = new HistoryRecorder<KvInput, KvOutput>(systemClock);
    const keys = Array.from({ length: options.keys ?? 16 }, (_, i) => `key-${i}`);
    const acknowledged: string[] = [];
    let stopped = false;
    let faultAt = Number.POSITIVE_INFINITY;
    let measureFrom = Number.POSITIVE_INFINITY;
    let okBeforeFault = 0;
    let ops = 0;
    let unknownOps = 0;
    const workers = Array.from({ length: options.clients ?? 16 }, async (_, w) => {
      const client = new KvClient({
        endpoints: cluster.endpoints,
        clientId: `c${w}`,
        attemptTimeoutMs: 1500,
      });
      const lastSeen = new Map<string, string | null>();
      let n = 0;
      while (!stopped) {
        const key = pick(keys);
        const roll = random();
        n += 1;
        const value = `c${w}-${n}`;
        const input: KvInput =
          roll < 0.45
            ? { kind: 'get', key }
            : roll < 0.8
              ? { kind: 'put', key, value }
              : roll < 0.95
                ? { kind: 'cas', key, expected: lastSeen.get(key) ?? null, value }
                : { kind: 'delete', key };
        const op = recorder.invoke(client.clientId, input);
        try {
          let output: KvOutput = {};
          if (input.kind === 'get') {
            const seen = await client.get(key);
            lastSeen.set(key, seen);
            output = { value: seen };
          } else if (input.kind === 'put') {
            await client.put(key, input.value);
            lastSeen.set(key, input.value);
          } else if (input.kind === 'cas') {
            const ok = await client.cas(key, input.expected, input.value);
            if (ok) lastSeen.set(key, input.value);
            output = { ok };
          } else {
            await client.delete(key);
            lastSeen.set(key, null);
          }
          op.ok(output);
          ops += 1;
          const now = Date.now();
          if (now >= measureFrom && now < faultAt) okBeforeFault += 1;
          if (input.kind !== 'get') acknowledged.push(`${client.clientId}:${client.lastSeq}`);
        } catch {
          op.unknown();
          unknownOps += 1;
        }
      }
    });

    const warmupMs = options.warmupMs ?? 3000;
    measureFrom = Date.now() + Math.min(options.rampMs ?? 1000, warmupMs / 2);
    await sleep(warmupMs);
    faultAt = Date.now();
    const opsPerSecBeforeFault = (okBeforeFault * 1000) / (faultAt - measureFrom);
    log(`warm-up: ${opsPerSecBeforeFault.toFixed(0)} ops/s; fault family ${options.family}`);

    await injectFault(options, cluster, pick, random, (line) => {
      faults.push(line);
      log(line);
    });

    await sleep(options.recoverMs ?? 3000);
    stopped = true;
    await Promise.all(workers);

    // Every voter applies everything: a barrier write, then wait for each voter to reach it.
    const leader = await cluster.waitForLeader();
    const barrier = new KvClient({ endpoints: cluster.endpoints, clientId: 'barrier' });
    await barrier.put('__barrier', 'done');
    const target = BigInt((await cluster.waitForLeader()).applied);
    const states = new Map<
      string,
      { applied: string; data: Record<string, string>; audit: Record<string, number[]> }
    >();
    const voters = (await cluster.waitForLeader()).voters;
    for (const id of voters) {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const res = await fetch(`http://${cluster.httpAddress(id)}/debug/state`).catch(() => undefined);
        const state = res?.ok
          ? ((await res.json()) as {
              applied: string;
              data: Record<string, string>;
              audit: Record<string, number[]>;
            })
          : undefined;
        if (state && BigInt(state.applied) >= target) {
          states.set(id, state);
          break;
        }
        if (Date.now() > deadline) throw new Error(`voter ${id} did not apply up to ${target} within 30 s`);
        await sleep(100);
      }
    }

    // Final reads of every key, recorded: an acknowledged write that vanished shows up here.
    const reader = new KvClient({ endpoints: cluster.endpoints, clientId: 'final-reader' });
    for (const key of keys) {
      const op = recorder.invoke('final-reader', { kind: 'get', key });
      op.ok({ value: await reader.get(key) });
    }

    const lostWrites: string[] = [];
    for (const [id, state] of states) {
      const applied = new Set(
        Object.entries(state.audit ?? {}).flatMap(([c, seqs]) => seqs.map((s) => `${c}:${s}`)),
      );
      for (const write of acknowledged) if (!applied.has(write)) lostWrites.push(`${write}@${id}`);
    }
    const reference = states.get(leader.id) ?? [...states.values()][0];
    const divergentMembers = [...states]
      .filter(
        ([, s]) =>
          s.applied === reference?.applied &&
          JSON.stringify(sorted(s.data)) !== JSON.stringify(sorted(reference.data)),
      )
      .map(([id]) => id);

    const check = checkKvHistory(recorder.history(), { timeoutMs: 60_000 });
    const result: RobustnessResult = {
      family: options.family,
      seed: options.seed,
      counted: opsPerSecBeforeFault >= MIN_OPS_PER_SEC,
      opsPerSecBeforeFault: Math.round(opsPerSecBeforeFault),
      ops,
      unknownOps,
      faults,
      linearizable: check.linearizable,
      checkTimedOut: check.timedOut,
      lostWrites,
      divergentMembers,
      durationMs: Date.now() - started,
      ...(check.counterexample ? { explanation: check.counterexample.explanation } : {}),
    };
    return result;
  } finally {
    await cluster.destroy();
  }
}

/**
 * Runs until a run counts (at least MIN_OPS_PER_SEC before its fault), at most `attempts` times,
 * each with another seed. Returns every run made, the counted one (if any) last.
 */
export async function runCounted(options: RobustnessOptions, attempts = 3): Promise<RobustnessResult[]> {
  const runs: RobustnessResult[] = [];
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const result = await runRobustness({ ...options, seed: options.seed + attempt * 1000 });
    runs.push(result);
    if (result.counted) break;
  }
  return runs;
}

function sorted(data: Record<string, string>): [string, string][] {
  return Object.entries(data).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

async function injectFault(
  options: RobustnessOptions,
  cluster: Cluster,
  pick: <T>(items: readonly T[]) => T,
  random: () => number,
  note: (line: string) => void,
): Promise<void> {
  const leader = await cluster.waitForLeader();
  const followers = leader.voters.filter((id) => id !== leader.id);
  switch (options.family) {
    case 'kill-leader':
      for (let round = 0; round < 2; round += 1) {
        const current = await cluster.waitForLeader();
        note(`SIGKILL leader ${current.id}`);
        await cluster.kill(current.id);
        await sleep(1500);
        await cluster.restart(current.id);
        note(`restarted ${current.id}`);
        await sleep(1000);
      }
      return;
    case 'kill-follower':
      for (let round = 0; round < 2; round += 1) {
        const current = await cluster.waitForLeader();
        const victim = pick(current.voters.filter((id) => id !== current.id));
        note(`SIGKILL follower ${victim}`);
        await cluster.kill(victim);
        await sleep(2000);
        await cluster.restart(victim);
        note(`restarted ${victim}`);
        await sleep(500);
      }
      return;
    case 'kill-all':
      note(`SIGKILL all members ${cluster.known.join(',')}`);
      await Promise.all(cluster.known.map((id) => cluster.kill(id)));
      await sleep(1000);
      await Promise.all(cluster.known.map((id) => cluster.restart(id)));
      note('restarted all');
      return;
    case 'pause': {
      const maxPause = Math.min(options.maxPauseMs ?? 10_000, 10_000);
      const ms = 1000 + Math.floor(random() * (maxPause - 1000 + 1));
      const victim = random() < 0.7 ? leader.id : pick(followers);
      note(`SIGSTOP ${victim === leader.id ? 'leader' : 'follower'} ${victim} for ${ms} ms`);
      cluster.signal(victim, 'SIGSTOP');
      await sleep(ms);
      cluster.signal(victim, 'SIGCONT');
      note(`SIGCONT ${victim}`);
      return;
    }
    case 'partition-leader':
      note(`isolate leader ${leader.id} for 5000 ms`);
      cluster.partition([leader.id], followers);
      await sleep(5000);
      cluster.heal();
      note('heal');
      return;
    case 'partition-minority': {
      const minority = [leader.id, pick(followers)];
      const majority = leader.voters.filter((id) => !minority.includes(id));
      note(`cut minority ${minority.join(',')} (with the leader) from ${majority.join(',')} for 5000 ms`);
      cluster.partition(minority, majority);
      await sleep(5000);
      cluster.heal();
      note('heal');
      return;
    }
    case 'partition-bridge': {
      // [leader, a] - bridge - [c, d]: only the bridge sees both sides.
      const [a, bridge, ...rest] = followers;
      const left = [leader.id, a as string];
      note(`bridge ${bridge}: ${left.join(',')} | ${rest.join(',')} for 5000 ms`);
      cluster.partition(left, rest);
      await sleep(5000);
      cluster.heal();
      note('heal');
      return;
    }
    case 'membership': {
      const next = () => String(Math.max(...cluster.known.map(Number)) + 1);
      const added = next();
      await cluster.start(added, { peers: [...cluster.known, added], join: true });
      await admin(cluster, 'POST', '/members', { id: added, peer: cluster.advertisedAddress(added) });
      note(`added member ${added}`);
      const removed = pick(followers);
      await admin(cluster, 'DELETE', `/members/${removed}`);
      await cluster.kill(removed);
      note(`removed member ${removed}`);
      // Replace the leader: remove it, then add a fresh member in its place.
      const current = await cluster.waitForLeader();
      await admin(cluster, 'DELETE', `/members/${current.id}`);
      await sleep(500);
      await cluster.kill(current.id);
      const replacement = next();
      await cluster.start(replacement, { peers: [...cluster.known, replacement], join: true });
      await admin(cluster, 'POST', '/members', {
        id: replacement,
        peer: cluster.advertisedAddress(replacement),
      });
      note(`replaced leader ${current.id} with ${replacement}`);
      return;
    }
  }
}

/** A membership call, retried on live members until one accepts it. */
async function admin(cluster: Cluster, method: string, path: string, body?: unknown): Promise<MemberStatus> {
  const deadline = Date.now() + 30_000;
  for (let i = 0; ; i += 1) {
    const id = cluster.known[i % cluster.known.length] as string;
    if (cluster.isRunning(id)) {
      const res = await fetch(`http://${cluster.httpAddress(id)}${path}`, {
        method,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(5000),
      }).catch(() => undefined);
      if (res?.ok) return (await res.json()) as MemberStatus;
    }
    if (Date.now() > deadline) throw new Error(`${method} ${path} failed on every member for 30 s`);
    await sleep(200);
  }
}
