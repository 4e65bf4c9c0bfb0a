// The README's Ready-loop example. The code between the markers is the README's code block
// (imports first, then the body, which runs inside the test); a test below checks they match.
import { readFileSync } from 'node:fs';
// README-IMPORTS-START
import { seededRandom } from '@swarm/api';
import {
  decodeConfChange,
  EntryType,
  emptyConfState,
  MemoryStorage,
  type Message,
  RawNode,
} from '@swarm/raft';

// README-IMPORTS-END
// Loaded dynamically so that import sorting never moves it between the markers above.
const { expect, it } = await import('vitest');
const { runReadmeExamples } = await import('../../../vitest.readme.js');

it('runs the README example: a three-member cluster elects a leader and replicates a write', () => {
  // README-EXAMPLE-START
  const ids = [1n, 2n, 3n];
  const storages = new Map<bigint, MemoryStorage>();
  const nodes = new Map<bigint, RawNode>();
  const applied = new Map<bigint, string[]>();
  for (const id of ids) {
    // Bootstrap: every member starts from the same snapshot, which holds the initial configuration.
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

  let network: Message[] = [];

  /** The Ready loop for one member: persist, send, apply, advance. */
  function handleReady(id: bigint): boolean {
    const node = nodes.get(id)!;
    if (!node.hasReady()) return false;
    const rd = node.ready();
    const storage = storages.get(id)!;
    // 1. Persist the hard state, a snapshot and new entries (fsync first if rd.mustSync).
    if (rd.snapshot) storage.applySnapshot(rd.snapshot);
    if (rd.hardState) storage.setHardState(rd.hardState);
    storage.append(rd.entries);
    // 2. Send messages, only now that what they promise is on disk.
    network.push(...rd.messages);
    // 3. Apply committed entries to the state machine (conf changes to the core too).
    for (const entry of rd.committedEntries) {
      if (entry.type === EntryType.Normal && entry.data.length > 0) {
        applied.get(id)!.push(new TextDecoder().decode(entry.data));
      } else if (entry.type === EntryType.ConfChangeV2) {
        node.applyConfChange(decodeConfChange(entry.data));
      }
    }
    // 4. Tell the core this Ready is done.
    node.advance();
    return true;
  }

  /** Handles Readys and delivers messages until the cluster is quiet. */
  function settle(): void {
    for (;;) {
      let busy = false;
      for (const id of ids) busy = handleReady(id) || busy;
      const inFlight = network;
      network = [];
      for (const m of inFlight) nodes.get(m.to)?.step(m);
      if (!busy && inFlight.length === 0) return;
    }
  }

  // Time passes (one tick per "second") until the election timeout makes someone campaign.
  const leader = () => ids.find((id) => nodes.get(id)!.status().softState.raftState === 'leader');
  while (leader() === undefined) {
    for (const node of nodes.values()) node.tick();
    settle();
  }

  // Propose on the leader; once committed, every member applies it.
  nodes.get(leader()!)!.propose(new TextEncoder().encode('hello'));
  settle();
  for (const id of ids) console.log(`member ${id} applied: ${applied.get(id)!.join(', ')}`);
  // README-EXAMPLE-END

  for (const id of ids) expect(applied.get(id)).toEqual(['hello']);
});

it('keeps the README code block identical to this test', () => {
  const self = readFileSync(new URL(import.meta.url), 'utf8');
  const between = (a: string, b: string) =>
    self.slice(self.indexOf(`// ${a}\n`) + a.length + 4, self.indexOf(`// ${b}`));
  const imports = between('README-IMPORTS-START', 'README-IMPORTS-END');
  const body = between('README-EXAMPLE-START', 'README-EXAMPLE-END')
    .split('\n')
    .map((l) => l.replace(/^ {2}/, ''))
    .join('\n')
    .trimEnd();
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  expect(readme).toContain(`\`\`\`ts\n${imports}\n${body}\n\`\`\``);
});

it('runs every README example from the README and prints what the README says', async () => {
  const runs = await runReadmeExamples(new URL('../', import.meta.url));
  expect(runs.length).toBe(5);
  for (const r of runs) expect(r.printed, `README line ${r.line}`).toBe(r.expected);
});
