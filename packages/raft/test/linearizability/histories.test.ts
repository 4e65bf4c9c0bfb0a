import { describe, expect, it } from 'vitest';
import { checkKvHistory } from '../../src/linearizability/index.js';
import { generatedHistories } from './generated-histories.js';
import { loadHistories } from './load-history.js';

const histories = loadHistories();

describe('the committed labelled histories', () => {
  it('cover every scenario family the checker must judge', () => {
    const names = histories.map((h) => h.file).join(' ');
    for (const family of [
      'stale-read',
      'lost-write',
      'reordered-pair',
      'concurrent-writes',
      'cas-',
      'delete',
      'unknown-write',
      'multi-key',
      'generated-',
    ])
      expect(names).toContain(family);
    expect(histories.filter((h) => h.linearizable).length).toBeGreaterThan(5);
    expect(histories.filter((h) => !h.linearizable).length).toBeGreaterThan(5);
  });

  it('include the generated ones exactly as make-histories.ts writes them', () => {
    for (const { name, ...generated } of generatedHistories()) {
      const committed = histories.find((h) => h.file === `${name}.json`);
      expect(committed, `${name}.json is missing: run make-histories.ts`).toBeDefined();
      expect(committed).toEqual({ ...generated, file: `${name}.json` });
    }
  });

  for (const h of histories) {
    it(`judges ${h.file} ${h.linearizable ? 'linearizable' : 'not linearizable'}: ${h.why}`, () => {
      const result = checkKvHistory(h.operations);
      expect(result.timedOut).toBe(false);
      expect(result.linearizable, result.counterexample?.explanation).toBe(h.linearizable);
      if (h.failedKey !== undefined) expect(result.failedKey).toBe(h.failedKey);
      if (!h.linearizable) {
        // The shrunk counterexample is a part of the failing key's history that is not
        // linearizable on its own.
        const ce = result.counterexample!;
        const minimal = ce.minimal.map((i) => h.operations[i]!);
        expect(minimal.length).toBeGreaterThan(0);
        expect(minimal.every((op) => op.input.key === result.failedKey)).toBe(true);
        expect(checkKvHistory(minimal).linearizable).toBe(false);
        expect(ce.context.every((i) => ce.minimal.includes(i))).toBe(true);
      }
    });
  }
});
