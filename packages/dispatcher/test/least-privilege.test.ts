// What a worker reports is data, never routing authority; one node's bad data never hurts another's.
import { swarm } from '@swarm/api';
import { createMemoryStore } from '@swarm/store';
import { describe, expect, it } from 'vitest';
import { hostPortProblem } from '../src/index.js';
import { Collector, Harness, rejection } from './harness.js';

const { RUNNING } = swarm.TaskState;
const { INGRESS, HOST } = swarm.PortConfig.PublishMode;
const RULE = { taskPortRange: [30000, 32767] as const, reservedPorts: [2377, 30500] };

async function open(
  h: Harness,
  nodeId: string,
  request: swarm.SessionRequest.$Properties = {},
  addr?: string,
) {
  const session = new Collector<swarm.SessionMessage>();
  h.dispatcher().session(nodeId, request, session.sink, addr === undefined ? {} : { addr });
  await h.run(0);
  return { session, sessionId: session.messages[0]?.sessionId ?? '' };
}

async function taskWithPorts(h: Harness, nodeId: string, ports: swarm.PortConfig.$Properties[]) {
  const id = await h.createTask(nodeId);
  await h.updateTask(id, (t) => {
    t.endpoint = swarm.Endpoint.create({ spec: { ports } });
  });
  return id;
}

describe('the ingress rule for reported host ports', () => {
  const task = swarm.Task.create({
    endpoint: {
      spec: {
        ports: [
          { targetPort: 80, publishedPort: 8080, publishMode: INGRESS },
          { targetPort: 9000, publishedPort: 9000, publishMode: HOST },
          { targetPort: 53, publishMode: HOST },
        ],
      },
    },
  });
  it('allows a port in the task port range for an ingress port, and exactly the published one for a fixed host port', () => {
    expect(hostPortProblem(task, { targetPort: 80, publishedPort: 31000 }, RULE)).toBeUndefined();
    expect(hostPortProblem(task, { targetPort: 9000, publishedPort: 9000 }, RULE)).toBeUndefined();
    expect(hostPortProblem(task, { targetPort: 53, publishedPort: 30001 }, RULE)).toBeUndefined();
  });
  it("refuses ports outside the range, a daemon's own, another fixed port, and targets the service does not publish", () => {
    expect(hostPortProblem(task, { targetPort: 80, publishedPort: 2376 }, RULE)).toMatch(
      /outside the task port range/,
    );
    expect(hostPortProblem(task, { targetPort: 80, publishedPort: 2377 }, RULE)).toMatch(
      /swarm daemon itself/,
    );
    expect(hostPortProblem(task, { targetPort: 80, publishedPort: 30500 }, RULE)).toMatch(
      /swarm daemon itself/,
    );
    expect(hostPortProblem(task, { targetPort: 9000, publishedPort: 9001 }, RULE)).toMatch(
      /host-mode port 9000/,
    );
    expect(hostPortProblem(task, { targetPort: 22, publishedPort: 31000 }, RULE)).toMatch(
      /not a port the task's service publishes/,
    );
    expect(hostPortProblem(task, { targetPort: 80, publishedPort: 70000 }, RULE)).toMatch(/not a port/);
  });

  it('refuses a status update that reports a port outside the rule, whole, and writes nothing of it', async () => {
    const h = new Harness({ init: { taskPortRange: [30000, 32767], reservedPorts: [2377] } });
    h.dispatcher().start();
    const nodeId = await h.createNode();
    const { sessionId } = await open(h, nodeId);
    const t = await taskWithPorts(h, nodeId, [{ targetPort: 80, publishedPort: 8080, publishMode: INGRESS }]);
    const err = await rejection(
      h.dispatcher().updateTaskStatus(nodeId, {
        sessionId,
        updates: [
          { taskId: t, status: { state: RUNNING, ports: [{ targetPort: 80, publishedPort: 2375 }] } },
        ],
      }),
    );
    expect(err.code).toBe('HOST_PORT_NOT_ALLOWED');
    expect(err.details).toMatchObject({ taskId: t, port: 2375 });
    await h.run(200);
    expect(h.task(t)?.status?.state).not.toBe(RUNNING);
    const ok = h.dispatcher().updateTaskStatus(nodeId, {
      sessionId,
      updates: [{ taskId: t, status: { state: RUNNING, ports: [{ targetPort: 80, publishedPort: 31000 }] } }],
    });
    await h.run(200);
    await ok;
    expect(h.task(t)?.status?.ports?.[0]?.publishedPort).toBe(31000);
  });
});

