/**
 * Test aids: an in-memory HTTP server for the `fetch` seam (a lookaside store or a registry without
 * sockets), and an image executor double that records what it was asked to run.
 */
import { swarm } from '@swarm/api';
import type { HttpFetch } from './http.js';
import type { ImageExecutor, ImageTaskContext } from './verifying-executor.js';

type Route = { status: number; body?: Uint8Array | string; headers?: Record<string, string> };

/** Answers `fetch` calls from a table of URLs; unknown URLs get 404; `down()` makes every call fail like a refused connection. */
export class MemoryHttp {
  readonly #routes = new Map<string, Route>();
  #down = false;
  /** Every URL asked for, in order. */
  readonly requests: string[] = [];

  /** Answers `url` with 200, `body` and `headers` from now on; returns this for chaining. */
  serve(url: string, body: Uint8Array | string, headers: Record<string, string> = {}): this {
    this.#routes.set(url, { status: 200, body, headers });
    return this;
  }

  /** Answers `url` with `status` and an empty body from now on (e.g. 401, 500). */
  status(url: string, status: number): this {
    this.#routes.set(url, { status });
    return this;
  }

  /** Forgets `url`: it is answered with 404 again. */
  remove(url: string): this {
    this.#routes.delete(url);
    return this;
  }

  /** With `true` (the default), every call fails like a refused connection; `false` brings it back. */
  down(value = true): this {
    this.#down = value;
    return this;
  }

  readonly fetch: HttpFetch = async (url) => {
    this.requests.push(url);
    if (this.#down) throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const r = this.#routes.get(url);
    if (r === undefined) return new Response(null, { status: 404 });
    return new Response(r.body === undefined ? null : (r.body as ConstructorParameters<typeof Response>[0]), {
      status: r.status,
      headers: r.headers ?? {},
    });
  };
}

/** An executor that "runs images": records each start (with the image it was given) and reports RUNNING. */
export class RecordingImageExecutor implements ImageExecutor {
  readonly runsImages = true;
  /** `[taskId, image]` per start, in order. */
  readonly started: [string, string][] = [];
  readonly stopped: string[] = [];
  readonly #contexts = new Map<string, ImageTaskContext>();

  /** Records the task ID and the image it was given, then reports it RUNNING. */
  start(task: swarm.Task, context: ImageTaskContext): void {
    this.started.push([task.id, task.spec?.container?.image ?? '']);
    this.#contexts.set(task.id, context);
    context.report({ state: swarm.TaskState.RUNNING, message: 'started' });
  }

  /** Records the task ID and reports the task SHUTDOWN. */
  stop(taskId: string): void {
    this.stopped.push(taskId);
    this.#contexts.get(taskId)?.report({ state: swarm.TaskState.SHUTDOWN, message: 'stopped' });
  }
}
