import { SwarmError } from '@swarm/api';

/**
 * Every error this package throws on purpose. Messages and details name inputs, IDs, sizes and
 * paths, never secret bytes or key material.
 */

/** The store is autolocked and no unlock key was given. */
export class LockedError extends SwarmError<'LOCKED'> {
  override readonly name = 'LockedError';
  constructor(path: string) {
    super(
      'LOCKED',
      `the store at ${path} is autolocked: pass its unlock key (SWMKEY-1-...) as \`unlockKey\` to open it`,
      { path },
    );
  }
}

/** The unlock key given does not unwrap the data key. Nothing was changed. */
export class InvalidUnlockKeyError extends SwarmError<'INVALID_UNLOCK_KEY'> {
  override readonly name = 'InvalidUnlockKeyError';
  constructor(path: string) {
    super(
      'INVALID_UNLOCK_KEY',
      `the unlock key does not open the store at ${path}: use the key printed when autolock was enabled or last rotated`,
      { path },
    );
  }
}

/** Text that is not a well-formed `SWMKEY-1-...` unlock key. The text itself is never echoed. */
export class MalformedUnlockKeyError extends SwarmError<'MALFORMED_UNLOCK_KEY'> {
  override readonly name = 'MalformedUnlockKeyError';
  constructor(reason: string) {
    super(
      'MALFORMED_UNLOCK_KEY',
      `unlock key is malformed (${reason}): expected SWMKEY-1- followed by exactly 43 characters of unpadded base64 (A-Z a-z 0-9 + /)`,
      { reason },
    );
  }
}

/** An unlock key was given for a store that is not autolocked. */
export class NotLockedError extends SwarmError<'NOT_LOCKED'> {
  override readonly name = 'NotLockedError';
  constructor(path: string) {
    super(
      'NOT_LOCKED',
      `the store at ${path} is not autolocked: open it without \`unlockKey\`, or enable autolock with rotateUnlockKey()`,
      { path },
    );
  }
}

/**
 * A stored record failed authentication: a flipped bit, a record moved to another key or kind,
 * a record sealed by an unknown data key, or a truncated value. Its contents are never returned.
 */
export class RecordAuthenticationError extends SwarmError<'RECORD_AUTHENTICATION_FAILED'> {
  override readonly name = 'RecordAuthenticationError';
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super(
      'RECORD_AUTHENTICATION_FAILED',
      `an encrypted record failed authentication (${reason}): the record was altered, moved or sealed by another key; restore it from a replica or backup`,
      { reason, ...details },
    );
  }
}

/** The key file is missing, unreadable or not in the expected format. */
export class KeyFileError extends SwarmError<'KEY_FILE_INVALID'> {
  override readonly name = 'KeyFileError';
  constructor(path: string, reason: string) {
    super('KEY_FILE_INVALID', `the key file ${path} is unusable (${reason}): restore it from a backup`, {
      path,
      reason,
    });
  }
}

/** The current data key has sealed its hard limit of records; rotate it before sealing more. */
export class DataKeyExhaustedError extends SwarmError<'DATA_KEY_EXHAUSTED'> {
  override readonly name = 'DataKeyExhaustedError';
  constructor(keyId: number, limit: number) {
    super(
      'DATA_KEY_EXHAUSTED',
      `data key ${keyId} reached its limit of ${limit} encryptions: call rotateDataKey() before sealing more records`,
      { keyId, limit },
    );
  }
}

/** A secret name that swarm would not accept. */
export class InvalidSecretNameError extends SwarmError<'INVALID_SECRET_NAME'> {
  override readonly name = 'InvalidSecretNameError';
  constructor(what: string, value: unknown) {
    super(
      'INVALID_SECRET_NAME',
      `${what} must match [a-zA-Z0-9][a-zA-Z0-9_.-]* and be 1 to 64 characters, got ${describe(value)}`,
      { what },
    );
  }
}

/** Secret data outside 1 byte .. 500 KiB. Only the size is reported. */
export class SecretSizeError extends SwarmError<'INVALID_SECRET_SIZE'> {
  override readonly name = 'SecretSizeError';
  constructor(size: number, max: number) {
    super('INVALID_SECRET_SIZE', `secret data must be 1 to ${max} bytes, got ${size} bytes`, { size, max });
  }
}

/** No secret with this ID. */
export class SecretNotFoundError extends SwarmError<'SECRET_NOT_FOUND'> {
  override readonly name = 'SecretNotFoundError';
  constructor(id: string) {
    super('SECRET_NOT_FOUND', `no secret with id ${id}: list() shows the existing secrets`, { id });
  }
}

/** A secret with this name already exists. */
export class SecretNameConflictError extends SwarmError<'SECRET_NAME_CONFLICT'> {
  override readonly name = 'SecretNameConflictError';
  constructor(name: string, existingId: string) {
    super(
      'SECRET_NAME_CONFLICT',
      `a secret named ${name} already exists (id ${existingId}): secrets are immutable, remove it or pick another name`,
      { secretName: name, existingId },
    );
  }
}

/** The store was closed (or a simulated crash left it unusable). */
export class StoreClosedError extends SwarmError<'STORE_CLOSED'> {
  override readonly name = 'StoreClosedError';
  constructor() {
    super('STORE_CLOSED', 'the secret store is closed: open it again with SecretStore.open()');
  }
}

/** The delivery root is not on tmpfs/ramfs, so secrets could reach a disk. */
export class NotInMemoryFilesystemError extends SwarmError<'NOT_IN_MEMORY_FILESYSTEM'> {
  override readonly name = 'NotInMemoryFilesystemError';
  constructor(path: string, fsType: number) {
    super(
      'NOT_IN_MEMORY_FILESYSTEM',
      `refusing to deliver secrets under ${path}: it is on filesystem type 0x${fsType.toString(16)}, not tmpfs or ramfs; use /dev/shm or mount a tmpfs there`,
      { path, fsType },
    );
  }
}

/** Swap is on, so tmpfs pages holding secrets could be written to a disk. */
export class SwapEnabledError extends SwarmError<'SWAP_ENABLED'> {
  override readonly name = 'SwapEnabledError';
  constructor(devices: string[]) {
    super(
      'SWAP_ENABLED',
      `refusing to deliver secrets: swap is on (${devices.join(', ')}) and tmpfs pages can be swapped to disk; turn swap off (swapoff -a) or pass allowSwap: true to accept the risk`,
      { devices },
    );
  }
}

/** Secrets for this task were already written. */
export class TaskSecretsExistError extends SwarmError<'TASK_SECRETS_EXIST'> {
  override readonly name = 'TaskSecretsExistError';
  constructor(taskId: string) {
    super(
      'TASK_SECRETS_EXIST',
      `secrets for task ${taskId} are already delivered: call removeTask(${taskId}) first`,
      { taskId },
    );
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string')
    return value.length > 80 ? `a ${value.length}-character string` : JSON.stringify(value);
  return value === null ? 'null' : typeof value;
}
