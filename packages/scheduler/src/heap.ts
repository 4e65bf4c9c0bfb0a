/**
 * A binary min-heap of small integers (node indexes, bucket indexes) ordered by a comparator that
 * reads live per-item arrays. Items whose key grew are re-inserted by `replaceTop`.
 */
export class IndexHeap {
  #items: Int32Array;
  #size = 0;
  readonly #less: (a: number, b: number) => boolean;

  constructor(capacity: number, less: (a: number, b: number) => boolean) {
    this.#items = new Int32Array(Math.max(1, capacity));
    this.#less = less;
  }

  get size(): number {
    return this.#size;
  }

  /** Replaces the contents with `items` and heapifies in O(n). */
  build(items: ArrayLike<number>, count = items.length): void {
    if (this.#items.length < count) this.#items = new Int32Array(count);
    for (let i = 0; i < count; i++) this.#items[i] = items[i]!;
    this.#size = count;
    for (let i = (count >> 1) - 1; i >= 0; i--) this.#down(i);
  }

  push(item: number): void {
    if (this.#size === this.#items.length) {
      const grown = new Int32Array(this.#items.length * 2);
      grown.set(this.#items);
      this.#items = grown;
    }
    this.#items[this.#size] = item;
    this.#up(this.#size++);
  }

  /** The smallest item, or -1 when empty. */
  peek(): number {
    return this.#size === 0 ? -1 : this.#items[0]!;
  }

  /** Removes and returns the smallest item, or -1 when empty. */
  pop(): number {
    if (this.#size === 0) return -1;
    const top = this.#items[0]!;
    this.#size--;
    if (this.#size > 0) {
      this.#items[0] = this.#items[this.#size]!;
      this.#down(0);
    }
    return top;
  }

  /** Call after the key of the top item grew: moves it down to its place. */
  topKeyIncreased(): void {
    if (this.#size > 1) this.#down(0);
  }

  #up(i: number): void {
    const h = this.#items;
    const item = h[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent]!;
      if (!this.#less(item, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = item;
  }

  #down(i: number): void {
    const h = this.#items;
    const n = this.#size;
    const item = h[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let m = l;
      if (r < n && this.#less(h[r]!, h[l]!)) m = r;
      if (!this.#less(h[m]!, item)) break;
      h[i] = h[m]!;
      i = m;
    }
    h[i] = item;
  }
}
