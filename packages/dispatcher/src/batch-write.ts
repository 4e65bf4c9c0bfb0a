/**
 * One store transaction for a batch of items from many nodes, where one node's bad item never
 * costs the others theirs: when the batch write fails because of what an item holds (an object too
 * large for a proposal, a conflict, an error thrown while applying it), each item is written
 * alone, and only the items that fail alone are dropped and reported. Failures of the store as a
 * whole (no leader, stopped, timed out) fail the whole batch, as before: no item is to blame.
 */
import type { DispatcherStore, WriteTx } from './store-contract.js';

export interface BatchWriteResult<K> {
  /** Items that could not be written even alone, with why. */
  readonly rejected: ReadonlyMap<K, unknown>;
  /** Store transactions committed. */
  readonly writes: number;
}

/** Errors that one item can cause: worth writing the items one by one. */
const ITEM_ERRORS = new Set(['OBJECT_TOO_LARGE', 'EXISTS', 'NAME_CONFLICT', 'NOT_FOUND']);

function itemCaused(err: unknown): boolean {
  const code = errorCode(err);
  return code === undefined || ITEM_ERRORS.has(code);
}

export function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string'
    ? (err as { code: string }).code
    : undefined;
}

/**
 * Writes `items` with `apply` (called once per item inside the transaction), retrying a lost race
 * up to `retries` times. An item-caused failure isolates the items as described above (an item
 * whose own write then fails in any way is rejected alone); any other failure is thrown.
 */
export async function writeIsolated<K, V>(
  store: DispatcherStore,
  items: ReadonlyMap<K, V>,
  apply: (tx: WriteTx, key: K, value: V) => void,
  retries: number,
  onRace: () => void = () => {},
): Promise<BatchWriteResult<K>> {
  const writeAll = async (batch: ReadonlyMap<K, V>): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      try {
        await store.update((tx) => {
          for (const [k, v] of batch) apply(tx, k, v);
        });
        return;
      } catch (err) {
        if (errorCode(err) === 'SEQUENCE_CONFLICT' && attempt < retries) {
          onRace();
          continue;
        }
        throw err;
      }
    }
  };
  try {
    await writeAll(items);
    return { rejected: new Map(), writes: 1 };
  } catch (err) {
    if (items.size <= 1 || !itemCaused(err)) throw err;
  }
  const rejected = new Map<K, unknown>();
  let writes = 0;
  for (const [k, v] of items) {
    try {
      await writeAll(new Map([[k, v]]));
      writes++;
    } catch (err) {
      rejected.set(k, err);
    }
  }
  return { rejected, writes };
}
