import { fromLong, swarm, toLong } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { applyServiceDecision, applyTaskDecision, newTask } from '../src/driver.js';
import { ApiConverter, type ServiceInfo, type TaskInfo } from '../src/index.js';
import { S, serviceSpec } from './driver-helpers.js';

const conv = new ApiConverter();
const NODE_A = 'a'.repeat(25);
const NODE_B = 'b'.repeat(25);

function stored(fields: { state: number; desired?: number; node?: string; message?: string }): swarm.Task {
  return swarm.Task.create({
    id: 't'.repeat(25),
    meta: { version: { index: toLong(7n) } },
    serviceId: 's'.repeat(25),
    slot: toLong(1n),
    nodeId: fields.node ?? '',
    desiredState: fields.desired ?? S.RUNNING,
    status: {
      state: fields.state,
      message: fields.message ?? '',
      ports: [{ targetPort: 80, publishedPort: 31000 }],
    },
  });
}

function decided(t: swarm.Task, change: Partial<TaskInfo>): TaskInfo {
  return { ...conv.task(t), ...change };
}

describe('applyTaskDecision', () => {
  it('assigns a pending task: node, state, timestamp and message', () => {
    const s = stored({ state: S.PENDING, message: 'created' });
    const r = applyTaskDecision(s, decided(s, { nodeId: NODE_A, state: S.ASSIGNED, message: 'scheduled' }));
    if (typeof r === 'string') throw new Error(r);
    expect(r.write.nodeId).toBe(NODE_A);
    expect(r.write.status?.state).toBe(S.ASSIGNED);
    expect(r.write.status?.message).toBe('scheduled');
    expect(fromLong(r.write.meta!.version!.index as never)).toBe(7n);
  });

  it('changes only the desired state of a task a worker owns, keeping its reported status', () => {
    const s = stored({ state: S.RUNNING, node: NODE_A, message: 'started' });
    // The scheduler's view may lag (it still thinks the task is assigned).
    const r = applyTaskDecision(
      s,
      decided(s, { state: S.ASSIGNED, desiredState: S.SHUTDOWN, message: 'stopped for update' }),
    );
    if (typeof r === 'string') throw new Error(r);
    expect(r.write.desiredState).toBe(S.SHUTDOWN);
    expect(r.write.status?.state).toBe(S.RUNNING);
    expect(r.write.status?.message).toBe('started');
    expect(r.write.status?.ports?.[0]?.publishedPort).toBe(31000);
  });

  it('reports decisions the store has moved past as stale, and no-ops as same', () => {
    const removed = stored({ state: S.RUNNING, node: NODE_A, desired: S.REMOVE });
    expect(applyTaskDecision(removed, decided(removed, { desiredState: S.SHUTDOWN }))).toBe('stale');
    const onA = stored({ state: S.RUNNING, node: NODE_A });
    expect(applyTaskDecision(onA, decided(onA, { nodeId: NODE_B, desiredState: S.SHUTDOWN }))).toBe('stale');
    const pendingOnA = stored({ state: S.PENDING, node: NODE_A });
    expect(applyTaskDecision(pendingOnA, decided(pendingOnA, { nodeId: NODE_B, state: S.ASSIGNED }))).toBe(
      'stale',
    );
    expect(applyTaskDecision(onA, decided(onA, { message: 'anything' }))).toBe('same');
    const pending = stored({ state: S.PENDING, message: 'no suitable node' });
    expect(applyTaskDecision(pending, decided(pending, {}))).toBe('same');
  });
});

describe('applyServiceDecision and newTask', () => {
  function service(version: bigint): swarm.Service {
    const spec = serviceSpec({
      name: 'web',
      replicas: 2,
      image: 'v2',
      ports: [{ targetPort: 80, publishedPort: 8080 }],
    });
    const previous = serviceSpec({ name: 'web', replicas: 2, image: 'v1' });
    return swarm.Service.create({
      id: 's'.repeat(25),
      meta: { version: { index: toLong(3n) } },
      spec,
      previousSpec: previous,
      specVersion: toLong(version),
    });
  }

  it('writes the update status for the spec version it was decided on', () => {
    const s = service(2n);
    const info: ServiceInfo = {
      ...conv.service(s),
      updateStatus: { state: 'completed', startedAt: 1, completedAt: 2, message: 'update completed' },
    };
    const r = applyServiceDecision(s, info);
    if (typeof r === 'string') throw new Error(r);
    expect(r.write.updateStatus?.state).toBe(swarm.UpdateStatus.UpdateState.COMPLETED);
    expect(r.write.spec?.task?.container?.image).toBe('v2');
    // Decided on version 1 while the store holds 2: a user changed the spec meanwhile.
    expect(applyServiceDecision(s, { ...info, specVersion: 1 })).toBe('stale');
  });

  it('stores an automatic rollback as the spec swap with the next version', () => {
    const s = service(2n);
    const info: ServiceInfo = {
      ...conv.service(s),
      specVersion: 3,
      updateStatus: {
        state: 'rollback-started',
        startedAt: 5,
        completedAt: 0,
        message: 'update rolled back',
      },
    };
    const r = applyServiceDecision(s, info);
    if (typeof r === 'string') throw new Error(r);
    expect(r.write.spec?.task?.container?.image).toBe('v1');
    expect(r.write.previousSpec?.task?.container?.image).toBe('v2');
    expect(fromLong(r.write.specVersion as never)).toBe(3n);
  });

  it('creates a task from the service: its current spec, endpoint and name', () => {
    const s = service(2n);
    const info = conv.service(s);
    const t: TaskInfo = {
      id: 'n'.repeat(25),
      serviceId: s.id,
      slot: 2,
      nodeId: NODE_A,
      spec: info.task,
      specVersion: 2,
      state: S.ASSIGNED,
      desiredState: S.RUNNING,
      createdAt: 10,
      statusAt: 10,
      message: 'scheduled',
      jobIteration: 0,
    };
    const task = newTask(t, s);
    expect(task.spec?.container?.image).toBe('v2');
    expect(task.endpoint?.spec?.ports?.[0]?.publishedPort).toBe(8080);
    expect(task.serviceAnnotations?.name).toBe('web');
    expect(task.nodeId).toBe(NODE_A);
    expect(task.status?.state).toBe(S.ASSIGNED);
    expect(fromLong(task.slot as never)).toBe(2n);
    // Round-trips through the converter with the same spec the service has.
    expect(conv.task(task).spec).toBe(info.task);
  });
});
