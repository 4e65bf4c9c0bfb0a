/**
 * `verifyingExecutor(inner, verifier)`: wraps a task executor so that no task starts before its
 * image verified under the node's image policy. The inner executor is handed the task with the
 * image rewritten to the exact reference that verified (`name:tag@sha256:...`), so it pulls by
 * digest. A rejected image leaves the task REJECTED with the reason, emits an event and counts a
 * metric; nothing is pulled or started. An inner executor that does not declare `runsImages`
 * (it runs something other than the verified image, like a host-process sandbox) gets no task at
 * all: with a policy set, that node refuses every task.
 *
 * Everything else the wrapped executor offers is forwarded unchanged (`reconcile`, `info`,
 * `running`, `logs`, `forget`, `close`, `ready`: @swarm/dispatcher's `ManagedExecutor` members), so
 * that wrapping never disables a feature: the agent's `reconcile` still removes containers an
 * earlier run left, `swarm info` still names the engine. A member the inner executor lacks is
 * absent on the wrapper too.
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

/** What an executor shows about itself (@swarm/dispatcher's `ExecutorInfo`). */
export interface ImageExecutorInfo {
  readonly kind: string;
  readonly version?: string;
  readonly network?: string;
}

/**
 * @swarm/dispatcher's `Executor` (and the optional members of its `ManagedExecutor`), plus the
 * capability this decorator needs.
 */
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
  /** The complete set of tasks assigned to the node: anything else of the executor's is removed. */
  reconcile?(assigned: readonly string[]): void;
  /** What the node shows about its executor. */
  readonly info?: ImageExecutorInfo;
  /** IDs of the tasks being prepared or running. */
  running?(): string[];
  /** A task's kept output, oldest first. */
  logs?(taskId: string, options?: { tail?: number }): swarm.LogLine.$Properties[];
  /** Drops a finished task's kept output. */
  forget?(taskId: string): void;
  /** Stops every task and releases the executor's resources. */
  close?(): Promise<void>;
  /** Resolves once the executor can run tasks (its engine reached). */
  ready?(): Promise<void>;
}

/** The members of an inner executor that the wrapper forwards (when the inner executor has them). */
export type ForwardedMember = 'reconcile' | 'info' | 'running' | 'logs' | 'forget' | 'close' | 'ready';

/** The forwarded members `E` has, with `E`'s own types (a `ManagedExecutor` stays one when wrapped). */
export type Forwarded<E> = Pick<E, Extract<keyof E, ForwardedMember>>;

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
  /** Tasks assigned at the last `reconcile`, plus those started since (undefined before any). */
  #assigned: Set<string> | undefined;
  /** Tasks refused while assigned: never handed to the inner executor's `reconcile` as assigned. */
  readonly #refused = new Set<string>();
  /** Forwarded to the inner executor; see `reconcile` below. Absent when the inner one has none. */
  declare readonly reconcile?: (assigned: readonly string[]) => void;
  /** The inner executor's `info`. Absent when the inner one has none. */
  declare readonly info?: ImageExecutorInfo;
  /** The inner executor's running tasks plus those whose image is being verified. */
  declare readonly running?: () => string[];
  /** The inner executor's `logs`. */
  declare readonly logs?: (taskId: string, options?: { tail?: number }) => swarm.LogLine.$Properties[];
  /** The inner executor's `forget`. */
  declare readonly forget?: (taskId: string) => void;
  /** Ends every verification in progress (the task SHUTDOWN), then closes the inner executor. */
  declare readonly close?: () => Promise<void>;
  /** The inner executor's `ready`. */
  declare readonly ready?: () => Promise<void>;

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
    this.#forward(inner);
  }

  #forward(inner: ImageExecutor<C>): void {
    const define = (name: ForwardedMember, value: unknown) =>
      Object.defineProperty(this, name, { value, enumerable: true, configurable: false, writable: false });
    if (typeof inner.reconcile === 'function')
      define('reconcile', (assigned: readonly string[]) => {
        const all = new Set(assigned);
        for (const id of [...this.#refused]) if (!all.has(id)) this.#refused.delete(id);
        const keep = assigned.filter((id) => !this.#refused.has(id));
        this.#assigned = new Set(keep);
        inner.reconcile?.(keep);
      });
    if ('info' in inner)
      Object.defineProperty(this, 'info', { get: () => inner.info, enumerable: true, configurable: false });
    if (typeof inner.running === 'function')
      define('running', () => {
        const ids = inner.running?.() ?? [];
        return [...ids, ...[...this.#pending.keys()].filter((id) => !ids.includes(id))];
      });
    if (typeof inner.logs === 'function')
      define('logs', (taskId: string, options?: { tail?: number }) => inner.logs?.(taskId, options) ?? []);
    if (typeof inner.forget === 'function') define('forget', (taskId: string) => inner.forget?.(taskId));
    if (typeof inner.ready === 'function') define('ready', () => inner.ready?.() ?? Promise.resolve());
    if (typeof inner.close === 'function')
      define('close', async () => {
        for (const id of [...this.#pending.keys()]) this.stop(id);
        await inner.close?.();
      });
  }

  /**
   * Reports the task ACCEPTED while its image verifies, then hands it to the inner executor with the
   * image pinned to the verified reference, or reports it REJECTED with the reason (at once when the
   * inner executor does not run images).
   */
  start(task: swarm.Task, context: C): void {
    const image = task.spec?.container?.image ?? '';
    this.#assigned?.add(task.id);
    if (!this.runsImages) {
      this.#reject(task.id, image, context, new ExecutorCannotVerifyError(image, this.#innerName));
      this.#dropLeftover(task.id);
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
        this.#dropLeftover(task.id);
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

  /**
   * A task re-assigned after a restart of the node may still have a container of the earlier run,
   * which the inner executor keeps for `start` to adopt. When its image no longer verifies, that
   * container must not keep running: the inner executor is told the task is no longer assigned.
   */
  #dropLeftover(taskId: string): void {
    if (this.reconcile === undefined) return;
    this.#refused.add(taskId);
    const assigned = this.#assigned;
    if (assigned === undefined) return; // the first reconcile leaves it out
    assigned.delete(taskId);
    this.inner.reconcile?.([...assigned]);
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
export function verifyingExecutor<C extends ImageTaskContext, E extends ImageExecutor<C> = ImageExecutor<C>>(
  inner: E,
  verifier: ImageVerifier,
  options?: VerifyingExecutorOptions,
): VerifyingExecutor<C> & Forwarded<E> {
  return new VerifyingExecutor<C>(inner, verifier, options) as VerifyingExecutor<C> & Forwarded<E>;
}
