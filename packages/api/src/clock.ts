/** A cancellable timer returned by a `Clock`. */
export interface Timer {
  cancel(): void;
}

/**
 * Time as a seam. Components never call `Date.now()` or `setTimeout` directly: they take a Clock,
 * so tests run on a `ManualClock` and replay exactly.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Calls `fn` once after `ms` milliseconds (0 or more). */
  setTimeout(fn: () => void, ms: number): Timer;
}

/** The real clock. Its timers do not keep the process alive. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    checkDelay(ms);
    // Node's timers take at most 2^31-1 ms (about 24.8 days) and fire at once beyond that, so a
    // long delay (a certificate renewal weeks ahead) waits in steps.
    const due = Date.now() + ms;
    let handle: ReturnType<typeof setTimeout>;
    const arm = (delay: number) => {
      handle = setTimeout(
        () => {
          const left = due - Date.now();
          if (left > 0) arm(left);
          else fn();
        },
        Math.min(delay, MAX_TIMER_MS),
      );
      handle.unref?.();
    };
    arm(ms);
    return { cancel: () => clearTimeout(handle) };
  },
};

/** The longest delay Node's setTimeout honours. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Pending {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/**
 * A clock that moves only when told to. Timers fire in order of their due time (ties in the order
 * they were set) while `advance` or `runAll` moves time; a timer set by a firing timer fires in the
 * same call if it falls due within the advanced span. Timers sit in a binary heap, so simulations
 * with many thousands of timers stay fast.
 */
export class ManualClock implements Clock {
  #now: number;
  #seq = 0;
  #live = 0;
  readonly #heap: Pending[] = [];

  constructor(startMs = 0) {
    if (!Number.isFinite(startMs))
      throw new RangeError(`ManualClock start must be a finite number, got ${startMs}`);
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(fn: () => void, ms: number): Timer {
    checkDelay(ms);
    const p: Pending = { at: this.#now + ms, seq: this.#seq++, fn, cancelled: false };
    this.#push(p);
    this.#live++;
    return {
      cancel: () => {
        if (p.cancelled) return;
        p.cancelled = true;
        this.#live--;
      },
    };
  }

  /** Timers set and not yet fired or cancelled. */
  get pendingTimers(): number {
    return this.#live;
  }

  /** Moves time forward by `ms`, firing every timer that falls due, in order. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance(ms) needs a finite ms >= 0, got ${ms}`);
    const end = this.#now + ms;
    for (;;) {
      const next = this.#takeDue(end);
      if (next === undefined) break;
      this.#now = Math.max(this.#now, next.at);
      next.fn();
    }
    this.#now = end;
  }

  /** Moves time to the absolute moment `ms` (never backwards). */
  advanceTo(ms: number): void {
    if (ms < this.#now) throw new RangeError(`advanceTo(${ms}) would move time backwards from ${this.#now}`);
    this.advance(ms - this.#now);
  }

  /**
   * Fires timers until none is left, moving time to each one's due moment. Stops with a RangeError
   * after `limit` firings, which catches timers that keep re-arming themselves.
   */
  runAll(limit = 100_000): void {
    for (let fired = 0; ; fired++) {
      if (this.#live === 0) return;
      if (fired >= limit) throw new RangeError(`runAll fired ${limit} timers and more keep coming`);
      const next = this.#takeDue(Number.POSITIVE_INFINITY);
      if (next === undefined) return;
      this.#now = Math.max(this.#now, next.at);
      next.fn();
    }
  }

  #takeDue(until: number): Pending | undefined {
    for (;;) {
      const top = this.#heap[0];
      if (top === undefined || top.at > until) return undefined;
      this.#pop();
      if (top.cancelled) continue;
      top.cancelled = true; // fired: a later cancel() is a no-op
      this.#live--;
      return top;
    }
  }

  #less(a: Pending, b: Pending): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  #push(p: Pending): void {
    const h = this.#heap;
    h.push(p);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  #pop(): void {
    const h = this.#heap;
    const last = h.pop()!;
    if (h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.#less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.#less(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}

function checkDelay(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(`timer delay must be a finite number >= 0, got ${ms}`);
}
