import { describe, expect, it } from 'vitest';
import { serviceInfo, TaskState, taskSpec, ZONE_LABEL, ZONE_SHARED_LABEL } from '../src/index.js';
import { tasksPerNode } from '../src/testing.js';
import { changeNode, harness } from './harness.js';

const GiB = 2 ** 30;

describe('placement', () => {
  it('spreads over nodes by tasks of the service first, then tasks overall', () => {
    const h = harness(3);
    h.scheduler.state.upsertService(
      serviceInfo({ id: 'a', mode: { kind: 'replicated', replicas: 2 }, task: taskSpec({ runtime: 'a' }) }),
    );
    h.step();
    h.scheduler.state.upsertService(
      serviceInfo({ id: 'b', mode: { kind: 'replicated', replicas: 1 }, task: taskSpec({ runtime: 'b' }) }),
    );
    h.step();
    // b goes to the node that runs nothing yet.
    const aNodes = new Set(tasksPerNode(h.scheduler.state, 'a').keys());
    const [bNode] = tasksPerNode(h.scheduler.state, 'b').keys();
    expect(aNodes.has(bNode!)).toBe(false);
  });

  it('explains an unplaceable task per filter with node counts', () => {
    const h = harness([
      { status: 'down' },
      { availability: 'drain' },
      { availability: 'pause' },
      { labels: { dc: 'west' } },
      { labels: { dc: 'east' }, resources: { nanoCpus: 4e9, memoryBytes: GiB } },
    ]);
    h.scheduler.state.upsertService(
      serviceInfo({
        id: 'db',
        task: taskSpec({
          constraints: ['node.labels.dc==east'],
          reservations: { nanoCpus: 0, memoryBytes: 2 * GiB },
        }),
      }),
    );
    const plan = h.step();
    expect(plan.unplaced).toHaveLength(1);
    expect(plan.unplaced[0]!.reason).toBe(
      'no suitable node (1 node not ready; 2 nodes not active (paused or drained); ' +
        '1 node fails constraint node.labels.dc==east; 1 node has insufficient memory)',
    );
    expect(plan.created[0]!.message).toBe(plan.unplaced[0]!.reason);
  });

  it('retries a pending task when a node gains the label it needs', () => {
    const h = harness(2);
    h.scheduler.state.upsertService(
      serviceInfo({ id: 'db', task: taskSpec({ constraints: ['node.labels.disk==ssd'] }) }),
    );
    expect(h.step().unplaced).toHaveLength(1);
    expect(h.step().unplaced).toHaveLength(1); // nothing changed: still pending, same reason
    changeNode(h, 1, { labels: { disk: 'ssd' } });
    const plan = h.step();
    expect(plan.unplaced).toHaveLength(0);
    expect(plan.updated.find((t) => t.state === TaskState.ASSIGNED)?.nodeId).toBe(h.node(1).id);
  });

  it('retries a pending task when capacity frees up', () => {
    const h = harness([{ resources: { nanoCpus: 1e9, memoryBytes: GiB } }]);
    const spec = taskSpec({ reservations: { nanoCpus: 1e9, memoryBytes: 0 } });
    h.scheduler.state.upsertService(serviceInfo({ id: 'a', task: spec }));
    h.scheduler.state.upsertService(serviceInfo({ id: 'b', task: taskSpec({ ...spec, runtime: 'b' }) }));
    h.settle();
    expect(
      h
        .live('b')
        .concat(h.live('a'))
        .filter((t) => t.state === TaskState.PENDING),
    ).toHaveLength(1);
    const placed = h.live('a')[0]!.state === TaskState.RUNNING ? 'a' : 'b';
    const waiting = placed === 'a' ? 'b' : 'a';
    expect(h.live(waiting)[0]!.message).toContain('1 node has insufficient CPU');
    h.scheduler.state.upsertService(
      serviceInfo({ id: placed, mode: { kind: 'replicated', replicas: 0 }, task: spec }),
    );
    h.settle();
    expect(h.live(waiting)[0]!.state).toBe(TaskState.RUNNING);
  });

  it('never puts two tasks holding the same host port on one node', () => {
    const h = harness(2);
    const spec = taskSpec({ hostPorts: [{ protocol: 'tcp', publishedPort: 80 }] });
    h.scheduler.state.upsertService(
      serviceInfo({ id: 'web', mode: { kind: 'replicated', replicas: 3 }, task: spec }),
    );
    const plan = h.step();
    expect([...tasksPerNode(h.scheduler.state, 'web').values()]).toEqual([1, 1]);
    expect(plan.unplaced[0]!.reason).toBe('no suitable node (2 nodes have a host port in use)');
  });

  it('honours max replicas per node and explains when it binds', () => {
    const h = harness(2);
    h.scheduler.state.upsertService(
      serviceInfo({
        id: 'web',
        mode: { kind: 'replicated', replicas: 5 },
        task: taskSpec({ maxReplicas: 2 }),
      }),
    );
    const plan = h.step();
    expect([...tasksPerNode(h.scheduler.state, 'web').values()]).toEqual([2, 2]);
    expect(plan.unplaced[0]!.reason).toContain('2 nodes already run the maximum replicas of the service');
  });

  it('matches platforms, treating x86_64 as amd64', () => {
    const h = harness([
      { platform: { os: 'windows', architecture: 'amd64' } },
      { platform: { os: 'linux', architecture: 'x86_64' } },
    ]);
    h.scheduler.state.upsertService(
      serviceInfo({
        id: 'a',
        mode: { kind: 'replicated', replicas: 2 },
        task: taskSpec({ platforms: [{ os: 'linux', architecture: 'amd64' }] }),
      }),
    );
    h.step();
    expect([...tasksPerNode(h.scheduler.state, 'a').keys()]).toEqual([h.node(1).id]);
  });

  it('spreads over label values first with a placement preference', () => {
    const h = harness([
      { labels: { dc: 'east' } },
      { labels: { dc: 'east' } },
      { labels: { dc: 'east' } },
      { labels: { dc: 'west' } },
    ]);
    h.scheduler.state.upsertService(
      serviceInfo({
        id: 'a',
        mode: { kind: 'replicated', replicas: 4 },
        task: taskSpec({ preferences: ['node.labels.dc'] }),
      }),
    );
    h.step();
    const per = tasksPerNode(h.scheduler.state, 'a');
    expect(per.get(h.node(3).id)).toBe(2); // half the tasks in west, on its only node
  });

  it('fills the fullest node that fits with the binpack strategy', () => {
    const h = harness([{}, {}, {}], { placement: { strategy: 'binpack' } });
    h.scheduler.state.upsertService(
      serviceInfo({
        id: 'a',
        mode: { kind: 'replicated', replicas: 5 },
        task: taskSpec({ reservations: { nanoCpus: 1e9, memoryBytes: GiB } }),
      }),
    );
    h.step();
    expect([...tasksPerNode(h.scheduler.state, 'a').values()].sort()).toEqual([1, 4]);
  });

  it('avoids a node where the service failed repeatedly of late', () => {
    const h = harness(2, { placement: { failureThreshold: 2 } });
    const spec = taskSpec({ restart: { condition: 'any', delayMs: 0, maxAttempts: 0, windowMs: 0 } });
    h.scheduler.state.upsertService(serviceInfo({ id: 'a', task: spec }));
    for (let i = 0; i < 2; i++) {
      h.settle();
      const t = h.live('a').find((x) => x.state === TaskState.RUNNING)!;
      if (t.nodeId !== h.node(0).id) {
        // Put the failures on node 0 regardless of where the first tasks went.
        h.scheduler.state.upsertTask({ ...t, nodeId: h.node(0).id });
      }
      h.clock.advance(1000);
      h.scheduler.state.upsertTask({
        ...h.scheduler.state.tasks.get(t.id)!,
        state: TaskState.FAILED,
        statusAt: h.clock.now(),
      });
    }
    h.settle();
    expect(h.live('a').find((x) => x.state === TaskState.RUNNING)!.nodeId).toBe(h.node(1).id);
  });

  it('reports a bad constraint as the reason instead of placing', () => {
    const h = harness(1);
    h.scheduler.state.upsertService(
      serviceInfo({ id: 'a', task: taskSpec({ constraints: ['node.labels.dc'] }) }),
    );
    expect(h.step().unplaced[0]!.reason).toMatch(
      /^cannot place: invalid placement constraint "node.labels.dc"/,
    );
  });
});

