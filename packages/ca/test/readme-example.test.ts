// The README's examples, run from the README itself against the sources, with what they print.
import { expect, it } from 'vitest';
import { runReadmeExamples } from '../../../vitest.readme.js';

it('runs every README example and prints what the README says', async () => {
  const runs = await runReadmeExamples(new URL('../', import.meta.url));
  expect(runs.length).toBe(3);
  for (const r of runs)
    if (r.expected !== undefined) expect(r.printed, `README line ${r.line}`).toBe(r.expected);
  expect(runs[0]!.printed).toMatch(/^n{25} swarm-worker pci [0-9a-z]{50} \d+\n$/);
});
