import { fromLong, swarm, toLong } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../src/index.js';
import { Collector, Harness, rejection, STORES, type StoreChoice } from './harness.js';

const { READY, DOWN, UNKNOWN } = swarm.NodeStatus.State;
const { ASSIGNED, RUNNING, SHUTDOWN, FAILED, PENDING, ACCEPTED, ORPHANED } = swarm.TaskState;
const { COMPLETE, INCREMENTAL } = swarm.AssignmentsMessage.Type;
const { REMOVE } = swarm.AssignmentChange.AssignmentAction;

async function open(h: Harness, nodeId: string, d = h.dispatcher()) {
  const session = new Collector<swarm.SessionMessage>();
  d.session(nodeId, {}, session.sink);
  await h.run(0);
  const sessionId = session.messages[0]?.sessionId ?? '';
  return { session, sessionId };
}

function summary(m: swarm.AssignmentsMessage | undefined) {
  return (m?.changes ?? []).map((c) => {
    const a = c.assignment;
    const what = a?.task
      ? `task:${a.task.id}`
      : a?.config
        ? `config:${a.config.id}`
        : `secret:${a?.secret?.id}`;
    return `${c.action === REMOVE ? 'remove' : 'update'} ${what}`;
  });
}

describe.each(STORES)('on the %s store', (store: StoreChoice) => {
  describe('sessions', () => {
    it('registers a node from the store, issues a session ID and marks the node ready', async () => {
      const h = new Harness({ store });
      h.dispatcher().start();
      const nodeId = await h.createNode();
      const { session, sessionId } = await open(h, nodeId);
      expect(sessionId).toMatch(/^[0-9a-z]{25}$/);
      expect(session.messages[0]?.node?.id).toBe(nodeId);
      await h.run(200);
      expect(h.node(nodeId)?.status?.state).toBe(READY);
    });

    it('refuses a session from a node the store does not know', async () => {
      const h = new Harness({ store });
      h.dispatcher().start();
      const session = new Collector<swarm.SessionMessage>();
      h.dispatcher().session(h.id(), {}, session.sink);
      expect(session.error?.code).toBe('NODE_NOT_FOUND');
      expect(session.messages).toHaveLength(0);
    });

    it('refuses a session from a denied node, and ends the session of a node once it is denied', async () => {
      const h = new Harness({ store });
      h.dispatcher().start();
      const denied = await h.createNode();
      const later = await h.createNode();
      const clusterId = h.id();
      await h.store.update((tx) =>
        tx.create(
          'cluster',
          swarm.Cluster.create({
            id: clusterId,
            spec: { annotations: { name: 'default' } },
            deniedNodes: { [denied]: { expiry: toLong(0n) } },
          }),
        ),
      );
      const refused = new Collector<swarm.SessionMessage>();
      h.dispatcher().session(denied, {}, refused.sink);
      expect(refused.error?.code).toBe('NODE_DENIED');

      const { session } = await open(h, later);
      expect(session.ended).toBe(false);
      await h.store.update((tx) => {
        const c = tx.get('cluster', clusterId)!;
        const next = swarm.Cluster.create({
          ...c,
          deniedNodes: { ...c.deniedNodes, [later]: { expiry: toLong(0n) } },
        });
        tx.update('cluster', next);
      });
      expect(session.error?.code).toBe('NODE_DENIED');
      expect(h.dispatcher().sessionCount).toBe(0);
    });

    it('pushes a session message when the node, the manager list or the root CA changes, and only then', async () => {
      const h = new Harness({ store });
      h.dispatcher().start();
      const nodeId = await h.createNode();
      const { session } = await open(h, nodeId);
      await h.run(200); // the READY write changes the node: one push
      const afterReady = session.messages.length;
      expect(session.last?.node?.status?.state).toBe(READY);

      await h.run(1000); // nothing changed: nothing pushed
      expect(session.messages).toHaveLength(afterReady);

      await h.createNode({ managerStatus: { addr: '10.0.0.9:2377', raftId: toLong(7n) } });
      expect(session.messages).toHaveLength(afterReady + 1);
      expect(session.last?.managers?.map((p) => p.addr)).toEqual(['10.0.0.9:2377']);

      const ca = new TextEncoder().encode('-----BEGIN CERTIFICATE-----\nnew root\n');
      await h.store.update((tx) =>
        tx.create(
          'cluster',
          swarm.Cluster.create({ id: h.id(), spec: { annotations: { name: 'c' } }, rootCa: { caCert: ca } }),
        ),
      );
      expect(session.messages).toHaveLength(afterReady + 2);
      expect(Buffer.from(session.last!.rootCa).toString()).toContain('new root');
    });

    it('keeps a session when the node reconnects with its session ID, and replaces it otherwise', async () => {
      const h = new Harness({ store });
      h.dispatcher().start();
      const nodeId = await h.createNode();
      const first = await open(h, nodeId);
      const again = new Collector<swarm.SessionMessage>();
      h.dispatcher().session(nodeId, { sessionId: first.sessionId }, again.sink);
      await h.run(0);
      expect(again.messages[0]?.sessionId).toBe(first.sessionId);

      const fresh = new Collector<swarm.SessionMessage>();
      h.dispatcher().session(nodeId, {}, fresh.sink);
      await h.run(0);
      expect(fresh.messages[0]?.sessionId).not.toBe(first.sessionId);
      expect(again.error?.code).toBe('INVALID_SESSION');
      expect((await rejection(h.dispatcher().heartbeat(nodeId, { sessionId: first.sessionId }))).code).toBe(
        'INVALID_SESSION',
      );
    });

    it('refuses every call while it is not started (not the leader)', async () => {
      const h = new Harness({ store });
      const nodeId = await h.createNode();
      const session = new Collector<swarm.SessionMessage>();
      h.dispatcher().session(nodeId, {}, session.sink);
      expect(session.error?.code).toBe('DISPATCHER_UNAVAILABLE');
      expect((await rejection(h.dispatcher().heartbeat(nodeId, { sessionId: 'x' }))).code).toBe(
        'DISPATCHER_UNAVAILABLE',
      );
    });
  });

  describe('heartbeats', () => {
    it('answers with a period of 5 s ± 0.5 s drawn from the injected random', async () => {
      const h = new Harness({ store });
      h.dispatcher().start();
      const nodeId = await h.createNode();
      const { sessionId } = await open(h, nodeId);
      const periods = new Set<number>();
      for (let i = 0; i < 50; i++) {
        const res = await h.dispatcher().heartbeat(nodeId, { sessionId });
        periods.add(Number(fromLong(res.periodMs)));
      }
      for (const p of periods) expect(p >= 4500 && p <= 5500).toBe(true);
      expect(periods.size).toBeGreaterThan(10);
    });

    it('takes the heartbeat period from the cluster dispatcher config when it is set', async () => {
      const h = new Harness({ store });
      h.dispatcher().start();
      const nodeId = await h.createNode();
      const { sessionId } = await open(h, nodeId);
      await h.store.update((tx) =>
        tx.create(
          'cluster',
          swarm.Cluster.create({
            id: h.id(),
            spec: { annotations: { name: 'c' }, dispatcher: { heartbeatPeriodMs: 20_000 as never } },
          }),
        ),
      );
      const res = await h.dispatcher().heartbeat(nodeId, { sessionId });
      const period = Number(fromLong(res.periodMs));
      expect(period >= 19_500 && period <= 20_500).toBe(true);
    });

    it('marks a node down and ends its session after it misses three periods', async () => {
      const h = new Harness({ store, init: { heartbeatJitterMs: 0 } });
      h.dispatcher().start();
      const nodeId = await h.createNode();
      const { session, sessionId } = await open(h, nodeId);
      await h.dispatcher().heartbeat(nodeId, { sessionId });
      await h.run(14_900, 100);
      expect(session.ended).toBe(false);
      expect(h.node(nodeId)?.status?.state).toBe(READY);
      await h.run(300, 100);
      expect(session.error?.code).toBe('INVALID_SESSION');
      expect(h.node(nodeId)?.status?.state).toBe(DOWN);
    });

    it('keeps a node ready while it heartbeats', async () => {
      const h = new Harness({ store });
      h.dispatcher().start();
      const nodeId = await h.createNode();
      const { session, sessionId } = await open(h, nodeId);
      for (let i = 0; i < 10; i++) {
        const res = await h.dispatcher().heartbeat(nodeId, { sessionId });
        await h.run(Number(fromLong(res.periodMs)), 500);
      }
      expect(session.ended).toBe(false);
      expect(h.node(nodeId)?.status?.state).toBe(READY);
    });

    it('after a leader change, holds nodes unknown until they report, and marks silent ones down after the grace period', async () => {
      const h = new Harness({ store, managers: ['m1', 'm2'] });
      const a = await h.createNode({ status: { state: READY } });
      const b = await h.createNode({ status: { state: READY } });
      h.dispatcher('m2').start();
      await h.run(200);
      expect(h.node(a)?.status?.state).toBe(UNKNOWN);
      expect(h.node(b)?.status?.state).toBe(UNKNOWN);
      const { sessionId } = await open(h, a, h.dispatcher('m2'));
      // a longer grace than the 15 s down window: still unknown at 20 s
      for (let t = 0; t < 20_000; t += 5_000) {
        await h.dispatcher('m2').heartbeat(a, { sessionId });
        await h.run(5_000, 500);
      }
      expect(h.node(b)?.status?.state).toBe(UNKNOWN);
      for (let t = 0; t < 12_000; t += 4_000) {
        await h.dispatcher('m2').heartbeat(a, { sessionId });
        await h.run(4_000, 500);
      }
      expect(h.node(a)?.status?.state).toBe(READY);
      expect(h.node(b)?.status?.state).toBe(DOWN);
    });
  });

  describe('task status updates', () => {
    it('writes the status of the caller own tasks, batching updates within 100 ms into one write', async () => {
      const h = new Harness({ store });
      const d = h.dispatcher();
      d.start();
      const nodeId = await h.createNode();
      const t1 = await h.createTask(nodeId);
      const t2 = await h.createTask(nodeId);
      const { sessionId } = await open(h, nodeId);
      const writesBefore = d.statusStats.writes;
      const p1 = d.updateTaskStatus(nodeId, {
        sessionId,
        updates: [{ taskId: t1, status: { state: RUNNING } }],
      });
      await h.run(50);
      const p2 = d.updateTaskStatus(nodeId, {
        sessionId,
        updates: [{ taskId: t2, status: { state: FAILED, err: 'exit 1' } }],
      });
      await h.run(100);
      await Promise.all([p1, p2]);
      expect(d.statusStats.writes - writesBefore).toBe(1);
      expect(h.task(t1)?.status?.state).toBe(RUNNING);
      expect(h.task(t2)?.status?.err).toBe('exit 1');
    });

    it('refuses a node updating another node task, and writes nothing from that request', async () => {
      const h = new Harness({ store });
      const d = h.dispatcher();
      d.start();
      const mine = await h.createNode();
      const other = await h.createNode();
      const myTask = await h.createTask(mine);
      const theirTask = await h.createTask(other);
      const { sessionId } = await open(h, mine);
      const err = await rejection(
        d.updateTaskStatus(mine, {
          sessionId,
          updates: [
            { taskId: myTask, status: { state: RUNNING } },
            { taskId: theirTask, status: { state: FAILED } },
          ],
        }),
      );
      expect(err.code).toBe('TASK_NOT_ASSIGNED');
      expect(err.details).toMatchObject({ nodeId: mine, taskId: theirTask });
      await h.run(300);
      expect(h.task(myTask)?.status?.state).toBe(ASSIGNED);
      expect(h.task(theirTask)?.status?.state).toBe(ASSIGNED);
    });

    it('refuses an update for a task of the node that was never assigned (sent) to it', async () => {
      const h = new Harness({ store });
      const d = h.dispatcher();
      d.start();
      const nodeId = await h.createNode();
      const pending = await h.createTask(nodeId, { state: PENDING });
      const { sessionId } = await open(h, nodeId);
      const err = await rejection(
        d.updateTaskStatus(nodeId, { sessionId, updates: [{ taskId: pending, status: { state: RUNNING } }] }),
      );
      expect(err.code).toBe('TASK_NOT_ASSIGNED');
    });

    it('never moves a task state backwards', async () => {
      const h = new Harness({ store });
      const d = h.dispatcher();
      d.start();
      const nodeId = await h.createNode();
      const t = await h.createTask(nodeId);
      const { sessionId } = await open(h, nodeId);
      const write = async (state: swarm.TaskState) => {
        const p = d.updateTaskStatus(nodeId, { sessionId, updates: [{ taskId: t, status: { state } }] });
        await h.run(150);
        await p;
      };
      await write(FAILED);
      await write(RUNNING);
      expect(h.task(t)?.status?.state).toBe(FAILED);
      // in one batch as well
      const p1 = d.updateTaskStatus(nodeId, {
        sessionId,
        updates: [{ taskId: t, status: { state: swarm.TaskState.REJECTED } }],
      });
      const p2 = d.updateTaskStatus(nodeId, {
        sessionId,
        updates: [{ taskId: t, status: { state: ACCEPTED } }],
      });
      await h.run(150);
      await Promise.all([p1, p2]);
      expect(h.task(t)?.status?.state).toBe(swarm.TaskState.REJECTED);
    });

    it('refuses states a worker may not report, and updates without a session', async () => {
      const h = new Harness({ store });
      const d = h.dispatcher();
      d.start();
      const nodeId = await h.createNode();
      const t = await h.createTask(nodeId);
      const { sessionId } = await open(h, nodeId);
      for (const state of [PENDING, ORPHANED, 12345]) {
        const err = await rejection(
          d.updateTaskStatus(nodeId, { sessionId, updates: [{ taskId: t, status: { state } }] }),
        );
        expect(err.code).toBe('INVALID_STATUS_UPDATE');
      }
      const err = await rejection(
        d.updateTaskStatus(nodeId, {
          sessionId: 'nope',
          updates: [{ taskId: t, status: { state: RUNNING } }],
        }),
      );
      expect(err.code).toBe('INVALID_SESSION');
    });

    it('fails queued updates when it stops, so the worker reports them again to the next leader', async () => {
      const h = new Harness({ store });
      const d = h.dispatcher();
      d.start();
      const nodeId = await h.createNode();
      const t = await h.createTask(nodeId);
      const { sessionId } = await open(h, nodeId);
      const p = d.updateTaskStatus(nodeId, {
        sessionId,
        updates: [{ taskId: t, status: { state: RUNNING } }],
      });
      d.stop();
      expect((await rejection(p)).code).toBe('DISPATCHER_UNAVAILABLE');
      await h.run(300);
      expect(h.task(t)?.status?.state).toBe(ASSIGNED);
    });
  });

  describe('assignments', () => {
    async function setup(init = {}) {
      const h = new Harness({ init, store });
      const d = h.dispatcher();
      d.start();
      const nodeId = await h.createNode();
      const { sessionId } = await open(h, nodeId);
      const stream = new Collector<swarm.AssignmentsMessage>();
      return { h, d, nodeId, sessionId, stream };
    }

    it('starts with a complete set of the node tasks and the secrets they need', async () => {
      const { h, d, nodeId, sessionId, stream } = await setup();
      const s1 = await h.createSecret('db');
      const t1 = await h.createTask(nodeId, { secrets: [s1] });
      await h.createTask(await h.createNode()); // another node's task
      const pending = await h.createTask(nodeId, { state: PENDING }); // not yet assigned
      d.assignments(nodeId, { sessionId }, stream.sink);
      expect(stream.messages).toHaveLength(1);
      expect(stream.messages[0]?.type).toBe(COMPLETE);
      expect(summary(stream.messages[0])).toEqual([`update secret:${s1}`, `update task:${t1}`]);
      expect(summary(stream.messages[0]).join()).not.toContain(pending);
      expect(Buffer.from(stream.messages[0]!.changes[0]!.assignment!.secret!.spec!.data!).toString()).toBe(
        'value of db',
      );
    });

    it('sends later changes as incremental messages chained by sequence IDs, batched over 100 ms', async () => {
      const { h, d, nodeId, sessionId, stream } = await setup();
      d.assignments(nodeId, { sessionId }, stream.sink);
      const a = await h.createTask(nodeId);
      await h.run(30);
      const b = await h.createTask(nodeId);
      await h.run(30);
      expect(stream.messages).toHaveLength(1);
      await h.run(100);
      expect(stream.messages).toHaveLength(2);
      const [first, second] = stream.messages;
      expect(second?.type).toBe(INCREMENTAL);
      expect(second?.appliesTo).toBe(first?.resultsIn);
      expect(second?.resultsIn).not.toBe(first?.resultsIn);
      expect(summary(second)).toEqual([`update task:${a}`, `update task:${b}`]);
      await h.updateTask(a, (t) => {
        t.desiredState = SHUTDOWN;
      });
      await h.run(150);
      expect(stream.messages[2]?.appliesTo).toBe(second?.resultsIn);
      expect(summary(stream.messages[2])).toEqual([`update task:${a}`]);
    });

    it('sends at once when the batch reaches its count limit', async () => {
      const { h, d, nodeId, sessionId, stream } = await setup({
        assignmentBatchSize: 3,
        assignmentBatchMs: 10_000,
      });
      d.assignments(nodeId, { sessionId }, stream.sink);
      for (let i = 0; i < 3; i++) await h.createTask(nodeId);
      await h.run(0);
      expect(stream.messages).toHaveLength(2);
      expect(summary(stream.messages[1])).toHaveLength(3);
    });

    it('does not echo the worker own status reports back to it', async () => {
      const { h, d, nodeId, sessionId, stream } = await setup();
      const t = await h.createTask(nodeId);
      d.assignments(nodeId, { sessionId }, stream.sink);
      const p = d.updateTaskStatus(nodeId, {
        sessionId,
        updates: [{ taskId: t, status: { state: RUNNING } }],
      });
      await h.run(300);
      await p;
      expect(stream.messages).toHaveLength(1);
    });

    it('sends a secret only while a task of the node needs it, and removes it with its last such task', async () => {
      const { h, d, nodeId, sessionId, stream } = await setup();
      const s = await h.createSecret('api-key');
      d.assignments(nodeId, { sessionId }, stream.sink);
      const stopped = await h.createTask(nodeId, { secrets: [s], desired: SHUTDOWN });
      await h.run(150);
      expect(summary(stream.last)).toEqual([`update task:${stopped}`]);

      const t1 = await h.createTask(nodeId, { secrets: [s] });
      const t2 = await h.createTask(nodeId, { secrets: [s] });
      await h.run(150);
      expect(summary(stream.last)).toEqual([`update secret:${s}`, `update task:${t1}`, `update task:${t2}`]);

      const report = async (taskId: string, state: swarm.TaskState) => {
        const p = d.updateTaskStatus(nodeId, { sessionId, updates: [{ taskId, status: { state } }] });
        await h.run(300);
        await p;
      };
      const count = stream.messages.length;
      await report(t1, FAILED);
      expect(stream.messages).toHaveLength(count); // t2 still needs it
      await report(t2, RUNNING);
      await h.updateTask(t2, (t) => {
        t.desiredState = SHUTDOWN;
      });
      await h.run(150);
      expect(summary(stream.last)).toEqual([`update task:${t2}`, `remove secret:${s}`]);
    });

    it('removes a task that moves to another node, with its secrets', async () => {
      const { h, d, nodeId, sessionId, stream } = await setup();
      const s = await h.createSecret('cert');
      const t = await h.createTask(nodeId, { secrets: [s] });
      d.assignments(nodeId, { sessionId }, stream.sink);
      const other = await h.createNode();
      await h.updateTask(t, (x) => {
        x.nodeId = other;
      });
      await h.run(150);
      expect(summary(stream.last)).toEqual([`remove task:${t}`, `remove secret:${s}`]);
    });

    it('removes a secret that is deleted while a task still references it', async () => {
      const { h, d, nodeId, sessionId, stream } = await setup();
      const s = await h.createSecret('token');
      await h.createTask(nodeId, { secrets: [s] });
      d.assignments(nodeId, { sessionId }, stream.sink);
      await h.store.update((tx) => tx.delete('secret', s));
      await h.run(150);
      expect(summary(stream.last)).toEqual([`remove secret:${s}`]);
    });

    it('sends a config only to the node whose task uses it, and removes it with its last such task', async () => {
      const { h, d, nodeId, sessionId, stream } = await setup();
      const c = await h.createConfig('nginx.conf');
      const other = await h.createNode();
      const otherSession = (await open(h, other)).sessionId;
      const otherStream = new Collector<swarm.AssignmentsMessage>();
      d.assignments(nodeId, { sessionId }, stream.sink);
      d.assignments(other, { sessionId: otherSession }, otherStream.sink);
      const t = await h.createTask(nodeId, { configs: [c] });
      await h.createTask(other); // a task without the config
      await h.run(150);
      expect(summary(stream.last)).toEqual([`update config:${c}`, `update task:${t}`]);
      const sent = stream.last!.changes[0]!.assignment!.config!;
      expect(Buffer.from(sent.spec!.data!).toString()).toBe('contents of nginx.conf');
      const seenByOther = otherStream.messages.flatMap((m) => summary(m));
      expect(seenByOther.some((x) => x.includes('config:'))).toBe(false);

      // A label change re-marks the config but the node already holds it: nothing is resent.
      const count = stream.messages.length;
      await h.store.update((tx) => {
        const cur = tx.get('config', c)!;
        const next = swarm.Config.create({
          ...cur,
          spec: { ...cur.spec, annotations: { name: 'nginx.conf', labels: { a: 'b' } } },
        });
        tx.update('config', next);
      });
      await h.run(150);
      expect(stream.messages).toHaveLength(count);

      await h.updateTask(t, (x) => {
        x.desiredState = SHUTDOWN;
      });
      await h.run(150);
      expect(summary(stream.last)).toEqual([`update task:${t}`, `remove config:${c}`]);
    });

    it('removes a config that moves away with its task', async () => {
      const { h, d, nodeId, sessionId, stream } = await setup();
      const c = await h.createConfig('app.ini');
      const s = await h.createSecret('pw');
      const t = await h.createTask(nodeId, { configs: [c], secrets: [s] });
      d.assignments(nodeId, { sessionId }, stream.sink);
      expect(summary(stream.messages[0])).toEqual([
        `update secret:${s}`,
        `update config:${c}`,
        `update task:${t}`,
      ]);
      const other = await h.createNode();
      await h.updateTask(t, (x) => {
        x.nodeId = other;
      });
      await h.run(150);
      expect(summary(stream.last)).toEqual([`remove task:${t}`, `remove secret:${s}`, `remove config:${c}`]);
    });

    it('refuses an assignments stream without a valid session', async () => {
      const { h, d, nodeId } = await setup();
      const stream = new Collector<swarm.AssignmentsMessage>();
      d.assignments(nodeId, { sessionId: 'forged' }, stream.sink);
      expect(stream.error?.code).toBe('INVALID_SESSION');
      const other = await h.createNode();
      const s2 = new Collector<swarm.AssignmentsMessage>();
      d.assignments(other, { sessionId: 'forged' }, s2.sink);
      expect(s2.error?.code).toBe('INVALID_SESSION');
    });
  });

  describe('options', () => {
    it('names a bad option', () => {
      const h = new Harness({ store });
      expect(() => new Dispatcher({ heartbeatPeriodMs: 0 }, { store: h.store })).toThrow(/heartbeatPeriodMs/);
      expect(() => new Dispatcher({ heartbeatJitterMs: 6000 }, { store: h.store })).toThrow(
        /heartbeatJitterMs/,
      );
      expect(() => new Dispatcher({ statusBatchMs: 1.5 }, { store: h.store })).toThrow(TypeError);
      expect(() => new Dispatcher({}, {} as never)).toThrow(/store/);
    });
  });
});
