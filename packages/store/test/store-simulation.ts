// A deterministic simulation of three ReplicatedStores on RaftNodes over the raft simulator's
// lossy network and crash-prone disks (@swarm/raft/sim), on virtual time. Two clients create and
// move tasks through random members while members crash and restart and the network partitions.
// Checked: no acknowledged create is lost; members at the same version hold the same objects;
// each member's watch events, folded from empty, rebuild exactly its state.
import { fromLong, isSwarmError, ManualClock, type Random, seededRandom, swarm } from '@swarm/api';
import type { MemberId } from '@swarm/raft';
import { RaftNode } from '@swarm/raft/driver';
import { SimNetwork, SimStorage } from '@swarm/raft/sim';
import { OBJECT_KINDS, ReplicatedStore, type StoreApplyResult, type StoreEvent } from '../src/index.js';
import { aesGcmTestCipher } from '../src/testing.js';
import { Objects } from './helpers.js';

const IDS: MemberId[] = [1n, 2n, 3n];
const EXPECTED = new Set([
  'RAFT_TIMEOUT',
  'PROPOSAL_DROPPED',
  'RAFT_NODE_STOPPED',
  'SEQUENCE_CONFLICT',
  'NOT_FOUND',
]);
const flush = () => new Promise<void>((r) => setImmediate(r));

interface Member {
  node: RaftNode<StoreApplyResult | undefined>;
  store: ReplicatedStore;
  /** This incarnation's events folded into id -> version. */
  folded: Map<string, bigint>;
  lastEventVersion: bigint;
}

export interface StoreSimResult {
  acknowledged: number;
  rejected: Record<string, number>;
  crashes: number;
  finalVersion: bigint;
}

