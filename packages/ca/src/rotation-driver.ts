/**
 * The loop that drives the root rotation machine (`planRotation` of `@swarm/ca`) against a cluster
 * store: the leader runs it (`start` when it becomes leader, `stop` when it no longer is); any
 * manager may `begin` a rotation or `wait` for one. Everything is read from and written to the
 * store, so a new leader picks up a rotation where the last one left it. Waits run on the injected
 * clock.
 */
import {
  type Clock,
  cryptoRandom,
  type Logger,
  noopLogger,
  type Random,
  SwarmError,
  swarm,
  type Timer,
} from '@swarm/api';
import { clusterOf } from './manager-ca.js';
import { rootDigest } from './root-ca.js';
import {
  abortRotation,
  beginRotation,
  planRotation,
  type RotationPhase,
  type RotationPlan,
  readRotation,
} from './rotation.js';
import type { SignerBackend } from './signer.js';

const dec = new TextDecoder();

/** The reads of the rotation driver (any @swarm/store `ReadTx` fits). */
export interface RotationReadTx {
  /** Every cluster object (there is one). */
  list(kind: 'cluster'): swarm.Cluster[];
  /** Every node. */
  list(kind: 'node'): swarm.Node[];
}

/** The writes of the rotation driver: the cluster's root CA and the nodes' certificate status. */
export interface RotationWriteTx extends RotationReadTx {
  /** Replaces the cluster object. */
  update(kind: 'cluster', obj: swarm.Cluster): void;
  /** Replaces a node. */
  update(kind: 'node', obj: swarm.Node): void;
}

/** The cluster store the rotation runs against (any @swarm/store `Store` fits; wrap `update` in `retryRaced`). */
export interface RotationStore {
  /** Runs `fn` on a read transaction of the local replica. */
  view<T>(fn: (tx: RotationReadTx) => T): T;
  /** Runs `fn` on a write transaction; resolves once committed and applied here. */
  update(fn: (tx: RotationWriteTx) => void): Promise<unknown>;
}

/** What {@link RootRotationDriver} runs against. */
export interface RootRotationDriverOptions {
  /** The cluster store: the cluster object (`rootCa`) and the nodes. */
  readonly store: RotationStore;
  /** Timestamps of the phases, the new root's validity, and every wait. */
  readonly clock: Clock;
  /** Key material of the new root and the join tokens. Default `cryptoRandom`. */
  readonly random?: Random;
  /** Makes the new root and the cross-signature. Default `nobleBackend`. */
  readonly backend?: SignerBackend;
  /** Phase changes. Default: nothing. */
  readonly logger?: Logger;
  /** How often the leader looks at the nodes, and `wait` at the store. Default 250 ms. */
  readonly pollMs?: number;
}

/** Where the cluster's root rotation stands, as one manager's replica has it. */
export interface RotationStatus {
  /** A rotation runs. */
  readonly running: boolean;
  /** Its phase (undefined when none runs). */
  readonly phase: RotationPhase | undefined;
  /** Digest of the root the cluster ends up on: the new root while one runs, else the current root. */
  readonly rootDigest: string;
  /** Nodes the current phase waits for, and those of them that are down. */
  readonly waiting: readonly string[];
  readonly down: readonly string[];
  /** One line for people. */
  readonly progress: string;
}

const rotateMark = { state: swarm.IssuanceState.ISSUANCE_STATE_ROTATE };

/** Asks the nodes `ids` (every node when `ids` is undefined) to renew: the daemon renews on this mark. */
function askToRenew(tx: RotationWriteTx, ids: readonly string[] | undefined): void {
  const want = ids === undefined ? undefined : new Set(ids);
  for (const n of tx.list('node')) {
    if (want !== undefined && !want.has(n.id)) continue;
    n.certificate ??= swarm.Certificate.create();
    n.certificate.status = { ...rotateMark };
    tx.update('node', n);
  }
}

/** Runs the root rotation machine against the store: leader-side progress, and begin/wait for callers on any manager. */
export class RootRotationDriver {
  readonly #store: RotationStore;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #backend: SignerBackend | undefined;
  readonly #log: Logger;
  readonly #pollMs: number;
  #timer: Timer | undefined;
  #started = false;
  #stepping: Promise<unknown> = Promise.resolve();

