// A deterministic simulation of a raft cluster: one process, virtual time, a seeded PRNG, real
// RaftNode drivers and cores over a simulated disk and network, and faults drawn from the seed.
// Safety invariants are checked on every write and every step; at the end the faults heal and the
// cluster must elect a leader and commit a new write within a bounded virtual time. The clients'
// history is checked for linearizability. The same seed always replays the same run.
import { type Clock, isSwarmError, ManualClock, type Random, seededRandom, type Timer } from '@swarm/api';
import { RaftNode } from '../driver/raft-node.js';
import { HistoryRecorder } from '../linearizability/history-recorder.js';
import type { KvInput, KvOutput } from '../linearizability/kv-model.js';
import { checkKvHistory } from '../linearizability/kv-model.js';
import type { Entry, MemberId, Message } from '../types.js';
import { encodeKvCommand, type KvCommand, type KvResult, KvStateMachine } from './kv-machine.js';
import { calmNetwork, SimNetwork } from './sim-network.js';
import { SimStorage } from './sim-storage.js';

/** The options of one simulated run (its seed above all). */
export interface SimulationOptions {
  seed: number;
  /** Founding voters (3 or 5 drawn from the seed when absent). */
  members?: number;
  /** Virtual milliseconds of faults. Default 4,000. */
  chaosMs?: number;
  /** Virtual milliseconds the healed cluster has to elect a leader and commit. Default 6,000. */
  livenessMs?: number;
  clients?: number;
  /** Virtual milliseconds per raft tick. Default 10 (election timeout 100-200 ms). */
  tickMs?: number;
  /**
   * The "removal then survivor crashes" fault schedule: when a member is removed, a voter first
   * fails for good (a damaged disk), and once the removed member is shut down the remaining voters
   * crash (fsync failures). Drawn from the seed for 30% of runs when absent.
   */
  removalCrashes?: boolean;
  /** Deliberately broken storage for checking the simulator: acknowledge writes before they are synced. */
  ackBeforeSync?: boolean;
  /** Receives a trace line per notable event (for replaying a failing seed). */
  trace?: (line: string) => void;
}

/** What one simulated run found: safety violations, liveness, linearizability, statistics. */
export interface SimulationResult {
  seed: number;
  violations: string[];
  linearizable: boolean;
  livenessFailure?: string;
  stats: {
    virtualMs: number;
    operations: number;
    acknowledged: number;
    messages: number;
    crashes: number;
    pauses: number;
    partitions: number;
    diskFaults: number;
    membershipChanges: number;
    transfers: number;
  };
}

const KEYS = ['a', 'b', 'c'];

/** A clock view for one member that can be paused (SIGSTOP): its timers wait until it resumes. */
class MemberClock implements Clock {
  readonly #base: Clock;
  paused = false;
  #deferred: (() => void)[] = [];
  readonly #timers = new Set<Timer>();

  constructor(base: Clock) {
    this.#base = base;
  }
  now(): number {
    return this.#base.now();
  }
  setTimeout(fn: () => void, ms: number): Timer {
    let cancelled = false;
    const t = this.#base.setTimeout(() => {
      this.#timers.delete(t);
      if (cancelled) return;
      if (this.paused) this.#deferred.push(() => !cancelled && fn());
      else fn();
    }, ms);
    this.#timers.add(t);
    return {
      cancel: () => {
        cancelled = true;
        t.cancel();
        this.#timers.delete(t);
      },
    };
  }
  resume(): void {
    this.paused = false;
    const run = this.#deferred;
    this.#deferred = [];
    for (const fn of run) fn();
  }
  /** Drops every timer (the process died). */
  reset(): void {
    for (const t of this.#timers) t.cancel();
    this.#timers.clear();
    this.#deferred = [];
    this.paused = false;
  }
}

type MemberState = 'up' | 'down' | 'removed' | 'failed';

class Member {
  readonly id: MemberId;
  readonly storage: SimStorage;
  readonly clock: MemberClock;
  node: RaftNode<KvResult> | undefined;
  sm = new KvStateMachine();
  state: MemberState = 'down';
  inbox: Message[] = [];
  restartAt = 0;

