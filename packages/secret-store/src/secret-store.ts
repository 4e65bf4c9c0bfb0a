import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertValidId,
  type Clock,
  cryptoRandom,
  generateId,
  type Logger,
  noopLogger,
  type Random,
  systemClock,
} from '@swarm/api';
import type { CrashHook } from './crash-points.js';
import {
  KeyFileError,
  RecordAuthenticationError,
  SecretNameConflictError,
  SecretNotFoundError,
  SecretSizeError,
  StoreClosedError,
} from './errors.js';
import { fileKeyStore, type KeyFileStore } from './key-file-store.js';
import { KeyManager, type KeyManagerOptions, type KeyStatus } from './key-manager.js';
import { assertSecretName } from './names.js';
import { associatedData } from './record-cipher.js';
import { levelStorage, type RecordStorage, type RecordWrite } from './record-storage.js';
import { checkLabels, decodeMeta, encodeMeta, type SecretMeta } from './secret-meta.js';
import { SecretValue } from './secret-value.js';
import { parseUnlockKey, type UnlockKey } from './unlock-key.js';

/** Secret data size limits (swarm's): 1 byte to 500 KiB. */
export const MIN_SECRET_BYTES = 1;
/** The largest secret: 500 KiB. */
export const MAX_SECRET_BYTES = 500 * 1024;

/** Options of a SecretStore (besides where it lives). */
export interface SecretStoreInit {
  /** The unlock key of an autolocked store; given when creating a store, it turns autolock on. */
  unlockKey?: UnlockKey | string;
  /** Records sealed per data key before create() rotates it first. Default 2^31. */
  rotateDataKeyAfter?: number;
  /** Hard limit of records per data key. Default 2^32-1. */
  encryptionLimit?: number;
  /** Encryptions reserved per durable counter write. Default 65,536. */
  nonceReservation?: number;
  /** Records re-encrypted per atomic batch during a data key rotation. Default 256. */
  reencryptBatchSize?: number;
  /** Test aid: called at each crash point; throw from it to simulate a crash there. */
  crashHook?: CrashHook;
}

/** Options of `SecretStore.open`: a directory and the store's options. */
export interface SecretStoreOptions extends SecretStoreInit {
  /** A directory: `keys.json` (the key file) and `db/` (LevelDB) go inside. Created (0700) when missing. */
  path: string;
}

/** The collaborators of a store; `SecretStore.open({ path })` makes file and LevelDB ones. */
export interface SecretStoreComponents {
  keyStore: KeyFileStore;
  storage: RecordStorage;
  logger?: Logger;
  clock?: Clock;
  /** For secret IDs only; keys and nonces always come from node:crypto. */
  random?: Random;
}

/** What read() returns (for dispatch only): metadata and the data, wrapped so it never prints. */
export interface SecretRecord extends SecretMeta {
  data: SecretValue;
}

/** A new secret: its name, data (1 byte to 500 KiB) and labels. */
export interface CreateSecretInput {
  name: string;
  data: Uint8Array | SecretValue;
  labels?: Record<string, string>;
}

const META = 'meta/';
const DATA = 'data/';
const NAME = 'name/';
const META_KIND = 'secret-meta';
const DATA_KIND = 'secret-data';

/**
 * Secrets encrypted at rest. Every value in storage is sealed by the keyring's record cipher
 * with associated data naming its kind and secret ID; the name index is plaintext metadata.
 * Operations run one at a time, in call order.
 */
export class SecretStore {
  readonly #keys: KeyManager;
  readonly #storage: RecordStorage;
  readonly #logger: Logger;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #crash: CrashHook;
  readonly #batchSize: number;
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  private constructor(keys: KeyManager, components: SecretStoreComponents, init: SecretStoreInit) {
    this.#keys = keys;
    this.#storage = components.storage;
    this.#logger = components.logger ?? noopLogger;
    this.#clock = components.clock ?? systemClock;
    this.#random = components.random ?? cryptoRandom;
    this.#crash = init.crashHook ?? (() => {});
    this.#batchSize = init.reencryptBatchSize ?? 256;
  }

