import { ManualClock } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { checkKvHistory, HistoryRecorder } from '../../src/linearizability/index.js';

describe('the README example', () => {
  it('finds the lost write and names the key', () => {
    const recorder = new HistoryRecorder(new ManualClock(0));
    const write = recorder.invoke('client-1', { kind: 'put', key: 'x', value: '1' });
    write.ok({});
    const read = recorder.invoke('client-2', { kind: 'get', key: 'x' });
    read.ok({}); // the read saw no value: the acknowledged write was lost

    const result = checkKvHistory(recorder.history(), { timeoutMs: 10_000 });
    expect(result.linearizable).toBe(false);
    expect(result.failedKey).toBe('x');
    expect(result.counterexample?.explanation).toContain('get("x") -> absent');
  });
});
