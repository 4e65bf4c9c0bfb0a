import { describe, expect, it } from 'vitest';
import { ManualClock, systemClock } from '../src/index.js';

describe('ManualClock', () => {
  it('starts at the given time and moves only when advanced', () => {
    const clock = new ManualClock(1_000);
    expect(clock.now()).toBe(1_000);
    clock.advance(250);
    expect(clock.now()).toBe(1_250);
    clock.advanceTo(2_000);
    expect(clock.now()).toBe(2_000);
  });

  it('fires timers in due order, ties in the order they were set', () => {
    const clock = new ManualClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('c@30'), 30);
    clock.setTimeout(() => fired.push('a@10'), 10);
    clock.setTimeout(() => fired.push('b@10'), 10);
    clock.setTimeout(() => fired.push('d@0'), 0);
    clock.advance(29);
    expect(fired).toEqual(['d@0', 'a@10', 'b@10']);
    clock.advance(1);
    expect(fired).toEqual(['d@0', 'a@10', 'b@10', 'c@30']);
  });

  it('shows each timer the time at which it was due', () => {
    const clock = new ManualClock(0);
    const seen: number[] = [];
    clock.setTimeout(() => seen.push(clock.now()), 5);
    clock.setTimeout(() => seen.push(clock.now()), 17);
    clock.advance(100);
    expect(seen).toEqual([5, 17]);
    expect(clock.now()).toBe(100);
  });

  it('fires a timer set by a firing timer within the same advance', () => {
    const clock = new ManualClock();
    const fired: number[] = [];
    clock.setTimeout(() => {
      fired.push(clock.now());
      clock.setTimeout(() => fired.push(clock.now()), 10);
    }, 10);
    clock.advance(25);
    expect(fired).toEqual([10, 20]);
  });

  it('never fires a cancelled timer and counts only live ones', () => {
    const clock = new ManualClock();
    let fired = 0;
    const t = clock.setTimeout(() => fired++, 10);
    clock.setTimeout(() => fired++, 20);
    expect(clock.pendingTimers).toBe(2);
    t.cancel();
    t.cancel();
    expect(clock.pendingTimers).toBe(1);
    clock.advance(100);
    expect(fired).toBe(1);
    expect(clock.pendingTimers).toBe(0);
  });

  it('runs every timer with runAll and stops a timer that keeps re-arming itself', () => {
    const clock = new ManualClock();
    const order: number[] = [];
    clock.setTimeout(() => order.push(2), 2_000);
    clock.setTimeout(() => order.push(1), 1_000);
    clock.runAll();
    expect(order).toEqual([1, 2]);
    expect(clock.now()).toBe(2_000);

    const rearm = (): void => {
      clock.setTimeout(rearm, 1);
    };
    rearm();
    expect(() => clock.runAll(50)).toThrow(RangeError);
  });

  it('refuses negative, infinite and NaN delays and backwards moves with a RangeError', () => {
    const clock = new ManualClock(100);
    expect(() => clock.setTimeout(() => {}, -1)).toThrow(RangeError);
    expect(() => clock.setTimeout(() => {}, Number.NaN)).toThrow(/finite/);
    expect(() => clock.advance(-5)).toThrow(RangeError);
    expect(() => clock.advanceTo(50)).toThrow(/backwards/);
    expect(() => new ManualClock(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('systemClock', () => {
  it('reads wall time and cancels a timer before it fires', () => {
    const before = Date.now();
    expect(systemClock.now()).toBeGreaterThanOrEqual(before);
    let fired = false;
    const t = systemClock.setTimeout(() => {
      fired = true;
    }, 0);
    t.cancel();
    return new Promise<void>((resolve) => {
      setImmediate(() => {
        expect(fired).toBe(false);
        resolve();
      });
    });
  });
});
