import { type Logger, noopLogger } from '@swarm/api';
import type { CrashHook } from './crash-points.js';
import {
  DataKeyExhaustedError,
  InvalidUnlockKeyError,
  KeyFileError,
  LockedError,
  NotLockedError,
  StoreClosedError,
} from './errors.js';
import type { KeyFileStore } from './key-file-store.js';
import {
  type DataKey,
  decodeKeyring,
  encodeKeyring,
  generateDataKey,
  type Keyring,
  unwrapKeyring,
  type WrappedKeyring,
  wipeKeyring,
  wrapKeyring,
} from './keyring.js';
import { createRecordCipher, type RecordCipher, sealedKeyId } from './record-cipher.js';
import { generateUnlockKey, parseUnlockKey, UnlockKey } from './unlock-key.js';

/** Default: start a data key rotation after this many records sealed by one key. */
export const DEFAULT_ROTATE_DATA_KEY_AFTER = 2 ** 31;
/** Hard limit: a data key never seals more records than this (random 96-bit nonces, NIST SP 800-38D). */
export const DATA_KEY_ENCRYPTION_LIMIT = 2 ** 32 - 1;
/** Default: encryptions reserved per durable counter write. */
export const DEFAULT_NONCE_RESERVATION = 65_536;

/** Options of `KeyManager.open`. */
export interface KeyManagerOptions {
  /** Where the key file lives (`fileKeyStore(path)` or `memoryKeyStore()`). */
  keyStore: KeyFileStore;
  /** The unlock key of an autolocked store, as an UnlockKey or its `SWMKEY-1-` text. */
  unlockKey?: UnlockKey | string;
  /** When no key file exists: create one (default) or fail with `KEY_FILE_INVALID`. */
  createIfMissing?: boolean;
  /** Records sealed by one data key before `status().rotationDue` turns true. Default 2^31. */
  rotateDataKeyAfter?: number;
  /** Records one data key may seal at all; sealing more throws `DATA_KEY_EXHAUSTED`. Default 2^32-1. */
  encryptionLimit?: number;
  /** Encryptions reserved per durable write of the counter. Default 65,536. */
  nonceReservation?: number;
  logger?: Logger;
  /** Test aid: called at each crash point; throw from it to simulate a crash there. */
  crashHook?: CrashHook;
}

/** The state of the keys: autolock, key IDs, encryptions counted, whether a rotation is due or under way. */
export interface KeyStatus {
  autolock: boolean;
  /** The key new records are sealed with (the pending key while a rotation runs). */
  dataKeyId: number;
  /** Set while a data key rotation is unfinished. */
  pendingDataKeyId: number | undefined;
  /** Records sealed by `dataKeyId`, counted durably (rounded up to a reservation after a restart). */
  encryptions: number;
  /** True once `encryptions` reached `rotateDataKeyAfter`: rotate the data key. */
  rotationDue: boolean;
}

interface KeyFile {
  format: typeof FORMAT;
  version: 1;
  autolock: boolean;
  /** The keyring in base64 when autolock is off (protected only by the file's permissions). */
  keyring?: string;
  /** The keyring wrapped under the unlock key when autolock is on. */
  wrapped?: WrappedKeyring;
  /** The keyring wrapped under a new unlock key while an unlock key rotation is unfinished. */
  nextWrapped?: WrappedKeyring;
  /** Per data key ID: encryptions durably reserved (never reused after a restart). */
  reserved: Record<string, number>;
}

const FORMAT = 'swarm-secret-store-keys';

/**
 * Owns the data keys (DEK) of one store or manager: loads them from the key file, unlocking with
 * the unlock key (KEK) under autolock, counts encryptions durably, and runs the key rotations.
 * `recordCipher` seals with the newest key and opens with any key it holds.
 */
