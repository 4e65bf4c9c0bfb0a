import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../src/index.js';

describe('systemClock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for delays beyond the 2^31-1 ms limit of Node timers instead of firing at once', () => {
    vi.useFakeTimers({ now: 0 });
    const fn = vi.fn();
    const days40 = 40 * 24 * 3600 * 1000;
    systemClock.setTimeout(fn, days40);
    vi.advanceTimersByTime(1);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2 ** 31 - 1);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(days40 - 2 ** 31);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('cancels a long timer between its steps', () => {
    vi.useFakeTimers({ now: 0 });
    const fn = vi.fn();
    const t = systemClock.setTimeout(fn, 30 * 24 * 3600 * 1000);
    vi.advanceTimersByTime(2 ** 31);
    t.cancel();
    vi.advanceTimersByTime(30 * 24 * 3600 * 1000);
    expect(fn).not.toHaveBeenCalled();
  });
});
