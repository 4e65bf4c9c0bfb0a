/**
 * Docker-style value parsing and formatting: durations (Go's time.ParseDuration syntax), memory
 * sizes (go-units RAMInBytes), CPU counts, and the human durations Docker prints ("5 seconds ago").
 */
import { UsageError } from './errors.js';

const DURATION_UNITS_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * Parses a Go-style duration ("10s", "1m30s", "500ms", "2160h", "1.5h", "0") into whole
 * milliseconds. Negative durations are refused: no duration flag of the CLI means anything below zero.
 */
export function parseDuration(text: string, flag: string): number {
  const bad = () =>
    new UsageError(
      `invalid argument ${JSON.stringify(text)} for "${flag}" flag: expected a duration such as 500ms, 10s, 1m30s or 2160h`,
    );
  const s = text.trim();
  if (s === '0') return 0;
  if (s === '' || s.startsWith('-')) throw bad();
  const body = s.startsWith('+') ? s.slice(1) : s;
  const re = /([0-9]*\.?[0-9]*)(ns|us|µs|μs|ms|s|m|h)/y;
  let total = 0;
  let at = 0;
  while (at < body.length) {
    re.lastIndex = at;
    const m = re.exec(body);
    if (m === null || m[1] === '' || m[1] === '.') throw bad();
    total += Number(m[1]) * DURATION_UNITS_MS[m[2]!]!;
    at = re.lastIndex;
  }
  if (at === 0 || !Number.isFinite(total)) throw bad();
  return Math.round(total);
}

/** Formats milliseconds the way Go prints a time.Duration ("1m30s", "500ms", "2160h0m0s"). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const sec = (ms % 60_000) / 1000;
  const secText = `${Number.isInteger(sec) ? sec : sec.toFixed(3).replace(/0+$/, '')}s`;
  if (h > 0) return `${h}h${m}m${secText}`;
  if (m > 0) return `${m}m${secText}`;
  return secText;
}

const MEMORY_UNITS: Record<string, number> = {
  '': 1,
  k: 2 ** 10,
  m: 2 ** 20,
  g: 2 ** 30,
  t: 2 ** 40,
  p: 2 ** 50,
};

/** Parses a memory size as Docker does (binary units, case-insensitive: 64M, 1g, 512MiB, 1024). */
export function parseMemory(text: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i.exec(text.trim());
  if (m === null) {
    throw new UsageError(
      `invalid argument ${JSON.stringify(text)} for "${flag}" flag: expected a size such as 64M, 512MiB or 1G`,
    );
  }
  const bytes = Math.floor(Number(m[1]) * MEMORY_UNITS[(m[2] ?? '').toLowerCase()]!);
  if (!Number.isSafeInteger(bytes))
    throw new UsageError(`invalid argument ${JSON.stringify(text)} for "${flag}" flag: too large`);
  return bytes;
}

/** Formats bytes as Docker's BytesSize ("64MiB", "1.5GiB", "23.54GiB"). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  // Go's %.4g: four significant digits, no trailing zeros.
  return `${Number(v.toPrecision(4))}${units[i]}`;
}

/** Parses a CPU count ("0.5", "2") into nano CPUs; at most 9 decimals, as Docker. */
export function parseNanoCpus(text: string, flag: string): number {
  const m = /^(\d+)(?:\.(\d{1,9}))?$/.exec(text.trim());
  if (m === null) {
    throw new UsageError(
      `invalid argument ${JSON.stringify(text)} for "${flag}" flag: expected a number of CPUs such as 0.5 or 2`,
    );
  }
  // Integer arithmetic: 0.1 * 1e9 in floating point is not exact.
  const nano = Number(m[1]) * 1e9 + Number((m[2] ?? '').padEnd(9, '0'));
  if (!Number.isSafeInteger(nano))
    throw new UsageError(`invalid argument ${JSON.stringify(text)} for "${flag}" flag: too large`);
  return nano;
}

/** Formats nano CPUs as a decimal CPU count ("0.5"). */
export function formatNanoCpus(nano: number): string {
  return String(nano / 1e9);
}

/** A non-negative integer flag value. */
export function parseCount(text: string, flag: string): number {
  if (!/^\d+$/.test(text.trim())) {
    throw new UsageError(
      `invalid argument ${JSON.stringify(text)} for "${flag}" flag: expected a whole number`,
    );
  }
  const n = Number(text.trim());
  if (!Number.isSafeInteger(n))
    throw new UsageError(`invalid argument ${JSON.stringify(text)} for "${flag}" flag: too large`);
  return n;
}

/** A rebalancing budget: at most `maxMoves` task moves in any `intervalMs` window; 0 moves is off. */
export interface RebalanceBudget {
  maxMoves: number;
  intervalMs: number;
}

/**
 * `--rebalance BUDGET`: `N/DURATION` (at most N task moves per DURATION, e.g. `2/30s`), `N` (per
 * minute), or `off` / `0`.
 */
export function parseRebalance(text: string, flag: string): RebalanceBudget {
  const t = text.trim().toLowerCase();
  if (t === 'off' || t === '0') return { maxMoves: 0, intervalMs: 60_000 };
  const m = /^(\d+)(?:\/(.+))?$/.exec(t);
  const maxMoves = m === null ? Number.NaN : Number(m[1]);
  if (m === null || !(maxMoves >= 1 && maxMoves <= 1_000_000))
    throw new UsageError(
      `invalid argument ${JSON.stringify(text)} for "${flag}" flag: expected MOVES/INTERVAL such as 2/30s (1-1000000 moves), MOVES (per minute) or off`,
    );
  const intervalMs = m[2] === undefined ? 60_000 : parseDuration(m[2], flag);
  if (intervalMs < 1)
    throw new UsageError(
      `invalid argument ${JSON.stringify(text)} for "${flag}" flag: the interval must be at least 1ms`,
    );
  return { maxMoves, intervalMs };
}

/** `--placement-strategy`: spread or binpack. */
export function parseStrategy(text: string, flag: string): 'spread' | 'binpack' {
  const t = text.trim().toLowerCase();
  if (t === 'spread' || t === 'binpack') return t;
  throw new UsageError(
    `invalid argument ${JSON.stringify(text)} for "${flag}" flag: expected spread or binpack`,
  );
}

/** go-units HumanDuration: "Less than a second", "5 seconds", "About a minute", "3 months". */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(ms / 3_600_000);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}

/** "5 seconds ago" (or "About a minute ago"), as Docker's CREATED / UPDATED columns. */
export function ago(since: number, now: number): string {
  return `${humanDuration(Math.max(0, now - since))} ago`;
}
