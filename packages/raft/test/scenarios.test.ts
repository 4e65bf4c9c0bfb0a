// Runs every scenario script in test/testdata. With UPDATE_SCENARIOS=1 the expected outputs are
// rewritten from the actual ones, to be reviewed as a diff.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScript, renderScript } from './scenario/datadriven.js';
import { InteractionEnv } from './scenario/interaction.js';

const dir = fileURLToPath(new URL('./testdata/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const update = process.env.UPDATE_SCENARIOS === '1';

describe('raft scenarios', () => {
  it('has at least 25 scenario scripts', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  for (const f of files) {
    it(`plays ${f.replace(/\.txt$/, '')} as scripted`, () => {
      const text = readFileSync(dir + f, 'utf8');
      const script = parseScript(text);
      const env = new InteractionEnv();
      const outputs: string[] = [];
      for (const c of script.cases) {
        const actual = env.handle(c);
        outputs.push(actual);
        if (!update) expect(actual, `${f}:${c.line}: ${c.raw}`).toBe(c.expected);
      }
      if (update) writeFileSync(dir + f, renderScript(script, outputs));
    });
  }
});
