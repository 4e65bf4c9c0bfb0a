/** Structured fields attached to a log line. Never put secret material in them. */
export type LogFields = Record<string, unknown>;

/** Severity of a log line, lowest first. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * Logging as a seam: components take a Logger (no global logger), so embedders route lines to
 * their own system and tests capture them (`MemoryLogger`) to assert that nothing secret is logged.
 */
export interface Logger {
  /** Logs `msg` with `fields` at debug level. */
  debug(msg: string, fields?: LogFields): void;
  /** Logs `msg` with `fields` at info level. */
  info(msg: string, fields?: LogFields): void;
  /** Logs `msg` with `fields` at warn level. */
  warn(msg: string, fields?: LogFields): void;
  /** Logs `msg` with `fields` at error level. */
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `bindings` to every line. */
  child(bindings: LogFields): Logger;
}

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** A logger that drops every line. */
export const noopLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => noopLogger,
};

/** One line recorded by a MemoryLogger. */
export interface LogEntry {
  level: LogLevel;
  msg: string;
  fields: LogFields;
}

/** A logger that keeps every line in `entries`, for tests. */
export class MemoryLogger implements Logger {
  readonly entries: LogEntry[];
  readonly #bindings: LogFields;

  constructor(entries: LogEntry[] = [], bindings: LogFields = {}) {
    this.entries = entries;
    this.#bindings = bindings;
  }

  /** Records a debug line. */
  debug(msg: string, fields?: LogFields): void {
    this.#log('debug', msg, fields);
  }
  /** Records an info line. */
  info(msg: string, fields?: LogFields): void {
    this.#log('info', msg, fields);
  }
  /** Records a warn line. */
  warn(msg: string, fields?: LogFields): void {
    this.#log('warn', msg, fields);
  }
  /** Records an error line. */
  error(msg: string, fields?: LogFields): void {
    this.#log('error', msg, fields);
  }
  child(bindings: LogFields): Logger {
    return new MemoryLogger(this.entries, { ...this.#bindings, ...bindings });
  }

  /** Every line as text (level, message and fields as JSON), for scanning. */
  text(): string {
    return this.entries.map((e) => `${e.level} ${e.msg} ${safeJson(e.fields)}`).join('\n');
  }

  #log(level: LogLevel, msg: string, fields?: LogFields): void {
    this.entries.push({ level, msg, fields: { ...this.#bindings, ...fields } });
  }
}

/**
 * A logger that writes one JSON object per line to a stream (stderr by default), dropping lines
 * below `level`.
 */
export function jsonLogger(
  options: {
    level?: LogLevel;
    write?: (line: string) => void;
    bindings?: LogFields;
    now?: () => number;
  } = {},
): Logger {
  const min = LEVELS.indexOf(options.level ?? 'info');
  const write = options.write ?? stderrWrite;
  const now = options.now ?? Date.now;
  const make = (bindings: LogFields): Logger => {
    const log = (level: LogLevel) => (msg: string, fields?: LogFields) => {
      if (LEVELS.indexOf(level) < min) return;
      write(`${safeJson({ time: new Date(now()).toISOString(), level, msg, ...bindings, ...fields })}\n`);
    };
    return {
      debug: log('debug'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      child: (more) => make({ ...bindings, ...more }),
    };
  };
  return make(options.bindings ?? {});
}

function safeJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (v instanceof Error) return { name: v.name, message: v.message, ...(v as object) };
    return v;
  });
}

/** stderr where there is one (Node.js); the console elsewhere (a browser, a worker). */
function stderrWrite(line: string): void {
  const stderr = (globalThis as { process?: { stderr?: { write(s: string): unknown } } }).process?.stderr;
  if (stderr) stderr.write(line);
  else console.error(line.replace(/\n$/, ''));
}
