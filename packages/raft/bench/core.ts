// The raft core alone: three in-process RawNodes on MemoryStorage, no disk, no network (messages
// are handed from one core to the next by reference), 4,096 proposals of 256 bytes in flight at
// all times. Prints one JSON line: committed entries per second on the leader, and the bytes the
// JavaScript heap grew by per committed entry over rounds with no garbage collection in them.
//   pnpm bench raft-core [--entries N] [--concurrency C] [--payload B]
// (node --import tsx bench/core.ts, from packages/raft)
import { seededRandom } from '@swarm/api';
import { RawNode } from '../src/raw-node.js';
import { MemoryStorage } from '../src/storage.js';
import { emptyConfState, type MemberId, type Message } from '../src/types.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isSafeInteger(v) || v < 1) {
    console.error(`raft-core bench: --${name} must be a positive integer`);
    process.exit(2);
  }
  return v;
}

const ENTRIES = arg('entries', 2_000_000);
const CONCURRENCY = arg('concurrency', 4096);
const PAYLOAD = arg('payload', 256);
const WARMUP = Math.min(200_000, Math.floor(ENTRIES / 4));
const ALLOC_SLICE = 20_000;
const KEEP = 8_192; // entries kept in each MemoryStorage behind the applied index

interface Member {
  id: MemberId;
  storage: MemoryStorage;
  rn: RawNode;
  inbox: Message[];
  applied: bigint;
}

const ids: MemberId[] = [1n, 2n, 3n];
const members = new Map<MemberId, Member>();
for (const id of ids) {
  const storage = new MemoryStorage();
  storage.applySnapshot({
    data: new Uint8Array(0),
    metadata: { index: 1n, term: 1n, confState: { ...emptyConfState(), voters: ids } },
  });
  storage.setHardState({ term: 1n, vote: 0n, commit: 1n });
  const rn = new RawNode({
    id,
    storage,
    random: seededRandom(Number(id)),
    electionTick: 10,
    heartbeatTick: 1,
    maxSizePerMsg: 1024 * 1024,
    maxInflightMsgs: 256,
  });
  members.set(id, { id, storage, rn, inbox: [], applied: 1n });
}
const leader = members.get(1n)!;
let committed = 0; // non-empty entries applied on the leader

function handleReady(m: Member): boolean {
  if (!m.rn.hasReady()) return false;
  const rd = m.rn.ready();
  if (rd.hardState !== undefined) m.storage.setHardState(rd.hardState);
  if (rd.snapshot !== undefined) m.storage.applySnapshot(rd.snapshot);
  if (rd.entries.length > 0) m.storage.append(rd.entries);
  for (const msg of rd.messages) members.get(msg.to)!.inbox.push(msg);
  const ce = rd.committedEntries;
  if (ce.length > 0) {
    if (m === leader) for (const e of ce) if (e.data.byteLength > 0) committed++;
    m.applied = ce[ce.length - 1]!.index;
  }
  m.rn.advance();
  if (m.applied - m.storage.firstIndex() > BigInt(2 * KEEP)) m.storage.compact(m.applied - BigInt(KEEP));
  return true;
}

function deliver(m: Member): boolean {
  if (m.inbox.length === 0) return false;
  const msgs = m.inbox;
  m.inbox = [];
  for (const msg of msgs) m.rn.step(msg);
  return true;
}

// Elect member 1.
leader.rn.campaign();
for (let busy = true; busy; ) {
  busy = false;
  for (const m of members.values()) busy = handleReady(m) || busy;
  for (const m of members.values()) busy = deliver(m) || busy;
}
if (leader.rn.status().softState.raftState !== 'leader') throw new Error('raft-core bench: no leader');

const payload = new Uint8Array(PAYLOAD).fill(0x61);
let proposed = 0;

let batched = true;
const batch: Uint8Array[] = [];

/**
 * Runs until `target` entries are committed on the leader, keeping CONCURRENCY in flight. Batched,
 * the proposals that free slots let in are stepped as one proposal message per round (as a driver
 * does with what arrived while it was busy); unbatched, one message each.
 */
function runUntil(target: number): void {
  while (committed < target) {
    if (batched) {
      batch.length = 0;
      while (proposed + batch.length - committed < CONCURRENCY) batch.push(payload);
      leader.rn.proposeBatch(batch);
      proposed += batch.length;
    } else {
      while (proposed - committed < CONCURRENCY) {
        leader.rn.propose(payload);
        proposed++;
      }
    }
    for (const m of members.values()) handleReady(m);
    for (const m of members.values()) deliver(m);
  }
}

runUntil(WARMUP);

// Heap growth per committed entry, summed over rounds in which no garbage collection ran (the heap
// only grew): what the rounds allocated and had not yet freed, per entry.
let grownBytes = 0;
let grownEntries = 0;
for (let i = 0; i < 400 && grownEntries < ALLOC_SLICE; i++) {
  const h0 = process.memoryUsage().heapUsed;
  const c0 = committed;
  runUntil(committed + 1);
  const h1 = process.memoryUsage().heapUsed;
  if (h1 >= h0) {
    grownBytes += h1 - h0;
    grownEntries += committed - c0;
  }
}
const allocBytesPerEntry = grownEntries > 0 ? Math.round(grownBytes / grownEntries) : null;

function measure(entries: number): { n: number; seconds: number; cpuSeconds: number } {
  const startCommitted = committed;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  runUntil(startCommitted + entries);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { n: committed - startCommitted, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}
const main = measure(ENTRIES);
batched = false;
runUntil(committed + WARMUP / 4);
const unbatched = measure(Math.max(1, Math.floor(ENTRIES / 4)));

console.log(
  JSON.stringify({
    bench: 'raft-core',
    nodes: 3,
    concurrency: CONCURRENCY,
    payload_bytes: PAYLOAD,
    entries: main.n,
    seconds: Math.round(main.seconds * 1000) / 1000,
    commits_per_sec: Math.round(main.n / main.seconds),
    cpu_commits_per_sec: Math.round(main.n / main.cpuSeconds),
    alloc_bytes_per_entry: allocBytesPerEntry,
    unbatched_commits_per_sec: Math.round(unbatched.n / unbatched.seconds),
    node: process.version,
  }),
);
