/**
 * One completed (or possibly completed) call on a shared object, as a client saw it.
 *
 * `call` and `return` are moments on one timeline (milliseconds, or event positions from a
 * `HistoryRecorder`). An operation precedes another only when its `return` is strictly less than
 * the other's `call`; equal moments count as concurrent, so a coarse clock never makes the checker
 * report a violation that did not happen. `return: Infinity` says the outcome is unknown (the
 * client timed out or lost the connection): the operation may have taken effect at any moment
 * after its call, or never, and its `output` is ignored. An operation with a known outcome but no
 * `output` is passed to the model with `undefined` too, so its output goes unchecked.
 */
export interface Operation<Input, Output> {
  readonly clientId?: number | string;
  readonly call: number;
  readonly return: number;
  readonly input: Input;
  readonly output?: Output;
}

/** What a sequential specification says about one step: allowed (with the next state) or not. */
export type StepResult<State> = { readonly ok: true; readonly state: State } | { readonly ok: false };

/**
 * A sequential specification of the object under test, in the style of porcupine's models.
 * It must be pure: the checker calls `step` many times from the same state while it backtracks.
 */
export interface Model<State, Input, Output> {
  /** The state before any operation. */
  init(): State;
  /**
   * Applies one operation to `state`. `output` is what the client observed, or `undefined` when
   * the outcome is unknown (`return: Infinity`); then any output must be accepted and only the
   * effect on the state matters.
   */
  step(state: State, input: Input, output: Output | undefined): StepResult<State>;
  /** State equality for the search cache. Defaults to `Object.is`; give one for object states. */
  equal?(a: State, b: State): boolean;
  /** A hash of the state, consistent with `equal`. Defaults to 0 (correct, only slower). */
  hash?(state: State): number;
  /**
   * Splits the history into independent objects checked one by one (for a key-value store, the
   * key). Only sound when the objects are independent: every operation touches exactly one.
   * Without it, the whole history is one partition named `''`.
   */
  partition?(input: Input): string;
  /**
   * True for an operation that never changes the state (a read). Optional; when given, reads
   * with an unknown outcome are left out of the search, where they would only cost time.
   */
  readOnly?(input: Input): boolean;
  /** Human text for one operation in counterexamples, such as `get("a") -> "1"`. */
  describeOperation?(input: Input, output: Output | undefined): string;
  /** Human text for a state in counterexamples. */
  describeState?(state: State): string;
}

/** Options of `checkHistory` and `checkKvHistory`. */
export interface CheckOptions {
  /** Give up after this many milliseconds of searching (measured with `clock`). Default: no limit. */
  readonly timeoutMs?: number;
  /** The time source for `timeoutMs`. Default: `systemClock` from `@swarm/api`. */
  readonly clock?: {
    /** Milliseconds now. */
    now(): number;
  };
  /** Give up after this many search steps over all partitions; deterministic. Default: no limit. */
  readonly maxSteps?: number;
  /** Shrink the failing partition to a small history that is still not linearizable. Default: true. */
  readonly minimize?: boolean;
}

/** One operation of the longest linearizable prefix the search found. */
export interface LinearizedStep<Input, Output> {
  /** Position of the operation in the history passed to the checker. */
  readonly index: number;
  readonly operation: Operation<Input, Output>;
  /** The model state after the operation, as `describeState` prints it. */
  readonly stateAfter: string;
}

/** An operation that could have come next after the prefix, and why it did not fit. */
export interface RejectedCandidate<Input, Output> {
  readonly index: number;
  readonly operation: Operation<Input, Output>;
  /** `'rejected by the model'` (its output contradicts the state) or `'leads only to dead ends'`. */
  readonly reason: string;
}

/** Why a partition is not linearizable, in terms a reader can follow. */
export interface Counterexample<Input, Output> {
  readonly partition: string;
  /** The longest sequence of operations the search could linearize, in linearization order. */
  readonly prefix: readonly LinearizedStep<Input, Output>[];
  /** The operation that had returned but could not be placed after that prefix. */
  readonly blocked?: { readonly index: number; readonly operation: Operation<Input, Output> };
  /** The operations that were eligible right after the prefix, each with why it did not fit. */
  readonly candidates: readonly RejectedCandidate<Input, Output>[];
  /**
   * A small sub-history of the partition that is not linearizable on its own. Every operation in
   * it is needed: turn any one into an unknown-outcome operation (or, for most, drop it) and the
   * rest is linearizable, unless the shrinking budget ran out first. Indexes point into the
   * history passed to the checker, in call order.
   */
  readonly minimal: readonly number[];
  /**
   * The operations of `minimal` whose output and return time do not matter, only their possible
   * effect (such as the write a stale read needs as context).
   */
  readonly context: readonly number[];
  /** A few lines of text that explain the violation, for a test failure message. */
  readonly explanation: string;
}

/** The verdict of a check. */
export interface CheckResult<Input, Output> {
  /**
   * True only when every partition was proven linearizable. False when a violation was found, and
   * also when the budget ran out first (`timedOut: true`): a check that gave up never passes.
   */
  readonly linearizable: boolean;
  /** True when `timeoutMs` or `maxSteps` ran out before a verdict. */
  readonly timedOut: boolean;
  /** How many partitions (keys) were checked; unknown-outcome reads alone do not make one. */
  readonly partitions: number;
  /** Search steps taken (one step = one attempt to linearize an operation). */
  readonly steps: number;
  /** The first partition found not linearizable. */
  readonly failedPartition?: string;
  readonly counterexample?: Counterexample<Input, Output>;
}
