import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkKvHistory, type KvInput, type KvOp, kvModel } from '../../src/linearizability/index.js';

/**
 * The definition, by brute force: some subset of the unknown-outcome operations together with all
 * the others has an order that respects real time and that the sequential model accepts.
 */
function linearizableByDefinition(history: readonly KvOp[]): boolean {
  const unknown = history.flatMap((op, i) => (op.return === Infinity ? [i] : []));
  for (let mask = 0; mask < 1 << unknown.length; mask++) {
    const chosen = history.flatMap((op, i) =>
      op.return !== Infinity || (mask >> unknown.indexOf(i)) & 1 ? [i] : [],
    );
    if (someOrder(history, chosen, [], kvModel.init())) return true;
  }
  return false;
}

function someOrder(
  history: readonly KvOp[],
  left: number[],
  done: number[],
  state: string | undefined,
): boolean {
  if (left.length === 0) return true;
  for (const i of left) {
    const op = history[i]!;
    // Every operation that returned before this one was called must already be placed.
    if (left.some((j) => j !== i && history[j]!.return < op.call)) continue;
    const r = kvModel.step(state, op.input, op.return === Infinity ? undefined : op.output);
    if (
      r.ok &&
      someOrder(
        history,
        left.filter((j) => j !== i),
        [...done, i],
        r.state,
      )
    )
      return true;
  }
  return false;
}

const value = fc.constantFrom('a', 'b', 'c');
const input: fc.Arbitrary<KvInput> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), key: fc.constant('x'), value }),
  fc.record({ kind: fc.constant('get' as const), key: fc.constant('x') }),
  fc.record({ kind: fc.constant('delete' as const), key: fc.constant('x') }),
  fc.record({
    kind: fc.constant('cas' as const),
    key: fc.constant('x'),
    expected: fc.option(value, { nil: null }),
    value,
  }),
);
const operation: fc.Arbitrary<KvOp> = fc
  .record({
    input,
    call: fc.integer({ min: 0, max: 20 }),
    length: fc.integer({ min: 0, max: 10 }),
    unknown: fc.boolean(),
    read: fc.option(value, { nil: null }),
    ok: fc.boolean(),
  })
  .map(({ input, call, length, unknown, read, ok }) => ({
    clientId: 0,
    call,
    return: unknown ? Infinity : call + length,
    input,
    output: input.kind === 'get' ? { value: read } : input.kind === 'cas' ? { ok } : {},
  }));

describe('checkKvHistory agrees with the definition of linearizability', () => {
  it('on every small random history, including unknown outcomes and wrong outputs', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 0, maxLength: 6 }), (history) => {
        expect(checkKvHistory(history).linearizable).toBe(linearizableByDefinition(history));
      }),
      { numRuns: 1500 },
    );
  });
});