export class KeyManager {
  readonly recordCipher: RecordCipher;
  readonly #store: KeyFileStore;
  readonly #crash: CrashHook;
  readonly #logger: Logger;
  readonly #rotateAfter: number;
  readonly #limit: number;
  readonly #block: number;
  #ring: Keyring;
  #kek: Uint8Array | undefined;
  #reserved: Map<number, number>;
  #used: Map<number, number>;
  #closed = false;

  private constructor(
    options: KeyManagerOptions,
    ring: Keyring,
    kek: Uint8Array | undefined,
    reserved: Map<number, number>,
  ) {
    this.#store = options.keyStore;
    this.#crash = options.crashHook ?? (() => {});
    this.#logger = options.logger ?? noopLogger;
    this.#rotateAfter = options.rotateDataKeyAfter ?? DEFAULT_ROTATE_DATA_KEY_AFTER;
    this.#limit = options.encryptionLimit ?? DATA_KEY_ENCRYPTION_LIMIT;
    this.#block = options.nonceReservation ?? DEFAULT_NONCE_RESERVATION;
    this.#ring = ring;
    this.#kek = kek;
    this.#reserved = reserved;
    // After a restart every reserved encryption counts as used: a nonce budget is never reused.
    this.#used = new Map(reserved);
    this.recordCipher = createRecordCipher({
      sealingKey: () => this.#sealingKey(),
      openingKey: (id) => this.#openingKey(id),
    });
  }

  /**
   * Loads (or creates) the key file. A locked key file without `unlockKey` fails with `LOCKED`, a
   * wrong key with `INVALID_UNLOCK_KEY`; both fail before anything is written. A successful open
   * finishes an interrupted unlock key rotation.
   */
  static open(options: KeyManagerOptions): KeyManager {
    checkOptions(options);
    const where = options.keyStore.description;
    const unlockKey =
      typeof options.unlockKey === 'string' ? parseUnlockKey(options.unlockKey) : options.unlockKey;
    const kek = unlockKey?.bytes();
    const bytes = options.keyStore.read();
    if (bytes === undefined) {
      if (options.createIfMissing === false) throw new KeyFileError(where, 'no key file');
      const ring: Keyring = { current: generateDataKey(1) };
      const manager = new KeyManager(options, ring, kek, new Map([[1, 0]]));
      manager.#persist();
      manager.#logger.info('created data key', { dataKeyId: 1, autolock: kek !== undefined });
      return manager;
    }
    const file = parseKeyFile(bytes, where);
    let plain: Uint8Array | undefined;
    const resolving = file.nextWrapped !== undefined;
    if (file.autolock) {
      if (kek === undefined) throw new LockedError(where);
      plain = unwrapKeyring(kek, file.wrapped!);
      if (plain === undefined && file.nextWrapped !== undefined) plain = unwrapKeyring(kek, file.nextWrapped);
      if (plain === undefined) throw new InvalidUnlockKeyError(where);
    } else {
      plain = Buffer.from(file.keyring!, 'base64');
      if (kek !== undefined) {
        // Only an interrupted "enable autolock" makes an unlock key valid for an unlocked file.
        const next = file.nextWrapped === undefined ? undefined : unwrapKeyring(kek, file.nextWrapped);
        if (next === undefined) throw new NotLockedError(where);
        next.fill(0);
      }
    }
    const ring = decodeKeyring(plain);
    plain.fill(0);
    if (typeof ring === 'string') throw new KeyFileError(where, ring);
    const reserved = new Map<number, number>();
    for (const k of [ring.current, ring.pending]) {
      if (k !== undefined) reserved.set(k.id, file.reserved[String(k.id)] ?? 0);
    }
    const manager = new KeyManager(options, ring, kek, reserved);
    if (resolving) {
      // The unlock key that opened the file wins: it is now the only one that opens it.
      manager.#persist();
      manager.#logger.warn('finished an interrupted unlock key rotation', { autolock: kek !== undefined });
    }
    return manager;
  }

  get autolock(): boolean {
    return this.#kek !== undefined;
  }

