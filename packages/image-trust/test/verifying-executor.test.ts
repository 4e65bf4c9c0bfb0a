/**
 * The verifying decorator is transparent for everything but `start`: the members of the wrapped
 * executor that the agent and the node use (reconcile, info, running, logs, forget, close, ready)
 * reach it unchanged, members it lacks stay absent, and the agent's reconcile after a complete
 * assignment set still reaches the inner executor through a real dispatcher. A task refused
 * because of its image is left out of what the inner executor is told is assigned, so a container
 * an earlier run left for it is removed instead of kept.
 */
import { swarm } from '@swarm/api';
import { Agent, Dispatcher, type ManagedExecutor } from '@swarm/dispatcher';
import { MemorySecretWriter, MemoryTransport } from '@swarm/dispatcher/testing';
import { createMemoryStore } from '@swarm/store';
import { describe, expect, it } from 'vitest';
import {
  type ImageExecutor,
  ImageNotSignedError,
  type ImageTaskContext,
  type ImageTaskStatus,
  type ImageVerifier,
  type VerifiedImage,
  verifyingExecutor,
} from '../src/index.js';

const S = swarm.TaskState;
const D = `sha256:${'a'.repeat(64)}`;

/** A verifier double: images containing "unsigned" are refused, the rest verify at digest D. */
function fakeVerifier(gate?: Promise<void>): ImageVerifier {
  const v = {
    async verify(image: string): Promise<VerifiedImage> {
      await gate;
      if (image.includes('unsigned')) throw new ImageNotSignedError(image, 'reg/x');
      return { reference: `${image}@${D}`, scope: 'reg', signatures: [] } as unknown as VerifiedImage;
    },
  };
  return v as unknown as ImageVerifier;
}

