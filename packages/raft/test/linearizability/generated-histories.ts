import type { KvOp } from '../../src/linearizability/index.js';
import { corruptOneRead, simulateKv } from './simulate-kv.js';

/** One generated labelled history, as make-histories.ts writes it under histories/. */
export interface GeneratedHistory {
  name: string;
  description: string;
  linearizable: boolean;
  why: string;
  operations: KvOp[];
}

/** The generated histories: for each seed, an atomic run and the same run with one bad read. */
export function generatedHistories(): GeneratedHistory[] {
  const out: GeneratedHistory[] = [];
  for (const seed of [7, 8]) {
    const options = { seed, operations: 120, keys: 3, clients: 4, unknownRate: 0.05 };
    const history = simulateKv(options);
    out.push({
      name: `generated-atomic-seed-${seed}`,
      description: `Generated: ${options.operations} operations of ${options.clients} clients over ${options.keys} keys against an atomic map, 5% unknown outcomes (simulateKv seed ${seed}).`,
      linearizable: true,
      why: 'Every operation took effect at one moment between its call and its return, so that order is a linearization.',
      operations: history,
    });
    const corrupted = corruptOneRead(history, seed * 13);
    if (corrupted === undefined) throw new Error(`seed ${seed} produced no completed read`);
    out.push({
      name: `generated-corrupted-read-seed-${seed}`,
      description: `The generated history of seed ${seed} with one completed read changed to return "never-written".`,
      linearizable: false,
      why: 'No operation writes "never-written", so no linearization explains that read.',
      operations: corrupted,
    });
  }
  return out;
}
