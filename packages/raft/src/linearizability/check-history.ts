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
const MINIMIZE_MAX_STEPS = 2_000_000;

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
      const counterexample = explain(model, history, name, indexes, outcome.deadEnd, options, budget);
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
  if (options.minimize !== false) {
    const blockedReturn = deadEnd.blocked === undefined ? Infinity : history[deadEnd.blocked]!.return;
    minimal = shrink(model, history, minimal, blockedReturn, subBudget(budget, options));
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
  for (const i of minimal.slice(0, 20)) lines.push(`  ${describeOp(i)}`);
  if (minimal.length > 20) lines.push(`  ... (${minimal.length - 20} more)`);
  return {
    partition,
    prefix,
    ...(blocked === undefined ? {} : { blocked }),
    candidates,
    minimal,
    explanation: lines.join('\n'),
  };
}

/** A budget for shrinking: what is left of the caller's, capped by MINIMIZE_MAX_STEPS. */
function subBudget(budget: Budget, options: CheckOptions): Budget {
  if (budget.spent) return new Budget(0, undefined, undefined);
  const left = (options.maxSteps ?? Infinity) - budget.steps;
  const clock = options.clock ?? systemClock;
  return new Budget(Math.min(left, MINIMIZE_MAX_STEPS), options.timeoutMs, () => clock.now());
}

/**
 * Shrinks a non-linearizable sub-history in the manner of delta debugging: first drop everything
 * called after the blocked operation returned, then try to drop chunks of operations (halves,
 * quarters, ..., single operations), keeping a removal only when the rest is still proven not
 * linearizable. Every intermediate result is verified, so running out of budget leaves a correct,
 * if larger, counterexample; with budget to spare the result is 1-minimal.
 */
function shrink<State, Input, Output>(
  model: Model<State, Input, Output>,
  history: readonly Operation<Input, Output>[],
  indexes: number[],
  blockedReturn: number,
  budget: Budget,
): number[] {
  const illegal = (subset: readonly number[]): boolean =>
    searchPartition(model, history, subset, budget).kind === 'illegal';
  let current = indexes;
  const truncated = current.filter((i) => history[i]!.call <= blockedReturn);
  if (truncated.length < current.length && illegal(truncated)) current = truncated;
  for (let chunk = Math.max(1, current.length >> 1); !budget.spent; chunk = Math.max(1, chunk >> 1)) {
    let removedAny = false;
    for (let start = 0; start < current.length && !budget.spent; ) {
      const without = current.slice(0, start).concat(current.slice(start + chunk));
      if (without.length > 0 && illegal(without)) {
        current = without;
        removedAny = true;
      } else {
        start += chunk;
      }
    }
    if (chunk === 1 && !removedAny) break;
  }
  return current;
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
