/** The discovery contract: where the pool reads the engines' addresses and where `join` writes one. */

/** A discovery backend. */
export interface Discovery {
  /** The URL it was made from (tokens and credentials are not part of it for display: see `shown`). */
  readonly url: string;
  /** The URL for logs and `/info`: a token or password is replaced by `…`. */
  readonly shown: string;
  /** The engine addresses registered now. Throws `CLASSIC_DISCOVERY_FAILED` when the backend cannot be read. */
  list(signal?: AbortSignal): Promise<string[]>;
  /**
   * Registers `addr` for `ttlMs` (it disappears unless registered again before). Backends that are
   * a static list (`file://`, `nodes://`) throw `CLASSIC_BAD_DISCOVERY`, naming what to do instead.
   */
  register(addr: string, ttlMs: number, signal?: AbortSignal): Promise<void>;
}