  /** The ID of the key that seals new records (the pending key while a rotation runs). */
  get activeKeyId(): number {
    return this.#active().id;
  }

  /** Set while a data key rotation has not been finished. */
  get pendingKeyId(): number | undefined {
    return this.#ring.pending?.id;
  }

  /** The current key status. */
  status(): KeyStatus {
    this.#open();
    const active = this.#active();
    const encryptions = this.#used.get(active.id) ?? 0;
    return {
      autolock: this.autolock,
      dataKeyId: active.id,
      pendingDataKeyId: this.#ring.pending?.id,
      encryptions,
      rotationDue: encryptions >= this.#rotateAfter,
    };
  }

  /** True when `sealed` was sealed by the active key (so a rotation need not touch it). */
  isSealedWithActiveKey(sealed: Uint8Array): boolean {
    return sealedKeyId(sealed) === this.#active().id;
  }

  /**
   * Turns autolock on with `newKey` (a fresh random key by default), or replaces the unlock key.
   * Two durable steps: the keyring is first wrapped under both keys, then under the new one only;
   * a crash in between leaves a file that either key opens. Returns the new unlock key.
   */
  rotateUnlockKey(newKey: UnlockKey = generateUnlockKey()): UnlockKey {
    this.#open();
    if (!(newKey instanceof UnlockKey)) throw new TypeError('rotateUnlockKey(newKey) needs an UnlockKey');
    const next = newKey.bytes();
    this.#persist(wrapKeyring(next, encodeKeyring(this.#ring)));
    this.#crash('unlock-key:both-wrapped');
    this.#kek?.fill(0);
    this.#kek = next;
    this.#persist();
    this.#crash('unlock-key:rewrapped');
    this.#logger.info('rotated unlock key', { autolock: true });
    return newKey;
  }

  /** Turns autolock off: the keyring is stored unwrapped, protected only by file permissions. */
  disableAutolock(): void {
    this.#open();
    this.#kek?.fill(0);
    this.#kek = undefined;
    this.#persist();
    this.#logger.info('disabled autolock', {});
  }

