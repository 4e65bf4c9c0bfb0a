import { ManualClock, MemoryLogger } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { ReplicatedStore } from '../src/index.js';
import { ManualProposer } from '../src/testing.js';
import { Objects, rejection, testCipher, tick } from './helpers.js';

function replicas(n: number, cipher = testCipher()) {
  const stores = Array.from({ length: n }, () => new ReplicatedStore({ clock: new ManualClock(), cipher }));
  const proposer = new ManualProposer(stores);
  for (const s of stores) s.attach(proposer);
  return { stores, proposer };
}

describe('ReplicatedStore as a state machine', () => {
  it('applies the same proposals to every replica and reaches the same state and version', async () => {
    const { stores, proposer } = replicas(3);
    const o = new Objects();
    const svc = o.service('web');
    const p = stores[1]!.update((tx) => {
      tx.create('service', svc);
      tx.create('task', o.task(svc.id, 'n1'));
    });
    await tick();
    proposer.commit();
    await p;
    for (const s of stores) {
      expect(s.version).toBe(1n);
      expect(s.view((tx) => tx.find('task', { serviceId: svc.id }))).toHaveLength(1);
    }
  });

  it('skips raft entries that are not store proposals', () => {
    const logger = new MemoryLogger();
    const store = new ReplicatedStore({ clock: new ManualClock(), logger });
    expect(store.apply(new TextEncoder().encode('set x 1'), 5n)).toBeUndefined();
    expect(store.version).toBe(0n);
    expect(logger.text()).toMatch(/not a store proposal/);
  });

  it('refuses a truncated proposal as STORE_CORRUPT', async () => {
    const { stores, proposer } = replicas(1);
    const o = new Objects();
    const pending = stores[0]!.update((tx) => tx.create('task', o.task('s')));
    await tick();
    const data = proposer.proposed[0]!;
    const other = new ReplicatedStore({ clock: new ManualClock(), cipher: testCipher() });
    expect(() => other.apply(data.subarray(0, data.length - 4), 1n)).toThrow(
      expect.objectContaining({ code: 'STORE_CORRUPT' }),
    );
    expect(other.view((tx) => tx.list('task'))).toHaveLength(0);
    proposer.drop();
    expect((await rejection(pending)).message).toMatch(/dropped/);
  });

  it('rejects an update whose proposal is lost, and changes nothing', async () => {
    const { stores, proposer } = replicas(2);
    const o = new Objects();
    const p = stores[0]!.update((tx) => tx.create('task', o.task('s')));
    await tick();
    expect(proposer.drop(new Error('lost'))).toBe(1);
    expect((await rejection(p)).message).toBe('lost');
    for (const s of stores) expect(s.version).toBe(0n);
  });

  it('passes the abort signal to the proposer', async () => {
    const { stores } = replicas(1);
    const ac = new AbortController();
    ac.abort(new Error('caller gave up'));
    const o = new Objects();
    expect(
      (await rejection(stores[0]!.update((tx) => tx.create('task', o.task('s')), { signal: ac.signal })))
        .message,
    ).toBe('caller gave up');
  });

  it('resolves a transaction with no changes at once, without proposing', async () => {
    const { stores, proposer } = replicas(1);
    expect(await stores[0]!.update(() => {})).toEqual({ version: 0n });
    expect(proposer.proposed).toHaveLength(0);
  });
});
