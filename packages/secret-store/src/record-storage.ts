import type { ClassicLevel } from 'classic-level';

/** One write in an atomic batch. */
export type RecordWrite = { type: 'put'; key: string; value: Uint8Array } | { type: 'del'; key: string };

/**
 * The narrow database the secret store needs: string keys, byte values, atomic batches and
 * ordered prefix scans. `levelStorage` keeps records in LevelDB; `memoryStorage` in a Map.
 */
export interface RecordStorage {
  /** Opens the storage (creating it when missing). */
  open(): Promise<void>;
  /** Closes the storage. */
  close(): Promise<void>;
  /** The value stored under `key`, or undefined. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Values of `keys`, in order (undefined where missing), in one round trip. */
  getMany(keys: string[]): Promise<Array<Uint8Array | undefined>>;
  /** Applies every write or none; with `sync`, durably (fsync) before resolving. */
  write(batch: RecordWrite[], options?: { sync?: boolean }): Promise<void>;
  /** Entries whose key starts with `prefix`, in key order. */
  entries(prefix: string): AsyncIterable<[string, Uint8Array]>;
}

/**
 * Records in a LevelDB database at `location` (a directory), created when missing. classic-level
 * (a native addon) is loaded by `open()`, so importing this package never loads it.
 */
export function levelStorage(location: string): RecordStorage {
  let handle: ClassicLevel<string, Uint8Array> | undefined;
  const db = (): ClassicLevel<string, Uint8Array> => {
    if (handle === undefined) throw new Error(`levelStorage(${location}): call open() first`);
    return handle;
  };
  return {
    async open() {
      if (handle === undefined) {
        const { ClassicLevel } = await import('classic-level');
        handle = new ClassicLevel<string, Uint8Array>(location, {
          keyEncoding: 'utf8',
          valueEncoding: 'view',
        });
      }
      await handle.open();
    },
    close: async () => {
      await handle?.close();
    },
    get: (key) => db().get(key),
    getMany: (keys) => db().getMany(keys),
    write: (batch, options) => db().batch(batch, { sync: options?.sync === true }),
    async *entries(prefix) {
      // Pages of up to 1,000 entries: one native call per page instead of one per entry.
      const iterator = db().iterator({ gte: prefix, lt: `${prefix}\uffff` });
      try {
        for (;;) {
          const page = await iterator.nextv(1_000);
          if (page.length === 0) return;
          yield* page;
        }
      } finally {
        await iterator.close();
      }
    },
  };
}

/** Records in memory, for tests and embedders that persist elsewhere. */
export function memoryStorage(): RecordStorage & { readonly records: Map<string, Uint8Array> } {
  const records = new Map<string, Uint8Array>();
  return {
    records,
    open: async () => {},
    close: async () => {},
    get: async (key) => records.get(key),
    getMany: async (keys) => keys.map((key) => records.get(key)),
    write: async (batch) => {
      for (const op of batch) {
        if (op.type === 'put') records.set(op.key, Uint8Array.from(op.value));
        else records.delete(op.key);
      }
    },
    async *entries(prefix) {
      const keys = [...records.keys()].filter((k) => k.startsWith(prefix)).sort();
      for (const key of keys) {
        const value = records.get(key);
        if (value !== undefined) yield [key, value];
      }
    },
  };
}
