import { checkHistory, checkOperations } from './check-history.js';
import type { CheckOptions, Counterexample, Model, Operation, StepResult } from './model.js';

/** An operation on one key of a key-value store. `null` as `expected` means "the key is absent". */
export type KvInput =
  | { readonly kind: 'put'; readonly key: string; readonly value: string }
  | { readonly kind: 'get'; readonly key: string }
  | { readonly kind: 'delete'; readonly key: string }
  | { readonly kind: 'cas'; readonly key: string; readonly expected: string | null; readonly value: string };

/**
 * What the client observed. A `get` returns `{ value }` (absent, `undefined` or `null` when the key
 * does not exist); a `cas` returns `{ ok }`; `put` and `delete` outputs are not checked.
 */
export type KvOutput = { readonly value?: string | null } | { readonly ok: boolean } | undefined;

/** One key-value operation in a history; `return: Infinity` when the outcome is unknown. */
export type KvOp = Operation<KvInput, KvOutput>;

/** The value of one key: `undefined` while it is absent. */
export type KvState = string | undefined;

const REJECT: StepResult<never> = { ok: false };

/**
 * A linearizable register per key, with put, get, delete and compare-and-set. Partitioned by
 * key: every operation touches one key and keys do not interact, so by the locality of
 * linearizability (Herlihy & Wing, 1990) the history is linearizable exactly when each key's
 * sub-history is, and each key is checked on its own.
 */
export const kvModel: Model<KvState, KvInput, KvOutput> = {
  init: () => undefined,
  step(state, input, output) {
    switch (input.kind) {
      case 'put':
        return { ok: true, state: input.value };
      case 'delete':
        return { ok: true, state: undefined };
      case 'get': {
        if (output === undefined) return { ok: true, state };
        const seen = (output as { value?: string | null }).value ?? undefined;
        return seen === state ? { ok: true, state } : REJECT;
      }
      case 'cas': {
        const matches = state === (input.expected ?? undefined);
        const next = matches ? input.value : state;
        if (output === undefined) return { ok: true, state: next };
        return (output as { ok: boolean }).ok === matches ? { ok: true, state: next } : REJECT;
      }
    }
  },
  hash: (state) => (state === undefined ? 0x5bd1e995 : fnv1a(state)),
  partition: (input) => input.key,
  readOnly: (input) => input.kind === 'get',
  describeOperation(input, output) {
    const key = JSON.stringify(input.key);
    const result = (text: string): string => (output === undefined ? ' -> ?' : ` -> ${text}`);
    switch (input.kind) {
      case 'put':
        return `put(${key}, ${JSON.stringify(input.value)})`;
      case 'delete':
        return `delete(${key})`;
      case 'get':
        return `get(${key})` + result(showValue((output as { value?: string | null } | undefined)?.value));
      case 'cas':
        return (
          `cas(${key}, ${showValue(input.expected)} -> ${JSON.stringify(input.value)})` +
          result((output as { ok: boolean } | undefined)?.ok ? 'ok' : 'failed')
        );
    }
  },
  describeState: (state) => showValue(state),
};

function showValue(value: string | null | undefined): string {
  return value === undefined || value === null ? 'absent' : JSON.stringify(value);
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The verdict of `checkKvHistory`. */
export interface KvCheckResult {
  /** True only when every key was proven linearizable (false on a violation or a timeout). */
  readonly linearizable: boolean;
  /** True when the budget (`timeoutMs`, `maxSteps`) ran out before a verdict. */
  readonly timedOut: boolean;
  /** How many keys were checked (keys touched only by unknown-outcome reads are not). */
  readonly keys: number;
  /** Search steps taken. */
  readonly steps: number;
  /** The first key found not linearizable. */
  readonly failedKey?: string;
  readonly counterexample?: Counterexample<KvInput, KvOutput>;
}

/**
 * Checks a key-value history for linearizability, key by key (see `kvModel`). Operations that
 * definitely failed must be left out; operations whose outcome is unknown stay in with
 * `return: Infinity`.
 */
export function checkKvHistory(history: readonly KvOp[], options: CheckOptions = {}): KvCheckResult {
  checkOperations(history);
  history.forEach(checkKvOperation);
  const r = checkHistory(kvModel, history, options);
  return {
    linearizable: r.linearizable,
    timedOut: r.timedOut,
    keys: r.partitions,
    steps: r.steps,
    ...(r.failedPartition === undefined ? {} : { failedKey: r.failedPartition }),
    ...(r.counterexample === undefined ? {} : { counterexample: r.counterexample }),
  };
}

function checkKvOperation(op: KvOp, i: number): void {
  const input: unknown = op.input;
  if (typeof input !== 'object' || input === null)
    throw new TypeError(`history[${i}].input must be an object`);
  const { kind, key } = input as { kind: unknown; key: unknown };
  if (typeof key !== 'string') throw new TypeError(`history[${i}].input.key must be a string`);
  const value = (input as { value?: unknown }).value;
  switch (kind) {
    case 'get':
    case 'delete':
      break;
    case 'put':
      if (typeof value !== 'string') throw new TypeError(`history[${i}].input.value must be a string`);
      break;
    case 'cas': {
      const expected = (input as { expected?: unknown }).expected;
      if (typeof value !== 'string') throw new TypeError(`history[${i}].input.value must be a string`);
      if (expected !== null && typeof expected !== 'string')
        throw new TypeError(`history[${i}].input.expected must be a string, or null for "absent"`);
      break;
    }
    default:
      throw new TypeError(
        `history[${i}].input.kind must be 'put', 'get', 'delete' or 'cas', got ${JSON.stringify(kind)}`,
      );
  }
  if (op.return === Infinity) return; // unknown outcome: the output is ignored
  const output: unknown = op.output;
  if (kind === 'get') {
    const v = (output as { value?: unknown } | null | undefined)?.value;
    if (
      typeof output !== 'object' ||
      output === null ||
      (v !== undefined && v !== null && typeof v !== 'string')
    )
      throw new TypeError(
        `history[${i}].output of a get must be { value: string } or {} / { value: null } for an absent key`,
      );
  }
  if (kind === 'cas' && typeof (output as { ok?: unknown } | null | undefined)?.ok !== 'boolean')
    throw new TypeError(
      `history[${i}].output of a cas must be { ok: boolean } (or return: Infinity if unknown)`,
    );
}