  /** Reads nothing yet. */
  constructor(o: RootRotationDriverOptions) {
    if (o === null || typeof o !== 'object' || typeof o.store?.view !== 'function')
      throw new TypeError(
        'RootRotationDriver needs options.store (a @swarm/store Store, or any RotationStore)',
      );
    if (typeof o.clock?.now !== 'function')
      throw new TypeError('RootRotationDriver needs options.clock (a Clock of @swarm/api)');
    this.#store = o.store;
    this.#clock = o.clock;
    this.#random = o.random ?? cryptoRandom;
    this.#backend = o.backend;
    this.#log = (o.logger ?? noopLogger).child({ component: 'root-rotation' });
    this.#pollMs = o.pollMs ?? 250;
    if (!Number.isFinite(this.#pollMs) || this.#pollMs <= 0)
      throw new RangeError(`options.pollMs must be a positive number of ms, got ${o.pollMs}`);
  }

  /** Drives any rotation the store holds, now and every `pollMs` until `stop` (call it on the leader only). */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    const tick = (): void => {
      this.#timer = undefined;
      if (!this.#started) return;
      this.#stepping = this.step()
        .catch((e: unknown) => this.#log.warn('root rotation step failed; retrying', { error: String(e) }))
        .finally(() => {
          if (this.#started) this.#timer = this.#clock.setTimeout(tick, this.#pollMs);
        });
    };
    tick();
  }

  /** Stops driving (leadership lost, or shutdown); resolves once a step in flight has ended. */
  async stop(): Promise<void> {
    this.#started = false;
    this.#timer?.cancel();
    this.#timer = undefined;
    await this.#stepping;
  }

  #plan(tx: RotationReadTx): RotationPlan {
    return planRotation(clusterOf(tx)?.rootCa, tx.list('node'), this.#clock.now(), this.#random);
  }

  #status(tx: RotationReadTx): RotationStatus {
    const c = clusterOf(tx);
    const r = readRotation(c?.rootCa);
    const plan = r === undefined ? planRotation(undefined, [], 0) : this.#plan(tx);
    // A plan that would change the root CA describes the next phase: report the stored one.
    const moving = plan.rootCa !== undefined;
    const root = r?.newRootPem ?? dec.decode(c?.rootCa?.caCert ?? new Uint8Array());
    return {
      running: r !== undefined,
      phase: r?.phase,
      rootDigest: root === '' ? '' : rootDigest(root),
      waiting: r === undefined || moving ? [] : plan.waiting,
      down: r === undefined || moving ? [] : plan.down,
      progress:
        r !== undefined && moving
          ? `phase ${r.phase}: every node has renewed under it; the leader moves on at its next step`
          : plan.progress,
    };
  }

  /** Where the rotation stands in this manager's replica. */
  status(): RotationStatus {
    return this.#store.view((tx) => this.#status(tx));
  }

  /**
   * One step (the leader's loop calls it): asks the nodes the phase still needs to renew, moves to
   * the next phase once every node has, and ends the rotation after the last. Writes only when
   * something changes; the plan is made again inside the write transaction, on fresh objects.
   */
  async step(): Promise<RotationStatus> {
    const needed = this.#store.view((tx) => {
      // Idle (the usual case): one look at the cluster object, no node list.
      if (readRotation(clusterOf(tx)?.rootCa) === undefined) return false;
      const p = this.#plan(tx);
      return p.rootCa !== undefined || p.renew.length > 0;
    });
    if (needed) {
      let applied: RotationPlan | undefined;
      await this.#store.update((tx) => {
        applied = undefined;
        const c = clusterOf(tx);
        const p = this.#plan(tx);
        if (c !== undefined && p.rootCa !== undefined) {
          c.rootCa = p.rootCa;
          tx.update('cluster', c);
        }
        if (p.renew.length > 0) askToRenew(tx, p.renew);
        applied = p;
      });
      if (applied?.rootCa !== undefined)
        this.#log.info(applied.finished ? 'root rotation finished' : 'root rotation moved on', {
          phase: applied.rotation?.phase ?? 'done',
          progress: applied.progress,
        });
    }
    return this.status();
  }

  /**
   * Begins a rotation (a new root, cross-signed by the current one) and asks every node to renew,
   * in one transaction; when a rotation already runs, joins it instead. Any manager may call it;
   * the leader's loop takes it from there.
   */
  async begin(): Promise<RotationStatus> {
    const rootCa = this.#store.view((tx) => clusterOf(tx)?.rootCa);
    if (rootCa === undefined || rootCa === null || (rootCa.caCert?.length ?? 0) === 0)
      throw new SwarmError('CLUSTER_NOT_READY', 'this manager has not caught up with the cluster yet; retry');
    if (readRotation(rootCa) !== undefined) return this.status();
    const next = await beginRotation(rootCa, {
      clock: this.#clock,
      random: this.#random,
      ...(this.#backend === undefined ? {} : { backend: this.#backend }),
    });
    await this.#store.update((tx) => {
      const c = clusterOf(tx);
      // Another manager began one meanwhile, or the root changed: keep what is stored.
      if (c === undefined || readRotation(c.rootCa) !== undefined) return;
      if (dec.decode(c.rootCa?.caCert ?? new Uint8Array()) !== dec.decode(rootCa.caCert ?? new Uint8Array()))
        return;
      c.rootCa = next;
      tx.update('cluster', c);
      askToRenew(tx, undefined);
    });
    this.#log.info('root rotation began', { rootDigest: this.status().rootDigest });
    return this.status();
  }

  /**
   * Abandons a rotation still in phase `trust` (`ROTATION_CANNOT_ABORT` later, `ROTATION_NOT_RUNNING`
   * with none) and asks every node to renew so that it drops the abandoned root.
   */
  async abort(): Promise<RotationStatus> {
    await this.#store.update((tx) => {
      const c = clusterOf(tx);
      if (c === undefined)
        throw new SwarmError(
          'CLUSTER_NOT_READY',
          'this manager has not caught up with the cluster yet; retry',
        );
      c.rootCa = abortRotation(c.rootCa ?? {});
      tx.update('cluster', c);
      askToRenew(tx, undefined);
    });
    this.#log.info('root rotation abandoned');
    return this.status();
  }

  /**
   * Waits on the clock until no rotation runs or `timeoutMs` passed, looking every `pollMs`, and
   * returns where it stands then (`running` true after a timeout: it goes on in the background).
   */
  async wait(timeoutMs: number): Promise<RotationStatus> {
    const deadline = this.#clock.now() + Math.max(0, timeoutMs);
    for (;;) {
      const s = this.status();
      if (!s.running || this.#clock.now() >= deadline) return s;
      await new Promise<void>((resolve) =>
        this.#clock.setTimeout(resolve, Math.min(this.#pollMs, Math.max(0, deadline - this.#clock.now()))),
      );
    }
  }
}
