/** The command tree's types, the run context, help text and the shared output helpers. */
import { isSwarmError } from '@swarm/api';
import type { ControlApi } from '@swarm/node/control';
import type { FlagSpec, Flags } from './args.js';
import { UsageError } from './errors.js';

/** Where the CLI writes: a writable stream or anything with `write` (a test's buffer). */
export interface CliOutput {
  /** Writes a chunk of text (the CLI never waits for it to drain). */
  write(chunk: string): unknown;
}

/** A readable stdin; `isTTY` / `setRawMode` are present on a terminal. */
export type CliInput = NodeJS.ReadableStream & {
  /** True on a terminal. */
  isTTY?: boolean;
  /** Turns echo off while a secret is typed (a terminal only). */
  setRawMode?: (raw: boolean) => unknown;
};

/** The process the CLI runs in: its streams and environment (`SWARM_DATA_DIR`, `SWARM_HOST`). */
export interface CliIO {
  stdout: CliOutput;
  stderr: CliOutput;
  stdin: CliInput;
  env: Readonly<Record<string, string | undefined>>;
  /** The clock for "5 seconds ago" columns (default Date.now). */
  now?: () => number;
}

export interface Context {
  io: CliIO;
  flags: Flags;
  args: string[];
  /** Index in `args` where the arguments after `--` begin (-1 when there was none). */
  dashDashAt: number;
  /** The full command path, e.g. "service create". */
  path: string;
  dataDir: string;
  host: string;
  /** The daemon client (created on first use). */
  api(): ControlApi;
  now(): number;
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  name: string;
  aliases?: string[];
  /** What follows the command path in the usage line: "[OPTIONS] NODE [NODE...]". */
  usage?: string;
  short: string;
  flags?: FlagSpec[];
  /** false: flags end at the first positional (service create IMAGE COMMAND ARGS). */
  interspersed?: boolean;
  minArgs?: number;
  maxArgs?: number;
  run?: (ctx: Context) => Promise<number>;
  commands?: Command[];
}

export const HELP_FLAG: FlagSpec = { name: 'help', short: 'h', kind: 'bool', help: 'Print usage' };
export const GLOBAL_FLAGS: FlagSpec[] = [
  {
    name: 'host',
    short: 'H',
    kind: 'string',
    value: 'string',
    help: 'Daemon socket to connect to (env SWARM_HOST)',
  },
  {
    name: 'data-dir',
    kind: 'string',
    value: 'string',
    help: 'Data directory (env SWARM_DATA_DIR, default ~/.swarm)',
  },
];

export const QUIET: FlagSpec = { name: 'quiet', short: 'q', kind: 'bool', help: 'Only display IDs' };
export const FORMAT: FlagSpec = {
  name: 'format',
  kind: 'string',
  value: 'string',
  help: "Format output: 'json', or a template such as '{{.ID}}'",
};
export const NO_TRUNC: FlagSpec = { name: 'no-trunc', kind: 'bool', help: 'Do not truncate output' };
export const FILTER: FlagSpec = {
  name: 'filter',
  short: 'f',
  kind: 'list',
  value: 'filter',
  help: 'Filter output based on conditions provided',
};

/** `--filter key=value` flags by key, refused (usage error) for a key outside `allowed`. */
export function parseFilters(ctx: Context, allowed: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of ctx.flags.list('filter')) {
    const eq = f.indexOf('=');
    if (eq <= 0) throw new UsageError(`bad format of filter (expected name=value): ${JSON.stringify(f)}`);
    const key = f.slice(0, eq).trim().toLowerCase();
    if (!allowed.includes(key))
      throw new UsageError(`invalid filter '${key}': use one of ${allowed.join(', ')}`);
    out.set(key, [...(out.get(key) ?? []), f.slice(eq + 1)]);
  }
  return out;
}

/**
 * Docker's filter rule: every key must match, and a key matches when any of its values does.
 * `test(key, value)` says whether one value matches the item.
 */
export function matchesFilters(
  filters: Map<string, string[]>,
  test: (key: string, value: string) => boolean,
): boolean {
  for (const [key, values] of filters) if (!values.some((v) => test(key, v))) return false;
  return true;
}

/** A `label` filter value (`key` or `key=value`) against labels. */
export function labelMatches(labels: Record<string, string>, filter: string): boolean {
  const eq = filter.indexOf('=');
  if (eq < 0) return Object.hasOwn(labels, filter);
  const k = filter.slice(0, eq);
  return Object.hasOwn(labels, k) && labels[k] === filter.slice(eq + 1);
}
export const PRETTY: FlagSpec = {
  name: 'pretty',
  kind: 'bool',
  help: 'Print the information in a human friendly format',
};

