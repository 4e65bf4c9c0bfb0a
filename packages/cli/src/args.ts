/**
 * A small pflag-style argument parser: `--flag value`, `--flag=value`, `-f value`, `-fVALUE`,
 * grouped short booleans (`-qa`), repeatable list flags, `--` ending the flags, and optionally
 * non-interspersed parsing (everything after the first positional is positional, as Docker's
 * `service create IMAGE COMMAND ARGS`).
 */
import { UsageError } from './errors.js';

export type FlagKind = 'bool' | 'string' | 'list';

export interface FlagSpec {
  /** Long name without dashes. */
  name: string;
  short?: string;
  kind: FlagKind;
  /** The value's placeholder in help ("string", "duration", ...). */
  value?: string;
  help: string;
}

export interface ParsedArgs {
  /** Values by long name: boolean for bools, the last value for strings, every value for lists. */
  flags: Map<string, string | boolean | string[]>;
  args: string[];
  /** Index in `args` where the arguments after `--` begin (-1 when there was no `--`). */
  dashDashAt: number;
}

function parseBool(text: string, flag: string): boolean {
  const t = text.toLowerCase();
  if (t === 'true' || t === '1' || t === 't') return true;
  if (t === 'false' || t === '0' || t === 'f') return false;
  throw new UsageError(
    `invalid argument ${JSON.stringify(text)} for "--${flag}" flag: expected true or false`,
  );
}

export function parseArgs(
  argv: readonly string[],
  specs: readonly FlagSpec[],
  options: { interspersed?: boolean } = {},
): ParsedArgs {
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short !== undefined).map((s) => [s.short!, s]));
  const flags = new Map<string, string | boolean | string[]>();
  const args: string[] = [];
  let dashDashAt = -1;
  const interspersed = options.interspersed ?? true;

  const set = (spec: FlagSpec, value: string | boolean): void => {
    if (spec.kind === 'list') {
      const prev = flags.get(spec.name);
      flags.set(spec.name, [...(Array.isArray(prev) ? prev : []), String(value)]);
    } else {
      flags.set(spec.name, value);
    }
  };

  let i = 0;
  const takeValue = (shown: string): string => {
    if (i + 1 >= argv.length) throw new UsageError(`flag needs an argument: ${shown}`);
    i++;
    return argv[i]!;
  };

  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      dashDashAt = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = byLong.get(name);
      if (spec === undefined) throw new UsageError(`unknown flag: --${name}`);
      if (spec.kind === 'bool') set(spec, eq < 0 ? true : parseBool(a.slice(eq + 1), name));
      else set(spec, eq < 0 ? takeValue(`--${name}`) : a.slice(eq + 1));
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // Grouped shorthands: booleans until one takes a value, which consumes the rest (or the next arg).
      for (let j = 1; j < a.length; j++) {
        const ch = a[j]!;
        const spec = byShort.get(ch);
        if (spec === undefined) throw new UsageError(`unknown shorthand flag: '${ch}' in ${a}`);
        if (spec.kind === 'bool') {
          if (a[j + 1] === '=') {
            set(spec, parseBool(a.slice(j + 2), spec.name));
            break;
          }
          set(spec, true);
          continue;
        }
        const rest = a.slice(j + 1);
        set(spec, rest !== '' ? (rest.startsWith('=') ? rest.slice(1) : rest) : takeValue(`-${ch}`));
        break;
      }
      continue;
    }
    args.push(a);
    if (!interspersed) {
      // Everything after the first positional is positional; a `--` right after it is the separator.
      let rest = argv.slice(i + 1);
      if (rest[0] === '--') {
        dashDashAt = args.length;
        rest = rest.slice(1);
      }
      args.push(...rest);
      break;
    }
  }
  return { flags, args, dashDashAt };
}

/** Typed accessors over ParsedArgs. */
export class Flags {
  constructor(readonly parsed: ParsedArgs) {}

  has(name: string): boolean {
    return this.parsed.flags.has(name);
  }
  bool(name: string): boolean {
    return this.parsed.flags.get(name) === true;
  }
  /** A bool flag's explicit value, or undefined when absent. */
  optBool(name: string): boolean | undefined {
    const v = this.parsed.flags.get(name);
    return typeof v === 'boolean' ? v : undefined;
  }
  str(name: string): string | undefined {
    const v = this.parsed.flags.get(name);
    return typeof v === 'string' ? v : undefined;
  }
  list(name: string): string[] {
    const v = this.parsed.flags.get(name);
    return Array.isArray(v) ? v : [];
  }
}
