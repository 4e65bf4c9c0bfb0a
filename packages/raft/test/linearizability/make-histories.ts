// Writes the generated labelled histories under histories/ (the hand-made ones sit beside them).
// Run from packages/raft after `npx tsc -b`: npx tsx test/linearizability/make-histories.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatedHistories } from './generated-histories.js';

const dir = fileURLToPath(new URL('./histories/', import.meta.url));

for (const { name, operations, ...body } of generatedHistories()) {
  // JSON has no Infinity: an unknown outcome is written as "return": null.
  const ops = operations.map((op) => (op.return === Infinity ? { ...op, return: null } : op));
  writeFileSync(`${dir}${name}.json`, `${JSON.stringify({ ...body, operations: ops }, null, 2)}\n`);
}