/** An inner executor with every ManagedExecutor member, recording each call. */
class ManagedDouble implements ManagedExecutor {
  readonly runsImages = true;
  readonly calls: unknown[][] = [];
  readonly started: string[] = [];
  readonly #running = new Set<string>();
  get info() {
    this.calls.push(['info']);
    return { kind: 'double', version: '1.2.3', network: 'bridge' };
  }
  start(task: swarm.Task, context: ImageTaskContext): void {
    this.started.push(task.spec?.container?.image ?? '');
    this.#running.add(task.id);
    context.report({ state: S.RUNNING });
  }
  stop(taskId: string): void {
    this.calls.push(['stop', taskId]);
    this.#running.delete(taskId);
  }
  reconcile(assigned: readonly string[]): void {
    this.calls.push(['reconcile', [...assigned].sort()]);
  }
  running(): string[] {
    return [...this.#running];
  }
  logs(taskId: string, options?: { tail?: number }): swarm.LogLine.$Properties[] {
    this.calls.push(['logs', taskId, options?.tail]);
    return [{ data: new TextEncoder().encode(`line of ${taskId}`) }];
  }
  forget(taskId: string): void {
    this.calls.push(['forget', taskId]);
  }
  async close(): Promise<void> {
    this.calls.push(['close']);
  }
  async ready(): Promise<void> {
    this.calls.push(['ready']);
  }
}

function task(id: string, image: string): swarm.Task {
  return swarm.Task.create({ id, spec: { container: { image } } });
}

function context(): ImageTaskContext & { reports: ImageTaskStatus[] } {
  const reports: ImageTaskStatus[] = [];
  return { secretsDir: undefined, reports, report: (s) => reports.push(s) };
}

const settle = async (ok: () => boolean) => {
  for (let i = 0; !ok(); i++) {
    if (i > 10_000) throw new Error('did not settle');
    await new Promise((r) => setTimeout(r, 1));
  }
};

describe('verifyingExecutor forwards the wrapped executor', () => {
  it('forwards info, logs, forget, ready and close, and stays a ManagedExecutor', async () => {
    const inner = new ManagedDouble();
    const wrapped = verifyingExecutor(inner, fakeVerifier());
    // Type-level: the wrapper of a ManagedExecutor is one (this line would not compile otherwise).
    const managed: ManagedExecutor = wrapped;
    expect(managed.info).toEqual({ kind: 'double', version: '1.2.3', network: 'bridge' });
    expect(new TextDecoder().decode(managed.logs('t1', { tail: 5 })[0]?.data as Uint8Array)).toBe(
      'line of t1',
    );
    managed.forget('t1');
    await wrapped.ready?.();
    await managed.close();
    expect(inner.calls).toEqual([['info'], ['logs', 't1', 5], ['forget', 't1'], ['ready'], ['close']]);
  });

  it('forwards reconcile, and counts tasks being verified as running', async () => {
    const inner = new ManagedDouble();
    let open!: () => void;
    const gate = new Promise<void>((r) => {
      open = r;
    });
    const wrapped = verifyingExecutor(inner, fakeVerifier(gate));
    const ctx = context();
    wrapped.start(task('t1', 'reg/app:1'), ctx);
    expect(wrapped.running()).toEqual(['t1']);
    wrapped.reconcile?.(['t1', 't0']);
    expect(inner.calls).toContainEqual(['reconcile', ['t0', 't1']]);
    open();
    await settle(() => inner.started.length === 1);
    expect(inner.started).toEqual([`reg/app:1@${D}`]);
    expect(wrapped.running()).toEqual(['t1']);
  });

  it('ends verifications in progress on close, before closing the inner executor', async () => {
    const inner = new ManagedDouble();
    const wrapped = verifyingExecutor(inner, fakeVerifier(new Promise(() => {})));
    const ctx = context();
    wrapped.start(task('t1', 'reg/app:1'), ctx);
    await wrapped.close();
    expect(ctx.reports.map((r) => r.state)).toEqual([S.ACCEPTED, S.SHUTDOWN]);
    expect(inner.calls).toEqual([['close']]);
    expect(inner.started).toEqual([]);
    expect(wrapped.running()).toEqual([]);
  });

  it('has none of the optional members an inner executor lacks', () => {
    const minimal: ImageExecutor = { runsImages: true, start: () => {}, stop: () => {} };
    const wrapped = verifyingExecutor(minimal, fakeVerifier());
    for (const m of ['reconcile', 'info', 'running', 'logs', 'forget', 'close', 'ready'])
      expect(m in wrapped, m).toBe(false);
    expect(wrapped.reconcile).toBeUndefined();
  });

  it('leaves a task refused for its image out of what the inner executor keeps', async () => {
    const inner = new ManagedDouble();
    const wrapped = verifyingExecutor(inner, fakeVerifier());
    // Before the first reconcile: the refusal is remembered for it.
    wrapped.start(task('t1', 'reg/unsigned:1'), context());
    await settle(() => wrapped.stats.rejected === 1);
    wrapped.reconcile?.(['t1', 't2']);
    expect(inner.calls.at(-1)).toEqual(['reconcile', ['t2']]);
    // After it: the inner executor is told at once.
    const ctx = context();
    wrapped.start(task('t3', 'reg/unsigned:2'), ctx);
    await settle(() => wrapped.stats.rejected === 2);
    expect(ctx.reports.at(-1)?.state).toBe(S.REJECTED);
    expect(inner.calls.at(-1)).toEqual(['reconcile', ['t2']]);
    expect(inner.started).toEqual([]);
  });

  it('the sandbox case: an executor that runs no images gets no task, and its leftovers are dropped', () => {
    const inner = new ManagedDouble();
    Object.defineProperty(inner, 'runsImages', { value: false });
    const wrapped = verifyingExecutor(inner, fakeVerifier());
    wrapped.reconcile?.(['t1']);
    const ctx = context();
    wrapped.start(task('t1', 'reg/app:1'), ctx);
    expect(ctx.reports.at(-1)).toMatchObject({ state: S.REJECTED });
    expect(inner.calls.at(-1)).toEqual(['reconcile', []]);
    expect(inner.started).toEqual([]);
  });

  it("still gets the agent's reconcile through a real dispatcher", async () => {
    const store = createMemoryStore();
    const nodeId = 'w'.repeat(25);
    await store.update((tx) => {
      tx.create('node', swarm.Node.create({ id: nodeId, description: { hostname: 'w' } }));
      tx.create(
        'task',
        swarm.Task.create({
          id: 't'.repeat(25),
          nodeId,
          desiredState: S.RUNNING,
          status: { state: S.ASSIGNED },
          spec: { container: { image: 'reg/app:1' } },
        }),
      );
    });
    const dispatcher = new Dispatcher({}, { store });
    dispatcher.start();
    const transport = new MemoryTransport();
    transport.listen('m:2377', dispatcher);
    const inner = new ManagedDouble();
    const agent = new Agent(
      { managers: ['m:2377'], statusBatchMs: 10 },
      {
        connect: transport.connector(nodeId),
        executor: verifyingExecutor(inner, fakeVerifier()),
        secrets: new MemorySecretWriter(),
      },
    );
    agent.start();
    try {
      await settle(() => inner.calls.some((c) => c[0] === 'reconcile'));
      expect(inner.calls.find((c) => c[0] === 'reconcile')).toEqual(['reconcile', ['t'.repeat(25)]]);
      await settle(() => inner.started.length === 1);
      expect(inner.started).toEqual([`reg/app:1@${D}`]);
    } finally {
      agent.stop();
      dispatcher.stop();
    }
  });

  it('refuses an inner object that is not an executor', () => {
    expect(() => verifyingExecutor({} as ImageExecutor, fakeVerifier())).toThrow(TypeError);
  });
});
