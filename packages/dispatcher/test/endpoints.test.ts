import { hostOf as apiHostOf, generateId, ManualClock, swarm, toLong } from '@swarm/api';
import { createMemoryStore, type Store } from '@swarm/store';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PORT_RULE,
  EndpointsTable,
  endpointsKey,
  hostOf,
  ingressPortProblem,
  publishedEndpoints,
  type RefusedEndpoint,
  watchPublishedEndpoints,
} from '../src/endpoints.js';

const S = swarm.TaskState;

/** A ready, active worker at `addr`, as the control API and the dispatcher would store it. */
function nodeObject(id: string, f: { addr?: string; state?: swarm.NodeStatus.State } = {}): swarm.Node {
  return swarm.Node.create({
    id,
    spec: {
      availability: swarm.NodeSpec.Availability.ACTIVE,
      membership: swarm.NodeSpec.Membership.ACCEPTED,
    },
    status: { state: f.state ?? swarm.NodeStatus.State.READY, addr: f.addr ?? '127.0.0.1' },
    role: swarm.NodeRole.NODE_ROLE_WORKER,
  });
}

/** A replicated service spec publishing `ports`. */
function serviceSpec(f: {
  name: string;
  replicas?: number;
  ports?: swarm.PortConfig.$Properties[];
}): swarm.ServiceSpec.$Properties {
  return {
    annotations: { name: f.name },
    task: { container: { image: 'busybox', command: ['sleep', '1000'] } },
    replicated: { replicas: toLong(BigInt(f.replicas ?? 1)) },
    ...(f.ports === undefined ? {} : { endpoint: { ports: f.ports } }),
  };
}

const TCP = swarm.PortConfig.Protocol.TCP;
const UDP = swarm.PortConfig.Protocol.UDP;

interface TaskFields {
  node: string;
  state?: number;
  desired?: number;
  ports?: swarm.PortConfig.$Properties[];
}

async function addTask(store: Store, serviceId: string, f: TaskFields): Promise<string> {
  const id = generateId();
  await store.update((tx) =>
    tx.create(
      'task',
      swarm.Task.create({
        id,
        serviceId,
        slot: toLong(1n),
        nodeId: f.node,
        desiredState: f.desired ?? S.RUNNING,
        status: { state: f.state ?? S.RUNNING, ports: f.ports ?? [] },
      }),
    ),
  );
  return id;
}

async function fixture() {
  const clock = new ManualClock(0);
  const store = createMemoryStore({ clock });
  const ready = 'a'.repeat(25);
  const ready2 = 'b'.repeat(25);
  const down = 'c'.repeat(25);
  await store.update((tx) => {
    tx.create('node', nodeObject(ready, { addr: '10.0.0.1:2377' }));
    tx.create('node', nodeObject(ready2, { addr: '[fd00::2]:2377' }));
    tx.create('node', nodeObject(down, { addr: '10.0.0.3', state: swarm.NodeStatus.State.DOWN }));
  });
  const web = 'w'.repeat(25);
  const dns = 'd'.repeat(25);
  const hostMode = 'h'.repeat(25);
  await store.update((tx) => {
    tx.create(
      'service',
      swarm.Service.create({
        id: web,
        spec: serviceSpec({ name: 'web', replicas: 5, ports: [{ targetPort: 80, publishedPort: 8080 }] }),
      }),
    );
    tx.create(
      'service',
      swarm.Service.create({
        id: dns,
        spec: serviceSpec({
          name: 'dns',
          replicas: 1,
          ports: [{ targetPort: 53, publishedPort: 5353, protocol: UDP }],
        }),
      }),
    );
    tx.create(
      'service',
      swarm.Service.create({
        id: hostMode,
        spec: serviceSpec({
          name: 'host',
          replicas: 1,
          ports: [{ targetPort: 9000, publishedPort: 9000, publishMode: swarm.PortConfig.PublishMode.HOST }],
        }),
      }),
    );
  });
  return { clock, store, ready, ready2, down, web, dns, hostMode };
}

