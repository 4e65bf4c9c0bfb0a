// A real Dispatcher and a real Agent talking over gRPC with mutual TLS on 127.0.0.67.
import { noopLogger, swarm, systemClock } from '@swarm/api';
import { Agent, Dispatcher } from '@swarm/dispatcher';
import { MemorySecretWriter, TestExecutor } from '@swarm/dispatcher/testing';
import { createMemoryStore } from '@swarm/store';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatcherHandlers, grpcConnector } from '../src/dispatcher-binding.js';
import { Cleanup, eventually, newClients, newServer, realTimeCA } from './fixtures/rpc-helpers.js';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

describe('dispatcher over gRPC', () => {
  it('a task assigned in the store reaches the worker, gets its secret, and becomes RUNNING', async () => {
    const t = await realTimeCA(670);
    const manager = await t.issueNode({ role: 'manager' });
    const worker = await t.issueNode({ role: 'worker' });

    const store = createMemoryStore({ clock: systemClock });
    await store.update((tx) =>
      tx.create('node', swarm.Node.create({ id: worker.nodeId, description: { hostname: 'worker-1' } })),
    );
    const dispatcher = new Dispatcher({}, { store, clock: systemClock, logger: noopLogger });
    dispatcher.start();
    cleanup.add(() => dispatcher.stop());
    const { server } = newServer(t, manager, cleanup);
    server.addService(
      'Dispatcher',
      dispatcherHandlers(() => dispatcher),
    );
    const addr = `127.0.0.67:${await server.listen('127.0.0.67:0')}`;

    const { clients } = newClients(t, worker, cleanup);
    const executor = new TestExecutor();
    const secrets = new MemorySecretWriter();
    const agent = new Agent(
      { managers: [addr] },
      { connect: grpcConnector(clients), executor, secrets, clock: systemClock, logger: noopLogger },
    );
    agent.start();
    cleanup.add(() => agent.stop());

    const secretId = 's'.repeat(25);
    const taskId = 't'.repeat(25);
    await store.update((tx) => {
      tx.create(
        'secret',
        swarm.Secret.create({
          id: secretId,
          spec: { annotations: { name: 'db-password' }, data: new TextEncoder().encode('hunter2') },
        }),
      );
      tx.create(
        'task',
        swarm.Task.create({
          id: taskId,
          nodeId: worker.nodeId,
          desiredState: swarm.TaskState.RUNNING,
          status: { state: swarm.TaskState.ASSIGNED },
          spec: {
            container: {
              image: 'db',
              secrets: [{ secretId, secretName: 'db-password', target: 'db-password' }],
            },
          },
        }),
      );
    });

    await eventually(
      () => store.view((tx) => tx.get('task', taskId))?.status?.state === swarm.TaskState.RUNNING,
      15_000,
      'the task to be RUNNING in the store',
    );
    expect(executor.started).toEqual([taskId]);
    expect(Buffer.from(secrets.files(taskId)?.get('db-password') ?? []).toString()).toBe('hunter2');
    // the session was opened as the worker's certificate says
    expect(store.view((tx) => tx.get('node', worker.nodeId))?.status?.state).toBe(
      swarm.NodeStatus.State.READY,
    );
  });
});
