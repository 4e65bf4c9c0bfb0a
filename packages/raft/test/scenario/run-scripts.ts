// Plays every datadriven script of a directory through a handler (a fresh one per file). With
// UPDATE_SCENARIOS=1 the expected outputs are rewritten from the actual ones, to be reviewed as a diff.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseScript, renderScript, type TestCase } from './datadriven.js';

export function playScripts(dir: string, makeHandler: () => (c: TestCase) => string): string[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const update = process.env.UPDATE_SCENARIOS === '1';
  for (const f of files) {
    it(`plays ${f.replace(/\.txt$/, '')} as scripted`, () => {
      const script = parseScript(readFileSync(dir + f, 'utf8'));
      const handle = makeHandler();
      const outputs: string[] = [];
      for (const c of script.cases) {
        const out = handle(c);
        const actual = out === '' ? 'ok' : out;
        outputs.push(actual);
        if (!update) expect(actual, `${f}:${c.line}: ${c.raw}`).toBe(c.expected);
      }
      if (update) writeFileSync(dir + f, renderScript(script, outputs));
    });
  }
  return files;
}
