import { systemClock } from '@swarm/api';
import { LinearizabilityError } from './errors.js';
import type {
  CheckOptions,
  CheckResult,
  Counterexample,
  LinearizedStep,
  Model,
  Operation,
  RejectedCandidate,
} from './model.js';
import { Budget, type DeadEnd, searchPartition } from './search.js';

/** Steps the shrinking of a counterexample may take at most, on top of the search itself. */
const MINIMIZE_MAX_STEPS = 500_000;
/** Steps for the check that the blocked operation is wrong on its own (see `shrink`). */
const PHASE_ZERO_STEPS = 200_000;

/**
 * Checks that a concurrent history is linearizable with respect to a sequential `model`: that
 * there is one order of the operations that respects real time (an operation that returned before
 * another was called comes first) and in which every operation's output is what the model
 * produces. Partitions (see `Model.partition`) are checked one by one, in order of first
 * appearance, and the check stops at the first one that is not linearizable.
 *
 * Pure and synchronous; the only outside input is the clock read for `timeoutMs`.
 */
export function checkHistory<State, Input, Output>(
  model: Model<State, Input, Output>,
  history: readonly Operation<Input, Output>[],
  options: CheckOptions = {},
): CheckResult<Input, Output> {
  checkModel(model);
  checkOperations(history);
  checkOptions(options);
  const clock = options.clock ?? systemClock;
  const budget = new Budget(options.maxSteps ?? Infinity, options.timeoutMs, () => clock.now());

  const partitions = new Map<string, number[]>();
  for (let i = 0; i < history.length; i++) {
    // An unknown-outcome operation that cannot change the state constrains nothing: leave it out.
    if (history[i]!.return === Infinity && model.readOnly?.(history[i]!.input) === true) continue;
    const name = model.partition === undefined ? '' : model.partition(history[i]!.input);
    const list = partitions.get(name);
    if (list === undefined) partitions.set(name, [i]);
    else list.push(i);
  }

  for (const [name, indexes] of partitions) {
    const outcome = searchPartition(model, history, indexes, budget);
    if (outcome.kind === 'budget')
      return { linearizable: false, timedOut: true, partitions: partitions.size, steps: budget.steps };
    if (outcome.kind === 'illegal') {
      const searchSteps = budget.steps;
      const counterexample = explain(
        model,
        history,
        name,
        indexes,
        outcome.deadEnd,
        options,
        budget,
        searchSteps,
      );
      return {
        linearizable: false,
        timedOut: false,
        partitions: partitions.size,
        steps: searchSteps,
        failedPartition: name,
        counterexample,
      };
    }
  }
  return { linearizable: true, timedOut: false, partitions: partitions.size, steps: budget.steps };
}

function explain<State, Input, Output>(
  model: Model<State, Input, Output>,
  history: readonly Operation<Input, Output>[],
  partition: string,
  indexes: readonly number[],
  deadEnd: DeadEnd,
  options: CheckOptions,
  budget: Budget,
  searchSteps: number,
): Counterexample<Input, Output> {
  const describeState = (s: State): string => (model.describeState ?? defaultDescribe)(s);
  const known = (i: number): Output | undefined =>
    history[i]!.return === Infinity ? undefined : history[i]!.output;

  // Replay the prefix to recover the state after each step (the model is pure).
  const prefix: LinearizedStep<Input, Output>[] = [];
  let state = model.init();
  for (const index of deadEnd.prefix) {
    const result = model.step(state, history[index]!.input, known(index));
    if (!result.ok)
      throw new LinearizabilityError(
        'MODEL_NOT_DETERMINISTIC',
        `model.step rejected history[${index}] on replay after accepting it in the search; make step a pure function of (state, input, output)`,
        { index },
      );
    state = result.state;
    prefix.push({ index, operation: history[index]!, stateAfter: describeState(state) });
  }
  const candidates: RejectedCandidate<Input, Output>[] = deadEnd.candidates.map((index) => ({
    index,
    operation: history[index]!,
    reason: model.step(state, history[index]!.input, known(index)).ok
      ? 'leads only to dead ends'
      : 'rejected by the model',
  }));

  let minimal = [...indexes];
  let context: number[] = [];
  if (options.minimize !== false) {
    const blockedReturn = deadEnd.blocked === undefined ? Infinity : history[deadEnd.blocked]!.return;
    ({ minimal, context } = shrink(
      model,
      history,
      indexes,
      blockedReturn,
      budget.limit(MINIMIZE_MAX_STEPS),
      searchSteps,
    ));
  }

  const blocked =
    deadEnd.blocked === undefined
      ? undefined
      : { index: deadEnd.blocked, operation: history[deadEnd.blocked]! };
  const describeOp = (i: number): string => describeOperation(model, history, i);
  const lines = [
    `partition ${JSON.stringify(partition)} is not linearizable.`,
    `The longest linearizable prefix has ${prefix.length} operation(s)` +
      (prefix.length > 0 ? `, ending in state ${prefix[prefix.length - 1]!.stateAfter}:` : '.'),
    ...prefix.slice(-8).map((s) => `  ${describeOp(s.index)}  => ${s.stateAfter}`),
  ];
  if (prefix.length > 8) lines.splice(2, 0, `  ... (${prefix.length - 8} earlier operation(s))`);
  if (blocked !== undefined)
    lines.push(`Then ${describeOp(blocked.index)} returned, but nothing fits after the prefix:`);
  for (const c of candidates)
    lines.push(`  next ${describeOp(c.index)}: ${c.reason} in state ${describeState(state)}`);
  lines.push(`A ${minimal.length}-operation history that is not linearizable on its own:`);
  const irrelevant = new Set(context);
  for (const i of minimal.slice(0, 20))
    lines.push(`  ${describeOp(i)}${irrelevant.has(i) ? '  (only its possible effect matters)' : ''}`);
  if (minimal.length > 20) lines.push(`  ... (${minimal.length - 20} more)`);
  return {
    partition,
    prefix,
    ...(blocked === undefined ? {} : { blocked }),
    candidates,
    minimal,
    context,
    explanation: lines.join('\n'),
  };
}

