import { IndexHeap } from './heap.js';

/**
 * The spread tree of placement: a leaf is a heap of nodes ordered by the ranking; an inner
 * bucket (one level per placement preference) is a heap of child buckets ordered by how many
 * tasks of the service they hold, so tasks spread evenly over label values first.
 */

/** A set of nodes that places one task at a time. */
export interface Bucket {
  /** Places one task and returns the node index, or -1 when no node in the bucket fits. */
  place(fits: (i: number) => number, commit: (i: number) => void, dropped: Int32Array): number;
}

export class LeafBucket implements Bucket {
  readonly #heap: IndexHeap;
  constructor(members: Int32Array, less: (a: number, b: number) => boolean) {
    this.#heap = new IndexHeap(members.length, less);
    this.#heap.build(members);
  }
  place(fits: (i: number) => number, commit: (i: number) => void, dropped: Int32Array): number {
    for (;;) {
      const top = this.#heap.peek();
      if (top < 0) return -1;
      const why = fits(top);
      if (why < 0) {
        commit(top); // raises the node's counters, so it sinks to its new place
        this.#heap.topKeyIncreased();
        return top;
      }
      this.#heap.pop(); // capacity only shrinks while a group is placed: this node is done
      dropped[why]!++;
    }
  }
}

export class InnerBucket implements Bucket {
  readonly #children: Bucket[];
  readonly #counts: Int32Array;
  readonly #heap: IndexHeap;
  constructor(children: Bucket[], counts: number[]) {
    this.#children = children;
    this.#counts = Int32Array.from(counts);
    const c = this.#counts;
    this.#heap = new IndexHeap(children.length, (a, b) => (c[a] !== c[b] ? c[a]! < c[b]! : a < b));
    this.#heap.build(Array.from(children.keys()));
  }
  place(fits: (i: number) => number, commit: (i: number) => void, dropped: Int32Array): number {
    for (;;) {
      const top = this.#heap.peek();
      if (top < 0) return -1;
      const node = this.#children[top]!.place(fits, commit, dropped);
      if (node < 0) {
        this.#heap.pop();
        continue;
      }
      this.#counts[top]!++;
      this.#heap.topKeyIncreased();
      return node;
    }
  }
}
