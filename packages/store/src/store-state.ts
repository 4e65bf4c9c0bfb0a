// The applied state of a replica: one table per kind, and the one function that changes it. A
// transaction's changes are checked against the state first (existence, versions, unique names)
// and applied only if all pass, so a rejected transaction changes nothing. Every member applies the
// same committed changes in the same order and reaches the same state.

import {
  ExistsError,
  NameConflictError,
  NotFoundError,
  SequenceConflictError,
  type StoreConflictError,
} from './errors.js';
import {
  deepFreeze,
  hasUniqueNames,
  nameKey,
  OBJECT_KINDS,
  type ObjectKind,
  objectName,
  type StoreObject,
  setVersion,
  versionOf,
} from './kinds.js';
import { ObjectTable } from './object-table.js';
import type { StoreEvent } from './types.js';

/**
 * One object's change in a transaction. For `update`, `expectedVersion` is the version the writer
 * read; the change applies only if the stored object is still at that version.
 */
export type Change =
  | { op: 'create'; kind: ObjectKind; object: StoreObject }
  | { op: 'update'; kind: ObjectKind; object: StoreObject; expectedVersion: bigint }
  | { op: 'delete'; kind: ObjectKind; id: string };

export function changeId(c: Change): string {
  return c.op === 'delete' ? c.id : c.object.id;
}

export class StoreState {
  readonly #tables = new Map<ObjectKind, ObjectTable>(OBJECT_KINDS.map((k) => [k, new ObjectTable(k)]));
  /** The index of the last transaction applied (0 when nothing was). */
  version = 0n;

  table(kind: ObjectKind): ObjectTable {
    return this.#tables.get(kind)!;
  }

  /** Returns the first conflict that keeps `changes` from applying, or undefined. */
  check(changes: readonly Change[], index: bigint): StoreConflictError | undefined {
    // IDs changed by the transaction, per kind (a second change of one object is malformed).
    const changed = new Map<ObjectKind, Set<string>>();
    // Names held after the transaction, per kind with unique names: nameKey -> id.
    const finalNames = new Map<string, string>();
    for (const c of changes) {
      const id = changeId(c);
      let ids = changed.get(c.kind);
      if (ids === undefined) changed.set(c.kind, (ids = new Set()));
      const current = this.table(c.kind).get(id);
      if (ids.has(id))
        return new SequenceConflictError(c.kind, id, 0n, current ? versionOf(current) : 0n, index);
      ids.add(id);
      if (c.op === 'create') {
        if (current !== undefined) return new ExistsError(c.kind, id, index);
      } else if (current === undefined) {
        return new NotFoundError(c.kind, id, index);
      } else if (c.op === 'update' && versionOf(current) !== c.expectedVersion) {
        return new SequenceConflictError(c.kind, id, c.expectedVersion, versionOf(current), index);
      }
    }
    for (const c of changes) {
      if (c.op === 'delete' || !hasUniqueNames(c.kind)) continue;
      const name = objectName(c.kind, c.object);
      if (name === '') continue;
      const nk = `${c.kind}/${nameKey(name)}`;
      const other = finalNames.get(nk);
      if (other !== undefined && other !== c.object.id)
        return new NameConflictError(c.kind, c.object.id, name, other, index);
      finalNames.set(nk, c.object.id);
      // Holders outside the transaction keep their name; holders it changes are in finalNames
      // (if they keep a name) or free it (deleted or renamed).
      const mine = changed.get(c.kind)!;
      for (const holder of this.table(c.kind).idsNamed(name)) {
        if (holder !== c.object.id && !mine.has(holder))
          return new NameConflictError(c.kind, c.object.id, name, holder, index);
      }
    }
    return undefined;
  }

  /**
   * Applies `changes` at `index` if none conflicts; returns the events, or the conflict (and then
   * nothing changed). Objects are taken over: the store sets their version and freezes them.
   */
  apply(changes: readonly Change[], index: bigint): { events: StoreEvent[] } | { error: StoreConflictError } {
    const error = this.check(changes, index);
    if (error !== undefined) return { error };
    const events: StoreEvent[] = [];
    for (const c of changes) {
      const table = this.table(c.kind);
      if (c.op === 'delete') {
        const old = table.remove(c.id)!;
        events.push({ kind: c.kind, action: 'delete', object: old, version: index });
        continue;
      }
      setVersion(c.object, index);
      const obj = deepFreeze(c.object);
      const old = table.get(obj.id);
      table.put(obj);
      events.push(
        c.op === 'create'
          ? { kind: c.kind, action: 'create', object: obj, version: index }
          : { kind: c.kind, action: 'update', object: obj, old: old!, version: index },
      );
    }
    if (index > this.version) this.version = index;
    return { events };
  }

  /**
   * Replaces the whole state with `objects` (from a snapshot) and returns the difference as events,
   * so that watchers see a restore as the creates, updates and deletes it amounts to.
   */
  replace(objects: ReadonlyMap<ObjectKind, StoreObject[]>, version: bigint): StoreEvent[] {
    const events: StoreEvent[] = [];
    for (const kind of OBJECT_KINDS) {
      const table = this.table(kind);
      const incoming = objects.get(kind) ?? [];
      const ids = new Set(incoming.map((o) => o.id));
      for (const old of [...table.values()]) {
        if (!ids.has(old.id)) {
          table.remove(old.id);
          events.push({ kind, action: 'delete', object: old, version });
        }
      }
      for (const o of incoming) {
        const obj = deepFreeze(o);
        const old = table.get(obj.id);
        if (old !== undefined && versionOf(old) === versionOf(obj)) continue;
        table.put(obj);
        events.push(
          old === undefined
            ? { kind, action: 'create', object: obj, version }
            : { kind, action: 'update', object: obj, old, version },
        );
      }
    }
    this.version = version;
    return events;
  }
}
