// The orchestrator with the real dispatcher and worker agents (in memory): tasks it writes are
// delivered, run and reported, and it reacts to what the dispatcher records (nodes going down).
// Everything is timer-driven on a ManualClock; nothing calls reconcileNow here.
import { ManualClock, seededRandom, swarm, toLong } from '@swarm/api';
import { Agent, Dispatcher } from '@swarm/dispatcher';
import { MemorySecretWriter, MemoryTransport, TestExecutor } from '@swarm/dispatcher/testing';
import { createMemoryStore } from '@swarm/store';
import { afterEach, expect, it } from 'vitest';
import { Orchestrator } from '../src/driver.js';
import { addNode, addService, liveTasks, perNode, S, tasksOf, updateService } from './driver-helpers.js';

const stops: Array<() => unknown> = [];
afterEach(async () => {
  for (const s of stops.splice(0).reverse()) await s();
});

it('runs services through the dispatcher and real agents, and moves work off a node that goes silent', async () => {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const store = createMemoryStore({ clock });
  const dispatcher = new Dispatcher({}, { store, clock, random: seededRandom(1), idRandom: seededRandom(2) });
  dispatcher.start();
  stops.push(() => dispatcher.stop());
  const transport = new MemoryTransport();
  transport.listen('manager-1:2377', dispatcher);
  const orch = new Orchestrator({ store, clock, random: seededRandom(3) });
  orch.start();
  stops.push(() => orch.stop());

  const workers: Array<{ id: string; agent: Agent; executor: TestExecutor }> = [];
  for (let i = 0; i < 3; i++) {
    const id = await addNode(store, { state: swarm.NodeStatus.State.UNKNOWN });
    const executor = new TestExecutor();
    const agent = new Agent(
      { managers: ['manager-1:2377'] },
      {
        connect: transport.connector(id),
        executor,
        secrets: new MemorySecretWriter(),
        clock,
        random: seededRandom(10 + i),
      },
    );
    agent.start();
    stops.push(() => agent.stop());
    workers.push({ id, agent, executor });
  }
  const run = async (ms: number): Promise<void> => {
    for (let t = 0; t < ms; t += 10) {
      clock.advance(10);
      await new Promise((r) => setImmediate(r));
    }
  };
  const running = (svc: string): swarm.Task[] =>
    liveTasks(store, svc).filter((t) => t.status?.state === S.RUNNING);

  const web = await addService(store, { name: 'web', replicas: 6 });
  await run(2000);
  expect(running(web)).toHaveLength(6);
  expect([...perNode(running(web)).values()].sort()).toEqual([2, 2, 2]);
  expect(workers.reduce((n, w) => n + w.executor.running().length, 0)).toBe(6);

  // A rolling update through the agents.
  await updateService(store, web, (s) => {
    s.task!.container!.image = 'busybox:2';
    s.update = { parallelism: toLong(2n) };
  });
  await run(5000);
  expect(running(web).map((t) => t.spec?.container?.image)).toEqual(Array(6).fill('busybox:2'));
  expect(store.view((tx) => tx.get('service', web))?.updateStatus?.state).toBe(
    swarm.UpdateStatus.UpdateState.COMPLETED,
  );

  // Worker 0 goes silent: after 3 missed heartbeats it is DOWN and its tasks run elsewhere.
  const silent = workers[0]!;
  silent.agent.stop();
  await run(25_000);
  expect(store.view((tx) => tx.get('node', silent.id))?.status?.state).toBe(swarm.NodeStatus.State.DOWN);
  const live = running(web);
  expect(live).toHaveLength(6);
  expect(live.some((t) => t.nodeId === silent.id)).toBe(false);

  // Removing the service: the agents stop the tasks and the reaper deletes them (the down
  // node's tasks included: nothing can report them stopped).
  await store.update((tx) => tx.delete('service', web));
  await run(2000);
  expect(tasksOf(store, web)).toHaveLength(0);
  expect(workers.slice(1).every((w) => w.executor.running().length === 0)).toBe(true);
  expect(orch.stats.writeErrors).toBe(0);
});