  constructor(id: MemberId, clock: Clock) {
    this.id = id;
    this.storage = new SimStorage(`member ${id}`);
    this.clock = new MemberClock(clock);
  }
  get paused(): boolean {
    return this.clock.paused;
  }
  receive(m: Message): void {
    if (this.state !== 'up' || this.node === undefined) return;
    if (this.paused) this.inbox.push(m);
    else this.node.receive(m);
  }
  unreachable(): void {}
}

const flush = () => new Promise<void>((r) => setImmediate(r));

function fingerprint(e: Entry): string {
  let h = 0x811c9dc5;
  for (const b of e.data) h = Math.imul(h ^ b, 0x01000193);
  return `${e.term}/${e.type}/${e.data.byteLength}/${(h >>> 0).toString(16)}`;
}

function stateHash(sm: KvStateMachine): string {
  return new TextDecoder().decode(sm.snapshot());
}

/** Runs a whole cluster in one process on virtual time under faults drawn from `options.seed`; the same seed replays the same run. */
export async function runSimulation(options: SimulationOptions): Promise<SimulationResult> {
  const seed = options.seed;
  const rand: Random = seededRandom(seed);
  const clock = new ManualClock(0);
  const net = new SimNetwork(clock, seededRandom(seed * 7919 + 1));
  const tracing = options.trace !== undefined;
  const trace = (line: string) => options.trace?.(`t=${clock.now()} ${line}`);
  const tickMs = options.tickMs ?? 10;
  const chaosMs = options.chaosMs ?? 4_000;
  const livenessMs = options.livenessMs ?? 6_000;
  const preVote = rand.float() < 0.5;
  // Some runs carry few entries per append and crash new leaders soon after their election: short
  // reigns with partly replicated logs are where Figure 8 style bugs (old-term commits) show.
  const maxSizePerMsg = rand.float() < 0.5 ? 128 : 4096;
  const leaderChurn = rand.float() < 0.4 ? 0.3 + rand.float() * 0.4 : 0;
  const founders = options.members ?? (rand.float() < 0.5 ? 3 : 5);
  // Drawn from a stream of its own, so that adding the schedule left the other draws of a seed as
  // they were.
  const scheduleRand = seededRandom(seed * 104_729 + 17);
  const removalCrashes = options.removalCrashes ?? scheduleRand.float() < 0.3;
  const violations: string[] = [];
  const violate = (v: string) => {
    if (violations.length < 20) violations.push(`t=${clock.now()}ms ${v}`);
    trace(`VIOLATION ${v}`);
  };
  const stats: SimulationResult['stats'] = {
    virtualMs: 0,
    operations: 0,
    acknowledged: 0,
    messages: 0,
    crashes: 0,
    pauses: 0,
    partitions: 0,
    diskFaults: 0,
    membershipChanges: 0,
    transfers: 0,
  };

  // ---- invariants ----
  const committed = new Map<bigint, string>(); // index -> fingerprint of the committed entry
  const checkedCommit = new Map<MemberId, bigint>();
  const appliedState = new Map<bigint, string>(); // applied index -> state machine image
  const leaders = new Map<bigint, MemberId>(); // term -> leader
  const members = new Map<MemberId, Member>();

  const observer = {
    onTruncate(s: SimStorage, from: bigint, replaced: Entry[], incoming: readonly Entry[]) {
      const commit = s.hardState().commit;
      for (const r of replaced) {
        if (r.index > commit) break;
        const n = incoming.find((e) => e.index === r.index);
        if (n === undefined || fingerprint(n) !== fingerprint(r)) {
          violate(`${s.name}: committed entry ${r.index} (commit ${commit}) overwritten from ${from}`);
        }
      }
    },
    onHardState(s: SimStorage, hs: { term: bigint; commit: bigint }) {
      const m = [...members.values()].find((x) => x.storage === s)!;
      // Raft's commitment rule (§5.4.2, Figure 2): a leader moves its commit index only onto an
      // entry of its current term; older entries are committed indirectly, never by counting.
      const before = checkedCommit.get(m.id) ?? 0n;
      if (m.node?.isLeader && m.node.term === hs.term && hs.commit > before) {
        const e = s.entryAt(hs.commit);
        if (e !== undefined && e.term !== hs.term) {
          violate(
            `${s.name}: leader of term ${hs.term} committed index ${hs.commit} of term ${e.term} by counting`,
          );
        }
      }
      let from = (checkedCommit.get(m.id) ?? 0n) + 1n;
      if (from < s.firstIndex()) from = s.firstIndex();
      for (let i = from; i <= hs.commit; i++) {
        const e = s.entryAt(i);
        if (e === undefined) continue;
        const f = fingerprint(e);
        const seen = committed.get(i);
        if (seen === undefined) committed.set(i, f);
        else if (seen !== f)
          violate(`${s.name}: committed entry ${i} is ${f}, another member committed ${seen}`);
      }
      if (hs.commit > (checkedCommit.get(m.id) ?? 0n)) checkedCommit.set(m.id, hs.commit);
    },
    onAppend(s: SimStorage, ents: readonly Entry[]) {
      const last = ents[ents.length - 1]!;
      for (const o of members.values()) {
        if (o.storage === s) continue;
        const oe = o.storage.entryAt(last.index);
        if (oe === undefined || oe.term !== last.term) continue;
        // Log matching: same index and term -> identical entries up to there.
        for (let i = last.index; i >= last.index - 32n && i >= 1n; i--) {
          const a = s.entryAt(i);
          const b = o.storage.entryAt(i);
          if (a === undefined || b === undefined) break;
          if (fingerprint(a) !== fingerprint(b)) {
            violate(
              `log matching: ${s.name} and ${o.storage.name} agree at ${last.index}/${last.term} but differ at ${i}`,
            );
            break;
          }
        }
      }
    },
  };

  const ids: MemberId[] = [];
  const newId = (): MemberId => {
    const id = BigInt(ids.length + 1) * 0x1_0000_0001n + BigInt(seed % 1000);
    ids.push(id);
    return id;
  };

  function wrapMachine(m: Member): KvStateMachine {
    const sm = new KvStateMachine();
    const apply = sm.apply.bind(sm);
    sm.apply = (data: Uint8Array) => {
      const r = apply(data);
      const idx = m.node?.appliedIndex ?? 0n;
      if (tracing) trace(`apply ${m.id} #${idx} ${new TextDecoder().decode(data)}`);
      const h = stateHash(sm);
      const seen = appliedState.get(idx);
      if (seen === undefined) appliedState.set(idx, h);
      else if (seen !== h)
        violate(`member ${m.id}: state at applied index ${idx} differs from another member's`);
      return r;
    };
    return sm;
  }

  async function start(m: Member, bootstrap?: MemberId[]) {
    if (m.storage.corrupt) {
      // The checksum check refuses the damaged data: this member stays down for good.
      m.state = 'failed';
      trace(`member ${m.id} refuses to start: damaged record detected`);
      return;
    }
    m.sm = wrapMachine(m);
    m.clock.reset();
    m.inbox = [];
    const node = new RaftNode<KvResult>({
      id: m.id,
      storage: m.storage,
      transport: net.transport(m.id),
      stateMachine: m.sm,
      clock: m.clock,
      random: seededRandom(rand.int(2 ** 31)),
      tickMs,
      snapshotInterval: 64,
      keepEntries: 16,
      timeoutMs: 1_000,
      raft: {
        electionTick: 10,
        heartbeatTick: 1,
        checkQuorum: true,
        preVote,
        maxSizePerMsg,
        maxInflightMsgs: 16,
      },
      ...(bootstrap ? { bootstrap } : {}),
    });
    node.onLeaderChange((leader, term) => {
      if (leader !== m.id) return;
      const prev = leaders.get(term);
      if (prev !== undefined && prev !== m.id) violate(`two leaders in term ${term}: ${prev} and ${m.id}`);
      leaders.set(term, m.id);
      trace(`leader ${m.id} term ${term}`);
      // Reads right after an election are where a leader that has not yet committed an entry of
      // its term could answer from a stale commit index: probe that window on every election.
      if (clientsOn) clock.setTimeout(() => void readBurst(m, node), rand.int(3));
      if (clock.now() < chaosMs && leaderChurn > 0 && rand.float() < leaderChurn) {
        const reign = 2 + rand.int(40);
        clock.setTimeout(() => {
          if (m.node === node && m.state === 'up' && clock.now() < chaosMs) {
            m.storage.faults.tornWrites = rand.int(2);
            crash(m, `leader churn after ${reign} ms`);
          }
        }, reign);
      }
    });
    m.node = node;
    m.state = 'up';
    await node.start();
  }

  function crash(m: Member, why: string) {
    if (m.state !== 'up') return;
    stats.crashes++;
    trace(`crash ${m.id} (${why})`);
    void m.node?.stop();
    m.clock.reset();
    m.storage.crash();
    m.state = 'down';
    m.node = undefined;
    m.restartAt = clock.now() + 50 + rand.int(700);
  }

  // ---- cluster ----
  const founding: MemberId[] = [];
  for (let i = 0; i < founders; i++) founding.push(newId());
  for (const id of founding) {
    const m = new Member(id, clock);
    m.storage.observer = observer;
    m.storage.faults.ackBeforeSync = options.ackBeforeSync ?? false;
    members.set(id, m);
    net.attach(id, m);
    await start(m, founding);
  }

  const upMembers = () => [...members.values()].filter((m) => m.state === 'up');
  const leader = () => upMembers().find((m) => m.node?.isLeader && !m.paused);
  const voters = (): MemberId[] => {
    const l = leader();
    return l?.node ? l.node.status().config.voters : [];
  };

  // ---- clients ----
  const recorder = new HistoryRecorder<KvInput, KvOutput>(clock);
  const acked: { index: bigint; fp: string; cmd: string }[] = [];
  let clientsOn = true;
  let valueSeq = 0;
  const sleep = (ms: number) => new Promise<void>((r) => clock.setTimeout(r, ms));

  async function client(c: number) {
    const crand = seededRandom(seed * 31 + c);
    while (clientsOn) {
      const ups = upMembers().filter((m) => !m.paused);
      const target = ups.length > 0 ? ups[crand.int(ups.length)]! : undefined;
      if (target?.node === undefined) {
        await sleep(10);
        continue;
      }
      const node = target.node;
      const key = KEYS[crand.int(KEYS.length)]!;
      const roll = crand.float();
      stats.operations++;
      if (roll < 0.35) {
        const h = recorder.invoke(c, { kind: 'get', key });
        try {
          const { index } = await node.readIndex({ timeoutMs: 500 });
          const value = target.sm.get(key) ?? null;
          if (tracing)
            trace(
              `client ${c} get ${key} -> ${value} on ${target.id} at read index ${index} (applied ${node.appliedIndex})`,
            );
          h.ok({ value });
          stats.acknowledged++;
        } catch {
          h.fail(); // a read that did not complete had no effect
        }
      } else {
        const value = `v${++valueSeq}`;
        const cmd: KvCommand =
          roll < 0.8
            ? { op: 'put', key, value }
            : {
                op: 'cas',
                key,
                expected: crand.float() < 0.5 ? null : `v${Math.max(1, valueSeq - 1 - crand.int(3))}`,
                value,
              };
        const input: KvInput =
          cmd.op === 'put'
            ? { kind: 'put', key, value }
            : { kind: 'cas', key, expected: (cmd as { expected: string | null }).expected, value };
        const h = recorder.invoke(c, input);
        const data = encodeKvCommand(cmd);
        try {
          const r = await node.propose(data, { timeoutMs: 1_000 });
          if (tracing) trace(`client ${c} ${cmd.op} ${key}=${value} on ${target.id} at index ${r.index}`);
          h.ok(cmd.op === 'cas' ? { ok: r.result.ok } : undefined);
          stats.acknowledged++;
          acked.push({ index: r.index, fp: new TextDecoder().decode(data), cmd: cmd.op });
        } catch (err) {
          if (isSwarmError(err, 'PROPOSAL_DROPPED')) h.fail();
          else h.unknown();
        }
      }
      await sleep(crand.int(20));
    }
  }
  let burstClient = 0;
  async function readBurst(m: Member, node: RaftNode<KvResult>) {
    if (m.node !== node || m.state !== 'up' || m.paused || !clientsOn) return;
    const client = `election-reader-${++burstClient}`;
    const key = KEYS[rand.int(KEYS.length)]!;
    const h = recorder.invoke(client, { kind: 'get', key });
    stats.operations++;
    try {
      const { index } = await node.readIndex({ timeoutMs: 500 });
      const value = m.sm.get(key) ?? null;
      if (tracing) trace(`${client} get ${key} -> ${value} on ${m.id} at read index ${index}`);
      h.ok({ value });
      stats.acknowledged++;
    } catch {
      h.fail();
    }
  }

  const clientCount = options.clients ?? 4;
  const clientRuns = Array.from({ length: clientCount }, (_, c) => client(c));

  // ---- faults ----
  let nextFault = 100;
  let corruptedOne = false; // at most one member per run loses its disk, so a quorum can survive
  const timers: (() => void)[] = [];
  const later = (ms: number, fn: () => void) => {
    const t = clock.setTimeout(fn, ms);
    timers.push(() => t.cancel());
  };

  async function injectFault() {
    const ups = upMembers();
    const pick = <T>(xs: T[]): T | undefined => (xs.length === 0 ? undefined : xs[rand.int(xs.length)]);
    const roll = rand.int(100);
    if (roll < 15) {
      net.faults = {
        loss: rand.float() * 0.3,
        duplicate: rand.float() * 0.1,
        minDelayMs: 1,
        maxDelayMs: 1 + rand.int(10),
        reorder: rand.float() * 0.3,
        reorderDelayMs: 5 + rand.int(40),
      };
      trace(`network loss=${net.faults.loss.toFixed(2)} dup=${net.faults.duplicate.toFixed(2)}`);
    } else if (roll < 35) {
      stats.partitions++;
      const all = [...members.keys()];
      const kind = rand.int(3);
      if (kind === 0) {
        const shuffled = all.slice().sort(() => rand.float() - 0.5);
        const cut = 1 + rand.int(Math.max(1, all.length - 1));
        net.partition([shuffled.slice(0, cut), shuffled.slice(cut)]);
        trace(`partition ${shuffled.slice(0, cut)} | ${shuffled.slice(cut)}`);
      } else if (kind === 1) {
        const l = leader();
        if (l) {
          net.partition([[l.id], all.filter((x) => x !== l.id)]);
          trace(`isolate leader ${l.id}`);
        }
      } else {
        // asymmetric: some directed links drop
        for (let i = 0; i < 1 + rand.int(3); i++) {
          const a = pick(all)!;
          const b = pick(all)!;
          if (a !== b) net.block(a, b);
        }
        trace('asymmetric link faults');
      }
      later(100 + rand.int(900), () => {
        net.heal();
        trace('heal');
      });
    } else if (roll < 50) {
      const victim = rand.float() < 0.4 ? leader() : pick(ups);
      if (victim) {
        victim.storage.faults.tornWrites = rand.int(3);
        if (!corruptedOne && rand.float() < 0.1) {
          corruptedOne = true;
          stats.diskFaults++;
          victim.storage.faults.corruptOnCrash = true;
        }
        crash(victim, 'kill');
      }
    } else if (roll < 60) {
      const victim = pick(ups.filter((m) => !m.paused));
      if (victim) {
        stats.pauses++;
        victim.clock.paused = true;
        trace(`pause ${victim.id}`);
        later(50 + rand.int(500), () => {
          if (victim.state !== 'up') return;
          victim.clock.resume();
          const inbox = victim.inbox;
          victim.inbox = [];
          for (const m of inbox) victim.node?.receive(m);
          trace(`resume ${victim.id}`);
        });
      }
    } else if (roll < 70) {
      const victim = pick(ups);
      if (victim) {
        stats.diskFaults++;
        victim.storage.faults.failNextSync = true;
        trace(`disk: next sync fails on ${victim.id}`);
      }
    } else if (roll < 85) {
      const l = leader();
      const vs = voters();
      if (l?.node && vs.length > 0) {
        if (vs.length < 5 && rand.float() < 0.5) {
          const id = newId();
          const m = new Member(id, clock);
          m.storage.observer = observer;
          m.storage.faults.ackBeforeSync = options.ackBeforeSync ?? false;
          members.set(id, m);
          net.attach(id, m);
          await start(m);
          stats.membershipChanges++;
          trace(`add member ${id}`);
          l.node.addMember(id, { timeoutMs: 2_000 }).catch(() => {});
        } else if (vs.length > 3) {
          const id = vs[rand.int(vs.length)]!;
          if (removalCrashes && !corruptedOne) {
            // A voter other than the leader and the removed member fails for good first.
            const doomed = vs.filter((v) => v !== id && v !== l.id && members.get(v)?.state === 'up');
            const d = doomed.length > 0 ? members.get(doomed[scheduleRand.int(doomed.length)]!) : undefined;
            if (d !== undefined) {
              corruptedOne = true;
              stats.diskFaults++;
              d.storage.faults.corruptOnCrash = true;
              crash(d, 'disk damaged before a removal');
            }
          }
          stats.membershipChanges++;
          trace(`remove member ${id}`);
          l.node
            .removeMember(id, { timeoutMs: 2_000 })
            .then(({ index, confState }) => {
              // Like an operator, stop the removed member only once the remaining voters have
              // applied its removal: stopping it earlier can leave them in the old configuration
              // without a quorum.
              retirements.push({ id, index, voters: confState.voters });
            })
            .catch(() => {});
        }
      }
    } else {
      const l = leader();
      const vs = voters().filter((v) => v !== l?.id);
      const to = pick(vs);
      if (l?.node && to !== undefined) {
        stats.transfers++;
        trace(`transfer leadership ${l.id} -> ${to}`);
        try {
          l.node.transferLeadership(to);
        } catch {
          // not a leader any more
        }
      }
    }
  }

  const retirements: { id: MemberId; index: bigint; voters: MemberId[] }[] = [];
  function retire() {
    for (let i = retirements.length - 1; i >= 0; i--) {
      const r = retirements[i]!;
      const waiting = r.voters.some((v) => {
        const m = members.get(v);
        return (
          m !== undefined &&
          m.state !== 'failed' &&
          m.state !== 'removed' &&
          (m.node?.appliedIndex ?? 0n) < r.index
        );
      });
      if (waiting) continue;
      retirements.splice(i, 1);
      const m = members.get(r.id);
      if (m && m.state !== 'removed') {
        void m.node?.stop();
        m.clock.reset();
        m.state = 'removed';
        net.detach(r.id);
        trace(`member ${r.id} shut down after its removal was applied by the remaining voters`);
        if (removalCrashes && clock.now() < chaosMs) {
          // The remaining voters crash soon after: each one's next synced write fails, and any
          // still up after a short while dies anyway (losing what it had not synced).
          for (const v of r.voters) {
            const s = members.get(v);
            if (s === undefined || s.state !== 'up') continue;
            stats.diskFaults++;
            s.storage.faults.failNextSync = true;
            const node = s.node;
            later(scheduleRand.int(60), () => {
              if (s.node === node && s.state === 'up') crash(s, 'fsync failure after a removal');
            });
          }
        }
      }
    }
  }

  async function housekeeping() {
    retire();
    for (const m of members.values()) {
      if (m.state === 'up' && m.node?.stoppedReason !== undefined) crash(m, m.node.stoppedReason);
      if (m.state === 'down' && clock.now() >= m.restartAt && clock.now() < chaosMs) {
        trace(`restart ${m.id}`);
        await start(m);
      }
    }
  }

  // ---- chaos phase ----
  while (clock.now() < chaosMs) {
    clock.advance(1);
    await flush();
    if (clock.now() >= nextFault) {
      await injectFault();
      nextFault = clock.now() + 50 + rand.int(200);
    }
    await housekeeping();
  }

  // ---- liveness phase: heal everything ----
  for (const cancel of timers) cancel();
  net.heal();
  net.faults = calmNetwork();
  for (const m of members.values()) {
    m.storage.faults.failNextSync = false;
    if (m.state === 'up' && m.paused) {
      m.clock.resume();
      const inbox = m.inbox;
      m.inbox = [];
      for (const msg of inbox) m.node?.receive(msg);
    }
  }
  for (const m of members.values()) {
    if (m.state === 'up' && m.node?.stoppedReason !== undefined) crash(m, m.node.stoppedReason);
    if (m.state === 'down') await start(m);
  }
  trace('healed');
  const healedAt = clock.now();
  let livenessFailure: string | undefined;
  let probeIndex: bigint | undefined;
  let probing = false;
  while (clock.now() < healedAt + livenessMs) {
    clock.advance(1);
    await flush();
    for (const m of members.values())
      if (m.state === 'up' && m.node?.stoppedReason !== undefined) crash(m, 'fatal');
    for (const m of members.values()) if (m.state === 'down') await start(m);
    retire();
    const l = leader();
    if (probeIndex === undefined && !probing && l?.node) {
      probing = true;
      l.node
        .propose(encodeKvCommand({ op: 'put', key: 'liveness', value: 'ok' }), { timeoutMs: 1_000 })
        .then((r) => {
          probeIndex = r.index;
        })
        .catch(() => {})
        .finally(() => {
          probing = false;
        });
    }
    if (probeIndex !== undefined) {
      const vs = voters().filter((v) => members.get(v)?.state !== 'failed');
      const behind = vs.filter((v) => (members.get(v)?.node?.appliedIndex ?? 0n) < probeIndex!);
      if (vs.length > 0 && behind.length === 0) break;
    }
  }
  if (probeIndex === undefined && tracing) {
    for (const m of members.values()) {
      if (m.state !== 'up' || m.node === undefined) {
        trace(`member ${m.id}: ${m.state}`);
        continue;
      }
      const st = m.node.status();
      trace(
        `member ${m.id}: ${st.softState.raftState} term ${st.hardState.term} vote ${st.hardState.vote} lead ${st.softState.lead} ` +
          `commit ${st.hardState.commit} last ${m.storage.lastIndex()} voters ${st.config.voters.join(',')}` +
          `${st.config.votersOutgoing.length ? ` outgoing ${st.config.votersOutgoing.join(',')}` : ''}`,
      );
    }
  }
  if (probeIndex === undefined) {
    livenessFailure = `no write committed within ${livenessMs} ms after healing (leader: ${leader()?.id ?? 'none'})`;
  } else {
    const vs = voters().filter((v) => members.get(v)?.state !== 'failed');
    const behind = vs.filter((v) => (members.get(v)?.node?.appliedIndex ?? 0n) < probeIndex!);
    if (behind.length > 0)
      livenessFailure = `voters ${behind.join(',')} did not apply index ${probeIndex} after healing`;
  }
  clientsOn = false;
  // Let clients finish their last operation.
  for (let i = 0; i < 1_500; i++) {
    clock.advance(1);
    await flush();
  }
  await Promise.race([Promise.all(clientRuns), flush()]);

  // ---- acknowledged writes are never lost ----
  for (const a of acked) {
    const seen = committed.get(a.index);
    const m = upMembers().find((x) => x.storage.entryAt(a.index) !== undefined);
    const e = m?.storage.entryAt(a.index);
    if (seen === undefined && e === undefined) continue; // compacted everywhere: covered by the state checks
    if (e !== undefined) {
      const data = new TextDecoder().decode(e.data.subarray(17));
      if (data !== a.fp) violate(`acknowledged ${a.cmd} at index ${a.index} was replaced by another entry`);
    }
  }

  // A run that already broke an invariant is failed; don't spend the checker's budget on it.
  const lin =
    violations.length > 0
      ? { linearizable: true, timedOut: false, failedKey: undefined }
      : checkKvHistory(recorder.history(), { timeoutMs: 10_000 });
  if (!lin.linearizable) {
    trace(`linearizability: ${lin.timedOut ? 'timed out' : `violation on key ${lin.failedKey}`}`);
    const cx = 'counterexample' in lin ? lin.counterexample : undefined;
    if (cx !== undefined) {
      trace(cx.explanation);
      const h = recorder.history();
      for (const i of cx.minimal) {
        const op = h[i]!;
        trace(
          `  op ${i}: client ${op.clientId} ${JSON.stringify(op.input)} -> ${JSON.stringify(op.output)} [${op.callMs}ms..${op.returnMs}ms]`,
        );
      }
    }
  }
  for (const m of members.values()) void m.node?.stop();
  stats.virtualMs = clock.now();
  stats.messages = net.sent;
  return {
    seed,
    violations,
    linearizable: lin.linearizable,
    ...(livenessFailure === undefined ? {} : { livenessFailure }),
    stats,
  };
}