export async function runStoreSimulation(seed: number, virtualMs = 20_000): Promise<StoreSimResult> {
  const clock = new ManualClock(0);
  const random: Random = seededRandom(seed);
  const net = new SimNetwork(clock, seededRandom(seed + 1_000));
  net.faults = {
    loss: 0.05,
    duplicate: 0.05,
    minDelayMs: 1,
    maxDelayMs: 5,
    reorder: 0.1,
    reorderDelayMs: 20,
  };
  const cipher = aesGcmTestCipher(new Uint8Array(32).fill(7));
  const storages = new Map(IDS.map((id) => [id, new SimStorage(`m${id}`)]));
  const members = new Map<MemberId, Member>();
  const down = new Set<MemberId>();
  const o = new Objects(seed);
  const acknowledged = new Set<string>();
  const rejected: Record<string, number> = {};
  let crashes = 0;
  let nodeSeed = seed * 10;
  let failure: Error | undefined;

  async function start(id: MemberId, bootstrap: boolean): Promise<void> {
    const store = new ReplicatedStore({ clock, cipher });
    const node = new RaftNode<StoreApplyResult | undefined>({
      id,
      storage: storages.get(id)!,
      transport: net.transport(id),
      stateMachine: store,
      clock,
      random: seededRandom(nodeSeed++),
      tickMs: 100,
      snapshotInterval: 40,
      keepEntries: 10,
      timeoutMs: 2_000,
      ...(bootstrap ? { bootstrap: IDS } : {}),
    });
    store.attach(node);
    const m: Member = { node, store, folded: new Map(), lastEventVersion: 0n };
    store.watch({}, (events: StoreEvent[]) => {
      for (const e of events) {
        if (e.version < m.lastEventVersion)
          failure ??= new Error(`member ${id}: event at ${e.version} after ${m.lastEventVersion}`);
        m.lastEventVersion = e.version;
        if (e.action === 'delete') m.folded.delete(`${e.kind}/${e.object.id}`);
        else m.folded.set(`${e.kind}/${e.object.id}`, fromLong(e.object.meta!.version!.index as never));
      }
    });
    members.set(id, m);
    net.attach(id, node);
    await node.start();
  }

  const leader = () => IDS.find((id) => !down.has(id) && members.get(id)!.node.isLeader);
  const dump = (id: MemberId) =>
    members
      .get(id)!
      .store.view((tx) =>
        OBJECT_KINDS.flatMap((k) => tx.list(k).map((x) => `${k} ${JSON.stringify(x)}`)).sort(),
      );

  function clientOp(): Promise<void> | undefined {
    const live = IDS.filter((id) => !down.has(id));
    const id = live[random.int(live.length)]!;
    const store = members.get(id)!.store;
    const tasks = store.view((tx) => tx.list('task'));
    let p: Promise<unknown>;
    let created: string | undefined;
    if (tasks.length === 0 || random.float() < 0.5) {
      const t = o.task('svc', `n${random.int(3)}`, swarm.TaskState.RUNNING);
      created = t.id;
      p = store.update((tx) => tx.create('task', t));
    } else {
      const target = tasks[random.int(tasks.length)]!;
      const nodeId = `n${random.int(3)}`;
      p = store.update((tx) => {
        const c = tx.get('task', target.id);
        if (c === undefined) return;
        c.nodeId = nodeId;
        tx.update('task', c);
      });
    }
    return p.then(
      () => {
        if (created !== undefined) acknowledged.add(created);
      },
      (err: unknown) => {
        const code = isSwarmError(err) ? err.code : String(err);
        rejected[code] = (rejected[code] ?? 0) + 1;
        if (!EXPECTED.has(code)) failure ??= new Error(`unexpected update failure: ${code}`);
      },
    );
  }

  for (const id of IDS) await start(id, true);
  const busy = [false, false];
  for (let t = 0; t < virtualMs && failure === undefined; t += 10) {
    clock.advance(10);
    await flush();
    const chaos = t < virtualMs - 6_000;
    // Clients.
    for (let c = 0; c < busy.length; c++) {
      if (busy[c] || random.float() > 0.3) continue;
      const p = clientOp();
      if (p === undefined) continue;
      busy[c] = true;
      void p.finally(() => {
        busy[c] = false;
      });
    }
    if (!chaos) {
      net.faults = { loss: 0, duplicate: 0, minDelayMs: 1, maxDelayMs: 3, reorder: 0, reorderDelayMs: 0 };
      net.heal();
      for (const id of [...down]) {
        down.delete(id);
        await start(id, false);
      }
      continue;
    }
    // Faults: crash a member (often the leader) and restart it later; partition and heal.
    const r = random.float();
    if (r < 0.004 && down.size === 0) {
      const victim = random.float() < 0.5 ? (leader() ?? IDS[random.int(3)]!) : IDS[random.int(3)]!;
      await members.get(victim)!.node.stop();
      net.detach(victim);
      storages.get(victim)!.crash();
      down.add(victim);
      crashes++;
    } else if (r < 0.01 && down.size > 0) {
      const id = [...down][0]!;
      down.delete(id);
      await start(id, false);
    } else if (r < 0.013 && !net.partitioned) {
      const l = leader() ?? IDS[0]!;
      net.partition([[l], IDS.filter((id) => id !== l)]);
    } else if (r < 0.02 && net.partitioned) {
      net.heal();
    }
    // Members that applied the same version hold the same objects.
    if (t % 500 === 0) {
      const byVersion = new Map<bigint, string[]>();
      for (const id of IDS) {
        if (down.has(id)) continue;
        const v = members.get(id)!.store.version;
        const d = dump(id);
        const prev = byVersion.get(v);
        if (prev !== undefined && JSON.stringify(prev) !== JSON.stringify(d))
          failure ??= new Error(`members differ at version ${v}`);
        byVersion.set(v, d);
      }
    }
  }
  if (failure) throw failure;
  // Settle, then every live member must agree and hold every acknowledged create.
  for (let t = 0; t < 3_000; t += 10) {
    clock.advance(10);
    await flush();
  }
  for (const m of members.values()) await m.node.stop();
  const first = dump(1n);
  const finalVersion = members.get(1n)!.store.version;
  for (const id of IDS) {
    const m = members.get(id)!;
    if (m.store.version !== finalVersion)
      throw new Error(`member ${id} at version ${m.store.version}, member 1 at ${finalVersion}`);
    if (JSON.stringify(dump(id)) !== JSON.stringify(first))
      throw new Error(`member ${id} differs from member 1`);
    const state = m.store.view((tx) =>
      OBJECT_KINDS.flatMap((k) =>
        tx.list(k).map((x) => `${k}/${x.id}@${fromLong(x.meta!.version!.index as never)}`),
      ),
    );
    const rebuilt = [...m.folded].map(([key, v]) => `${key}@${v}`);
    if (JSON.stringify(state.sort()) !== JSON.stringify(rebuilt.sort())) {
      const a = new Set(state);
      const b = new Set(rebuilt);
      console.error(
        'state only',
        state.filter((x) => !b.has(x)),
        'events only',
        rebuilt.filter((x) => !a.has(x)),
      );
      throw new Error(`member ${id}: its watch events do not rebuild its state`);
    }
    const ids = new Set(m.store.view((tx) => tx.list('task').map((x) => x.id)));
    for (const a of acknowledged)
      if (!ids.has(a)) throw new Error(`member ${id} lost acknowledged task ${a}`);
  }
  return { acknowledged: acknowledged.size, rejected, crashes, finalVersion };
}
