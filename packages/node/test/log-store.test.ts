import { ManualClock, swarm, toLong } from '@swarm/api';
import { createMemoryStore } from '@swarm/store';
import { describe, expect, it } from 'vitest';
import { LogStore, type LogStoreOptions } from '../src/manager/log-store.js';

const W1 = 'a'.repeat(25);
const W2 = 'b'.repeat(25);
const SVC = 's'.repeat(25);
const OTHER_SVC = 'o'.repeat(25);
const T1 = '1'.repeat(25);
const T2 = '2'.repeat(25);
const T3 = '3'.repeat(25);

async function fixture(o: LogStoreOptions = {}) {
  const clock = new ManualClock(1_000_000);
  const store = createMemoryStore({ clock });
  await store.update((tx) => {
    for (const [id, nodeId, serviceId] of [
      [T1, W1, SVC],
      [T2, W1, SVC],
      [T3, W2, OTHER_SVC],
    ] as const)
      tx.create('task', swarm.Task.create({ id, nodeId, serviceId, desiredState: swarm.TaskState.RUNNING }));
  });
  return { clock, logs: new LogStore(store, { clock, ...o }) };
}

const enc = new TextEncoder();
function line(taskId: string, text: string | Uint8Array, seq: number, extra: swarm.LogLine.$Properties = {}) {
  return {
    taskId,
    data: typeof text === 'string' ? enc.encode(text) : text,
    seq: toLong(BigInt(seq)),
    timestamp: toLong(BigInt(seq)),
    ...extra,
  };
}
const publish = (logs: LogStore, nodeId: string, lines: swarm.LogLine.$Properties[]) =>
  logs.publish(nodeId, swarm.PublishLogsRequest.create({ lines }));

describe('LogStore: what a worker publishes is bounded data, never identity', () => {
  it("takes the service and node of each line from the store's task, not from the message", async () => {
    const { logs } = await fixture();
    publish(logs, W1, [line(T1, 'hello', 1, { serviceId: OTHER_SVC, nodeId: W2 })]);
    const [l] = logs.list(swarm.ListLogsRequest.create({ taskId: T1 })).lines;
    expect(l).toMatchObject({ taskId: T1, serviceId: SVC, nodeId: W1 });
    // Listed under its real service only; the forged one shows nothing of it.
    expect(logs.list(swarm.ListLogsRequest.create({ serviceId: OTHER_SVC })).lines).toEqual([]);
    expect(logs.list(swarm.ListLogsRequest.create({ serviceId: SVC })).lines).toHaveLength(1);
  });

  it('refuses a whole call that carries a line of a task not assigned to the caller', async () => {
    const { logs } = await fixture();
    expect(() => publish(logs, W1, [line(T1, 'mine', 1), line(T3, 'not mine', 1)])).toThrow(
      expect.objectContaining({ code: 'TASK_NOT_ASSIGNED' }),
    );
    expect(logs.list(swarm.ListLogsRequest.create({})).lines).toEqual([]);
  });

  it('cuts long lines into a copy, so a kept line never pins the request buffer', async () => {
    const { logs } = await fixture({ maxLineBytes: 16 });
    const big = new Uint8Array(1 << 20).fill(0x41);
    publish(logs, W1, [line(T1, big.subarray(10), 1)]);
    const [l] = logs.list(swarm.ListLogsRequest.create({})).lines;
    expect(l!.data!.length).toBe(16);
    expect(l!.data!.buffer.byteLength).toBeLessThan(1024);
    expect(logs.totalBytes).toBe(16);
  });

  it('keeps at most maxLinesPerTask lines and maxBytesPerTask bytes per task, and maxTotalBytes in all', async () => {
    const { logs, clock } = await fixture({
      maxLinesPerTask: 5,
      maxBytesPerTask: 40,
      maxTotalBytes: 60,
      burstPerNodeBytes: 1 << 20,
    });
    publish(
      logs,
      W1,
      Array.from({ length: 8 }, (_, i) => line(T1, `line-${i}`, i + 1)),
    );
    expect(
      logs.list(swarm.ListLogsRequest.create({ taskId: T1 })).lines.map((l) => l.seq!.toString()),
    ).toEqual(['4', '5', '6', '7', '8']);
    publish(logs, W1, [line(T1, 'x'.repeat(30), 9)]);
    const t1 = logs.list(swarm.ListLogsRequest.create({ taskId: T1 })).lines;
    expect(t1.reduce((n, l) => n + l.data!.length, 0)).toBeLessThanOrEqual(40);
    clock.advance(1);
    publish(logs, W2, [line(T3, 'y'.repeat(30), 1)]);
    publish(logs, W1, [line(T2, 'z'.repeat(30), 1)]);
    // Over the total: the least recently written task (T1) went.
    expect(logs.totalBytes).toBeLessThanOrEqual(60);
    expect(logs.list(swarm.ListLogsRequest.create({ taskId: T1 })).lines).toEqual([]);
    expect(logs.list(swarm.ListLogsRequest.create({ taskId: T2 })).lines).toHaveLength(1);
  });

  it("refuses a node's call beyond its byte budget, which refills with time; other nodes are unaffected", async () => {
    const { logs, clock } = await fixture({ ratePerNodeBytesPerSec: 1000, burstPerNodeBytes: 2000 });
    publish(logs, W1, [line(T1, 'a'.repeat(1800), 1)]);
    expect(() => publish(logs, W1, [line(T1, 'b'.repeat(500), 2)])).toThrow(
      expect.objectContaining({ code: 'LOG_RATE_LIMITED' }),
    );
    publish(logs, W2, [line(T3, 'c'.repeat(1800), 1)]);
    clock.advance(600);
    publish(logs, W1, [line(T1, 'b'.repeat(500), 2)]);
    // A call larger than the whole budget can never pass: the message says to send less.
    expect(() => publish(logs, W1, [line(T1, 'd'.repeat(5000), 3)])).toThrow(/smaller batches/);
    expect(logs.list(swarm.ListLogsRequest.create({ taskId: T1 })).lines).toHaveLength(2);
  });

  it('answers ListLogs with at most maxListBytes, the newest lines', async () => {
    const { logs } = await fixture({ maxListBytes: 300 });
    publish(
      logs,
      W1,
      Array.from({ length: 10 }, (_, i) => line(T1, `${i}`.repeat(50), i + 1)),
    );
    const got = logs.list(swarm.ListLogsRequest.create({})).lines;
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(10);
    expect(got.at(-1)!.seq!.toString()).toBe('10');
  });
});