/**
 * Shrinks a non-linearizable partition in the manner of delta debugging, in three passes.
 *
 * 1. Drop every operation called after the blocked operation returned. Then, when the blocked
 *    operation is wrong whatever the others did, it alone is the answer.
 * 2. Relax chunks of operations (halves, quarters, ..., single ones): a relaxed operation keeps
 *    its possible effect but loses its return time and output, as if its outcome were unknown.
 *    A chunk stays relaxed only when the history is still proven not linearizable. Relaxing
 *    rather than deleting keeps the write a stale read needs as context: deleting it would leave
 *    a read of a value nobody wrote, not linearizable for a different reason.
 * 3. Drop relaxed operations, one chunk at a time, while the history stays not linearizable and
 *    the search still linearizes as many unrelaxed operations before it gets stuck (so a dropped
 *    write does not turn the violation into "a read of a value nobody wrote").
 *
 * The result, with every operation as recorded, is not linearizable (restoring outputs and
 * return times only removes linearizations). Each search is capped and a capped search counts as
 * "linearizable", so the result is always verified, only possibly larger than needed.
 */
function shrink<State, Input, Output>(
  model: Model<State, Input, Output>,
  history: readonly Operation<Input, Output>[],
  indexes: readonly number[],
  blockedReturn: number,
  budget: Budget,
  searchSteps: number,
): { minimal: number[]; context: number[] } {
  const perCheck = Math.max(5_000, 2 * searchSteps);
  let current = [...indexes];
  const relaxed = new Set<number>(current.filter((i) => history[i]!.return === Infinity));
  /** Searches `subset` with `relaxed` (plus `extra`) as unknown outcomes; the dead end if illegal. */
  const search = (
    subset: readonly number[],
    extra: ReadonlySet<number> = new Set(),
    limit = perCheck,
  ): DeadEnd | undefined => {
    if (budget.spent) return undefined;
    const ops: Operation<Input, Output>[] = [];
    const origin: number[] = [];
    for (const i of subset) {
      const op = history[i]!;
      const loose = relaxed.has(i) || extra.has(i);
      if (loose && model.readOnly?.(op.input) === true) continue;
      ops.push(loose ? { ...op, return: Infinity } : op);
      origin.push(i);
    }
    const outcome = searchPartition(
      model,
      ops,
      ops.map((_, k) => k),
      budget.limit(limit),
    );
    if (outcome.kind !== 'illegal') return undefined;
    const d = outcome.deadEnd;
    return { prefix: d.prefix.map((k) => origin[k]!), blocked: undefined, candidates: [] };
  };
  const strictInPrefix = (d: DeadEnd): number => d.prefix.filter((i) => !relaxed.has(i)).length;

  const truncated = current.filter((i) => history[i]!.call <= blockedReturn);
  if (truncated.length < current.length && search(truncated) !== undefined) current = truncated;

  // An operation that is wrong whatever the others did (a read of a value nobody wrote) is the
  // whole story: try the blocked operation with every other one relaxed. This search has many
  // unknown outcomes, so it gets a larger share of the budget.
  for (const i of current) {
    if (history[i]!.return !== blockedReturn) continue;
    const others = new Set(current.filter((k) => k !== i));
    if (search(current, others, PHASE_ZERO_STEPS) !== undefined && search([i]) !== undefined)
      return { minimal: [i], context: [] };
  }

  for (let chunk = Math.max(1, current.length >> 1); !budget.spent; chunk = Math.max(1, chunk >> 1)) {
    let changed = false;
    for (let start = 0; start < current.length && !budget.spent; start += chunk) {
      const extra = new Set(current.slice(start, start + chunk).filter((i) => !relaxed.has(i)));
      if (extra.size === 0 || search(current, extra) === undefined) continue;
      for (const i of extra) relaxed.add(i);
      changed = true;
    }
    if (chunk === 1 && !changed) break;
  }

  const baseline = search(current);
  if (baseline !== undefined) {
    let need = strictInPrefix(baseline);
    for (let chunk = Math.max(1, relaxed.size >> 1); !budget.spent; chunk = Math.max(1, chunk >> 1)) {
      let changed = false;
      for (let start = 0; !budget.spent; ) {
        const loose = current.filter((i) => relaxed.has(i));
        if (start >= loose.length) break;
        const drop = new Set(loose.slice(start, start + chunk));
        const d = search(current.filter((i) => !drop.has(i)));
        if (d !== undefined && strictInPrefix(d) >= need) {
          current = current.filter((i) => !drop.has(i));
          need = strictInPrefix(d);
          changed = true;
        } else {
          start += chunk;
        }
      }
      if (chunk === 1 && !changed) break;
    }
  }
  const context = current.filter((i) => relaxed.has(i));
  // Every step above kept `current` proven not linearizable with some operations relaxed, so it is
  // not linearizable as recorded either, for a model that honours the `undefined` output contract.
  // Check it when the budget allows, and fall back to the whole partition if the model does not.
  const final = searchPartition(model, history, current, budget.limit(perCheck));
  return final.kind === 'ok' ? { minimal: [...indexes], context: [] } : { minimal: current, context };
}