describe('security zones', () => {
  const zoned = [
    { labels: { [ZONE_LABEL]: 'pci' } },
    { labels: { [ZONE_LABEL]: 'pci', [ZONE_SHARED_LABEL]: 'true' } },
    { labels: {} },
    { engineLabels: { [ZONE_LABEL]: 'pci' } },
  ];

  it('places zoned tasks only on nodes whose manager-owned label names the zone', () => {
    const h = harness(zoned);
    h.scheduler.state.upsertService(
      serviceInfo({
        id: 'pay',
        mode: { kind: 'replicated', replicas: 6 },
        task: taskSpec({ constraints: [`node.labels.${ZONE_LABEL}==pci`] }),
      }),
    );
    h.step();
    expect([...tasksPerNode(h.scheduler.state, 'pay').keys()].sort()).toEqual([h.node(0).id, h.node(1).id]);
  });

  it('keeps tasks without a zone off zoned nodes unless the zone is shared', () => {
    const h = harness(zoned);
    h.scheduler.state.upsertService(serviceInfo({ id: 'web', mode: { kind: 'replicated', replicas: 6 } }));
    h.step();
    expect([...tasksPerNode(h.scheduler.state, 'web').keys()].sort()).toEqual([
      h.node(1).id,
      h.node(2).id,
      h.node(3).id,
    ]);
  });

  it('gives no work to a node whose certificate names another zone than its label', () => {
    const h = harness([{ labels: { [ZONE_LABEL]: 'pci' }, certificateZone: '' }]);
    h.scheduler.state.upsertService(
      serviceInfo({ id: 'pay', task: taskSpec({ constraints: [`node.labels.${ZONE_LABEL}==pci`] }) }),
    );
    expect(h.step().unplaced[0]!.reason).toBe('no suitable node (1 node changing security zone)');
  });

  it('explains zone failures like any constraint', () => {
    const h = harness([{}, { labels: { [ZONE_LABEL]: 'dev' } }]);
    h.scheduler.state.upsertService(
      serviceInfo({ id: 'pay', task: taskSpec({ constraints: [`node.labels.${ZONE_LABEL}==pci`] }) }),
    );
    expect(h.step().unplaced[0]!.reason).toBe(
      `no suitable node (2 nodes fail constraint node.labels.${ZONE_LABEL}==pci)`,
    );
  });

  it('rejects a != zone constraint instead of placing anywhere', () => {
    const h = harness(2);
    h.scheduler.state.upsertService(
      serviceInfo({ id: 'pay', task: taskSpec({ constraints: [`node.labels.${ZONE_LABEL}!=pci`] }) }),
    );
    const plan = h.step();
    expect(plan.created[0]!.nodeId).toBe('');
    expect(plan.unplaced[0]!.reason).toContain('invalid security-zone constraint');
  });

  it('moves zoned tasks off a node whose zone label is removed', () => {
    const h = harness([{ labels: { [ZONE_LABEL]: 'pci' } }, { labels: { [ZONE_LABEL]: 'pci' } }]);
    h.scheduler.state.upsertService(
      serviceInfo({
        id: 'pay',
        mode: { kind: 'replicated', replicas: 2 },
        task: taskSpec({ constraints: [`node.labels.${ZONE_LABEL}==pci`] }),
      }),
    );
    h.settle();
    changeNode(h, 0, { labels: {} });
    h.settle();
    expect([...tasksPerNode(h.scheduler.state, 'pay').entries()]).toEqual([[h.node(1).id, 2]]);
  });
});
