/**
 * The executor behind a real dispatcher Agent: a task with a secret goes from the store to a
 * sandboxed process that reads the secret from /run/secrets, and its final state reaches the store.
 */
import fs from 'node:fs';
import { swarm, systemClock } from '@swarm/api';
import { Agent, Dispatcher } from '@swarm/dispatcher';
import { MemoryTransport } from '@swarm/dispatcher/testing';
import { createSecretWriter } from '@swarm/secret-store';
import { createMemoryStore } from '@swarm/store';
import { afterEach, expect, it } from 'vitest';
import { SandboxExecutor } from '../src/index.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

it('runs an assigned task with its secret through the Agent and reports COMPLETE to the store', async () => {
  const clock = systemClock;
  const store = createMemoryStore({ clock });
  const nodeId = 'w'.repeat(25);
  const secretId = 'k'.repeat(25);
  const taskId = 't'.repeat(25);
  await store.update((tx) =>
    tx.create('node', swarm.Node.create({ id: nodeId, description: { hostname: 'worker-1' } })),
  );
  const dispatcher = new Dispatcher({}, { store, clock });
  dispatcher.start();
  cleanups.push(() => dispatcher.stop());
  const transport = new MemoryTransport();
  transport.listen('manager-1:2377', dispatcher);

  const root = fs.mkdtempSync('/dev/shm/exec-agent-');
  cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }));
  const secrets = createSecretWriter({ root });
  const lines: string[] = [];
  const executor = new SandboxExecutor({
    nodeId,
    hostAddress: '127.0.0.44',
    onLog: (l) => lines.push(Buffer.from(l.data ?? []).toString()),
  });
  cleanups.push(() => executor.close());
  const agent = new Agent(
    { managers: ['manager-1:2377'] },
    { connect: transport.connector(nodeId), executor, secrets, clock },
  );
  agent.start();
  cleanups.push(() => agent.stop());

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
            image: 'node',
            command: [
              process.execPath,
              '-e',
              'console.log(require("fs").readFileSync("/run/secrets/db", "utf8"))',
            ],
            secrets: [{ secretId, secretName: 'db-password', target: 'db', uid: 65534, gid: 65534 }],
          },
        },
      }),
    );
  });

  const end = Date.now() + 10_000;
  let state = 0;
  while (Date.now() < end) {
    state = store.view((tx) => tx.get('task', taskId))?.status?.state ?? 0;
    if (state >= swarm.TaskState.COMPLETE) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(swarm.TaskState[state]).toBe('COMPLETE');
  expect(lines).toEqual(['hunter2']);
  // The agent removed the task's secret directory once the task ended.
  await new Promise((r) => setTimeout(r, 50));
  expect(fs.readdirSync(root).filter((n) => !n.startsWith('.'))).toEqual([]);
});
