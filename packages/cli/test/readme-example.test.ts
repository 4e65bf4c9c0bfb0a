// The README's example, run as written (with @swarm/cli resolved to the sources): it prints what
// the README says.
import { expect, it } from 'vitest';
import { runReadmeExamples } from '../../../vitest.readme.js';

it('runs every README example as written and prints what the README says', async () => {
  const runs = await runReadmeExamples(new URL('../', import.meta.url));
  expect(runs.length).toBeGreaterThanOrEqual(1);
  for (const run of runs) expect(run.printed, `line ${run.line}`).toBe(run.expected);
});