function flagLine(f: FlagSpec): [string, string] {
  const short = f.short === undefined ? '    ' : `-${f.short}, `;
  const value = f.kind === 'bool' ? '' : ` ${f.value ?? (f.kind === 'list' ? 'list' : 'string')}`;
  return [`  ${short}--${f.name}${value}`, f.help];
}

export function usageLine(path: string, cmd: Command): string {
  if (cmd.run === undefined && cmd.commands !== undefined) return `swarm ${path} COMMAND`.replace(/ +/g, ' ');
  return `swarm ${path} ${cmd.usage ?? ''}`.replace(/ +/g, ' ').trimEnd();
}

/** Docker-style help for a command or a group. */
export function helpText(path: string, cmd: Command): string {
  const lines = [`Usage:  ${usageLine(path, cmd)}`, '', cmd.short, ''];
  if (cmd.commands !== undefined && cmd.commands.length > 0) {
    lines.push('Commands:');
    const w = Math.max(...cmd.commands.map((c) => c.name.length)) + 2;
    for (const c of cmd.commands) lines.push(`  ${c.name.padEnd(w)}${c.short}`);
    lines.push('');
  }
  const flags = [...(cmd.flags ?? []), ...(path === '' ? GLOBAL_FLAGS : []), HELP_FLAG];
  lines.push(path === '' ? 'Global Options:' : 'Options:');
  const rows = flags.map(flagLine);
  const w = Math.max(...rows.map(([l]) => l.length)) + 3;
  for (const [l, h] of rows) lines.push(`${l.padEnd(w)}${h}`);
  if (cmd.commands !== undefined && cmd.commands.length > 0) {
    lines.push(
      '',
      `Run 'swarm ${path === '' ? '' : `${path} `}COMMAND --help' for more information on a command.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `fn` on every argument (Docker's `rm a b c`): prints each failure as "Error: ..." and goes
 * on; returns 1 if any failed. A daemon that cannot be reached stops the loop (every call would fail).
 */
export async function eachArg(
  ctx: Context,
  args: readonly string[],
  fn: (arg: string) => Promise<void>,
): Promise<number> {
  let failed = false;
  for (const a of args) {
    try {
      await fn(a);
    } catch (e) {
      if (e instanceof UsageError || isSwarmError(e, 'DAEMON_UNREACHABLE')) throw e;
      ctx.err(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

/** Resolves a dotted, case-insensitive path (".Spec.Name", ".ID") in a value, for --format templates. */
function lookup(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const part of path.split('.').filter((p) => p !== '')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    const rec = cur as Record<string, unknown>;
    const key = Object.keys(rec).find((k) => k.toLowerCase() === part.toLowerCase());
    cur = key === undefined ? undefined : rec[key];
  }
  return cur;
}

/** Renders a small subset of Go templates: `{{.Field.Sub}}`, `{{json .}}`, `{{json .Field}}`, `\t`, `\n`. */
export function renderTemplate(template: string, value: unknown): string {
  return template
    .replace(/\{\{\s*(json\s+)?\.([\w.]*)\s*\}\}/g, (_, asJson: string | undefined, path: string) => {
      const v = lookup(value, path);
      if (asJson !== undefined) return JSON.stringify(v ?? null);
      if (v === undefined || v === null) return '<no value>';
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
    })
    .replace(/\\t/g, '\t')
    .replace(/\\n/g, '\n');
}

function isJsonFormat(format: string): boolean {
  return format === 'json' || /^\{\{\s*json\s+\.\s*\}\}$/.test(format);
}

/** Checks a --format value up front, so a typo fails before any call. */
export function checkFormat(format: string | undefined): void {
  if (format === undefined || format === '' || isJsonFormat(format)) return;
  if (!/\{\{/.test(format) || /\{\{(?!\s*(json\s+)?\.[\w.]*\s*\}\})/.test(format)) {
    throw new UsageError(
      `unsupported --format ${JSON.stringify(format)}: use 'json' or fields such as '{{.ID}}\\t{{.Name}}' and '{{json .Spec}}'`,
    );
  }
}

/**
 * Prints `items` as --format asks: JSON (an array for lists, as `isList`), or one template line
 * per item. Returns false when no --format was given (the caller prints its table).
 */
export function printFormatted(ctx: Context, items: readonly unknown[], isList: boolean): boolean {
  const format = ctx.flags.str('format');
  if (format === undefined || format === '') return false;
  checkFormat(format);
  if (isJsonFormat(format)) {
    ctx.out(`${JSON.stringify(isList ? items : items.length === 1 ? items[0] : items, null, 2)}\n`);
  } else {
    for (const item of items) ctx.out(`${renderTemplate(format, item)}\n`);
  }
  return true;
}
