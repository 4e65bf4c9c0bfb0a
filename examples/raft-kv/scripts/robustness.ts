// Robustness harness: `pnpm --filter raft-kv robustness --runs 15 [--from SEED]
// [--families kill-leader,pause] [--keep]`. Runs cycle through the fault families, so any 8
// consecutive runs cover every family. Prints one JSON line per run, then a summary line; exits
// non-zero if a counted run found a violation or a family has no counted run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  FAULT_FAMILIES,
  type FaultFamily,
  MIN_OPS_PER_SEC,
  type RobustnessResult,
  runCounted,
} from '../src/robustness.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '8' },
    from: { type: 'string', default: '1' },
    families: { type: 'string' },
    'base-port': { type: 'string', default: '31000' },
    keep: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});
const families = (values.families?.split(',') ?? [...FAULT_FAMILIES]) as FaultFamily[];
for (const f of families) {
  if (!FAULT_FAMILIES.includes(f)) {
    console.error(`unknown family ${f}; choose from ${FAULT_FAMILIES.join(', ')}`);
    process.exit(2);
  }
}
const runs = Number(values.runs);
const from = Number(values.from);
const dir = mkdtempSync(join(tmpdir(), 'raft-kv-robustness-'));
const results: (RobustnessResult & { passed: boolean })[] = [];
let failed = 0;
for (let i = 0; i < runs; i += 1) {
  const family = families[i % families.length] as FaultFamily;
  // A run below the throughput floor does not count: it is made again (twice at most) with another seed.
  const made = await runCounted({
    family,
    seed: from + i,
    dir,
    basePort: Number(values['base-port']),
    log: values.quiet ? () => {} : (line) => console.error(`[${family}] ${line}`),
  });
  for (const result of made) {
    const passed =
      result.linearizable && result.lostWrites.length === 0 && result.divergentMembers.length === 0;
    console.log(
      JSON.stringify({ run: i + 1, passed, ...result, lostWrites: result.lostWrites.slice(0, 20) }),
    );
    if (!result.counted) continue;
    results.push({ ...result, passed });
    if (!passed) failed += 1;
  }
}
const counted = results.length;
const missing = families.filter((f) => !results.some((r) => r.family === f)).filter((_, i) => i < runs);
console.log(
  JSON.stringify({
    runs,
    counted,
    passed: results.filter((r) => r.passed).length,
    failed,
    violations: results.filter((r) => !r.linearizable).length,
    lost_writes: results.reduce((n, r) => n + r.lostWrites.length, 0),
    min_ops_per_sec_before_fault: Math.min(...results.map((r) => r.opsPerSecBeforeFault)),
    floor_ops_per_sec: MIN_OPS_PER_SEC,
    families_missing: runs >= families.length ? missing : [],
  }),
);
if (!values.keep) rmSync(dir, { recursive: true, force: true });
else console.error(`kept ${dir}`);
process.exit(failed > 0 || counted < runs || (runs >= families.length && missing.length > 0) ? 1 : 0);
