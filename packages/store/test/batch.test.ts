import { ManualClock, type swarm } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, ReplicatedStore, type StoreEvent } from '../src/index.js';
import { ManualProposer, Objects, rejection, testCipher, tick } from './helpers.js';

const LIMIT = 64 * 1024;
const ENVELOPE = 17; // RaftNode's tag byte and proposal ID

function bigTask(o: Objects, serviceId: string, bytes: number): swarm.Task {
  const t = o.task(serviceId);
  t.spec = { container: { image: 'x', env: [`PAD=${'p'.repeat(bytes)}`] } };
  return t;
}

describe('splitting big transactions into proposals under the limit', () => {
  it('splits a batch into proposals that each fit under the limit and applies all of them', async () => {
    const replica = new ReplicatedStore({
      clock: new ManualClock(),
      maxProposalBytes: LIMIT,
      cipher: testCipher(),
    });
    const proposer = new ManualProposer([replica]);
    replica.attach(proposer);
    const o = new Objects();
    const tasks = Array.from({ length: 40 }, () => bigTask(o, 'svc', 5_000));
    const done = replica.batch((b) => {
      for (const t of tasks) b.update((tx) => tx.create('task', t));
    });
    for (let i = 0; i < 20; i++) {
      await tick();
      proposer.commit();
    }
    const res = await done;
    expect(res.proposals).toBeGreaterThanOrEqual(4);
    expect(proposer.proposed).toHaveLength(res.proposals);
    for (const p of proposer.proposed) expect(p.byteLength + ENVELOPE).toBeLessThanOrEqual(LIMIT);
    expect(replica.view((tx) => tx.find('task', { serviceId: 'svc' }))).toHaveLength(40);
    expect(res.version).toBe(BigInt(res.proposals));
  });

  it('splits one large update too, and watchers see one batch of events per proposal', async () => {
    const store = createMemoryStore({ clock: new ManualClock(), maxProposalBytes: LIMIT });
    const o = new Objects();
    const batches: StoreEvent[][] = [];
    store.watch({ kinds: ['task'] }, (e) => batches.push(e));
    const res = await store.update((tx) => {
      for (let i = 0; i < 30; i++) tx.create('task', bigTask(o, 'svc', 4_000));
    });
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat()).toHaveLength(30);
    expect(res.version).toBe(BigInt(batches.length));
  });

  it('keeps a small transaction in one proposal', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects();
    const res = await store.batch((b) => {
      for (let i = 0; i < 100; i++) b.update((tx) => tx.create('task', o.task('svc')));
    });
    expect(res).toEqual({ version: 1n, proposals: 1 });
  });

  it('refuses an object that no proposal can carry, before proposing anything', async () => {
    const store = createMemoryStore({ clock: new ManualClock(), maxProposalBytes: LIMIT });
    const o = new Objects();
    const err = await rejection(
      store.update((tx) => {
        tx.create('task', o.task('svc'));
        tx.create('task', bigTask(o, 'svc', LIMIT));
      }),
    );
    expect(err.code).toBe('OBJECT_TOO_LARGE');
    expect(err.details).toMatchObject({ kind: 'task' });
    expect(store.version).toBe(0n);
  });

  it('abandons the whole batch when one of its functions throws', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects();
    const err = await rejection(
      store.batch((b) => {
        b.update((tx) => tx.create('task', o.task('svc')));
        b.update(() => {
          throw new Error('second part failed');
        });
      }),
    );
    expect(err.message).toBe('second part failed');
    expect(store.version).toBe(0n);
  });

  it('checks the limit option', () => {
    expect(() => createMemoryStore({ maxProposalBytes: 10 })).toThrow(RangeError);
  });
});
