import { swarm } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { canonical, serviceInfo, TaskState, taskSpec, taskStateName } from '../src/index.js';

describe('spec values', () => {
  it('gives equal specs equal keys, whatever the order of fields', () => {
    const a = taskSpec({ constraints: ['node.role==worker'], reservations: { nanoCpus: 1, memoryBytes: 2 } });
    const b = taskSpec({ reservations: { memoryBytes: 2, nanoCpus: 1 }, constraints: ['node.role==worker'] });
    expect(a.key).toBe(b.key);
    expect(taskSpec({ runtime: 'x' }).key).not.toBe(taskSpec({ runtime: 'y' }).key);
    expect(canonical({ b: 1, a: [true, null] })).toBe('{"a":[true,null],"b":1}');
  });

  it('rejects negative reservations and impossible service settings, naming the field', () => {
    expect(() => taskSpec({ reservations: { nanoCpus: -1, memoryBytes: 0 } })).toThrow(
      /reservations.nanoCpus/,
    );
    expect(() => serviceInfo({ id: 's', mode: { kind: 'replicated', replicas: 1.5 } })).toThrow(/replicas/);
    expect(() => serviceInfo({ id: 's', update: { maxFailureRatio: 2 } })).toThrow(/maxFailureRatio/);
    expect(() =>
      serviceInfo({ id: 's', mode: { kind: 'replicated-job', maxConcurrent: 0, totalCompletions: 1 } }),
    ).toThrow(/maxConcurrent/);
  });

  it('uses the same task state numbers as the wire contract', () => {
    for (const [name, value] of Object.entries(TaskState)) {
      expect(swarm.TaskState[name as keyof typeof swarm.TaskState]).toBe(value);
    }
    expect(taskStateName(TaskState.RUNNING)).toBe('running');
    expect(taskStateName(999)).toBe('state 999');
  });
});
