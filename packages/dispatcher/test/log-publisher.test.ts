// The worker's log shipping: batches that fit a call, the connected manager first and then the
// others, lines kept (up to a bound) while no manager takes them, on the injected clock.
import { ManualClock, type swarm } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { LogPublisher, logBatch, MAX_LOG_BATCH_BYTES, MAX_LOG_BATCH_LINES } from '../src/index.js';

const line = (i: number, bytes = 4): swarm.LogLine.$Properties => ({
  taskId: 't'.repeat(25),
  seq: i as never,
  data: new Uint8Array(bytes),
});

/** Lets the publisher's promise chains run. */
const settle = () => new Promise((r) => setImmediate(r));

function harness(accepting: Set<string>, managers = ['m1', 'm2']) {
  const clock = new ManualClock(0);
  const sent: Array<{ addr: string; seqs: number[] }> = [];
  const tried: string[] = [];
  const publisher = new LogPublisher(
    { maxPending: 5_000 },
    {
      clock,
      managers: () => managers,
      publish: async (addr, lines) => {
        tried.push(addr);
        if (!accepting.has(addr)) throw new Error(`${addr} is down`);
        sent.push({ addr, seqs: lines.map((l) => Number(l.seq)) });
      },
    },
  );
  return { clock, sent, tried, publisher };
}

describe('logBatch', () => {
  it(`takes at most ${MAX_LOG_BATCH_LINES} lines and ${MAX_LOG_BATCH_BYTES} bytes, and at least one line`, () => {
    const many = Array.from({ length: 2500 }, (_, i) => line(i));
    expect(logBatch(many)).toHaveLength(MAX_LOG_BATCH_LINES);
    const big = Array.from({ length: 10 }, (_, i) => line(i, 300 * 1024));
    expect(logBatch(big)).toHaveLength(3);
    expect(logBatch([line(0, 2 * MAX_LOG_BATCH_BYTES)])).toHaveLength(1);
    expect(logBatch([])).toEqual([]);
  });
});

describe('LogPublisher', () => {
  it('sends queued lines every flushMs to the first manager that takes them', async () => {
    const h = harness(new Set(['m2']));
    h.publisher.start();
    h.publisher.push(line(1));
    h.publisher.push(line(2));
    await settle();
    expect(h.sent).toEqual([]);
    h.clock.advance(250);
    await settle();
    expect(h.tried).toEqual(['m1', 'm2']);
    expect(h.sent).toEqual([{ addr: 'm2', seqs: [1, 2] }]);
    expect(h.publisher.pending).toBe(0);
    h.publisher.push(line(3));
    h.clock.advance(250);
    await settle();
    expect(h.sent.at(-1)).toEqual({ addr: 'm2', seqs: [3] });
    h.publisher.stop();
  });

  it('keeps the lines while no manager takes them, and sends them once one does', async () => {
    const accepting = new Set<string>();
    const h = harness(accepting);
    h.publisher.start();
    for (let i = 0; i < 3; i++) h.publisher.push(line(i));
    h.clock.advance(250);
    await settle();
    expect(h.sent).toEqual([]);
    expect(h.publisher.pending).toBe(3);
    accepting.add('m1');
    h.clock.advance(250);
    await settle();
    expect(h.sent).toEqual([{ addr: 'm1', seqs: [0, 1, 2] }]);
    h.publisher.stop();
  });

  it('drops the oldest lines beyond maxPending', () => {
    const h = harness(new Set());
    for (let i = 0; i < 5_003; i++) h.publisher.push(line(i));
    expect(h.publisher.pending).toBe(5_000);
  });

  it('sends nothing after stop, and drops what was queued', async () => {
    const h = harness(new Set(['m1']));
    h.publisher.start();
    h.publisher.push(line(1));
    h.publisher.stop();
    h.publisher.push(line(2));
    h.clock.advance(1000);
    await h.publisher.flush();
    expect(h.sent).toEqual([]);
    expect(h.publisher.pending).toBe(0);
  });

  it('refuses missing components and bad numbers', () => {
    expect(() => new LogPublisher({}, {} as never)).toThrow(TypeError);
    expect(() => new LogPublisher({ flushMs: 0 }, { publish: async () => {}, managers: () => [] })).toThrow(
      RangeError,
    );
  });
});
