/**
 * The sliding window of append messages sent to one follower and not yet acknowledged, used to
 * bound how much a leader pipelines in replicate state. Each entry records the last log index of
 * a message and its payload size in bytes. The window is full when it holds `size` messages, or
 * when `maxBytes` is non-zero and the bytes in flight reach it. It is a ring buffer that grows
 * lazily up to `size`, so idle followers cost little memory.
 */
export class Inflights {
  readonly size: number;
  readonly maxBytes: number;
  private start = 0;
  private n = 0;
  private inflightBytes = 0;
  private indexes: bigint[] = [];
  private sizes: number[] = [];

  constructor(size: number, maxBytes: number) {
    if (!Number.isSafeInteger(size) || size < 1) {
      throw new RangeError(`Inflights: size must be a positive integer, got ${String(size)}`);
    }
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
      throw new RangeError(
        `Inflights: maxBytes must be a non-negative integer (0 = no limit), got ${String(maxBytes)}`,
      );
    }
    this.size = size;
    this.maxBytes = maxBytes;
  }

  /**
   * Records a message whose last entry has `index` and whose entries weigh `bytes`. Indexes must
   * be added in increasing order. The caller checks `full()` first: adding to a full window is a
   * programming error and throws.
   */
  add(index: bigint, bytes: number): void {
    if (this.full()) {
      throw new RangeError(
        `Inflights.add: the window is full (${this.n} messages, ${this.inflightBytes} bytes)`,
      );
    }
    if (!Number.isSafeInteger(bytes) || bytes < 0) {
      throw new RangeError(`Inflights.add: bytes must be a non-negative integer, got ${String(bytes)}`);
    }
    let next = this.start + this.n;
    if (next >= this.size) next -= this.size;
    if (next >= this.indexes.length) this.grow();
    this.indexes[next] = index;
    this.sizes[next] = bytes;
    this.n++;
    this.inflightBytes += bytes;
  }

  /** Frees every message whose last index is at most `to` (the follower acknowledged them). */
  freeLE(to: bigint): void {
    if (this.n === 0) return;
    let idx = this.start;
    let freed = 0;
    let freedBytes = 0;
    while (freed < this.n) {
      const index = this.indexes[idx] as bigint;
      if (to < index) break;
      freedBytes += this.sizes[idx] as number;
      freed++;
      idx++;
      if (idx >= this.size) idx -= this.size;
    }
    this.n -= freed;
    this.inflightBytes -= freedBytes;
    // An empty window restarts at slot 0, which keeps the lazily grown buffer small.
    this.start = this.n === 0 ? 0 : idx;
  }

  /** True when no further message may be sent until some are acknowledged. */
  full(): boolean {
    return this.n === this.size || (this.maxBytes !== 0 && this.inflightBytes >= this.maxBytes);
  }

  /** The number of messages in flight. */
  count(): number {
    return this.n;
  }

  /** The payload bytes in flight. */
  bytes(): number {
    return this.inflightBytes;
  }

  /** The last indexes of the messages in flight, oldest first. */
  toArray(): bigint[] {
    const out: bigint[] = [];
    for (let i = 0, idx = this.start; i < this.n; i++) {
      out.push(this.indexes[idx] as bigint);
      idx++;
      if (idx >= this.size) idx -= this.size;
    }
    return out;
  }

  /** Forgets every message in flight. */
  reset(): void {
    this.start = 0;
    this.n = 0;
    this.inflightBytes = 0;
  }

  clone(): Inflights {
    const c = new Inflights(this.size, this.maxBytes);
    c.start = this.start;
    c.n = this.n;
    c.inflightBytes = this.inflightBytes;
    c.indexes = this.indexes.slice();
    c.sizes = this.sizes.slice();
    return c;
  }

  // Doubles the buffer (at least 1, at most `size`). The ring wraps at `size`, not at the buffer's
  // length, so while the buffer is shorter than `size` every used slot lies below its length and
  // copying the slots in place keeps their positions valid.
  private grow(): void {
    const len = Math.min(this.size, Math.max(1, this.indexes.length * 2));
    const indexes = new Array<bigint>(len).fill(0n);
    const sizes = new Array<number>(len).fill(0);
    for (let i = 0; i < this.indexes.length; i++) {
      indexes[i] = this.indexes[i] as bigint;
      sizes[i] = this.sizes[i] as number;
    }
    this.indexes = indexes;
    this.sizes = sizes;
  }
}
