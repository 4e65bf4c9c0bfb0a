/**
 * The base of every error the swarm packages throw on purpose. Callers branch on `code`, a stable
 * string that never changes between releases; `details` carries the facts (IDs, limits, indexes) so
 * that an error survives crossing a process boundary as JSON and is rebuilt with `fromJSON`.
 */
export class SwarmError<Code extends string = string> extends Error {
  override readonly name: string = 'SwarmError';
  readonly code: Code;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: Code,
    message: string,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(code)) {
      throw new TypeError(`SwarmError code must be UPPER_SNAKE_CASE, got ${JSON.stringify(code)}`);
    }
    this.code = code;
    this.details = Object.freeze({ ...details });
  }

  /** A plain object that crosses a process boundary: `{ name, code, message, details }`. */
  toJSON(): SwarmErrorJSON {
    return { name: this.name, code: this.code, message: this.message, details: { ...this.details } };
  }

  /** Rebuilds an error sent as JSON. Anything not shaped like `toJSON()` output is a `TypeError`. */
  static fromJSON(value: unknown): SwarmError {
    if (
      typeof value !== 'object' ||
      value === null ||
      typeof (value as SwarmErrorJSON).code !== 'string' ||
      typeof (value as SwarmErrorJSON).message !== 'string'
    ) {
      throw new TypeError('SwarmError.fromJSON: expected an object with string `code` and `message`');
    }
    const v = value as SwarmErrorJSON;
    const details = typeof v.details === 'object' && v.details !== null ? v.details : {};
    const err = new SwarmError(v.code, v.message, details);
    if (typeof v.name === 'string') Object.defineProperty(err, 'name', { value: v.name });
    return err;
  }
}

/** A SwarmError as plain JSON (`toJSON()`), to cross a process boundary and come back with `SwarmError.fromJSON`. */
export interface SwarmErrorJSON {
  name: string;
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/** True when `err` is a SwarmError (from any copy of this package), optionally with the given code. */
export function isSwarmError(err: unknown, code?: string): err is SwarmError {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; details?: unknown };
  if (
    !(err instanceof SwarmError) &&
    !(err instanceof Error && typeof e.code === 'string' && 'details' in e)
  ) {
    return false;
  }
  return code === undefined || e.code === code;
}
