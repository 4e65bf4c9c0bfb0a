import { generateId, seededRandom, swarm, systemClock } from '@swarm/api';
import { createMemoryStore } from './src/index.js';
const random = seededRandom(1);
const store = createMemoryStore({ clock: systemClock });
const ids: string[] = [];
await store.update((tx) => {
  for (let i = 0; i < 5000; i++) {
    const id = generateId(random);
    ids.push(id);
    tx.create('task', swarm.Task.create({ id, serviceId: 'svc', nodeId: 'n', desiredState: 512, spec: { container: { image: 'nginx:1.27', env: ['A=1', 'B=2'] } }, status: { state: 512, message: 'started' } }));
  }
});
const t0 = performance.now();
for (let i = 0; i < 20000; i++) {
  const id = ids[i % ids.length]!;
  await store.update((tx) => {
    const t = tx.get('task', id)!;
    t.status = { state: 512, message: `hb ${i}` };
    tx.update('task', t);
  });
}
console.log('updates/s', Math.round(20000 / ((performance.now() - t0) / 1000)));
