import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { KvOp } from '../../src/linearizability/index.js';

/** One committed, labelled history file. */
export interface LabelledHistory {
  file: string;
  description: string;
  linearizable: boolean;
  why: string;
  failedKey?: string;
  operations: KvOp[];
}

const dir = fileURLToPath(new URL('./histories/', import.meta.url));

/** Every file under histories/, with `"return": null` (JSON has no Infinity) read as unknown. */
export function loadHistories(): LabelledHistory[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as Omit<LabelledHistory, 'file'> & {
        operations: (Omit<KvOp, 'return'> & { return: number | null })[];
      };
      const operations = raw.operations.map((op) => ({ ...op, return: op.return ?? Infinity }) as KvOp);
      return { ...raw, file, operations };
    });
}
