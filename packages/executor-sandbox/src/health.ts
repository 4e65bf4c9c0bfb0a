/**
 * Docker's health-check state machine for executors that run checks themselves: a task is
 * `starting` until a check passes (`healthy`), and `unhealthy` once `retries` checks in a row
 * failed; failures during the start period do not count. Checks run one at a time, every
 * `interval` after the previous one ended, each bounded by `timeout`.
 */
import type { Clock, Timer } from '@swarm/api';

export const HEALTH_DEFAULTS = Object.freeze({
  intervalMs: 30_000,
  timeoutMs: 30_000,
  retries: 3,
  startPeriodMs: 0,
});

export type HealthStatus = 'starting' | 'healthy' | 'unhealthy';

export interface HealthCheck {
  /** The command to run inside the task (`CMD` argv, or `/bin/sh -c` for `CMD-SHELL`). */
  argv: string[];
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  startPeriodMs: number;
}

/** The check of a spec's `test` (and times), undefined for none or `["NONE"]`. Throws on a malformed test. */
export function parseHealthCheck(
  h:
    | {
        test?: string[] | null;
        intervalMs?: unknown;
        timeoutMs?: unknown;
        retries?: number | null;
        startPeriodMs?: unknown;
      }
    | null
    | undefined,
): HealthCheck | undefined {
  const test = h?.test ?? [];
  if (test.length === 0 || test[0] === 'NONE') return undefined;
  let argv: string[];
  if (test[0] === 'CMD' && test.length > 1) argv = test.slice(1);
  else if (test[0] === 'CMD-SHELL' && test.length === 2) argv = ['/bin/sh', '-c', test[1]!];
  else
    throw new Error(
      `health check test ${JSON.stringify(test)} must be ["NONE"], ["CMD", ...] or ["CMD-SHELL", "command"]`,
    );
  const ms = (v: unknown, fallback: number) => {
    const n =
      typeof v === 'number'
        ? v
        : typeof (v as { toNumber?: unknown })?.toNumber === 'function'
          ? (v as { toNumber(): number }).toNumber()
          : 0;
    return n > 0 ? Math.min(n, 0x7fffffff) : fallback;
  };
  return {
    argv,
    intervalMs: ms(h?.intervalMs, HEALTH_DEFAULTS.intervalMs),
    timeoutMs: ms(h?.timeoutMs, HEALTH_DEFAULTS.timeoutMs),
    retries: (h?.retries ?? 0) > 0 ? (h?.retries as number) : HEALTH_DEFAULTS.retries,
    startPeriodMs: ms(h?.startPeriodMs, HEALTH_DEFAULTS.startPeriodMs),
  };
}

export interface ProbeResult {
  ok: boolean;
  output: string;
}

/** Runs `check` through `probe` until stopped, calling `onChange` when the status changes. */
export class HealthMonitor {
  readonly #check: HealthCheck;
  readonly #probe: (argv: string[], timeoutMs: number) => Promise<ProbeResult>;
  readonly #clock: Clock;
  readonly #onChange: (status: HealthStatus, last: ProbeResult) => void;
  readonly #startedAt: number;
  #status: HealthStatus = 'starting';
  #failures = 0;
  #timer: Timer | undefined;
  #stopped = false;

  constructor(
    check: HealthCheck,
    probe: (argv: string[], timeoutMs: number) => Promise<ProbeResult>,
    clock: Clock,
    onChange: (status: HealthStatus, last: ProbeResult) => void,
  ) {
    this.#check = check;
    this.#probe = probe;
    this.#clock = clock;
    this.#onChange = onChange;
    this.#startedAt = clock.now();
    this.#schedule();
  }

  get status(): HealthStatus {
    return this.#status;
  }

  stop(): void {
    this.#stopped = true;
    this.#timer?.cancel();
  }

  #schedule(): void {
    if (this.#stopped) return;
    this.#timer = this.#clock.setTimeout(() => void this.#runOnce(), this.#check.intervalMs);
  }

  async #runOnce(): Promise<void> {
    if (this.#stopped) return;
    let result: ProbeResult;
    try {
      result = await this.#probe(this.#check.argv, this.#check.timeoutMs);
    } catch (err) {
      result = { ok: false, output: (err as Error).message };
    }
    if (this.#stopped) return;
    if (result.ok) {
      this.#failures = 0;
      this.#set('healthy', result);
    } else if (
      this.#clock.now() - this.#startedAt >= this.#check.startPeriodMs ||
      this.#status === 'healthy'
    ) {
      this.#failures++;
      if (this.#failures >= this.#check.retries) this.#set('unhealthy', result);
    }
    this.#schedule();
  }

  #set(status: HealthStatus, last: ProbeResult): void {
    if (status === this.#status) return;
    this.#status = status;
    this.#onChange(status, last);
  }
}
