import { ManualClock } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { checkHistory, type Model, type Operation } from '../../src/linearizability/index.js';

/** A FIFO queue: the state is an array, so the model brings its own equality and hash. */
type QueueInput = { kind: 'enqueue'; value: number } | { kind: 'dequeue' };
type QueueOutput = { value: number | null } | undefined;
const queueModel: Model<readonly number[], QueueInput, QueueOutput> = {
  init: () => [],
  step(state, input, output) {
    if (input.kind === 'enqueue') return { ok: true, state: [...state, input.value] };
    const head = state[0] ?? null;
    if (output !== undefined && output.value !== head) return { ok: false };
    return { ok: true, state: state.slice(1) };
  },
  equal: (a, b) => a.length === b.length && a.every((v, i) => v === b[i]),
  hash: (s) => s.reduce((h, v) => Math.imul(h ^ v, 16777619), 2166136261),
  describeOperation: (input, output) =>
    input.kind === 'enqueue' ? `enqueue(${input.value})` : `dequeue() -> ${output?.value ?? '?'}`,
  describeState: (s) => `[${s.join(', ')}]`,
};

const op = (
  clientId: number,
  call: number,
  ret: number,
  input: QueueInput,
  output?: QueueOutput,
): Operation<QueueInput, QueueOutput> => ({
  clientId,
  call,
  return: ret,
  input,
  ...(output ? { output } : {}),
});

