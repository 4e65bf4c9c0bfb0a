// `service logs` filters and `-f` on the managers' side: LogStore's since/tail/node filters and
// cursor, its `wait` (a long poll woken by a matching line or by the service's removal), and
// readServiceLogs merging two managers' stores behind one cursor.
import { fromLong, ManualClock, swarm, toLong } from '@swarm/api';
import { createMemoryStore } from '@swarm/store';
import { describe, expect, it } from 'vitest';
import { parseLogsCursor, readServiceLogs } from '../src/daemon/service-logs.js';
import { LogStore } from '../src/manager/log-store.js';

const W1 = 'a'.repeat(25);
const W2 = 'b'.repeat(25);
const SVC = 's'.repeat(25);
const OTHER = 'o'.repeat(25);
const T1 = '1'.repeat(25);
const T2 = '2'.repeat(25);
const T3 = '3'.repeat(25);

async function fixture() {
  const clock = new ManualClock(1_000_000);
  const store = createMemoryStore({ clock });
  await store.update((tx) => {
    tx.create('service', swarm.Service.create({ id: SVC, spec: { annotations: { name: 'web' } } }));
    tx.create('service', swarm.Service.create({ id: OTHER, spec: { annotations: { name: 'other' } } }));
    for (const [id, nodeId, serviceId] of [
      [T1, W1, SVC],
      [T2, W2, SVC],
      [T3, W1, OTHER],
    ] as const)
      tx.create('task', swarm.Task.create({ id, nodeId, serviceId, desiredState: swarm.TaskState.RUNNING }));
  });
  const logs = new LogStore(store, { clock });
  const other = new LogStore(store, { clock });
  return { clock, store, logs, other };
}

const enc = new TextEncoder();
const dec = new TextDecoder();
let seq = 0;
function publish(logs: LogStore, nodeId: string, taskId: string, text: string, at: number): void {
  seq++;
  logs.publish(
    nodeId,
    swarm.PublishLogsRequest.create({
      lines: [{ taskId, data: enc.encode(text), seq: toLong(BigInt(seq)), timestamp: toLong(BigInt(at)) }],
    }),
  );
}
const texts = (r: { lines?: swarm.ILogLine[] | null }) => (r.lines ?? []).map((l) => dec.decode(l.data!));

describe('LogStore: filters and cursor', () => {
  it('filters by node and since, keeps tail per task, and answers newer lines after a cursor', async () => {
    const { logs } = await fixture();
    publish(logs, W1, T1, 'a1', 100);
    publish(logs, W2, T2, 'b1', 200);
    publish(logs, W1, T1, 'a2', 300);
    publish(logs, W2, T2, 'b2', 400);
    publish(logs, W1, T3, 'other', 500);
    expect(texts(logs.list({ serviceId: SVC }))).toEqual(['a1', 'b1', 'a2', 'b2']);
    expect(texts(logs.list({ serviceId: SVC, nodeId: W2 }))).toEqual(['b1', 'b2']);
    expect(texts(logs.list({ serviceId: SVC, since: toLong(250n) }))).toEqual(['a2', 'b2']);
    expect(texts(logs.list({ serviceId: SVC, tail: 1 }))).toEqual(['a2', 'b2']);
    const r = logs.list({ serviceId: SVC });
    publish(logs, W1, T1, 'a3', 600);
    // With a cursor, only what came after it (tail no longer applies).
    expect(texts(logs.list({ serviceId: SVC, after: r.cursor!, tail: 5 }))).toEqual(['a3']);
    expect(fromLong(logs.list({ serviceId: SVC }).cursor!)).toBeGreaterThan(fromLong(r.cursor!));
  });

  it('wait answers at once with matching lines, else when one arrives', async () => {
    const { logs } = await fixture();
    publish(logs, W1, T1, 'old', 100);
    const first = logs.list({ serviceId: SVC });
    const waiting = logs.wait({ serviceId: SVC, after: first.cursor!, waitMs: 30_000 });
    let got: string[] | undefined;
    void waiting.then((r) => {
      got = texts(r);
    });
    await Promise.resolve();
    // A line of another service does not wake it.
    publish(logs, W1, T3, 'not this one', 150);
    await new Promise((r) => setImmediate(r));
    expect(got).toBeUndefined();
    publish(logs, W2, T2, 'new', 200);
    expect(texts(await waiting)).toEqual(['new']);
  });

  it('wait gives up after waitMs with nothing, and at once when the service is removed', async () => {
    const { logs, clock, store } = await fixture();
    const quiet = logs.wait({ serviceId: SVC, after: toLong(BigInt(logs.cursor)), waitMs: 5_000 });
    clock.advance(5_000);
    expect(texts(await quiet)).toEqual([]);
    const removed = logs.wait({ serviceId: SVC, after: toLong(BigInt(logs.cursor)), waitMs: 30_000 });
    await store.update((tx) => tx.delete('service', SVC));
    expect(texts(await removed)).toEqual([]);
  });
});

describe('readServiceLogs: two managers behind one cursor', () => {
  const sources = (f: Awaited<ReturnType<typeof fixture>>) => ({
    self: { addr: 'm1:2377', logs: f.logs },
    others: ['m2:2377'],
    listLogs: (_addr: string, q: swarm.ListLogsRequest.$Properties, signal: AbortSignal) =>
      f.other.wait(q, { signal }),
    taskName: (id: string) => (id === T1 ? 'web.1' : id === T2 ? 'web.2' : id),
    now: () => f.clock.now(),
  });

  it('merges both stores, tail per task overall, then follows only new lines from either', async () => {
    const f = await fixture();
    publish(f.logs, W1, T1, 'm1 a', 100);
    publish(f.other, W1, T1, 'm2 a', 200); // the worker failed over: its task on both
    publish(f.other, W2, T2, 'm2 b', 300);
    const src = sources(f);
    const page = await readServiceLogs(src, { serviceId: SVC }, { tail: 1 });
    expect(page.lines.map((l) => `${l.taskName} ${l.text}`)).toEqual(['web.1 m2 a', 'web.2 m2 b']);
    expect(Object.keys(parseLogsCursor(page.cursor).c).sort()).toEqual(['m1:2377', 'm2:2377']);

    const next = readServiceLogs(src, { serviceId: 'ignored' }, { cursor: page.cursor, waitMs: 30_000 });
    await new Promise((r) => setImmediate(r));
    publish(f.other, W2, T2, 'later', 400);
    const p2 = await next;
    expect(p2.lines.map((l) => l.text)).toEqual(['later']);
    // The local wait was cancelled; nothing is read twice on the next call.
    publish(f.logs, W1, T1, 'local later', 500);
    const p3 = await readServiceLogs(src, { serviceId: SVC }, { cursor: p2.cursor, waitMs: 30_000 });
    expect(p3.lines.map((l) => l.text)).toEqual(['local later']);
  });

  it('tail 0 answers no kept line, and a cursor from which new ones follow', async () => {
    const f = await fixture();
    publish(f.logs, W1, T1, 'kept', 100);
    const src = sources(f);
    const page = await readServiceLogs(src, { serviceId: SVC }, { tail: 0 });
    expect(page.lines).toEqual([]);
    publish(f.other, W2, T2, 'fresh', 200);
    const next = await readServiceLogs(src, { serviceId: SVC }, { cursor: page.cursor, waitMs: 30_000 });
    expect(next.lines.map((l) => l.text)).toEqual(['fresh']);
  });

  it('refuses a damaged cursor', async () => {
    const f = await fixture();
    await expect(
      readServiceLogs(sources(f), { serviceId: SVC }, { cursor: 'not-a-cursor' }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
