/** Output helpers shaped like Docker's: tabwriter tables, capitalised states, truncated IDs, JSON. */

/**
 * Characters a terminal acts on rather than shows: C0 controls (ESC starts cursor moves, colours,
 * title changes, OSC 8 links...), DEL, C1 controls, and the bidirectional overrides that reorder
 * what is shown. Task output, errors and names come from tasks and workers: never print them raw.
 */
const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const TERMINAL_CONTROLS = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${BIDI}]`, 'g');
/** The same, newline and tab included (one table cell, one line). */
const CELL_CONTROLS = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${BIDI}]`, 'g');

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `s` with every terminal control character shown as `\xNN` / `\uNNNN` (newlines and tabs kept). */
export function escapeTerminal(s: string): string {
  return s.replace(TERMINAL_CONTROLS, visible);
}

/** `s` for one table cell or one line: newlines and tabs escaped too. */
export function escapeCell(s: string): string {
  return s.replace(CELL_CONTROLS, visible);
}

/** Docker's short ID length. */
export const SHORT_ID = 12;

/**
 * Lays out rows as Docker's tabwriter does (minimum width 10, padding 3): every column but the
 * last is padded to its widest cell plus 3, and lines carry no trailing spaces.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows].map((r) => r.map(escapeCell));
  const widths = header.map((_, c) => Math.max(10, ...all.map((r) => (r[c] ?? '').length + 3)));
  return all
    .map((r) =>
      r
        .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!)))
        .join('')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}

export function truncId(id: string, noTrunc: boolean): string {
  return noTrunc ? id : id.slice(0, SHORT_ID);
}

/** "ready" → "Ready", "on-failure" → "On-failure" (Docker title-cases enum names in tables). */
export function title(s: string): string {
  return s === '' ? '' : s[0]!.toUpperCase() + s.slice(1).toLowerCase();
}

/** JSON as Docker's inspect prints it (4-space indent). */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 4)}\n`;
}

/** Truncates `s` to `max` characters with an ellipsis (Docker's "…"). */
export function ellipsis(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** Quotes a command argument for display only when it needs it. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** "key=value" pairs, sorted, for pretty output. */
export function labelsLine(labels: Readonly<Record<string, string>> | undefined): string[] {
  return Object.entries(labels ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => (v === '' ? k : `${k}=${v}`));
}

/** Natural order ("node2" before "node10"), as Docker sorts names and hostnames. */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}