describe("a node's address", () => {
  it("is the address the transport verified for its session, never its description's", async () => {
    const h = new Harness();
    h.dispatcher().start();
    const nodeId = await h.createNode();
    await open(h, nodeId, { description: { hostname: 'w', addr: '10.0.0.1:2377' } }, '192.0.2.7');
    await h.run(200);
    expect(h.node(nodeId)?.status?.addr).toBe('192.0.2.7');
    expect(h.node(nodeId)?.description?.addr).toBe('10.0.0.1:2377'); // kept as what it said
  });
});

describe("one node's bad data", () => {
  it('a node description too large is refused with a clear error when the session opens', async () => {
    const h = new Harness({ init: { maxDescriptionBytes: 1024 } });
    h.dispatcher().start();
    const nodeId = await h.createNode();
    const { session } = await open(h, nodeId, {
      description: { hostname: 'w', engineLabels: { big: 'x'.repeat(2000) } },
    });
    expect(session.error?.code).toBe('INVALID_NODE_DESCRIPTION');
    expect(session.error?.message).toMatch(/more than the 1024 allowed/);
  });

  it('a task status too large is refused with a clear error', async () => {
    const h = new Harness({ init: { maxStatusBytes: 512 } });
    h.dispatcher().start();
    const nodeId = await h.createNode();
    const { sessionId } = await open(h, nodeId);
    const t = await h.createTask(nodeId);
    const err = await rejection(
      h.dispatcher().updateTaskStatus(nodeId, {
        sessionId,
        updates: [{ taskId: t, status: { state: RUNNING, err: 'e'.repeat(1000) } }],
      }),
    );
    expect(err.code).toBe('INVALID_STATUS_UPDATE');
    expect(err.message).toMatch(/shorten its message and error/);
  });

  it('a status write the store refuses is dropped alone: the other nodes of the batch are written', async () => {
    // A store whose proposals are small, so one large (but allowed) status cannot be written.
    const clockless = new Harness();
    const store = createMemoryStore({ clock: clockless.clock, maxProposalBytes: 4096 });
    const h = new Harness({ store, init: { maxStatusBytes: 16 * 1024 } });
    h.dispatcher().start();
    const bad = await h.createNode();
    const good = await h.createNode();
    const a = await open(h, bad);
    const b = await open(h, good);
    const tBad = await h.createTask(bad);
    const tGood = await h.createTask(good);
    const pBad = h.dispatcher().updateTaskStatus(bad, {
      sessionId: a.sessionId,
      updates: [{ taskId: tBad, status: { state: RUNNING, err: 'e'.repeat(8000) } }],
    });
    const pGood = h.dispatcher().updateTaskStatus(good, {
      sessionId: b.sessionId,
      updates: [{ taskId: tGood, status: { state: RUNNING } }],
    });
    const settled = Promise.allSettled([pBad, pGood]);
    await h.run(200);
    const [rBad, rGood] = await settled;
    expect(rGood.status).toBe('fulfilled');
    expect(rBad.status).toBe('rejected');
    expect((rBad as PromiseRejectedResult).reason.code).toBe('OBJECT_TOO_LARGE');
    expect(h.task(tGood)?.status?.state).toBe(RUNNING);
    expect(h.task(tBad)?.status?.state).not.toBe(RUNNING);
    expect(h.dispatcher().statusStats.rejected).toBe(1);
  });
});
