import { ManualClock } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { checkKvHistory, HistoryRecorder } from '../../src/linearizability/index.js';

describe('HistoryRecorder', () => {
  it('orders events as they were recorded even when the clock does not move', () => {
    const recorder = new HistoryRecorder(new ManualClock(1_000));
    const write = recorder.invoke(1, { kind: 'put', key: 'x', value: '1' });
    write.ok({});
    const read = recorder.invoke(2, { kind: 'get', key: 'x' });
    read.ok({});
    const history = recorder.history();
    expect(history.map((op) => [op.call, op.return, op.callMs, op.returnMs])).toEqual([
      [0, 1, 1_000, 1_000],
      [2, 3, 1_000, 1_000],
    ]);
    // The read began after the write returned, so missing the write is a violation.
    expect(checkKvHistory(history).linearizable).toBe(false);
  });

  it('keeps clock times beside the positions', () => {
    const clock = new ManualClock(0);
    const recorder = new HistoryRecorder(clock);
    const h = recorder.invoke('a', { kind: 'get', key: 'x' });
    clock.advance(25);
    h.ok({ value: null });
    expect(recorder.history()).toEqual([
      {
        clientId: 'a',
        call: 0,
        return: 1,
        input: { kind: 'get', key: 'x' },
        output: { value: null },
        callMs: 0,
        returnMs: 25,
      },
    ]);
  });

  it('leaves out failed operations and records unknown and pending ones with an infinite return', () => {
    const recorder = new HistoryRecorder(new ManualClock(0));
    recorder.invoke(1, { kind: 'put', key: 'x', value: 'failed' }).fail();
    recorder.invoke(2, { kind: 'put', key: 'x', value: 'maybe' }).unknown();
    recorder.invoke(3, { kind: 'put', key: 'x', value: 'pending' });
    const history = recorder.history();
    expect(history.map((op) => [op.input.kind === 'put' && op.input.value, op.return, op.returnMs])).toEqual([
      ['maybe', Infinity, Infinity],
      ['pending', Infinity, Infinity],
    ]);
    expect(history.every((op) => !('output' in op))).toBe(true);
    expect(recorder.pending).toBe(1);
  });

  it('records a history the checker accepts when a timed-out write shows up later', () => {
    const recorder = new HistoryRecorder(new ManualClock(0));
    const w = recorder.invoke(1, { kind: 'put', key: 'x', value: '1' });
    w.unknown();
    const r = recorder.invoke(2, { kind: 'get', key: 'x' });
    r.ok({ value: '1' });
    expect(checkKvHistory(recorder.history()).linearizable).toBe(true);
  });

  it('refuses to complete an operation twice', () => {
    const recorder = new HistoryRecorder(new ManualClock(0));
    const h = recorder.invoke(1, { kind: 'delete', key: 'x' });
    h.ok({});
    expect(() => h.unknown()).toThrow(expect.objectContaining({ code: 'OPERATION_ALREADY_COMPLETED' }));
    expect(() => h.fail()).toThrow(/already completed as ok/);
  });

  it('rejects a clock without now() and a bad client id', () => {
    expect(() => new HistoryRecorder({} as never)).toThrow(TypeError);
    expect(() =>
      new HistoryRecorder(new ManualClock(0)).invoke(null as never, { kind: 'get', key: 'x' }),
    ).toThrow(/clientId/);
  });
});