/** `[client 1] put("a", "1") [0, 10]`, with `?` for an unknown outcome. */
export function describeOperation<State, Input, Output>(
  model: Model<State, Input, Output>,
  history: readonly Operation<Input, Output>[],
  index: number,
): string {
  const op = history[index]!;
  const unknown = op.return === Infinity;
  const text =
    model.describeOperation === undefined
      ? `${defaultDescribe(op.input)} -> ${unknown ? '?' : defaultDescribe(op.output)}`
      : model.describeOperation(op.input, unknown ? undefined : op.output);
  const client = op.clientId === undefined ? '' : `[client ${op.clientId}] `;
  return `#${index} ${client}${text} [${op.call}, ${unknown ? 'unknown' : op.return}]`;
}

function defaultDescribe(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function checkModel(model: unknown): void {
  if (typeof model !== 'object' || model === null) throw new TypeError('model must be an object');
  const m = model as Record<string, unknown>;
  for (const name of ['init', 'step'])
    if (typeof m[name] !== 'function') throw new TypeError(`model.${name} must be a function`);
  for (const name of ['equal', 'hash', 'partition', 'readOnly', 'describeOperation', 'describeState'])
    if (m[name] !== undefined && typeof m[name] !== 'function')
      throw new TypeError(`model.${name} must be a function when given`);
}

/** Throws a TypeError or RangeError naming the first malformed operation. */
export function checkOperations(history: unknown): void {
  if (!Array.isArray(history)) throw new TypeError('history must be an array of operations');
  for (let i = 0; i < history.length; i++) {
    const op: unknown = history[i];
    if (typeof op !== 'object' || op === null)
      throw new TypeError(`history[${i}] must be an operation object`);
    const { call, return: ret } = op as { call: unknown; return: unknown };
    if (typeof call !== 'number' || !Number.isFinite(call))
      throw new RangeError(`history[${i}].call must be a finite number, got ${String(call)}`);
    if (typeof ret !== 'number' || Number.isNaN(ret) || ret === -Infinity)
      throw new RangeError(
        `history[${i}].return must be a number (Infinity when the outcome is unknown), got ${String(ret)}`,
      );
    if (ret < call)
      throw new RangeError(
        `history[${i}].return (${ret}) is before its call (${call}); swap or fix the times`,
      );
  }
}

function checkOptions(options: CheckOptions): void {
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
  const { timeoutMs, maxSteps, clock, minimize } = options;
  if (timeoutMs !== undefined && (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs) || timeoutMs < 0))
    throw new RangeError(`options.timeoutMs must be a number >= 0, got ${String(timeoutMs)}`);
  if (
    maxSteps !== undefined &&
    (typeof maxSteps !== 'number' ||
      maxSteps < 0 ||
      (!Number.isSafeInteger(maxSteps) && maxSteps !== Infinity))
  )
    throw new RangeError(`options.maxSteps must be an integer >= 0, got ${String(maxSteps)}`);
  if (clock !== undefined && typeof clock?.now !== 'function')
    throw new TypeError('options.clock must have a now() method');
  if (minimize !== undefined && typeof minimize !== 'boolean')
    throw new TypeError(`options.minimize must be a boolean, got ${String(minimize)}`);
}
