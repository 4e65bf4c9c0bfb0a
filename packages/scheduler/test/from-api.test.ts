import { swarm, toLong } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import {
  ApiConverter,
  createdTaskToApi,
  schedulerInitOf,
  TaskState,
  updatedServiceToApi,
  updatedTaskToApi,
  ZONE_LABEL,
} from '../src/index.js';

function roundTrip<T>(type: { encode(m: T): { finish(): Uint8Array }; decode(b: Uint8Array): T }, m: T): T {
  return type.decode(type.encode(m).finish());
}

const serviceSpec: swarm.ServiceSpec.$Properties = {
  annotations: { name: 'web' },
  task: {
    container: { image: 'nginx:1', env: ['A=1'] },
    resources: { reservations: { nanoCpus: toLong(500_000_000n), memoryBytes: toLong(1n << 28n) } },
    restart: {
      condition: swarm.RestartPolicy.Condition.ON_FAILURE,
      delayMs: toLong(2000n),
      maxAttempts: toLong(3n),
    },
    placement: {
      constraints: [`node.labels.${ZONE_LABEL}==pci`],
      preferences: [{ spread: { spreadDescriptor: 'node.labels.dc' } }],
      maxReplicas: toLong(2n),
    },
  },
  replicated: { replicas: toLong(4n) },
  update: {
    parallelism: toLong(2n),
    order: swarm.UpdateConfig.UpdateOrder.START_FIRST,
    maxFailureRatio: 0.25,
  },
  endpoint: {
    ports: [{ publishedPort: 8080, targetPort: 80, publishMode: swarm.PortConfig.PublishMode.HOST }],
  },
};

describe('protobuf converters', () => {
  it('reads a node with its zone from manager-owned labels and the certificate zone from Node.zone', () => {
    const c = new ApiConverter();
    const node = c.node(
      roundTrip(swarm.Node, {
        id: 'n1',
        spec: {
          annotations: { labels: { [ZONE_LABEL]: 'pci' } },
          availability: swarm.NodeSpec.Availability.DRAIN,
        },
        description: {
          hostname: 'h1',
          engineLabels: { [ZONE_LABEL]: 'dev' },
          platform: { os: 'linux', architecture: 'amd64' },
          resources: { nanoCpus: toLong(4_000_000_000n), memoryBytes: toLong(1n << 33n) },
        },
        status: { state: swarm.NodeStatus.State.READY, addr: '10.0.0.5' },
        role: swarm.NodeRole.NODE_ROLE_MANAGER,
        zone: 'pci',
      }),
    );
    expect(node).toMatchObject({
      id: 'n1',
      hostname: 'h1',
      role: 'manager',
      status: 'ready',
      availability: 'drain',
      addr: '10.0.0.5',
      labels: { [ZONE_LABEL]: 'pci' },
      engineLabels: { [ZONE_LABEL]: 'dev' },
      resources: { nanoCpus: 4e9, memoryBytes: 2 ** 33 },
      certificateZone: 'pci',
    });
  });

  it('reads a service and shares one task spec object between the service and its tasks', () => {
    const c = new ApiConverter();
    const svc = c.service(roundTrip(swarm.Service, { id: 's1', spec: serviceSpec, specVersion: toLong(7n) }));
    expect(svc.mode).toEqual({ kind: 'replicated', replicas: 4 });
    expect(svc.specVersion).toBe(7);
    expect(svc.update).toMatchObject({
      parallelism: 2,
      order: 'start-first',
      maxFailureRatio: 0.25,
      failureAction: 'pause',
    });
    expect(svc.task).toMatchObject({
      reservations: { nanoCpus: 5e8, memoryBytes: 2 ** 28 },
      constraints: [`node.labels.${ZONE_LABEL}==pci`],
      preferences: ['node.labels.dc'],
      maxReplicas: 2,
      hostPorts: [{ protocol: 'tcp', publishedPort: 8080 }],
      restart: { condition: 'on-failure', delayMs: 2000, maxAttempts: 3, windowMs: 0 },
    });
    const task = c.task(
      roundTrip(swarm.Task, {
        id: 't1',
        serviceId: 's1',
        slot: toLong(3n),
        spec: serviceSpec.task ?? null,
        endpoint: { spec: serviceSpec.endpoint ?? null },
        status: { state: swarm.TaskState.RUNNING, timestamp: toLong(5000n) },
        desiredState: swarm.TaskState.RUNNING,
      }),
    );
    expect(task.spec).toBe(svc.task);
    expect(task).toMatchObject({ slot: 3, state: TaskState.RUNNING, statusAt: 5000 });
  });

  it('tells specs apart by the container as well as by placement', () => {
    const c = new ApiConverter();
    const a = c.taskSpec({ container: { image: 'nginx:1' } });
    const b = c.taskSpec({ container: { image: 'nginx:2' } });
    const a2 = c.taskSpec(roundTrip(swarm.TaskSpec, { container: { image: 'nginx:1' } }));
    expect(a).not.toBe(b);
    expect(a2).toBe(a);
  });

  it('defaults an absent restart policy to swarm defaults, and job modes sensibly', () => {
    const c = new ApiConverter();
    expect(c.taskSpec({}).restart).toEqual({ condition: 'any', delayMs: 5000, maxAttempts: 0, windowMs: 0 });
    const job = c.service({ id: 'j', spec: { replicatedJob: { maxConcurrent: toLong(0n) } } });
    expect(job.mode).toEqual({ kind: 'replicated-job', maxConcurrent: 1, totalCompletions: 1 });
  });

  it('writes created and updated tasks and a rolled-back service back as protobuf objects', () => {
    const c = new ApiConverter();
    const stored: swarm.Service.$Properties = {
      id: 's1',
      spec: serviceSpec,
      previousSpec: { ...serviceSpec, task: { container: { image: 'nginx:0' } } },
      specVersion: toLong(2n),
    };
    const svc = c.service(stored);
    const created = createdTaskToApi(
      {
        id: 't2',
        serviceId: 's1',
        slot: 1,
        nodeId: 'n1',
        spec: svc.task,
        specVersion: 2,
        state: TaskState.ASSIGNED,
        desiredState: TaskState.RUNNING,
        createdAt: 10,
        statusAt: 10,
        message: 'scheduled',
        jobIteration: 0,
      },
      stored,
    );
    const decoded = roundTrip(swarm.Task, created);
    expect(decoded.spec?.container?.image).toBe('nginx:1');
    expect(decoded.status?.state).toBe(swarm.TaskState.ASSIGNED);
    expect(c.task(decoded).spec).toBe(svc.task);

    const updated = updatedTaskToApi(decoded, {
      ...c.task(decoded),
      desiredState: TaskState.SHUTDOWN,
      message: 'stop',
    });
    expect(updated.desiredState).toBe(swarm.TaskState.SHUTDOWN);
    expect(updated.status?.message).toBe('stop');

    const rolled = updatedServiceToApi(stored, {
      ...svc,
      specVersion: 3,
      updateStatus: { state: 'rollback-started', startedAt: 1, completedAt: 0, message: 'x' },
    });
    expect(rolled.spec?.task?.container?.image).toBe('nginx:0');
    expect(rolled.previousSpec?.task?.container?.image).toBe('nginx:1');
    expect(rolled.updateStatus?.state).toBe(swarm.UpdateStatus.UpdateState.ROLLBACK_STARTED);
  });
});

