import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { swarm, toLong } from '@swarm/api';
import { createSecretWriter } from '@swarm/secret-store';
import { describe, expect, it } from 'vitest';
import { Agent, configTarget, type DispatcherService, type MessageSink } from '../src/index.js';
import { MemorySecretWriter, MemoryTransport, TestExecutor } from '../src/testing.js';
import { Harness } from './harness.js';

const { RUNNING, SHUTDOWN, FAILED, REJECTED, COMPLETE } = swarm.TaskState;
const { READY } = swarm.NodeStatus.State;

async function cluster(managers = ['m1']) {
  const h = new Harness({ managers });
  h.dispatcher(managers[0]).start();
  const nodeId = await h.createNode();
  return { h, nodeId };
}

describe('Agent', () => {
  it('opens a session, runs its assigned tasks through the executor and reports them running', async () => {
    const { h, nodeId } = await cluster();
    const t = await h.createTask(nodeId);
    const { agent, executor } = h.agent(nodeId);
    agent.start();
    await h.run(500);
    expect(agent.manager).toBe('m1');
    expect(h.node(nodeId)?.status?.state).toBe(READY);
    expect(executor.started).toEqual([t]);
    expect(h.task(t)?.status?.state).toBe(RUNNING);
    expect(agent.unreportedCount).toBe(0);
  });

  it('hands the executor each complete assignment set to reconcile against, after starting its tasks', async () => {
    const { h, nodeId } = await cluster();
    const a = await h.createTask(nodeId);
    const b = await h.createTask(nodeId);
    const { agent, executor } = h.agent(nodeId);
    agent.start();
    await h.run(500);
    expect(executor.reconciled).toEqual([[a, b].sort()]);
    expect([...executor.started].sort()).toEqual([a, b].sort());
    // Incremental changes are not complete sets: no new reconcile.
    await h.createTask(nodeId);
    await h.run(400);
    expect(executor.reconciled).toHaveLength(1);
  });

  it('delivers a task secrets before starting it and removes them when the task ends', async () => {
    const { h, nodeId } = await cluster();
    const s = await h.createSecret('db-password', 'hunter2');
    const { agent, executor, writer } = h.agent(nodeId);
    agent.start();
    await h.run(200);
    const t = await h.createTask(nodeId, { secrets: [s] });
    await h.run(300);
    expect(executor.secretsDirs.get(t)).toBe(`memory:${t}`);
    expect(Buffer.from(writer.files(t)!.get('file0')!).toString()).toBe('hunter2');
    expect(agent.secretIds()).toEqual([s]);

    executor.fail(t, 'exit 3');
    expect(writer.files(t)).toBeUndefined(); // removed at once on the worker
    await h.run(400);
    expect(h.task(t)?.status?.state).toBe(FAILED);
    expect(h.task(t)?.status?.err).toBe('exit 3');
    expect(agent.secretIds()).toEqual([]); // and the manager withdrew it
  });

  it('hands a task its configs in memory at their targets, and forgets them once no task needs them', async () => {
    const { h, nodeId } = await cluster();
    const c = await h.createConfig('app.conf', 'port=80');
    const { agent, executor, writer } = h.agent(nodeId);
    agent.start();
    await h.run(200);
    const t = await h.createTask(nodeId, { configs: [c] });
    await h.run(300);
    const files = executor.configs.get(t)!;
    expect(files.map((f) => [f.name, f.target, f.mode, Buffer.from(f.data).toString()])).toEqual([
      [`c0-${c.slice(0, 6)}`, '/etc/app/conf0', 0o440, 'port=80'],
    ]);
    expect(executor.secretsDirs.get(t)).toBeUndefined(); // configs never go through the secret writer
    expect(writer.files(t)).toBeUndefined();
    expect(agent.configIds()).toEqual([c]);
    executor.fail(t, 'exit 1');
    await h.run(400);
    expect(agent.configIds()).toEqual([]);
  });

  it('rejects a task whose config never reached the node', async () => {
    const { h, nodeId } = await cluster();
    const t = await h.createTask(nodeId, { configs: [h.id()] });
    const { agent, executor } = h.agent(nodeId);
    agent.start();
    await h.run(400);
    expect(executor.started).toEqual([]);
    expect(h.task(t)?.status?.state).toBe(REJECTED);
    expect(h.task(t)?.status?.err).toMatch(/config .* was not delivered/);
  });

  it('normalizes config targets and refuses ones that name no file', () => {
    expect(configTarget('/etc/app.conf')).toBe('/etc/app.conf');
    expect(configTarget('app.conf')).toBe('/app.conf');
    expect(configTarget('//etc/./x')).toBe('/etc/x');
    expect(configTarget('/etc/../shadow')).toBeUndefined();
    expect(configTarget('/')).toBeUndefined();
    expect(configTarget('a\u0000b')).toBeUndefined();
  });

  it('stops a task whose desired state moves past running', async () => {
    const { h, nodeId } = await cluster();
    const t = await h.createTask(nodeId);
    const { agent, executor } = h.agent(nodeId);
    agent.start();
    await h.run(300);
    await h.updateTask(t, (x) => {
      x.desiredState = SHUTDOWN;
    });
    await h.run(400);
    expect(executor.stopped).toEqual([t]);
    expect(h.task(t)?.status?.state).toBe(SHUTDOWN);
  });

  it('rejects a task whose secret never reached the node', async () => {
    const { h, nodeId } = await cluster();
    const t = await h.createTask(nodeId, { secrets: [h.id()] }); // a secret that does not exist
    const { agent, executor } = h.agent(nodeId);
    agent.start();
    await h.run(400);
    expect(executor.started).toEqual([]);
    expect(h.task(t)?.status?.state).toBe(REJECTED);
    expect(h.task(t)?.status?.err).toMatch(/not delivered/);
  });

  it('fails over to another manager when its manager goes away, and loses no status report', async () => {
    const { h, nodeId } = await cluster(['m1', 'm2']);
    const t = await h.createTask(nodeId);
    const executor = new TestExecutor({ autoRun: false });
    const { agent } = h.agent(nodeId, { managers: ['m1', 'm2'], executor });
    agent.start();
    await h.run(300);
    const first = agent.manager;
    expect(first).toBeDefined();
    // leader change: the first manager goes away with a report still queued on the worker
    executor.report(t, { state: RUNNING });
    h.dispatcher(first).stop();
    h.transport.shutdown(first!);
    const next = first === 'm1' ? 'm2' : 'm1';
    h.dispatcher(next).start();
    await h.run(2_000);
    expect(agent.manager).toBe(next);
    expect(agent.stats.failovers).toBeGreaterThanOrEqual(1);
    expect(h.task(t)?.status?.state).toBe(RUNNING);
    expect(h.node(nodeId)?.status?.state).toBe(READY);
    expect(executor.started).toEqual([t]); // not started twice
  });

  it('sends a changed node description on a renewed session, and keeps its tasks running', async () => {
    const { h, nodeId } = await cluster(['m1']);
    const t = await h.createTask(nodeId);
    const description = swarm.NodeDescription.create({ hostname: 'w1', imagePolicyDigest: 'sha256:aa' });
    const { agent, executor } = h.agent(nodeId, { managers: ['m1'], description });
    agent.start();
    await h.run(500);
    expect(h.node(nodeId)?.description?.imagePolicyDigest).toBe('sha256:aa');
    const sessions = agent.stats.sessions;
    description.imagePolicyDigest = 'sha256:bb';
    agent.renewSession();
    await h.run(500);
    expect(agent.stats.sessions).toBe(sessions + 1);
    expect(agent.manager).toBe('m1');
    expect(h.node(nodeId)?.description?.imagePolicyDigest).toBe('sha256:bb');
    expect(h.node(nodeId)?.status?.state).toBe(READY);
    expect(executor.started).toEqual([t]); // not started twice
    expect(h.task(t)?.status?.state).toBe(RUNNING);
  });

  it('takes the manager list from session messages', async () => {
    const { h, nodeId } = await cluster(['m1']);
    await h.createNode({ managerStatus: { addr: 'm1', raftId: toLong(1n) } });
    await h.createNode({ managerStatus: { addr: 'm9', raftId: toLong(2n) } });
    const { agent } = h.agent(nodeId, { managers: ['m1'] });
    agent.start();
    await h.run(100);
    expect([...agent.managers].sort()).toEqual(['m1', 'm9']);
  });

  it('keeps trying its managers with backoff while none serves', async () => {
    const h = new Harness({ managers: ['m1', 'm2'] });
    const nodeId = await h.createNode();
    const { agent } = h.agent(nodeId);
    agent.start();
    await h.run(5_000, 100);
    expect(agent.manager).toBeUndefined();
    h.dispatcher('m2').start();
    await h.run(15_000, 100);
    expect(agent.manager).toBe('m2');
  });

  it('says whether it has a session, since when, and why not (the last failure)', async () => {
    const h = new Harness({ managers: ['m1', 'm2'] });
    const nodeId = await h.createNode();
    const { agent } = h.agent(nodeId);
    const t0 = h.clock.now();
    agent.start();
    await h.run(3_000, 100);
    const down = agent.connection;
    expect(down.connected).toBe(false);
    expect(down.manager).toBeUndefined();
    expect(down.since).toBe(t0);
    expect(down.failures).toBeGreaterThanOrEqual(2);
    expect(['m1', 'm2']).toContain(down.lastError?.manager);
    expect(down.lastError?.message).not.toBe('');
    h.dispatcher('m2').start();
    await h.run(15_000, 100);
    const up = agent.connection;
    expect(up).toMatchObject({ connected: true, manager: 'm2', failures: 0 });
    expect(up.lastError).toBeUndefined();
    expect(up.since).toBeGreaterThan(t0);
    // The session ends: disconnected again from that moment, with the reason.
    const before = h.clock.now();
    h.dispatcher('m2').stop();
    h.transport.shutdown('m2');
    await h.run(500, 100);
    expect(agent.connection.connected).toBe(false);
    expect(agent.connection.since).toBeGreaterThanOrEqual(before);
    expect(agent.connection.lastError?.manager).toBe('m2');
  });

  it('asks for a complete assignment set when an incremental message does not chain', async () => {
    const transport = new MemoryTransport();
    const assignmentOpens: MessageSink<swarm.AssignmentsMessage>[] = [];
    const task = (id: string) => ({
      assignment: { task: { id, desiredState: RUNNING, status: { state: swarm.TaskState.ASSIGNED } } },
    });
    const fake: DispatcherService = {
      session(_n, _r, sink) {
        sink.send(swarm.SessionMessage.create({ sessionId: 's' }));
        return { cancel() {} };
      },
      heartbeat: async () => swarm.HeartbeatResponse.create({ periodMs: 5000 as never }),
      updateTaskStatus: async () => swarm.UpdateTaskStatusResponse.create(),
      assignments(_n, _r, sink) {
        assignmentOpens.push(sink);
        const n = assignmentOpens.length;
        sink.send(swarm.AssignmentsMessage.create({ type: 0, resultsIn: `c${n}`, changes: [task(`a${n}`)] }));
        return { cancel() {} };
      },
    };
    transport.listen('m', fake);
    const executor = new TestExecutor();
    const agent = new Agent(
      { managers: ['m'] },
      {
        connect: transport.connector('n'),
        executor,
        secrets: new MemorySecretWriter(),
        clock: new (await import('@swarm/api')).ManualClock(),
      },
    );
    agent.start();
    const settle = () => new Promise((r) => setImmediate(r));
    await settle();
    expect(agent.taskIds()).toEqual(['a1']);
    assignmentOpens[0]!.send(
      swarm.AssignmentsMessage.create({ type: 1, appliesTo: 'c1', resultsIn: 'i1', changes: [task('b')] }),
    );
    await settle();
    expect(agent.taskIds().sort()).toEqual(['a1', 'b']);
    assignmentOpens[0]!.send(
      swarm.AssignmentsMessage.create({ type: 1, appliesTo: 'lost', resultsIn: 'i3', changes: [task('c')] }),
    );
    await settle();
    expect(agent.stats.gaps).toBe(1);
    expect(assignmentOpens).toHaveLength(2);
    expect(agent.taskIds()).toEqual(['a2']); // the complete set replaced everything
    expect(executor.stopped.sort()).toEqual(['a1', 'b']);
    agent.stop();
  });

  it('fails over when a manager stops answering heartbeats', async () => {
    // The managers themselves would wait 100 periods: only the agent's own timeout can move it.
    const h = new Harness({ managers: ['m1', 'm2'], init: { missedHeartbeats: 100 } });
    const nodeId = await h.createNode();
    const m1 = h.dispatcher('m1');
    m1.start();
    let hang = false;
    h.transport.listen('m1', {
      session: m1.session.bind(m1),
      assignments: m1.assignments.bind(m1),
      updateTaskStatus: m1.updateTaskStatus.bind(m1),
      heartbeat: (n, r) => (hang ? new Promise(() => {}) : m1.heartbeat(n, r)),
    });
    const { agent } = h.agent(nodeId, { managers: ['m1', 'm2'] });
    agent.start();
    await h.run(1_000, 100);
    expect(agent.manager).toBe('m1');
    hang = true;
    h.dispatcher('m2').start();
    await h.run(5_000, 100);
    expect(agent.manager).toBe('m1'); // the hung call is not yet overdue
    await h.run(7_000, 100);
    expect(agent.manager).toBe('m2');
  });

  it('names bad arguments', () => {
    const transport = new MemoryTransport();
    const components = {
      connect: transport.connector('n'),
      executor: new TestExecutor(),
      secrets: new MemorySecretWriter(),
    };
    expect(() => new Agent({ managers: [] }, components)).toThrow(
      expect.objectContaining({ code: 'NO_MANAGERS' }),
    );
    expect(() => new Agent({ managers: [''] }, components)).toThrow(/managers/);
    expect(() => new Agent({ managers: ['m'], statusBatchSize: 0 }, components)).toThrow(/statusBatchSize/);
    expect(() => new Agent({ managers: ['m'] }, { ...components, executor: undefined as never })).toThrow(
      /executor/,
    );
  });
});

