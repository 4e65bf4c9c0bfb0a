// Runs in the browser: three raft cores (the portable `@swarm/raft` entry) on an in-memory network.
// Every message crosses the wire codec (encodeMessage / decodeMessage), so the codec runs in the
// browser too. Time moves only by tick(), so the run is the same on a fast or a loaded machine.
import { seededRandom } from '@swarm/api';
import {
  decodeConfChange,
  decodeMessage,
  EntryType,
  emptyConfState,
  encodeMessage,
  MemoryStorage,
  RawNode,
} from '@swarm/raft';

export interface ClusterResult {
  leader: string;
  /** What each member applied, by member ID. */
  applied: Record<string, string[]>;
  /** Bytes that crossed the in-memory network. */
  wireBytes: number;
  ticks: number;
  /** Environment facts: the core must not need Node's globals. */
  hasBuffer: boolean;
  hasProcess: boolean;
}

export function runCluster(proposal: string): ClusterResult {
  const ids = [1n, 2n, 3n];
  const storages = new Map<bigint, MemoryStorage>();
  const nodes = new Map<bigint, RawNode>();
  const applied = new Map<bigint, string[]>();
  for (const id of ids) {
    const storage = new MemoryStorage();
    storage.applySnapshot({
      data: new Uint8Array(),
      metadata: { index: 1n, term: 1n, confState: { ...emptyConfState(), voters: ids } },
    });
    storage.setHardState({ term: 1n, vote: 0n, commit: 1n });
    storages.set(id, storage);
    nodes.set(id, new RawNode({ id, storage, random: seededRandom(Number(id)) }));
    applied.set(id, []);
  }
  let wire: Uint8Array[] = [];
  let wireBytes = 0;
  const handle = (id: bigint): boolean => {
    const node = nodes.get(id)!;
    if (!node.hasReady()) return false;
    const rd = node.ready();
    const storage = storages.get(id)!;
    if (rd.snapshot) storage.applySnapshot(rd.snapshot);
    if (rd.hardState) storage.setHardState(rd.hardState);
    storage.append(rd.entries);
    for (const m of rd.messages) {
      const bytes = encodeMessage(m);
      wireBytes += bytes.length;
      wire.push(bytes);
    }
    for (const e of rd.committedEntries) {
      if (e.type === EntryType.Normal && e.data.length > 0)
        applied.get(id)!.push(new TextDecoder().decode(e.data));
      else if (e.type === EntryType.ConfChangeV2) node.applyConfChange(decodeConfChange(e.data));
    }
    node.advance();
    return true;
  };
  const settle = () => {
    for (let round = 0; round < 10_000; round++) {
      let busy = false;
      for (const id of ids) busy = handle(id) || busy;
      const inFlight = wire;
      wire = [];
      for (const bytes of inFlight) {
        const m = decodeMessage(bytes);
        nodes.get(m.to)?.step(m);
      }
      if (!busy && inFlight.length === 0) return;
    }
    throw new Error('the cluster did not settle');
  };
  const leader = () => ids.find((id) => nodes.get(id)!.status().softState.raftState === 'leader');
  let ticks = 0;
  while (leader() === undefined) {
    if (++ticks > 1_000) throw new Error('no leader after 1,000 ticks');
    for (const node of nodes.values()) node.tick();
    settle();
  }
  nodes.get(leader()!)!.propose(new TextEncoder().encode(proposal));
  settle();
  const g = globalThis as Record<string, unknown>;
  return {
    leader: String(leader()),
    applied: Object.fromEntries([...applied].map(([id, a]) => [String(id), a])),
    wireBytes,
    ticks,
    hasBuffer: typeof g.Buffer !== 'undefined',
    hasProcess: typeof g.process !== 'undefined',
  };
}
