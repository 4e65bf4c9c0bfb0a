import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkKvHistory, type KvOp } from '../../src/linearizability/index.js';
import { corruptOneRead, simulateKv } from './simulate-kv.js';

const put = (clientId: number, call: number, ret: number, key: string, value: string): KvOp => ({
  clientId,
  call,
  return: ret,
  input: { kind: 'put', key, value },
  output: {},
});
const get = (clientId: number, call: number, ret: number, key: string, value?: string | null): KvOp => ({
  clientId,
  call,
  return: ret,
  input: { kind: 'get', key },
  output: value === undefined ? {} : { value },
});

const shape = {
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  operations: fc.integer({ min: 1, max: 60 }),
  keys: fc.integer({ min: 1, max: 3 }),
  clients: fc.integer({ min: 1, max: 5 }),
  unknownRate: fc.constantFrom(0, 0.05, 0.1),
};
const simulation = fc.record(shape);

describe('checkKvHistory on simulated atomic stores (property)', () => {
  it('accepts every history of an atomic map, whatever the concurrency windows', () => {
    fc.assert(
      fc.property(simulation, (options) => {
        const result = checkKvHistory(simulateKv(options), { maxSteps: 2_000_000 });
        expect(result.timedOut).toBe(false);
        expect(result.linearizable, result.counterexample?.explanation).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('rejects the same histories once one read returns a value nobody wrote', () => {
    fc.assert(
      fc.property(simulation, fc.nat(), (options, pick) => {
        const corrupted = corruptOneRead(simulateKv(options), pick);
        fc.pre(corrupted !== undefined);
        const result = checkKvHistory(corrupted!, { maxSteps: 2_000_000, minimize: false });
        expect(result.timedOut).toBe(false);
        expect(result.linearizable).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('shrinks such a history to a part that still holds the bad read and is not linearizable', () => {
    const small = fc.record({ ...shape, operations: fc.integer({ min: 1, max: 25 }) });
    fc.assert(
      fc.property(small, fc.nat(), (options, pick) => {
        const corrupted = corruptOneRead(simulateKv(options), pick);
        fc.pre(corrupted !== undefined);
        const result = checkKvHistory(corrupted!, { maxSteps: 2_000_000 });
        const minimal = result.counterexample!.minimal.map((i) => corrupted![i]!);
        expect(minimal.some((op) => (op.output as { value?: string })?.value === 'never-written')).toBe(true);
        expect(checkKvHistory(minimal).linearizable).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('checks a 10,000-operation history over 10 keys with 8 clients', () => {
    const history = simulateKv({ seed: 42, operations: 10_000, keys: 10, clients: 8 });
    expect(history).toHaveLength(10_000);
    const result = checkKvHistory(history);
    expect(result).toMatchObject({ linearizable: true, timedOut: false, keys: 10 });
  });
});

describe('checkKvHistory', () => {
  it('reads { value: null } and {} alike as "the key is absent"', () => {
    expect(checkKvHistory([get(1, 0, 1, 'x', null), get(1, 2, 3, 'x')]).linearizable).toBe(true);
    expect(checkKvHistory([put(1, 0, 1, 'x', 'a'), get(2, 2, 3, 'x', null)]).linearizable).toBe(false);
  });

  it('names the failing key and explains the stale read', () => {
    const history = [
      put(1, 0, 10, 'a', '1'),
      put(1, 0, 10, 'b', '1'),
      put(1, 20, 30, 'b', '2'),
      get(2, 40, 50, 'b', '1'),
    ];
    const result = checkKvHistory(history);
    expect(result).toMatchObject({ linearizable: false, timedOut: false, keys: 2, failedKey: 'b' });
    const ce = result.counterexample!;
    expect(ce.prefix.map((s) => s.index)).toEqual([1, 2]);
    expect(ce.prefix.map((s) => s.stateAfter)).toEqual(['"1"', '"2"']);
    expect(ce.blocked?.index).toBe(3);
    expect(ce.candidates).toEqual([{ index: 3, operation: history[3], reason: 'rejected by the model' }]);
    expect(ce.minimal).toEqual([1, 2, 3]);
    expect(ce.context).toEqual([]);
    expect(ce.explanation).toContain('get("b") -> "1"');
    expect(ce.explanation).toContain('rejected by the model in state "2"');
  });

  it('says which candidates only led to dead ends', () => {
    // put 2 fits after put 1, but then the read of 1 (which returned first) cannot be placed.
    const history = [
      put(1, 0, 10, 'x', '1'),
      put(2, 20, 60, 'x', '2'),
      get(3, 30, 40, 'x', '2'),
      get(3, 50, 55, 'x', '1'),
    ];
    const result = checkKvHistory(history);
    expect(result.linearizable).toBe(false);
    expect(result.counterexample!.explanation).toContain('#3');
    // put 2 is kept as context: without it the read of 2 would be wrong for another reason.
    expect(result.counterexample!.minimal).toEqual([0, 1, 2, 3]);
    expect(result.counterexample!.context).toEqual([1]);
  });

  it('ignores the output of an operation with an unknown outcome', () => {
    const history: KvOp[] = [
      {
        clientId: 1,
        call: 0,
        return: Infinity,
        input: { kind: 'cas', key: 'x', expected: 'a', value: 'b' },
        output: { ok: true },
      },
      get(2, 10, 20, 'x'),
    ];
    expect(checkKvHistory(history).linearizable).toBe(true);
  });

  it('leaves out reads with an unknown outcome, whatever they claim to have read', () => {
    const history: KvOp[] = [
      {
        clientId: 1,
        call: 0,
        return: Infinity,
        input: { kind: 'get', key: 'x' },
        output: { value: 'ghost' },
      },
      put(2, 1, 2, 'x', 'a'),
    ];
    expect(checkKvHistory(history)).toMatchObject({ linearizable: true, keys: 1 });
  });

  it('can skip shrinking the counterexample', () => {
    const history = [
      put(1, 0, 10, 'x', '1'),
      put(1, 20, 30, 'x', '2'),
      get(2, 40, 50, 'x', '1'),
      put(1, 60, 70, 'x', '3'),
    ];
    expect(checkKvHistory(history, { minimize: false }).counterexample!.minimal).toEqual([0, 1, 2, 3]);
    expect(checkKvHistory(history).counterexample!.minimal).toEqual([0, 1, 2]);
  });

  it('rejects malformed operations, naming the field', () => {
    const bad =
      (op: unknown): (() => unknown) =>
      () =>
        checkKvHistory([op as KvOp]);
    expect(bad({ call: 0, return: 1, input: { kind: 'incr', key: 'x' } })).toThrow(
      /history\[0\]\.input\.kind/,
    );
    expect(bad({ call: 0, return: 1, input: { kind: 'get', key: 7 } })).toThrow(/history\[0\]\.input\.key/);
    expect(bad({ call: 0, return: 1, input: { kind: 'put', key: 'x' } })).toThrow(
      /history\[0\]\.input\.value/,
    );
    expect(bad({ call: 0, return: 1, input: { kind: 'cas', key: 'x', value: 'b' } })).toThrow(
      /input\.expected/,
    );
    expect(bad({ call: 0, return: 1, input: { kind: 'get', key: 'x' } })).toThrow(/output of a get/);
    expect(bad({ call: 0, return: 1, input: { kind: 'get', key: 'x' }, output: { value: 3 } })).toThrow(
      /output of a get/,
    );
    expect(bad({ call: 0, return: 1, input: { kind: 'cas', key: 'x', expected: null, value: 'b' } })).toThrow(
      /output of a cas/,
    );
    expect(bad({ call: 5, return: 1, input: { kind: 'get', key: 'x' }, output: {} })).toThrow(RangeError);
  });
});