describe('checkHistory with a custom model', () => {
  it('accepts a queue history where concurrent enqueues are dequeued in either order', () => {
    const history = [
      op(1, 0, 10, { kind: 'enqueue', value: 1 }),
      op(2, 0, 10, { kind: 'enqueue', value: 2 }),
      op(3, 20, 30, { kind: 'dequeue' }, { value: 2 }),
      op(3, 40, 50, { kind: 'dequeue' }, { value: 1 }),
    ];
    expect(checkHistory(queueModel, history)).toEqual({
      linearizable: true,
      timedOut: false,
      partitions: 1,
      steps: expect.any(Number),
    });
  });

  it('rejects a queue that hands out sequential enqueues out of order, and says where', () => {
    const history = [
      op(1, 0, 10, { kind: 'enqueue', value: 1 }),
      op(1, 20, 30, { kind: 'enqueue', value: 2 }),
      op(2, 40, 50, { kind: 'dequeue' }, { value: 2 }),
    ];
    const result = checkHistory(queueModel, history);
    expect(result).toMatchObject({ linearizable: false, timedOut: false, failedPartition: '' });
    const ce = result.counterexample!;
    expect(ce.prefix.map((s) => s.stateAfter)).toEqual(['[1]', '[1, 2]']);
    expect(ce.blocked?.index).toBe(2);
    expect(ce.explanation).toContain('dequeue() -> 2');
    expect(ce.explanation).toContain('rejected by the model in state [1, 2]');
  });

  it('treats operations whose times touch as concurrent', () => {
    const history = [
      op(1, 0, 10, { kind: 'enqueue', value: 1 }),
      op(2, 10, 20, { kind: 'dequeue' }, { value: null }),
    ];
    expect(checkHistory(queueModel, history).linearizable).toBe(true);
    const later = [
      op(1, 0, 10, { kind: 'enqueue', value: 1 }),
      op(2, 11, 20, { kind: 'dequeue' }, { value: null }),
    ];
    expect(checkHistory(queueModel, later).linearizable).toBe(false);
  });

  it('lets an operation with an unknown outcome take effect late, or never', () => {
    const late = [
      op(1, 0, Infinity, { kind: 'enqueue', value: 7 }),
      op(2, 100, 110, { kind: 'dequeue' }, { value: null }),
      op(2, 120, 130, { kind: 'dequeue' }, { value: 7 }),
    ];
    expect(checkHistory(queueModel, late).linearizable).toBe(true);
    const never = [
      op(1, 0, Infinity, { kind: 'enqueue', value: 7 }),
      op(2, 100, 110, { kind: 'dequeue' }, { value: null }),
    ];
    expect(checkHistory(queueModel, never).linearizable).toBe(true);
    const early = [
      op(2, 0, 10, { kind: 'dequeue' }, { value: 7 }),
      op(1, 20, Infinity, { kind: 'enqueue', value: 7 }),
    ];
    expect(checkHistory(queueModel, early).linearizable).toBe(false);
  });

  it('checks partitions independently and names the one that fails', () => {
    type In = { object: string; write?: number };
    const registers: Model<number, In, number> = {
      init: () => 0,
      step: (s, input, output) =>
        input.write !== undefined
          ? { ok: true, state: input.write }
          : output === undefined || output === s
            ? { ok: true, state: s }
            : { ok: false },
      partition: (input) => input.object,
    };
    const history: Operation<In, number>[] = [
      { call: 0, return: 1, input: { object: 'a', write: 1 } },
      { call: 0, return: 1, input: { object: 'b', write: 1 } },
      { call: 2, return: 3, input: { object: 'a' }, output: 1 },
      { call: 2, return: 3, input: { object: 'b' }, output: 0 },
    ];
    expect(checkHistory(registers, history)).toMatchObject({
      linearizable: false,
      partitions: 2,
      failedPartition: 'b',
    });
  });

  it('gives up without a verdict when maxSteps runs out, and never passes such a check', () => {
    const history = Array.from({ length: 40 }, (_, i) => op(i, 0, 100, { kind: 'enqueue', value: i }));
    history.push(op(99, 200, 210, { kind: 'dequeue' }, { value: -1 }));
    const result = checkHistory(queueModel, history, { maxSteps: 1_000 });
    expect(result).toMatchObject({ linearizable: false, timedOut: true });
    expect(result.steps).toBeLessThanOrEqual(1_001);
    expect(result.counterexample).toBeUndefined();
  });

  it('gives up when timeoutMs passes on the given clock', () => {
    const clock = new ManualClock(0);
    const ticking = {
      now: () => {
        clock.advance(1);
        return clock.now();
      },
    };
    const history = Array.from({ length: 40 }, (_, i) => op(i, 0, 100, { kind: 'enqueue', value: i }));
    history.push(op(99, 200, 210, { kind: 'dequeue' }, { value: -1 }));
    expect(checkHistory(queueModel, history, { timeoutMs: 5, clock: ticking })).toMatchObject({
      timedOut: true,
      linearizable: false,
    });
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => checkHistory({} as never, [])).toThrow(/model\.init/);
    expect(() => checkHistory({ ...queueModel, hash: 3 } as never, [])).toThrow(/model\.hash/);
    expect(() => checkHistory(queueModel, {} as never)).toThrow(TypeError);
    expect(() => checkHistory(queueModel, [op(1, Number.NaN, 1, { kind: 'dequeue' })])).toThrow(
      /history\[0\]\.call/,
    );
    expect(() => checkHistory(queueModel, [op(1, 5, 1, { kind: 'dequeue' })])).toThrow(
      /history\[0\]\.return \(1\) is before/,
    );
    expect(() => checkHistory(queueModel, [], { timeoutMs: -1 })).toThrow(/options\.timeoutMs/);
    expect(() => checkHistory(queueModel, [], { maxSteps: 1.5 })).toThrow(/options\.maxSteps/);
    expect(() => checkHistory(queueModel, [], { clock: {} as never })).toThrow(/options\.clock/);
  });

  it('reports a model whose step is not a pure function', () => {
    let calls = 0;
    // Accepts everything during the search, then rejects on the replay that explains the failure.
    const flaky: Model<number, QueueInput, QueueOutput> = {
      init: () => 0,
      step: (s, input, output) => {
        calls++;
        if (input.kind === 'dequeue' && output?.value === -1) return { ok: false };
        return calls > 2 ? { ok: false } : { ok: true, state: s };
      },
    };
    const history = [
      op(1, 0, 10, { kind: 'enqueue', value: 1 }),
      op(2, 20, 30, { kind: 'dequeue' }, { value: -1 }),
    ];
    expect(() => checkHistory(flaky, history)).toThrow(
      expect.objectContaining({ code: 'MODEL_NOT_DETERMINISTIC' }),
    );
  });
});
