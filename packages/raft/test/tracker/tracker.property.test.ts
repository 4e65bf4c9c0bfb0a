import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Inflights } from '../../src/tracker/inflights.js';
import { Progress } from '../../src/tracker/progress.js';

const SEED = 20261128;

type InflightOp = { op: 'add'; bytes: number } | { op: 'free'; back: number } | { op: 'reset' };

const inflightOp: fc.Arbitrary<InflightOp> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ op: fc.constant('add' as const), bytes: fc.integer({ min: 0, max: 40 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('free' as const), back: fc.integer({ min: -2, max: 8 }) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reset' as const) }) },
);

type ProgressOp =
  | { op: 'send'; entries: number; bytes: number }
  | { op: 'ack'; ahead: number }
  | { op: 'reject'; back: number; hint: number }
  | { op: 'probe' }
  | { op: 'replicate' }
  | { op: 'snapshot'; ahead: number }
  | { op: 'heartbeat' };

const progressOp: fc.Arbitrary<ProgressOp> = fc.oneof(
  fc.record({
    op: fc.constant('send' as const),
    entries: fc.integer({ min: 0, max: 4 }),
    bytes: fc.integer({ min: 0, max: 30 }),
  }),
  fc.record({ op: fc.constant('ack' as const), ahead: fc.integer({ min: -3, max: 6 }) }),
  fc.record({
    op: fc.constant('reject' as const),
    back: fc.integer({ min: 0, max: 4 }),
    hint: fc.integer({ min: 0, max: 20 }),
  }),
  fc.record({ op: fc.constant('probe' as const) }),
  fc.record({ op: fc.constant('replicate' as const) }),
  fc.record({ op: fc.constant('snapshot' as const), ahead: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ op: fc.constant('heartbeat' as const) }),
);

describe('tracker properties', () => {
  it('Inflights behaves like a bounded FIFO queue of (index, bytes)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 })),
        fc.array(inflightOp, { maxLength: 60 }),
        (size, maxBytes, ops) => {
          const inf = new Inflights(size, maxBytes);
          let model: Array<[bigint, number]> = [];
          let nextIndex = 1n;
          const modelBytes = () => model.reduce((s, [, b]) => s + b, 0);
          const modelFull = () => model.length === size || (maxBytes !== 0 && modelBytes() >= maxBytes);
          for (const o of ops) {
            if (o.op === 'add') {
              if (modelFull()) {
                expect(() => inf.add(nextIndex, o.bytes)).toThrow(RangeError);
              } else {
                inf.add(nextIndex, o.bytes);
                model.push([nextIndex, o.bytes]);
              }
              nextIndex += BigInt(1 + (o.bytes % 3)); // indexes increase, sometimes by more than one
            } else if (o.op === 'free') {
              const to = nextIndex - BigInt(o.back);
              inf.freeLE(to);
              model = model.filter(([i]) => i > to);
            } else {
              inf.reset();
              model = [];
            }
            expect(inf.toArray()).toEqual(model.map(([i]) => i));
            expect(inf.count()).toBe(model.length);
            expect(inf.bytes()).toBe(modelBytes());
            expect(inf.full()).toBe(modelFull());
          }
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('Progress keeps match < next and a consistent pause state through any exchange', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(progressOp, { maxLength: 50 }), (size, ops) => {
        const pr = new Progress({ match: 0n, next: 1n, inflights: new Inflights(size, 0) });
        for (const o of ops) {
          switch (o.op) {
            case 'send':
              if (pr.state !== 'snapshot' && !pr.isPaused()) {
                pr.updateOnEntriesSend(o.entries, o.bytes, pr.next);
                if (pr.state === 'replicate') expect(pr.isPaused()).toBe(pr.inflights.full());
                if (pr.state === 'probe') expect(pr.isPaused()).toBe(o.entries > 0);
              }
              break;
            case 'ack': {
              const n = pr.match + BigInt(o.ahead);
              if (n >= 0n && pr.maybeUpdate(n) && pr.state === 'replicate') pr.inflights.freeLE(n);
              break;
            }
            case 'reject': {
              const rejected = pr.next - 1n - BigInt(o.back);
              // As the raft core does: a rejection that counts sends a replicating follower back to probing.
              if (rejected >= 0n && pr.maybeDecrTo(rejected, BigInt(o.hint)) && pr.state === 'replicate') {
                pr.becomeProbe();
              }
              break;
            }
            case 'probe':
              pr.becomeProbe();
              break;
            case 'replicate':
              pr.becomeReplicate();
              break;
            case 'snapshot':
              pr.becomeSnapshot(pr.match + BigInt(o.ahead));
              break;
            case 'heartbeat':
              pr.msgAppFlowPaused = false;
              break;
          }
          expect(pr.match).toBeLessThan(pr.next);
          if (pr.state === 'snapshot') expect(pr.isPaused()).toBe(true);
          else expect(pr.pendingSnapshot).toBe(0n);
          if (pr.state !== 'replicate') expect(pr.inflights.count()).toBe(0);
          // Every message in flight is unacknowledged and was sent below next.
          for (const i of pr.inflights.toArray()) {
            expect(i).toBeGreaterThan(pr.match);
            expect(i).toBeLessThan(pr.next);
          }
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
