// @swarm/secret-store: secrets and encryption at rest (DEK/KEK, autolock, unlock keys, record
// cipher for raft) and worker-side delivery of secrets to tmpfs.
export type { CrashHook, CrashPoint } from './crash-points.js';
export {
  DataKeyExhaustedError,
  InvalidSecretNameError,
  InvalidUnlockKeyError,
  KeyFileError,
  LockedError,
  MalformedUnlockKeyError,
  NotInMemoryFilesystemError,
  NotLockedError,
  RecordAuthenticationError,
  SecretNameConflictError,
  SecretNotFoundError,
  SecretSizeError,
  StoreClosedError,
  SwapEnabledError,
  TaskSecretsExistError,
} from './errors.js';
export { fileKeyStore, type KeyFileStore, memoryKeyStore } from './key-file-store.js';
export {
  DATA_KEY_ENCRYPTION_LIMIT,
  DEFAULT_NONCE_RESERVATION,
  DEFAULT_ROTATE_DATA_KEY_AFTER,
  KeyManager,
  type KeyManagerOptions,
  type KeyStatus,
} from './key-manager.js';
export { assertSecretName, isValidSecretName, SECRET_NAME_PATTERN } from './names.js';
export {
  associatedData,
  createRecordCipher,
  RECORD_OVERHEAD_BYTES,
  type RecordCipher,
  type RecordKeys,
} from './record-cipher.js';
export { levelStorage, memoryStorage, type RecordStorage, type RecordWrite } from './record-storage.js';
export { MAX_LABELS_BYTES, type SecretMeta } from './secret-meta.js';
export {
  type CreateSecretInput,
  MAX_SECRET_BYTES,
  MIN_SECRET_BYTES,
  type SecretRecord,
  SecretStore,
  type SecretStoreComponents,
  type SecretStoreInit,
  type SecretStoreOptions,
} from './secret-store.js';
export { SecretValue } from './secret-value.js';
export {
  createSecretWriter,
  type FilesystemProbe,
  RAMFS_MAGIC,
  type SecretWriter,
  type SecretWriterOptions,
  systemProbe,
  type TaskSecretFile,
  TMPFS_MAGIC,
} from './secret-writer.js';
export { generateUnlockKey, parseUnlockKey, UNLOCK_KEY_PREFIX, UnlockKey } from './unlock-key.js';
