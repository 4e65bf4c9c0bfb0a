import type { Clock } from '@swarm/api';
import { LinearizabilityError } from './errors.js';
import type { KvInput, KvOutput } from './kv-model.js';
import type { Operation } from './model.js';

/** An operation as the recorder keeps it: event positions for ordering, clock times for reading. */
export interface RecordedOperation<Input, Output> extends Operation<Input, Output> {
  /** `clock.now()` at the call. */
  readonly callMs: number;
  /** `clock.now()` at the return; `Infinity` while pending or when the outcome is unknown. */
  readonly returnMs: number;
}

/** The pending call returned by `HistoryRecorder.invoke`; complete it exactly once. */
export interface OperationHandle<Output> {
  /** The operation completed and the client saw `output`. */
  ok(output: Output): void;
  /** The operation definitely did not take effect (for example, rejected before it was proposed). */
  fail(): void;
  /** The client cannot know whether the operation took effect (a timeout, a lost connection). */
  unknown(): void;
}

type Status = 'pending' | 'ok' | 'failed' | 'unknown';

interface Slot<Input, Output> {
  clientId: number | string;
  input: Input;
  output: Output | undefined;
  call: number;
  callMs: number;
  return: number;
  returnMs: number;
  status: Status;
}

/**
 * Records a concurrent history as clients see it, for `checkHistory` / `checkKvHistory`.
 *
 * `call` and `return` of each recorded operation are positions in the order the recorder saw the
 * events (0, 1, 2, ...), not clock readings: within one process that order is the exact real-time
 * order, even when a manual clock does not move between events, so the checker orders operations
 * as precisely as possible. The clock readings are kept as `callMs` / `returnMs` for reading.
 * Use one recorder for all clients of one run; histories from separate recorders cannot be merged.
 */
export class HistoryRecorder<Input = KvInput, Output = KvOutput> {
  readonly #clock: Pick<Clock, 'now'>;
  readonly #slots: Slot<Input, Output>[] = [];
  #position = 0;

  constructor(clock: Pick<Clock, 'now'>) {
    if (typeof clock !== 'object' || clock === null || typeof clock.now !== 'function')
      throw new TypeError('HistoryRecorder(clock): clock must have a now() method');
    this.#clock = clock;
  }

  /** Records the call of an operation by `clientId` now; complete the returned handle later. */
  invoke(clientId: number | string, input: Input): OperationHandle<Output> {
    if (typeof clientId !== 'number' && typeof clientId !== 'string')
      throw new TypeError(`invoke(clientId): clientId must be a number or a string, got ${typeof clientId}`);
    const slot: Slot<Input, Output> = {
      clientId,
      input,
      output: undefined,
      call: this.#position++,
      callMs: this.#clock.now(),
      return: Infinity,
      returnMs: Infinity,
      status: 'pending',
    };
    this.#slots.push(slot);
    const complete = (status: Exclude<Status, 'pending'>, output?: Output): void => {
      if (slot.status !== 'pending')
        throw new LinearizabilityError(
          'OPERATION_ALREADY_COMPLETED',
          `operation #${slot.call} of client ${String(clientId)} was already completed as ${slot.status}; complete each handle once`,
          { clientId, call: slot.call, status: slot.status },
        );
      slot.status = status;
      if (status === 'unknown') return;
      slot.return = this.#position++;
      slot.returnMs = this.#clock.now();
      if (status === 'ok') slot.output = output;
    };
    return {
      ok: (output) => complete('ok', output),
      fail: () => complete('failed'),
      unknown: () => complete('unknown'),
    };
  }

  /** Operations not yet completed. */
  get pending(): number {
    return this.#slots.filter((s) => s.status === 'pending').length;
  }

  /**
   * The history so far, in call order: completed operations with their outputs, unknown and still
   * pending ones with `return: Infinity`, failed ones left out (they had no effect).
   */
  history(): RecordedOperation<Input, Output>[] {
    const out: RecordedOperation<Input, Output>[] = [];
    for (const s of this.#slots) {
      if (s.status === 'failed') continue;
      const done = s.status === 'ok';
      out.push({
        clientId: s.clientId,
        call: s.call,
        return: done ? s.return : Infinity,
        input: s.input,
        ...(done ? { output: s.output as Output } : {}),
        callMs: s.callMs,
        returnMs: done ? s.returnMs : Infinity,
      });
    }
    return out;
  }
}
