/**
 * `verifyingExecutor(inner, verifier)`: wraps a task executor so that no task starts before its
 * image verified under the node's image policy. The inner executor is handed the task with the
 * image rewritten to the exact reference that verified (`name:tag@sha256:...`), so it pulls by
 * digest. A rejected image leaves the task REJECTED with the reason, emits an event and counts a
 * metric; nothing is pulled or started. An inner executor that does not declare `runsImages`
 * (it runs something other than the verified image, like a host-process sandbox) gets no task at
 * all: with a policy set, that node refuses every task.
 *
 * The shapes below are @swarm/dispatcher's `Executor` seam, restated structurally so that this
 * library does not depend on the dispatcher.
 */
import { type Logger, noopLogger, swarm } from '@swarm/api';
import { ExecutorCannotVerifyError, isImageRejection } from './errors.js';
import type { ImageVerifier, VerifiedImage } from './verifier.js';

/** What an executor reports for a task (the fields this decorator writes). */
export interface ImageTaskStatus {
  state: swarm.TaskState;
  message?: string;
  err?: string;
}

/**
 * What an executor gets with each task: the task's secrets directory and the callback to report
 * its status.
 */
export interface ImageTaskContext<R extends ImageTaskStatus = ImageTaskStatus> {
  readonly secretsDir: string | undefined;
  /** Reports a new status of the task to the dispatcher. */
  report(status: R): void;
}

/** @swarm/dispatcher's `Executor`, plus the capability this decorator needs. */
export interface ImageExecutor<C extends ImageTaskContext = ImageTaskContext> {
  /** Starts `task`; its status is reported through `context`, not by the return value. */
  start(task: swarm.Task, context: C): void;
  /** Stops a task started earlier; its final status is reported through its context. */
  stop(taskId: string): void;
  /**
   * True when the executor runs the task's container image (pulled by the digest it is given) and
   * nothing else: only then does verifying the image bound what runs. Absent means false.
   */
  readonly runsImages?: boolean;
}

/**
 * The outcome of one task's image verification, for `VerifyingExecutorOptions.onEvent`: the
 * reference and signers that verified, or the error code and reason of a rejection.
 */
export type ImageTrustEvent =
  | {
      readonly type: 'image.verified';
      readonly taskId: string;
      readonly image: string;
      readonly reference: string;
      readonly signers: readonly string[];
    }
  | {
      readonly type: 'image.rejected';
      readonly taskId: string;
      readonly image: string;
      readonly code: string;
      readonly reason: string;
    };

/** Options of `verifyingExecutor`: a logger, an event callback, and the inner executor's name. */
export interface VerifyingExecutorOptions {
  logger?: Logger;
  /** Called for every verification outcome (the node logs it and exposes it). */
  onEvent?: (event: ImageTrustEvent) => void;
  /** Names the inner executor in the "cannot verify" reason. Default `the executor`. */
  innerName?: string;
}

/** Counters of a `VerifyingExecutor`: images verified, images rejected, and rejections by code. */
export interface ImageTrustStats {
  verified: number;
  rejected: number;
  /** Rejections by error code. */
  readonly rejectedByCode: Record<string, number>;
}

const { ACCEPTED, SHUTDOWN, REJECTED } = swarm.TaskState;

export class VerifyingExecutor<C extends ImageTaskContext = ImageTaskContext> implements ImageExecutor<C> {
  readonly inner: ImageExecutor<C>;
  readonly verifier: ImageVerifier;
  readonly stats: ImageTrustStats = { verified: 0, rejected: 0, rejectedByCode: {} };
  readonly runsImages: boolean;
  readonly #log: Logger;
  readonly #onEvent: ((e: ImageTrustEvent) => void) | undefined;
  readonly #innerName: string;
  readonly #pending = new Map<string, { controller: AbortController; context: C }>();