describe('Agent with the tmpfs secret writer', () => {
  it('writes secret files 0400 into a per-task directory on /dev/shm and removes them when the task completes', async () => {
    const root = mkdtempSync('/dev/shm/swarm-dispatcher-test-');
    try {
      const { h, nodeId } = await cluster();
      const s = await h.createSecret('tls-key', 'PRIVATE');
      const writer = createSecretWriter({ root: join(root, 'secrets') });
      const executor = new TestExecutor();
      const agent = new Agent(
        { managers: ['m1'] },
        { connect: h.transport.connector(nodeId), executor, secrets: writer, clock: h.clock },
      );
      agent.start();
      const t = await h.createTask(nodeId, { secrets: [s] });
      await h.run(400);
      const dir = executor.secretsDirs.get(t)!;
      expect(dir.startsWith(join(root, 'secrets'))).toBe(true);
      const file = join(dir, 'file0');
      expect(readFileSync(file, 'utf8')).toBe('PRIVATE');
      expect(statSync(file).mode & 0o777).toBe(0o400);
      executor.complete(t);
      expect(readdirSync(join(root, 'secrets'))).toEqual([]);
      await h.run(400);
      expect(h.task(t)?.status?.state).toBe(COMPLETE);
      agent.stop();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('Agent on a removed node', () => {
  it('stops its tasks and wipes its secrets when the manager says the node was removed', async () => {
    const { h, nodeId } = await cluster();
    const s = await h.createSecret('db');
    const t = await h.createTask(nodeId, { secrets: [s] });
    const { agent, executor, writer } = h.agent(nodeId);
    agent.start();
    await h.run(300);
    expect(writer.taskIds()).toEqual([t]);
    await h.store.update((tx) => {
      tx.delete('node', nodeId);
      tx.create(
        'cluster',
        swarm.Cluster.create({
          id: h.id(),
          spec: { annotations: { name: 'c' } },
          deniedNodes: { [nodeId]: { expiry: toLong(0n) } },
        }),
      );
    });
    await h.run(100);
    expect(agent.manager).toBeUndefined();
    expect(agent.secretIds()).toEqual([]);
    expect(agent.taskIds()).toEqual([]);
    expect(writer.taskIds()).toEqual([]);
    expect(executor.stopped).toEqual([t]);
  });
});
