import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type FaultFamily, MIN_OPS_PER_SEC, runCounted } from '../src/robustness.js';

// The short CI subset of `pnpm --filter raft-kv robustness`: one run each of a
// signal fault, a pause and a partition, with shorter phases. The full harness covers every family.
describe('the robustness harness (short subset)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'raft-kv-robustness-ci-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const basePort = 21_000 + (process.pid % 400) * 100;

  const cases: [FaultFamily, number][] = [
    ['kill-leader', 101],
    ['pause', 102],
    ['partition-minority', 103],
  ];
  for (const [family, seed] of cases) {
    it(`keeps the history linearizable and every acknowledged write under ${family}`, async () => {
      // A run below the throughput floor does not count and is made again with another seed.
      const runs = await runCounted({
        family,
        seed,
        dir,
        basePort,
        warmupMs: 2500,
        recoverMs: 1500,
        maxPauseMs: 3000,
      });
      for (const run of runs) {
        expect(run.explanation ?? '').toBe('');
        expect(run.linearizable).toBe(true);
        expect(run.lostWrites).toEqual([]);
      }
      const result = runs[runs.length - 1]!;
      expect(result.opsPerSecBeforeFault).toBeGreaterThanOrEqual(MIN_OPS_PER_SEC);
      expect(result.explanation ?? '').toBe('');
      expect(result.linearizable).toBe(true);
      expect(result.lostWrites).toEqual([]);
      expect(result.divergentMembers).toEqual([]);
      expect(result.faults.length).toBeGreaterThan(0);
    });
  }
});
