import { randomUUID } from 'node:crypto';
import http from 'node:http';

export interface KvClientOptions {
  /** host:port of member HTTP APIs; the array may be changed while the client runs. */
  endpoints: string[];
  /** Stable ID for write deduplication. Default: a random UUID. */
  clientId?: string;
  /** Limit of one HTTP attempt. Default 2000 ms. */
  attemptTimeoutMs?: number;
  /** Give up on an operation (outcome unknown) after this long. Default 20,000 ms. */
  deadlineMs?: number;
  /** Pause between attempts. Default 50 ms. */
  retryDelayMs?: number;
  agent?: http.Agent;
}

/** The operation ran out of its deadline; a write may or may not have been applied. */
export class OutcomeUnknownError extends Error {
  readonly code = 'OUTCOME_UNKNOWN';
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * A client of the example's HTTP API. Every write carries the client ID and the next sequence
 * number, and is retried (on any member) with the same number until a member answers: the state
 * machine applies a (client, sequence) once, so a retried write never applies twice. Reads are
 * retried too (each attempt is a fresh linearizable read inside the operation's interval).
 * One operation at a time per client.
 */
export class KvClient {
  readonly clientId: string;
  readonly #endpoints: string[];
  readonly #attemptTimeoutMs: number;
  readonly #deadlineMs: number;
  readonly #retryDelayMs: number;
  readonly #agent: http.Agent;
  #seq = 0;
  #next = 0;
  #busy = false;

  constructor(options: KvClientOptions) {
    if (options.endpoints.length === 0) throw new RangeError('endpoints must name at least one member');
    this.clientId = options.clientId ?? randomUUID();
    this.#endpoints = options.endpoints;
    this.#attemptTimeoutMs = options.attemptTimeoutMs ?? 2000;
    this.#deadlineMs = options.deadlineMs ?? 20_000;
    this.#retryDelayMs = options.retryDelayMs ?? 50;
    this.#agent = options.agent ?? new http.Agent({ keepAlive: true, maxSockets: 4 });
    this.#next = Math.floor(Math.random() * options.endpoints.length);
  }

  async get(key: string): Promise<string | null> {
    const { body } = await this.#call('GET', `/kv/${encodeURIComponent(key)}`, undefined);
    return typeof body.value === 'string' ? body.value : null;
  }

  async put(key: string, value: string): Promise<void> {
    await this.#call('PUT', `/kv/${encodeURIComponent(key)}`, { value, ...this.#session() });
  }

  async delete(key: string): Promise<void> {
    await this.#call('DELETE', `/kv/${encodeURIComponent(key)}`, this.#session());
  }

  /** Sets `key` to `value` only if it holds `expected` (null: absent). Returns whether it did. */
  async cas(key: string, expected: string | null, value: string): Promise<boolean> {
    const { body } = await this.#call('POST', `/cas/${encodeURIComponent(key)}`, {
      expected,
      value,
      ...this.#session(),
    });
    return body.ok === true;
  }

  /** The sequence number the last write used. */
  get lastSeq(): number {
    return this.#seq;
  }

  #session(): { client: string; seq: number } {
    this.#seq += 1;
    return { client: this.clientId, seq: this.#seq };
  }

  async #call(method: string, path: string, body: unknown): Promise<Answer> {
    if (this.#busy)
      throw new Error('KvClient runs one operation at a time; use one client per concurrent caller');
    this.#busy = true;
    try {
      const deadline = Date.now() + this.#deadlineMs;
      const payload = body === undefined ? undefined : JSON.stringify(body);
      for (;;) {
        const endpoint = this.#endpoints[this.#next % this.#endpoints.length] as string;
        try {
          const answer = await this.#attempt(endpoint, method, path, payload);
          if (answer.status === 200) return answer;
          if (answer.status === 400 || answer.status === 404) {
            throw new TypeError(`${method} ${path}: ${String(answer.body.message)}`);
          }
        } catch (error) {
          if (error instanceof TypeError) throw error;
        }
        // Failed or unknown: try the next member with the same request (and sequence number).
        this.#next += 1;
        if (Date.now() + this.#retryDelayMs >= deadline) {
          throw new OutcomeUnknownError(`${method} ${path} got no answer within ${this.#deadlineMs} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, this.#retryDelayMs));
      }
    } finally {
      this.#busy = false;
    }
  }

  #attempt(endpoint: string, method: string, path: string, payload: string | undefined): Promise<Answer> {
    const at = endpoint.lastIndexOf(':');
    return new Promise<Answer>((resolve, reject) => {
      const req = http.request(
        {
          host: endpoint.slice(0, at),
          port: Number(endpoint.slice(at + 1)),
          method,
          path,
          agent: this.#agent,
          timeout: this.#attemptTimeoutMs,
          headers:
            payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              resolve({
                status: res.statusCode ?? 0,
                body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
              });
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`attempt timed out after ${this.#attemptTimeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }
}
