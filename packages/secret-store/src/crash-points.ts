/**
 * Named moments between durable writes where a test can inject a crash. A `CrashHook` is called
 * at each one; throwing from it stops the operation exactly there, leaving on disk what a real
 * crash at that moment would leave. Production code passes no hook.
 */
export type CrashPoint =
  /** The new key file is written and synced under a temporary name, not yet renamed over the old. */
  | 'key-file:temp-written'
  /** The new key file is renamed into place; the directory is not yet synced. */
  | 'key-file:renamed'
  /** Data key rotation: the pending data key is stored next to the current one. */
  | 'data-key:pending-written'
  /** Data key rotation: one batch of records is re-encrypted under the pending key. */
  | 'data-key:batch-reencrypted'
  /** Data key rotation: every record is under the pending key; it is not yet promoted. */
  | 'data-key:all-reencrypted'
  /** Data key rotation: the pending key is now the current key and the old one is gone. */
  | 'data-key:promoted'
  /** Unlock key rotation: the data keys are wrapped under both the old and the new unlock key. */
  | 'unlock-key:both-wrapped'
  /** Unlock key rotation: the data keys are wrapped under the new unlock key only. */
  | 'unlock-key:rewrapped';

/** A test hook called at every step between durable writes; throwing from it leaves what a crash there would leave. */
export type CrashHook = (point: CrashPoint) => void;
