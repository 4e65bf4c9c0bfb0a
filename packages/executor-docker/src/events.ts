/**
 * One stream of the engine's container events for this node's containers (by label), kept open
 * for the executor's life: reconnected after an error, resuming from the last event seen, so that
 * `die` and `health_status` are never missed while the executor runs.
 */
import type { Logger } from '@swarm/api';
import type Docker from 'dockerode';

export interface ContainerEvent {
  /** `die`, `health_status: healthy`, `oom`, `start`, ... */
  status: string;
  id: string;
  /** Seconds since the epoch, and nanoseconds. */
  time: number;
  timeNano: number;
  attributes: Record<string, string>;
}

export class EventWatcher {
  readonly #docker: Docker;
  readonly #filters: Record<string, string[]>;
  readonly #onEvent: (e: ContainerEvent) => void;
  readonly #onReconnect: () => void;
  readonly #logger: Logger;
  #stream: NodeJS.ReadableStream | undefined;
  #since = 0;
  #closed = false;
  #retry: NodeJS.Timeout | undefined;
  #ready: Promise<void> | undefined;

  constructor(
    docker: Docker,
    filters: Record<string, string[]>,
    onEvent: (e: ContainerEvent) => void,
    onReconnect: () => void,
    logger: Logger,
  ) {
    this.#docker = docker;
    this.#filters = filters;
    this.#onEvent = onEvent;
    this.#onReconnect = onReconnect;
    this.#logger = logger;
  }

  /** Opens the stream; resolves once the engine accepted it. */
  start(): Promise<void> {
    this.#ready ??= this.#open(false).catch((err: unknown) => {
      this.#ready = undefined;
      throw err;
    });
    return this.#ready;
  }

  async #open(reconnect: boolean): Promise<void> {
    if (this.#closed) return;
    const opts: Docker.GetEventsOptions = {
      filters: JSON.stringify({ type: ['container'], ...this.#filters }),
      ...(this.#since > 0 ? { since: this.#since } : {}),
    };
    const stream = (await this.#docker.getEvents(opts)) as NodeJS.ReadableStream;
    if (this.#closed) {
      (stream as unknown as { destroy?: () => void }).destroy?.();
      return;
    }
    this.#stream = stream;
    let buf = '';
    stream.on('data', (chunk: Buffer | string) => {
      buf += chunk.toString();
      let nl = buf.indexOf('\n');
      while (nl >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        nl = buf.indexOf('\n');
        if (line === '') continue;
        let raw: {
          status?: string;
          Action?: string;
          id?: string;
          Actor?: { ID?: string; Attributes?: Record<string, string> };
          time?: number;
          timeNano?: number;
        };
        try {
          raw = JSON.parse(line);
        } catch {
          continue;
        }
        const e: ContainerEvent = {
          status: raw.Action ?? raw.status ?? '',
          id: raw.Actor?.ID ?? raw.id ?? '',
          time: raw.time ?? 0,
          timeNano: raw.timeNano ?? 0,
          attributes: raw.Actor?.Attributes ?? {},
        };
        if (e.time > this.#since) this.#since = e.time;
        try {
          this.#onEvent(e);
        } catch (err) {
          this.#logger.warn('container event handler failed', { status: e.status, err: String(err) });
        }
      }
    });
    const lost = (why: string) => {
      if (this.#closed || this.#stream !== stream) return;
      this.#stream = undefined;
      this.#logger.warn('engine event stream lost; reconnecting', { why });
      this.#retry = setTimeout(() => {
        this.#retry = undefined;
        this.#open(true).catch((err: unknown) => lost(String((err as Error).message)));
      }, 500);
    };
    stream.on('error', (err: Error) => lost(err.message));
    stream.on('end', () => lost('ended'));
    stream.on('close', () => lost('closed'));
    if (reconnect) this.#onReconnect();
  }

  close(): void {
    this.#closed = true;
    if (this.#retry) clearTimeout(this.#retry);
    const s = this.#stream as unknown as { destroy?: () => void } | undefined;
    this.#stream = undefined;
    s?.destroy?.();
  }
}
