import { readFileSync } from 'node:fs';
import { generateId, ManualClock, swarm } from '@swarm/api';
import { createMemoryStore, type StoreEvent } from '@swarm/store';
import { expect, it } from 'vitest';

it('runs the README example', async () => {
  const store = createMemoryStore({ clock: new ManualClock(0) });
  const seen: StoreEvent[] = [];
  const stop = store.watch({ kinds: ['task'] }, (events) => seen.push(...events));

  // A transaction runs against a copy; it resolves once applied, with the index it applied at.
  const service = swarm.Service.create({ id: generateId(), spec: { annotations: { name: 'web' } } });
  const task = swarm.Task.create({
    id: generateId(),
    serviceId: service.id,
    desiredState: swarm.TaskState.RUNNING,
  });
  const { version } = await store.update((tx) => {
    tx.create('service', service);
    tx.create('task', task);
  });

  // Reads are synchronous; objects from `view` are frozen.
  const running = store.view((tx) =>
    tx.find('task', { serviceId: service.id, desiredState: swarm.TaskState.RUNNING }),
  );
  expect(running.map((t) => t.id)).toEqual([task.id]);

  // Read and write in one transaction: `get` there returns a private, mutable copy.
  await store.update((tx) => {
    const t = tx.get('task', task.id)!;
    t.desiredState = swarm.TaskState.SHUTDOWN;
    tx.update('task', t); // SEQUENCE_CONFLICT if someone changed it since it was read
  });

  // The copy read before that change is stale now: refused, and nothing changes.
  await expect(store.update((tx) => tx.update('task', running[0]!))).rejects.toMatchObject({
    code: 'SEQUENCE_CONFLICT',
  });

  expect(seen.map((e) => `${e.action} v${e.version}`)).toEqual([
    `create v${version}`,
    `update v${version + 1n}`,
  ]);
  stop();
});

it('matches the example block in README.md', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = readme.split('```ts\n')[1]!.split('```')[0]!;
  const source = readFileSync(new URL(import.meta.url), 'utf8');
  const example = source
    .slice(0, source.indexOf("it('matches the example block"))
    .replace("import { readFileSync } from 'node:fs';\n", '');
  expect(block.trim()).toBe(example.trim());
});
