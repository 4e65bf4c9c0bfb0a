// The README's example, run as written (from the README) against the sources.
import { expect, it } from 'vitest';
import { runReadmeExamples } from '../../../vitest.readme.js';

it('runs the README example as written and prints what the README says', async () => {
  const runs = await runReadmeExamples(new URL('../', import.meta.url));
  expect(runs.length).toBe(1);
  expect(runs[0]!.printed).toBe(runs[0]!.expected);
});