  constructor(inner: ImageExecutor<C>, verifier: ImageVerifier, options: VerifyingExecutorOptions = {}) {
    if (typeof inner?.start !== 'function' || typeof inner.stop !== 'function')
      throw new TypeError('verifyingExecutor: inner must be an executor (start, stop)');
    if (typeof verifier?.verify !== 'function')
      throw new TypeError('verifyingExecutor: verifier must be an ImageVerifier');
    this.inner = inner;
    this.verifier = verifier;
    this.runsImages = inner.runsImages === true;
    this.#log = options.logger ?? noopLogger;
    this.#onEvent = options.onEvent;
    this.#innerName = options.innerName ?? 'the executor';
  }

  /**
   * Reports the task ACCEPTED while its image verifies, then hands it to the inner executor with the
   * image pinned to the verified reference, or reports it REJECTED with the reason (at once when the
   * inner executor does not run images).
   */
  start(task: swarm.Task, context: C): void {
    const image = task.spec?.container?.image ?? '';
    if (!this.runsImages) {
      this.#reject(task.id, image, context, new ExecutorCannotVerifyError(image, this.#innerName));
      return;
    }
    const controller = new AbortController();
    this.#pending.set(task.id, { controller, context });
    context.report({ state: ACCEPTED, message: 'verifying the image signature' } as never);
    this.verifier.verify(image, controller.signal).then(
      (verified) => {
        if (this.#pending.get(task.id)?.controller !== controller) return; // stopped meanwhile
        this.#pending.delete(task.id);
        this.#accepted(task, context, verified);
      },
      (err: unknown) => {
        if (this.#pending.get(task.id)?.controller !== controller) return;
        this.#pending.delete(task.id);
        this.#reject(task.id, image, context, err);
      },
    );
  }

  /**
   * Stops a task: one still verifying is reported SHUTDOWN and its verification abandoned; any other
   * is passed to the inner executor.
   */
  stop(taskId: string): void {
    const p = this.#pending.get(taskId);
    if (p === undefined) {
      this.inner.stop(taskId);
      return;
    }
    this.#pending.delete(taskId);
    p.controller.abort(new Error('the task was stopped'));
    p.context.report({ state: SHUTDOWN, message: 'stopped before its image was verified' } as never);
  }

  /** Tasks whose image is being verified. */
  get verifying(): number {
    return this.#pending.size;
  }

  #accepted(task: swarm.Task, context: C, v: VerifiedImage): void {
    this.stats.verified++;
    const signers = v.signatures.map((s) => s.signer);
    this.#log.info('image verified', {
      taskId: task.id,
      image: v.reference,
      scope: v.scope,
      signers: signers.join(','),
    });
    this.#onEvent?.({
      type: 'image.verified',
      taskId: task.id,
      image: task.spec?.container?.image ?? '',
      reference: v.reference,
      signers,
    });
    const pinned = swarm.Task.create({
      ...task,
      spec: swarm.TaskSpec.create({
        ...task.spec,
        container: swarm.ContainerSpec.create({ ...task.spec?.container, image: v.reference }),
      }),
    });
    try {
      this.inner.start(pinned, context);
    } catch (err) {
      context.report({
        state: REJECTED,
        err: `the executor refused the task: ${(err as Error).message}`,
      } as never);
    }
  }

  #reject(taskId: string, image: string, context: C, err: unknown): void {
    const code =
      typeof (err as { code?: unknown })?.code === 'string'
        ? (err as { code: string }).code
        : 'IMAGE_VERIFICATION_FAILED';
    const reason = isImageRejection(err) || err instanceof Error ? (err as Error).message : String(err);
    this.stats.rejected++;
    this.stats.rejectedByCode[code] = (this.stats.rejectedByCode[code] ?? 0) + 1;
    this.#log.warn('image rejected', { taskId, image, code, reason });
    this.#onEvent?.({ type: 'image.rejected', taskId, image, code, reason });
    context.report({ state: REJECTED, err: reason } as never);
  }
}

/** Wraps `inner` so that every task's image is verified first (see `VerifyingExecutor`). */
export function verifyingExecutor<C extends ImageTaskContext>(
  inner: ImageExecutor<C>,
  verifier: ImageVerifier,
  options?: VerifyingExecutorOptions,
): VerifyingExecutor<C> {
  return new VerifyingExecutor(inner, verifier, options);
}
