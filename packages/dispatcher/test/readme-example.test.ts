// The README example, run as written (between the markers).
import { describe, expect, it } from 'vitest';
import { runReadmeExamples } from '../../../vitest.readme.js';

describe('README example', () => {
  it('runs: a task and its secret reach the worker, and its status reaches the store', async () => {
    // --- README example start ---
    const { ManualClock, swarm } = await import('@swarm/api');
    const { Agent, Dispatcher } = await import('@swarm/dispatcher');
    const { MemorySecretWriter, MemoryTransport, TestExecutor } = await import('@swarm/dispatcher/testing');
    const { createMemoryStore } = await import('@swarm/store');

    const clock = new ManualClock(Date.UTC(2026, 0, 1)); // production: systemClock (the default)
    const store = createMemoryStore({ clock });
    const nodeId = 'w'.repeat(25);
    await store.update((tx) =>
      tx.create('node', swarm.Node.create({ id: nodeId, description: { hostname: 'worker-1' } })),
    );

    // Manager side: start it on the raft leader, stop it when leadership is lost.
    const dispatcher = new Dispatcher({}, { store, clock });
    dispatcher.start();
    const transport = new MemoryTransport(); // @swarm/node serves the same calls over gRPC with mTLS
    transport.listen('manager-1:2377', dispatcher);

    // Worker side.
    const executor = new TestExecutor(); // @swarm/node: the sandboxed process executor
    const secrets = new MemorySecretWriter(); // a real node: createSecretWriter({ root: '/dev/shm/swarm-secrets' })
    const agent = new Agent(
      { managers: ['manager-1:2377'] },
      { connect: transport.connector(nodeId), executor, secrets, clock },
    );
    agent.start();

    // The scheduler assigns a task that uses a secret.
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
          nodeId,
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

    for (let i = 0; i < 50; i++) {
      clock.advance(10); // batches wait up to 100 ms
      await new Promise((resolve) => setImmediate(resolve));
    }
    console.log(executor.started); // [ 'ttttttttttttttttttttttttt' ]
    console.log(new TextDecoder().decode(secrets.files(taskId)?.get('db-password'))); // in memory only
    console.log(store.view((tx) => tx.get('task', taskId))?.status?.state === swarm.TaskState.RUNNING); // true
    // --- README example end ---

    expect(executor.started).toEqual([taskId]);
    expect(new TextDecoder().decode(secrets.files(taskId)?.get('db-password'))).toBe('hunter2');
    expect(store.view((tx) => tx.get('task', taskId))?.status?.state).toBe(swarm.TaskState.RUNNING);
    agent.stop();
    dispatcher.stop();
  });
});

it('runs the README example as written (from the README) and prints what the README says', async () => {
  const runs = await runReadmeExamples(new URL('../', import.meta.url));
  expect(runs.length).toBe(1);
  expect(runs[0]!.printed).toBe(runs[0]!.expected);
});