describe('publishedEndpoints', () => {
  it('lists only running tasks on ready nodes, with the host ports they reported', async () => {
    const f = await fixture();
    const { store, web } = f;
    const good = await addTask(store, web, {
      node: f.ready,
      ports: [{ targetPort: 80, publishedPort: 31001 }],
    });
    const good6 = await addTask(store, web, {
      node: f.ready2,
      ports: [{ targetPort: 80, publishedPort: 31002 }],
    });
    await addTask(store, web, { node: f.down, ports: [{ targetPort: 80, publishedPort: 31003 }] });
    await addTask(store, web, {
      node: f.ready,
      state: S.ASSIGNED,
      ports: [{ targetPort: 80, publishedPort: 31004 }],
    });
    await addTask(store, web, {
      node: f.ready,
      desired: S.SHUTDOWN,
      ports: [{ targetPort: 80, publishedPort: 31005 }],
    });
    await addTask(store, web, { node: f.ready }); // no port reported yet
    await addTask(store, web, { node: f.ready, ports: [{ targetPort: 81, publishedPort: 31006 }] });
    await addTask(store, web, {
      node: f.ready,
      ports: [{ targetPort: 80, publishedPort: 31007, protocol: UDP }],
    });
    await addTask(store, f.hostMode, { node: f.ready, ports: [{ targetPort: 9000, publishedPort: 9000 }] });
    const dnsTask = await addTask(store, f.dns, {
      node: f.ready2,
      ports: [{ targetPort: 53, publishedPort: 32000, protocol: UDP }],
    });

    const eps = store.view(publishedEndpoints);
    expect(eps.map((e) => [e.serviceId, e.publishedPort, e.targetPort, e.protocol])).toEqual([
      [f.dns, 5353, 53, UDP],
      [web, 8080, 80, TCP],
    ]);
    expect(eps[1]!.tasks.map((t) => ({ ...t }))).toEqual([
      { taskId: good, nodeId: f.ready, addr: '10.0.0.1', port: 31001 },
      { taskId: good6, nodeId: f.ready2, addr: 'fd00::2', port: 31002 },
    ]);
    expect(eps[0]!.tasks.map((t) => [t.taskId, t.addr, t.port])).toEqual([[dnsTask, 'fd00::2', 32000]]);
    // It fits the Ingress RPC's response.
    const bytes = swarm.EndpointsResponse.encode({ endpoints: eps }).finish();
    expect(swarm.EndpointsResponse.decode(bytes).endpoints).toHaveLength(2);
  });

  it("leaves out host ports outside the task port range or a daemon's own, and says so", async () => {
    const f = await fixture();
    const ok = await addTask(f.store, f.web, {
      node: f.ready,
      ports: [{ targetPort: 80, publishedPort: 30000 }],
    });
    const control = await addTask(f.store, f.web, {
      node: f.ready,
      ports: [{ targetPort: 80, publishedPort: 2375 }],
    });
    const own = await addTask(f.store, f.web, {
      node: f.ready2,
      ports: [{ targetPort: 80, publishedPort: 31000 }],
    });
    const refused: RefusedEndpoint[] = [];
    const eps = f.store.view((tx) =>
      publishedEndpoints(tx, { taskPortRange: [30000, 32767], reservedPorts: [31000] }, refused),
    );
    expect(eps.find((e) => e.serviceId === f.web)!.tasks.map((t) => t.taskId)).toEqual([ok]);
    expect(refused.map((r) => [r.taskId, r.port])).toEqual(
      expect.arrayContaining([
        [control, 2375],
        [own, 31000],
      ]),
    );
    expect(refused.find((r) => r.taskId === control)!.reason).toMatch(
      /outside the task port range 30000-32767/,
    );
    expect(ingressPortProblem(31000, DEFAULT_PORT_RULE)).toBeUndefined();
  });

  it('lists a service whose tasks are not running yet with no tasks', async () => {
    const f = await fixture();
    const eps = f.store.view(publishedEndpoints);
    expect(eps.map((e) => [e.serviceId, e.tasks.length])).toEqual([
      [f.dns, 0],
      [f.web, 0],
    ]);
  });

  it("re-exports @swarm/api's hostOf", () => {
    expect(hostOf).toBe(apiHostOf);
  });

  it('keys equal tables equally and different tables differently', async () => {
    const f = await fixture();
    const before = endpointsKey(f.store.view(publishedEndpoints));
    expect(endpointsKey(f.store.view(publishedEndpoints))).toBe(before);
    await addTask(f.store, f.web, { node: f.ready, ports: [{ targetPort: 80, publishedPort: 31001 }] });
    expect(endpointsKey(f.store.view(publishedEndpoints))).not.toBe(before);
  });
});

describe('watchPublishedEndpoints', () => {
  it('delivers the table now and after changes that alter it, debounced', async () => {
    const f = await fixture();
    const seen: number[] = [];
    const stop = watchPublishedEndpoints(
      f.store,
      (eps) => seen.push(eps.reduce((n, e) => n + e.tasks.length, 0)),
      { clock: f.clock, batchMs: 50 },
    );
    expect(seen).toEqual([0]);
    const t1 = await addTask(f.store, f.web, {
      node: f.ready,
      ports: [{ targetPort: 80, publishedPort: 31001 }],
    });
    await addTask(f.store, f.web, { node: f.ready2, ports: [{ targetPort: 80, publishedPort: 31002 }] });
    expect(seen).toEqual([0]);
    f.clock.advance(50);
    expect(seen).toEqual([0, 2]);
    // A change that does not alter the table (a non-running task) delivers nothing.
    await addTask(f.store, f.web, { node: f.ready, state: S.ASSIGNED });
    f.clock.advance(50);
    expect(seen).toEqual([0, 2]);
    // The task stops: the table shrinks.
    await f.store.update((tx) => {
      const t = tx.get('task', t1)!;
      t.status = swarm.TaskStatus.create({ state: S.SHUTDOWN });
      tx.update('task', t);
    });
    f.clock.advance(50);
    expect(seen).toEqual([0, 2, 1]);
    // A node going down removes its tasks.
    await f.store.update((tx) => {
      const n = tx.get('node', f.ready2)!;
      n.status = swarm.NodeStatus.create({ state: swarm.NodeStatus.State.DOWN, addr: '[fd00::2]:2377' });
      tx.update('node', n);
    });
    f.clock.advance(50);
    expect(seen).toEqual([0, 2, 1, 0]);
    stop();
    await addTask(f.store, f.web, { node: f.ready, ports: [{ targetPort: 80, publishedPort: 31009 }] });
    f.clock.advance(50);
    expect(seen).toEqual([0, 2, 1, 0]);
    expect(f.clock.pendingTimers).toBe(0);
  });
});

describe('EndpointsTable', () => {
  it('keeps the current table and its key', async () => {
    const f = await fixture();
    const table = new EndpointsTable(f.store, { clock: f.clock, batchMs: 10 });
    expect(table.endpoints.map((e) => e.tasks.length)).toEqual([0, 0]);
    const before = table.key;
    await addTask(f.store, f.web, { node: f.ready, ports: [{ targetPort: 80, publishedPort: 31001 }] });
    f.clock.advance(10);
    expect(table.endpoints[1]!.tasks.map((t) => t.port)).toEqual([31001]);
    expect(table.key).not.toBe(before);
    expect(table.key).toBe(endpointsKey(f.store.view(publishedEndpoints)));
    table.close();
    expect(f.clock.pendingTimers).toBe(0);
  });
});
