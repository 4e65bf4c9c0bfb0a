import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/sim/simulator.js';
import { brokenVariants } from './broken-variants.js';

// CI runs a small fixed seed set; `pnpm --filter @swarm/raft sim --seeds 1000 --from 1` runs the
// full sweep and `pnpm --filter @swarm/raft sim:broken` shows every broken variant being caught.
const CI_SEEDS = [1, 2, 3, 4, 5, 6];

describe('deterministic simulation', () => {
  it.each(CI_SEEDS)('seed %i: no safety violation, linearizable, live after healing', async (seed) => {
    const r = await runSimulation({ seed });
    expect(r.violations).toEqual([]);
    expect(r.linearizable).toBe(true);
    expect(r.livenessFailure).toBeUndefined();
    expect(r.stats.acknowledged).toBeGreaterThan(0);
    expect(r.stats.crashes + r.stats.partitions + r.stats.pauses).toBeGreaterThan(0);
  });

  // Four voters under the "removal then survivor crashes" schedule. Before conf changes were
  // applied only once durably committed, seeds 7 and 12 ended with no leader: the restarted
  // survivors had forgotten the applied removal and waited for a quorum of the old configuration.
  // Since RaftNode's proposal IDs come from a counter and commit-only hard states ride with the
  // next write, those seeds draw other schedules (no removal); these four each shut a removed
  // member down and then crash the survivors on fsync failures (checked in their traces; seed 3
  // stopped drawing a removal once a leader answers applied writes before sending its appends).
  it.each([1, 2, 4, 6])(
    'seed %i with a removal followed by survivor crashes: live after healing',
    async (seed) => {
      const r = await runSimulation({ seed, members: 4, removalCrashes: true });
      expect(r.violations).toEqual([]);
      expect(r.linearizable).toBe(true);
      expect(r.livenessFailure).toBeUndefined();
      expect(r.stats.membershipChanges).toBeGreaterThan(0);
      expect(r.stats.diskFaults).toBeGreaterThan(0);
    },
    120_000,
  );

  it('replays a seed exactly', async () => {
    const trace1: string[] = [];
    const trace2: string[] = [];
    const a = await runSimulation({ seed: 11, trace: (l) => trace1.push(l) });
    const b = await runSimulation({ seed: 11, trace: (l) => trace2.push(l) });
    expect(b.stats).toEqual(a.stats);
    expect(trace2).toEqual(trace1);
    expect(trace1.length).toBeGreaterThan(5);
  });
});

describe('the simulator catches deliberately broken variants', () => {
  // Each run stops at the first seed that catches the variant (measured: within 2 to 40 seeds;
  // truncate-on-stale-append at seed 129 since a removed leader hands leadership over instead of
  // stepping down at once, which makes fewer elections and so fewer stale appends).
  // Votes without the log-term check take a few hundred seeds: the sim:broken script shows it.
  for (const [name, seeds] of [
    ['ack-before-sync', 100],
    ['read-index-without-current-term-commit', 100],
    ['commit-old-term-entries', 100],
    ['truncate-on-stale-append', 150],
  ] as const) {
    it(`catches ${name} within ${seeds} seeds`, async () => {
      const v = brokenVariants.find((x) => x.name === name)!;
      const undo = v.apply();
      let caughtAt: number | undefined;
      try {
        for (let seed = 1; seed <= seeds && caughtAt === undefined; seed++) {
          const r = await runSimulation({ seed, ackBeforeSync: v.ackBeforeSync ?? false });
          if (r.violations.length > 0 || !r.linearizable || r.livenessFailure !== undefined) caughtAt = seed;
        }
      } finally {
        undo();
      }
      expect(caughtAt, `${name} was not caught`).toBeDefined();
      // Generous: on a loaded CI machine 150 seeds take several minutes.
    }, 900_000);
  }
});