  /**
   * Opens (or creates) the store in the directory `path`. An autolocked store needs its unlock
   * key: without it the open fails with `LOCKED`, with a wrong one `INVALID_UNLOCK_KEY`, and in
   * both cases before anything on disk is touched.
   */
  static async open(
    options: SecretStoreOptions & { logger?: Logger; clock?: Clock; random?: Random },
  ): Promise<SecretStore> {
    if (typeof options?.path !== 'string' || options.path === '')
      throw new TypeError('options.path must be a directory path');
    const keyPath = join(options.path, 'keys.json');
    const dbPath = join(options.path, 'db');
    const fresh = !existsSync(keyPath);
    if (fresh && existsSync(dbPath))
      throw new KeyFileError(keyPath, 'records exist but the key file is missing');
    const keyStore = fileKeyStore(
      keyPath,
      options.crashHook === undefined ? {} : { crashHook: options.crashHook },
    );
    // Checks the key file (and the unlock key) before the directory or the database is touched.
    const keys = fresh
      ? undefined
      : KeyManager.open({ ...keyOptions(options), keyStore, createIfMissing: false });
    if (fresh) mkdirSync(options.path, { recursive: true, mode: 0o700 });
    const components: SecretStoreComponents = { keyStore, storage: levelStorage(dbPath) };
    if (options.logger !== undefined) components.logger = options.logger;
    if (options.clock !== undefined) components.clock = options.clock;
    if (options.random !== undefined) components.random = options.random;
    return SecretStore.#openWith(components, options, keys);
  }

  /** Opens a store over injected collaborators (tests, or an embedder with its own storage). */
  static async openWith(components: SecretStoreComponents, init: SecretStoreInit = {}): Promise<SecretStore> {
    return SecretStore.#openWith(components, init, undefined);
  }

