// Writes the generated labelled histories under histories/ (the hand-made ones sit beside them).
// Run from packages/raft after `npx tsc -b`: npx tsx test/linearizability/make-histories.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { KvOp } from '../../src/linearizability/index.js';
import { corruptOneRead, simulateKv } from './simulate-kv.js';

const dir = fileURLToPath(new URL('./histories/', import.meta.url));

function write(name: string, body: Record<string, unknown>, operations: readonly KvOp[]): void {
  // JSON has no Infinity: an unknown outcome is written as "return": null.
  const ops = operations.map((op) => (op.return === Infinity ? { ...op, return: null } : op));
  writeFileSync(`${dir}${name}.json`, `${JSON.stringify({ ...body, operations: ops }, null, 2)}\n`);
}

for (const seed of [7, 8]) {
  const options = { seed, operations: 120, keys: 3, clients: 4, unknownRate: 0.05 };
  const history = simulateKv(options);
  write(
    `generated-atomic-seed-${seed}`,
    {
      description: `Generated: ${options.operations} operations of ${options.clients} clients over ${options.keys} keys against an atomic map, 5% unknown outcomes (simulateKv seed ${seed}).`,
      linearizable: true,
      why: 'Every operation took effect at one moment between its call and its return, so that order is a linearization.',
    },
    history,
  );
  const corrupted = corruptOneRead(history, seed * 13);
  if (corrupted === undefined) throw new Error(`seed ${seed} produced no completed read`);
  write(
    `generated-corrupted-read-seed-${seed}`,
    {
      description: `The generated history of seed ${seed} with one completed read changed to return "never-written".`,
      linearizable: false,
      why: 'No operation writes "never-written", so no linearization explains that read.',
    },
    corrupted,
  );
}
