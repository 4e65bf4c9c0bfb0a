import { Bitset } from './bitset.js';
import type { Model, Operation } from './model.js';

/**
 * A search budget: a step count and a deadline, checked together. Once spent, it stays spent, so
 * every partition after the one that ran out gives up at once. A child budget (`limit`) caps one
 * search and charges its steps to its parent as well.
 */
export class Budget {
  steps = 0;
  #spent = false;
  readonly #maxSteps: number;
  readonly #deadline: number;
  readonly #now: (() => number) | undefined;
  readonly #parent: Budget | undefined;

  constructor(maxSteps: number, timeoutMs?: number, now?: () => number, parent?: Budget) {
    this.#maxSteps = maxSteps;
    this.#now = timeoutMs === undefined ? undefined : now;
    this.#deadline = timeoutMs === undefined || now === undefined ? Infinity : now() + timeoutMs;
    this.#parent = parent;
  }

  get spent(): boolean {
    return this.#spent || (this.#parent?.spent ?? false);
  }

  /** A budget of at most `maxSteps` steps that also spends this one. */
  limit(maxSteps: number): Budget {
    return new Budget(maxSteps, undefined, undefined, this);
  }

  /** Counts one step; false once the budget is spent. The clock is read every 1024 steps. */
  tick(): boolean {
    if (this.#spent) return false;
    this.steps++;
    if (this.steps > this.#maxSteps || (this.#parent !== undefined && !this.#parent.tick()))
      this.#spent = true;
    else if (this.#now !== undefined && (this.steps & 1023) === 0 && this.#now() >= this.#deadline)
      this.#spent = true;
    return !this.#spent;
  }
}

/** Where the deepest dead end of a failed search was: what the diagnosis is built from. */
export interface DeadEnd {
  /** History indexes of the longest linearized prefix, in linearization order. */
  readonly prefix: readonly number[];
  /** History index of the operation whose return was reached unlinearized (absent: none left). */
  readonly blocked: number | undefined;
  /** History indexes of the operations that were eligible to come next. */
  readonly candidates: readonly number[];
}

export type SearchOutcome = { kind: 'ok' } | { kind: 'budget' } | { kind: 'illegal'; deadEnd: DeadEnd };

interface CacheEntry<State> {
  readonly state: State;
  readonly known: Uint32Array;
  readonly unknown: Uint32Array;
}

/**
 * Wing & Gong's linearizability search with Lowe's memoization, as in porcupine.
 *
 * The history becomes a doubly linked list of call and return events in time order. The search
 * walks the list from the front: a call event is a candidate to linearize next; if the model
 * accepts it, the operation (its call and its return) is lifted out of the list and the walk
 * restarts. Reaching a return event means the operation that returned there cannot be placed
 * after the current prefix, so the search backtracks: it restores the last lifted operation and
 * tries the candidate after it. The cache remembers every (set of linearized operations, model
 * state) pair already explored, because two prefixes that linearize the same operations and reach
 * the same state have the same future; this is what keeps the search near linear on real
 * histories.
 *
 * Operations with an unknown outcome have no return event: nothing forces them into the prefix,
 * and the search succeeds once every operation with a known outcome is linearized. Left as they
 * are, they make a failing search exponential (each can be in or out of every prefix), so three
 * refinements make them cheaper (not cheap: many of them on one key still cost a lot). The cache prunes by dominance: a node is skipped when a cached node
 * has the same known operations linearized, the same state, and a subset of its unknown ones,
 * because leaving an unknown operation out is always allowed, so the smaller node has every
 * future the larger one has. The walk tries operations with a known outcome before unknown
 * ones, so the smaller nodes tend to be explored first. And after an unknown operation u, an
 * unknown w is skipped when w alone, from the state before u, reaches the same state: that node
 * is dominated by one the parent explores (this is what makes overwritten writes cheap).
 *
 * `indexes` selects the operations of one partition from `history`.
 */
export function searchPartition<State, Input, Output>(
  model: Model<State, Input, Output>,
  history: readonly Operation<Input, Output>[],
  indexes: readonly number[],
  budget: Budget,
): SearchOutcome {
  const m = indexes.length;
  // Events: call of op j is 2j, return is 2j+1. Sort by time; at equal times calls go first, so
  // operations that touch at one moment count as concurrent. Each op also gets a slot in the
  // bitset of its kind (known outcome or unknown).
  const events: number[] = [];
  const slot = new Int32Array(m);
  let known = 0;
  let unknown = 0;
  for (let j = 0; j < m; j++) {
    events.push(2 * j);
    if (history[indexes[j]!]!.return !== Infinity) {
      events.push(2 * j + 1);
      slot[j] = known++;
    } else {
      slot[j] = unknown++;
    }
  }
  const timeOf = (e: number): number => {
    const op = history[indexes[e >> 1]!]!;
    return e & 1 ? op.return : op.call;
  };
  events.sort((a, b) => timeOf(a) - timeOf(b) || (a & 1) - (b & 1) || a - b);

  // The linked list over nodes 1..E (node 0 is the head); -1 ends it.
  const size = events.length + 1;
  const next = new Int32Array(size);
  const prev = new Int32Array(size);
  const nodeOp = new Int32Array(size);
  const isCall = new Uint8Array(size);
  const match = new Int32Array(size).fill(-1);
  const callNodeOf = new Int32Array(m);
  for (let k = 0; k < events.length; k++) {
    const node = k + 1;
    const e = events[k]!;
    nodeOp[node] = e >> 1;
    prev[node] = node - 1;
    next[node] = node + 1 < size ? node + 1 : -1;
    if ((e & 1) === 0) {
      isCall[node] = 1;
      callNodeOf[e >> 1] = node;
    } else {
      match[callNodeOf[e >> 1]!] = node;
    }
  }
  next[0] = size > 1 ? 1 : -1;

  const unlink = (node: number): void => {
    next[prev[node]!] = next[node]!;
    if (next[node] !== -1) prev[next[node]!] = prev[node]!;
  };
  const relink = (node: number): void => {
    next[prev[node]!] = node;
    if (next[node] !== -1) prev[next[node]!] = node;
  };
  const lift = (call: number): void => {
    unlink(call);
    if (match[call] !== -1) unlink(match[call]!);
  };
  const unlift = (call: number): void => {
    if (match[call] !== -1) relink(match[call]!);
    relink(call);
  };

  const equal = model.equal ?? Object.is;
  const hashState = model.hash;
  const cache = new Map<number, CacheEntry<State>[]>();
  const linKnown = new Bitset(known);
  const linUnknown = new Bitset(unknown);
  const mark = (j: number, on: boolean): void => {
    const set = match[callNodeOf[j]!] === -1 ? linUnknown : linKnown;
    if (on) set.set(slot[j]!);
    else set.clear(slot[j]!);
  };
  /** Adds the current node to the cache; false when it or a node that dominates it is there. */
  const remember = (state: State): boolean => {
    const h =
      hashState === undefined
        ? linKnown.hash
        : (linKnown.hash ^ Math.imul(hashState(state) | 0, 0x27d4eb2d)) >>> 0;
    let bucket = cache.get(h);
    if (bucket === undefined) {
      bucket = [];
      cache.set(h, bucket);
    }
    for (const entry of bucket)
      if (equal(entry.state, state) && linKnown.equals(entry.known) && linUnknown.includes(entry.unknown))
        return false;
    bucket.push({ state, known: linKnown.snapshot(), unknown: linUnknown.snapshot() });
    return true;
  };

  const stackNode: number[] = [];
  const stackState: State[] = [];
  let state = model.init();
  remember(state);
  let remaining = known;
  // The walk makes two passes over the candidates of a node: first the calls with a known
  // outcome, then (`unknownPass`) the calls with an unknown one.
  let unknownPass = false;
  let entry = next[0]!;
  let deadEnd: DeadEnd | undefined;
  let deepest = -1;

  while (remaining > 0) {
    if (!budget.tick()) return { kind: 'budget' };
    if (entry === -1 || isCall[entry] === 0) {
      if (!unknownPass) {
        unknownPass = true;
        entry = next[0]!;
        continue;
      }
      // Stuck: the operation returning at `entry` cannot follow the current prefix.
      if (stackNode.length > deepest) {
        deepest = stackNode.length;
        const candidates: number[] = [];
        for (let n = next[0]!; n !== entry && n !== -1; n = next[n]!)
          if (isCall[n]) candidates.push(indexes[nodeOp[n]!]!);
        deadEnd = {
          prefix: stackNode.map((n) => indexes[nodeOp[n]!]!),
          blocked: entry === -1 ? undefined : indexes[nodeOp[entry]!]!,
          candidates,
        };
      }
      const top = stackNode.pop();
      if (top === undefined) return { kind: 'illegal', deadEnd: deadEnd! };
      state = stackState.pop()!;
      mark(nodeOp[top]!, false);
      unknownPass = match[top] === -1;
      if (!unknownPass) remaining++;
      unlift(top);
      entry = next[top]!;
      continue;
    }
    if ((match[entry] === -1) !== unknownPass) {
      entry = next[entry]!;
      continue;
    }
    const j = nodeOp[entry]!;
    const op = history[indexes[j]!]!;
    const result = model.step(state, op.input, unknownPass ? undefined : op.output);
    if (result.ok && unknownPass && stackNode.length > 0 && match[stackNode[stackNode.length - 1]!] === -1) {
      // This node was reached by an unknown op u from its parent P. If this unknown op w leads to
      // the same state straight from P (a write that overwrites u), then P + w has the same
      // future with fewer unknown ops, and P tries w itself: skip w here.
      const direct = model.step(stackState[stackState.length - 1]!, op.input, undefined);
      if (direct.ok && equal(direct.state, result.state)) {
        entry = next[entry]!;
        continue;
      }
    }
    if (result.ok) {
      mark(j, true);
      if (remember(result.state)) {
        stackNode.push(entry);
        stackState.push(state);
        state = result.state;
        lift(entry);
        if (!unknownPass) remaining--;
        unknownPass = false;
        entry = next[0]!;
        continue;
      }
      mark(j, false);
    }
    entry = next[entry]!;
  }
  return { kind: 'ok' };
}