describe('schedulerInitOf', () => {
  const defaults = { placement: { strategy: 'spread' as const, failureThreshold: 3 } };

  it("keeps the manager's defaults when the cluster sets nothing", () => {
    expect(schedulerInitOf(undefined, defaults)).toEqual(defaults);
    expect(schedulerInitOf({ placementStrategy: '' }, defaults)).toEqual(defaults);
    expect(schedulerInitOf(null)).toEqual({});
  });

  it("the cluster's strategy replaces the default and keeps the other placement options", () => {
    expect(schedulerInitOf({ placementStrategy: 'binpack' }, defaults)).toEqual({
      placement: { strategy: 'binpack', failureThreshold: 3 },
    });
    // An unknown value (never written by the control API) keeps the default rather than failing.
    expect(schedulerInitOf({ placementStrategy: 'random' }, defaults)).toEqual(defaults);
  });

  it("the cluster's rebalance budget replaces the default; 0 moves turns it off", () => {
    const on = { rebalance: { maxMovesPerInterval: 4, intervalMs: 1000 } };
    const stored = roundTrip(swarm.OrchestrationConfig, {
      rebalance: { maxMoves: 2, intervalMs: toLong(30_000n) },
    });
    expect(schedulerInitOf(stored, on).rebalance).toEqual({ maxMovesPerInterval: 2, intervalMs: 30_000 });
    expect(schedulerInitOf({ rebalance: { maxMoves: 0 } }, on).rebalance).toBeUndefined();
    expect(schedulerInitOf({ rebalance: { maxMoves: 3 } }).rebalance).toEqual({
      maxMovesPerInterval: 3,
      intervalMs: 60_000,
    });
    expect(schedulerInitOf({}, on).rebalance).toEqual(on.rebalance);
  });
});