  static async #openWith(
    components: SecretStoreComponents,
    init: SecretStoreInit,
    opened: KeyManager | undefined,
  ): Promise<SecretStore> {
    if (typeof components?.storage?.write !== 'function')
      throw new TypeError('components.storage must be a RecordStorage');
    const keys =
      opened ??
      KeyManager.open({
        ...keyOptions(init),
        keyStore: components.keyStore,
        ...(components.logger === undefined ? {} : { logger: components.logger }),
      });
    try {
      await components.storage.open();
    } catch (err) {
      keys.close();
      throw err;
    }
    const store = new SecretStore(keys, components, init);
    if (keys.pendingKeyId !== undefined) {
      store.#logger.warn('resuming an interrupted data key rotation', { dataKeyId: keys.pendingKeyId });
      try {
        await store.#exclusive(() => store.#rotateDataKey());
      } catch (err) {
        await store.close();
        throw err;
      }
    }
    return store;
  }

  /** Stores a new secret; its data can never change (labels can). Returns its new ID. */
  create(input: CreateSecretInput): Promise<{ id: string }> {
    if (typeof input !== 'object' || input === null)
      throw new TypeError('create(input) needs { name, data }');
    assertSecretName(input.name, 'name');
    const data = input.data;
    if (!(data instanceof Uint8Array) && !(data instanceof SecretValue)) {
      throw new TypeError('data must be a Uint8Array or a SecretValue');
    }
    const size = data.byteLength;
    if (size < MIN_SECRET_BYTES || size > MAX_SECRET_BYTES) throw new SecretSizeError(size, MAX_SECRET_BYTES);
    const labels = checkLabels(input.labels ?? {});
    const plain = data instanceof SecretValue ? data.reveal() : Uint8Array.from(data);
    return this.#exclusive(async () => {
      try {
        const existing = await this.#storage.get(NAME + input.name);
        if (existing !== undefined)
          throw new SecretNameConflictError(input.name, Buffer.from(existing).toString('utf8'));
        if (this.#keys.status().rotationDue) await this.#rotateDataKey();
        const id = generateId(this.#random);
        const now = this.#clock.now();
        const meta: SecretMeta = { id, name: input.name, labels, createdAt: now, updatedAt: now, version: 1 };
        const cipher = this.#keys.recordCipher;
        await this.#storage.write([
          { type: 'put', key: DATA + id, value: cipher.encrypt(plain, associatedData(DATA_KIND, id)) },
          {
            type: 'put',
            key: META + id,
            value: cipher.encrypt(encodeMeta(meta), associatedData(META_KIND, id)),
          },
          { type: 'put', key: NAME + input.name, value: Buffer.from(id, 'utf8') },
        ]);
        this.#logger.info('created secret', { secretId: id, secretName: input.name });
        return { id };
      } finally {
        plain.fill(0);
      }
    });
  }

  /** The secret with its data, for dispatch to a task only. Never log or return it to a client. */
  read(id: string): Promise<SecretRecord> {
    assertValidId(id, 'id');
    return this.#exclusive(async () => {
      const [meta, data] = await this.#storage.getMany([META + id, DATA + id]);
      return this.#openSecret(id, meta, data);
    });
  }

  /**
   * Several secrets with their data in one storage round trip (a dispatcher preparing many
   * tasks, or a manager warming up after unlock). Fails as a whole if any ID is unknown.
   */
  readMany(ids: readonly string[]): Promise<SecretRecord[]> {
    if (!Array.isArray(ids)) throw new TypeError('readMany(ids) needs an array of secret IDs');
    for (const [i, id] of ids.entries()) assertValidId(id, `ids[${i}]`);
    return this.#exclusive(async () => {
      const [metas, datas] = await Promise.all([
        this.#storage.getMany(ids.map((id) => META + id)),
        this.#storage.getMany(ids.map((id) => DATA + id)),
      ]);
      const out: SecretRecord[] = [];
      try {
        for (const [i, id] of ids.entries()) out.push(this.#openSecret(id, metas[i], datas[i]));
      } catch (err) {
        for (const r of out) r.data.wipe();
        throw err;
      }
      return out;
    });
  }

  /**
   * Every secret with its data, in ID order, in one pass over storage (a manager warming its
   * dispatch cache right after unlock). Prefer read/readMany for anything narrower.
   */
  readAll(): Promise<SecretRecord[]> {
    return this.#exclusive(async () => {
      const out: SecretRecord[] = [];
      const data = this.#storage.entries(DATA)[Symbol.asyncIterator]();
      try {
        for await (const [key, metaSealed] of this.#storage.entries(META)) {
          const id = key.slice(META.length);
          const next = await data.next();
          // Both prefixes hold the same IDs in the same order; a gap means a record was removed behind our back.
          const dataSealed = !next.done && next.value[0] === DATA + id ? next.value[1] : undefined;
          out.push(this.#openSecret(id, metaSealed, dataSealed));
        }
        if (!(await data.next()).done) throw new RecordAuthenticationError('data record without metadata');
      } catch (err) {
        for (const r of out) r.data.wipe();
        throw err;
      } finally {
        await data.return?.();
      }
      return out;
    });
  }

  /** The metadata of one secret (no data). */
  get(id: string): Promise<SecretMeta> {
    assertValidId(id, 'id');
    return this.#exclusive(() => this.#meta(id));
  }

  /** Metadata of every secret, by name; never data. */
  list(): Promise<SecretMeta[]> {
    return this.#exclusive(async () => {
      const out: SecretMeta[] = [];
      for await (const [key, sealed] of this.#storage.entries(META))
        out.push(this.#openMeta(key.slice(META.length), sealed));
      return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    });
  }

  /** Replaces the labels of a secret (its data never changes). */
  updateLabels(id: string, labels: Record<string, string>): Promise<SecretMeta> {
    assertValidId(id, 'id');
    const checked = checkLabels(labels);
    return this.#exclusive(async () => {
      const meta = await this.#meta(id);
      const next: SecretMeta = {
        ...meta,
        labels: checked,
        updatedAt: this.#clock.now(),
        version: meta.version + 1,
      };
      await this.#storage.write([
        {
          type: 'put',
          key: META + id,
          value: this.#keys.recordCipher.encrypt(encodeMeta(next), associatedData(META_KIND, id)),
        },
      ]);
      return next;
    });
  }

  /** Deletes a secret: its data, metadata and name. */
  remove(id: string): Promise<void> {
    assertValidId(id, 'id');
    return this.#exclusive(async () => {
      const meta = await this.#meta(id);
      const batch: RecordWrite[] = [
        { type: 'del', key: META + id },
        { type: 'del', key: DATA + id },
      ];
      const indexed = await this.#storage.get(NAME + meta.name);
      if (indexed !== undefined && Buffer.from(indexed).toString('utf8') === id)
        batch.push({ type: 'del', key: NAME + meta.name });
      await this.#storage.write(batch);
      this.#logger.info('removed secret', { secretId: id, secretName: meta.name });
    });
  }

  /**
   * Turns autolock on, or replaces the unlock key: the data keys are rewrapped under `newKey` (a
   * new random key by default). Returns the new key; show it to a person, it is stored nowhere.
   */
  rotateUnlockKey(newKey?: UnlockKey | string): Promise<UnlockKey> {
    const key = typeof newKey === 'string' ? parseUnlockKey(newKey) : newKey;
    return this.#exclusive(async () => this.#keys.rotateUnlockKey(key));
  }

  /** Turns autolock off: the data keys are then protected only by the key file's permissions. */
  disableAutolock(): Promise<void> {
    return this.#exclusive(async () => this.#keys.disableAutolock());
  }

  /** Re-encrypts every record under a new data key (pending-key protocol; resumable after a crash). */
  rotateDataKey(): Promise<{ dataKeyId: number; records: number }> {
    return this.#exclusive(() => this.#rotateDataKey());
  }

  /** Key status: autolock, active data key ID, encryptions counted, rotation due. */
  keyStatus(): KeyStatus {
    this.#checkOpen();
    return this.#keys.status();
  }

  /** Closes the database and forgets every key held in memory. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#queue.catch(() => {});
    this.#keys.close();
    await this.#storage.close();
  }

  async #rotateDataKey(): Promise<{ dataKeyId: number; records: number }> {
    const dataKeyId = this.#keys.beginDataKeyRotation();
    let records = 0;
    for (const [prefix, kind] of [
      [META, META_KIND],
      [DATA, DATA_KIND],
    ] as const) {
      let batch: RecordWrite[] = [];
      const flush = async (): Promise<void> => {
        if (batch.length === 0) return;
        // Synced: the old key is dropped later, so these records must be durable first.
        await this.#storage.write(batch, { sync: true });
        records += batch.length;
        batch = [];
        this.#crash('data-key:batch-reencrypted');
      };
      for await (const [key, sealed] of this.#storage.entries(prefix)) {
        if (this.#keys.isSealedWithActiveKey(sealed)) continue;
        const ad = associatedData(kind, key.slice(prefix.length));
        const plain = this.#keys.recordCipher.decrypt(sealed, ad);
        batch.push({ type: 'put', key, value: this.#keys.recordCipher.encrypt(plain, ad) });
        plain.fill(0);
        if (batch.length >= this.#batchSize) await flush();
      }
      await flush();
    }
    this.#crash('data-key:all-reencrypted');
    this.#keys.finishDataKeyRotation();
    this.#logger.info('re-encrypted secrets under a new data key', { dataKeyId, records });
    return { dataKeyId, records };
  }

  #openSecret(
    id: string,
    metaSealed: Uint8Array | undefined,
    dataSealed: Uint8Array | undefined,
  ): SecretRecord {
    if (metaSealed === undefined) throw new SecretNotFoundError(id);
    const meta = this.#openMeta(id, metaSealed);
    if (dataSealed === undefined)
      throw new RecordAuthenticationError('data record missing', { secretId: id });
    const plain = this.#keys.recordCipher.decrypt(dataSealed, associatedData(DATA_KIND, id));
    return { ...meta, data: SecretValue.take(plain) };
  }

  async #meta(id: string): Promise<SecretMeta> {
    const sealed = await this.#storage.get(META + id);
    if (sealed === undefined) throw new SecretNotFoundError(id);
    return this.#openMeta(id, sealed);
  }

  #openMeta(id: string, sealed: Uint8Array): SecretMeta {
    const plain = this.#keys.recordCipher.decrypt(sealed, associatedData(META_KIND, id));
    const meta = decodeMeta(plain);
    if (meta === undefined || meta.id !== id)
      throw new RecordAuthenticationError('metadata malformed', { secretId: id });
    return meta;
  }

  #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    this.#checkOpen();
    const run = this.#queue.then(
      () => (this.#closed ? Promise.reject(new StoreClosedError()) : fn()),
      () => (this.#closed ? Promise.reject(new StoreClosedError()) : fn()),
    );
    this.#queue = run.catch(() => {});
    return run;
  }

  #checkOpen(): void {
    if (this.#closed) throw new StoreClosedError();
  }
}

function keyOptions(init: SecretStoreInit & { logger?: Logger }): Omit<KeyManagerOptions, 'keyStore'> {
  const out: Omit<KeyManagerOptions, 'keyStore'> = {};
  if (init.logger !== undefined) out.logger = init.logger;
  if (init.unlockKey !== undefined) out.unlockKey = init.unlockKey;
  if (init.rotateDataKeyAfter !== undefined) out.rotateDataKeyAfter = init.rotateDataKeyAfter;
  if (init.encryptionLimit !== undefined) out.encryptionLimit = init.encryptionLimit;
  if (init.nonceReservation !== undefined) out.nonceReservation = init.nonceReservation;
  if (init.crashHook !== undefined) out.crashHook = init.crashHook;
  return out;
}
