// Every error @swarm/store throws on purpose. Callers branch on `code`; `details` carries the facts
// (kind, object ID, versions) and never secret data.
import { SwarmError } from '@swarm/api';

/** `atApply` says where a conflict was found; `index` is the raft index of the rejected proposal. */
function applyFacts(at: bigint | undefined): { atApply: boolean; index?: string } {
  return at === undefined ? { atApply: false } : { atApply: true, index: at.toString() };
}

/** Codes of the conflicts a transaction can meet, in the transaction or when it is applied. */
export type StoreConflictCode = 'EXISTS' | 'NAME_CONFLICT' | 'NOT_FOUND' | 'SEQUENCE_CONFLICT';

/**
 * The base of the four conflicts. A conflict met while the transaction function runs is thrown
 * there (and `update` rejects with it); one met when a committed transaction is applied rejects
 * `update` with `details.atApply: true` and `details.index` (the raft index of the rejected
 * proposal), and the transaction changed nothing.
 */
export class StoreConflictError<C extends StoreConflictCode = StoreConflictCode> extends SwarmError<C> {
  override readonly name: string = 'StoreConflictError';
}

/** `create` of an object whose ID is already in the store. */
export class ExistsError extends StoreConflictError<'EXISTS'> {
  override readonly name = 'ExistsError';
  constructor(kind: string, id: string, at?: bigint) {
    super(
      'EXISTS',
      `${kind} ${id} already exists; generate a new ID with generateId() or update the existing object`,
      {
        kind,
        id,
        ...applyFacts(at),
      },
    );
  }
}

/** `create` or `update` that would give a second service, secret or cluster the same name. */
export class NameConflictError extends StoreConflictError<'NAME_CONFLICT'> {
  override readonly name = 'NameConflictError';
  constructor(kind: string, id: string, objectName: string, holder: string | undefined, at?: bigint) {
    super(
      'NAME_CONFLICT',
      `${kind} ${id}: the name ${JSON.stringify(objectName)} is already taken` +
        `${holder === undefined ? '' : ` by ${kind} ${holder}`} (names are unique per kind, case-insensitively); choose another name`,
      { kind, id, objectName, ...(holder === undefined ? {} : { holder }), ...applyFacts(at) },
    );
  }
}

/** `update` or `delete` of an object that is not in the store. */
export class NotFoundError extends StoreConflictError<'NOT_FOUND'> {
  override readonly name = 'NotFoundError';
  constructor(kind: string, id: string, at?: bigint) {
    super(
      'NOT_FOUND',
      `${kind} ${id} does not exist (it may have been deleted); read it again before changing it`,
      {
        kind,
        id,
        ...applyFacts(at),
      },
    );
  }
}

/**
 * `update` carrying a `meta.version` other than the stored one: someone changed the object since it
 * was read (optimistic concurrency). Read it again, reapply the change, retry.
 */
export class SequenceConflictError extends StoreConflictError<'SEQUENCE_CONFLICT'> {
  override readonly name = 'SequenceConflictError';
  constructor(kind: string, id: string, given: bigint, stored: bigint, at?: bigint) {
    super(
      'SEQUENCE_CONFLICT',
      `${kind} ${id}: update carries version ${given} but the stored object is at version ${stored}; ` +
        'read the object again, reapply the change and retry',
      { kind, id, given: given.toString(), stored: stored.toString(), ...applyFacts(at) },
    );
  }
}

/** One object is larger than a proposal may be, so no split can carry it. */
export class ObjectTooLargeError extends SwarmError<'OBJECT_TOO_LARGE'> {
  override readonly name = 'ObjectTooLargeError';
  constructor(kind: string, id: string, bytes: number, limit: number) {
    super(
      'OBJECT_TOO_LARGE',
      `${kind} ${id} encodes to ${bytes} bytes, above the proposal limit of ${limit} bytes; make the object smaller`,
      { kind, id, bytes, limit },
    );
  }
}

/** A proposal or snapshot that this store cannot decode, or secret data it cannot open. */
export class StoreCorruptError extends SwarmError<'STORE_CORRUPT'> {
  override readonly name = 'StoreCorruptError';
  constructor(what: string, reason: string) {
    super(
      'STORE_CORRUPT',
      `store ${what} is unreadable: ${reason}; check that every member uses the same store cipher and version`,
      { what, reason },
    );
  }
}

/** The store was closed, or has no proposer attached yet. */
export class StoreClosedError extends SwarmError<'STORE_CLOSED'> {
  override readonly name = 'StoreClosedError';
  constructor(reason: string) {
    super('STORE_CLOSED', `store is not accepting updates: ${reason}`, { reason });
  }
}