  /**
   * Step 1 of a data key rotation: stores a new pending key next to the current one. New records
   * are sealed with it from now on; old records still open. Returns the pending key ID; if a
   * rotation is already pending, returns that one (resume it).
   */
  beginDataKeyRotation(): number {
    this.#open();
    if (this.#ring.pending !== undefined) return this.#ring.pending.id;
    const id = this.#ring.current.id + 1;
    this.#ring.pending = generateDataKey(id);
    this.#reserved.set(id, 0);
    this.#used.set(id, 0);
    this.#persist();
    this.#crash('data-key:pending-written');
    return id;
  }

  /**
   * Last step of a data key rotation, once the embedder re-encrypted every record under the pending
   * key: the pending key becomes current and the old key is forgotten (records it sealed no longer open).
   */
  finishDataKeyRotation(): void {
    this.#open();
    const pending = this.#ring.pending;
    if (pending === undefined) throw new RangeError('finishDataKeyRotation: no data key rotation is pending');
    const old = this.#ring.current;
    this.#ring = { current: pending };
    this.#reserved.delete(old.id);
    this.#used.delete(old.id);
    this.#persist();
    old.key.fill(0);
    this.#crash('data-key:promoted');
    this.#logger.info('rotated data key', { dataKeyId: pending.id, previousDataKeyId: old.id });
  }

  /** Forgets every key held in memory. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    wipeKeyring(this.#ring);
    this.#kek?.fill(0);
  }

  #active(): DataKey {
    return this.#ring.pending ?? this.#ring.current;
  }

  #sealingKey(): DataKey {
    this.#open();
    const key = this.#active();
    const used = this.#used.get(key.id) ?? 0;
    if (used >= this.#limit) throw new DataKeyExhaustedError(key.id, this.#limit);
    if (used >= (this.#reserved.get(key.id) ?? 0)) {
      // Reserve the next block durably before sealing with any nonce from it.
      this.#reserved.set(key.id, Math.min(used + this.#block, this.#limit));
      this.#persist();
    }
    this.#used.set(key.id, used + 1);
    return key;
  }

  #openingKey(id: number): Uint8Array | undefined {
    this.#open();
    if (this.#ring.current.id === id) return this.#ring.current.key;
    if (this.#ring.pending?.id === id) return this.#ring.pending.key;
    return undefined;
  }

  #persist(nextWrapped?: WrappedKeyring): void {
    const plain = encodeKeyring(this.#ring);
    const file: KeyFile = { format: FORMAT, version: 1, autolock: this.#kek !== undefined, reserved: {} };
    if (this.#kek !== undefined) file.wrapped = wrapKeyring(this.#kek, plain);
    else file.keyring = Buffer.from(plain).toString('base64');
    plain.fill(0);
    if (nextWrapped !== undefined) file.nextWrapped = nextWrapped;
    for (const [id, n] of this.#reserved) file.reserved[String(id)] = n;
    this.#store.write(Buffer.from(JSON.stringify(file), 'utf8'));
  }

  #open(): void {
    if (this.#closed) throw new StoreClosedError();
  }
}

function checkOptions(options: KeyManagerOptions): void {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('KeyManager.open(options) needs an object');
  if (typeof options.keyStore?.read !== 'function')
    throw new TypeError('options.keyStore must be a KeyFileStore');
  if (
    options.unlockKey !== undefined &&
    typeof options.unlockKey !== 'string' &&
    !(options.unlockKey instanceof UnlockKey)
  ) {
    throw new TypeError('options.unlockKey must be an UnlockKey or its SWMKEY-1- text');
  }
  const limit = options.encryptionLimit ?? DATA_KEY_ENCRYPTION_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > DATA_KEY_ENCRYPTION_LIMIT) {
    throw new RangeError(`options.encryptionLimit must be 1..${DATA_KEY_ENCRYPTION_LIMIT}, got ${limit}`);
  }
  const after = options.rotateDataKeyAfter ?? DEFAULT_ROTATE_DATA_KEY_AFTER;
  if (!Number.isSafeInteger(after) || after < 1 || after > limit) {
    throw new RangeError(`options.rotateDataKeyAfter must be 1..encryptionLimit (${limit}), got ${after}`);
  }
  const block = options.nonceReservation ?? DEFAULT_NONCE_RESERVATION;
  if (!Number.isSafeInteger(block) || block < 1) {
    throw new RangeError(`options.nonceReservation must be an integer >= 1, got ${block}`);
  }
}

function parseKeyFile(bytes: Uint8Array, where: string): KeyFile {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new KeyFileError(where, 'not JSON');
  }
  const f = value as Partial<KeyFile>;
  if (typeof f !== 'object' || f === null || f.format !== FORMAT || f.version !== 1) {
    throw new KeyFileError(where, `not a ${FORMAT} version 1 file`);
  }
  if (typeof f.autolock !== 'boolean') throw new KeyFileError(where, 'autolock flag missing');
  if (f.autolock ? !isWrapped(f.wrapped) : typeof f.keyring !== 'string') {
    throw new KeyFileError(where, f.autolock ? 'wrapped keyring missing' : 'keyring missing');
  }
  if (f.nextWrapped !== undefined && !isWrapped(f.nextWrapped))
    throw new KeyFileError(where, 'nextWrapped malformed');
  if (typeof f.reserved !== 'object' || f.reserved === null)
    throw new KeyFileError(where, 'counters missing');
  for (const n of Object.values(f.reserved)) {
    if (!Number.isSafeInteger(n) || (n as number) < 0) throw new KeyFileError(where, 'counter malformed');
  }
  return f as KeyFile;
}

function isWrapped(w: unknown): w is WrappedKeyring {
  const x = w as WrappedKeyring;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof x.salt === 'string' &&
    typeof x.nonce === 'string' &&
    typeof x.sealed === 'string'
  );
}
