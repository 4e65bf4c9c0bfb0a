// The README's examples, run from the README itself against the sources, with what they print.
import { expect, it } from 'vitest';
import { runReadmeExamples } from '../../../vitest.readme.js';

it('runs every README example and prints what the README says', async () => {
  const runs = await runReadmeExamples(new URL('../', import.meta.url));
  expect(runs.length).toBe(2);
  for (const r of runs) expect(r.printed, `README example at line ${r.line}`).toBe(r.expected);
});
