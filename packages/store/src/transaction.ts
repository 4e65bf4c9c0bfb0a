// Read and write transactions over a StoreState. A read transaction hands out the store's frozen
// objects. A write transaction keeps its changes in an overlay (the state itself is untouched until
// the transaction is applied), hands out private copies, and checks each call at once, so a
// conflict surfaces where it was caused.
import { assertValidId, type Clock } from '@swarm/api';
import { ExistsError, NameConflictError, NotFoundError, SequenceConflictError } from './errors.js';
import {
  assertKind,
  cloneObject,
  createdAtOf,
  hasUniqueNames,
  nameKey,
  type ObjectKind,
  type ObjectTypes,
  objectName,
  type StoreObject,
  setMeta,
  versionOf,
} from './kinds.js';
import { checkFindBy, matchesFindBy } from './object-table.js';
import type { Change, StoreState } from './store-state.js';
import type { FindBy, ReadTx, WriteTx } from './types.js';

export class ReadTransaction implements ReadTx {
  readonly #state: StoreState;

  constructor(state: StoreState) {
    this.#state = state;
  }

  get<K extends ObjectKind>(kind: K, id: string): ObjectTypes[K] | undefined {
    assertKind(kind);
    return this.#state.table(kind).get(id) as ObjectTypes[K] | undefined;
  }

  list<K extends ObjectKind>(kind: K): ObjectTypes[K][] {
    assertKind(kind);
    return [...this.#state.table(kind).values()] as ObjectTypes[K][];
  }

  find<K extends ObjectKind>(kind: K, by: FindBy): ObjectTypes[K][] {
    assertKind(kind);
    checkFindBy(kind, by);
    return this.#state.table(kind).find(by) as ObjectTypes[K][];
  }
}

type Pending = Change & { id: string };

export class WriteTransaction implements WriteTx {
  readonly #state: StoreState;
  readonly #clock: Clock;
  /** Changes by `${kind}/${id}`, in order of first touch. */
  readonly #changes = new Map<string, Pending>();
  /** The same changes per kind, so lookups of one kind skip the others'. */
  readonly #byKind = new Map<ObjectKind, Map<string, Pending>>();
  /** Names held by this transaction's created or updated objects: `${kind}/${nameKey}` -> IDs. */
  readonly #names = new Map<string, Set<string>>();
  #closed = false;

  constructor(state: StoreState, clock: Clock) {
    this.#state = state;
    this.#clock = clock;
  }

  /** The collapsed changes (one per object); ends the transaction. */
  commit(): Change[] {
    this.#closed = true;
    return [...this.#changes.values()];
  }

  /** Ends the transaction without changes (its function threw). */
  abandon(): void {
    this.#closed = true;
  }

  get<K extends ObjectKind>(kind: K, id: string): ObjectTypes[K] | undefined {
    this.#open();
    assertKind(kind);
    const obj = this.#current(kind, id);
    return obj === undefined ? undefined : cloneObject(kind, obj as ObjectTypes[K]);
  }

  list<K extends ObjectKind>(kind: K): ObjectTypes[K][] {
    this.#open();
    assertKind(kind);
    return this.#merge(kind, this.#state.table(kind).values(), () => true);
  }

  find<K extends ObjectKind>(kind: K, by: FindBy): ObjectTypes[K][] {
    this.#open();
    assertKind(kind);
    checkFindBy(kind, by);
    return this.#merge(kind, this.#state.table(kind).find(by), (o) => matchesFindBy(kind, o, by));
  }

  create<K extends ObjectKind>(kind: K, obj: ObjectTypes[K]): void {
    this.#open();
    assertKind(kind);
    const copy = this.#copyIn(kind, obj, 'create');
    const id = copy.id;
    if (this.#current(kind, id) !== undefined) throw new ExistsError(kind, id);
    this.#checkName(kind, copy);
    const now = this.#clock.now();
    const key = `${kind}/${id}`;
    const prior = this.#changes.get(key);
    if (prior?.op === 'delete') {
      // Deleted and created again in one transaction: a replacement of the stored object.
      const stored = this.#state.table(kind).get(id)!;
      setMeta(copy, versionOf(stored), now, now);
      this.#set(kind, id, { op: 'update', kind, id, object: copy, expectedVersion: versionOf(stored) });
      return;
    }
    setMeta(copy, 0n, now, now);
    this.#set(kind, id, { op: 'create', kind, id, object: copy });
  }

  update<K extends ObjectKind>(kind: K, obj: ObjectTypes[K]): void {
    this.#open();
    assertKind(kind);
    const copy = this.#copyIn(kind, obj, 'update');
    const id = copy.id;
    const current = this.#current(kind, id);
    if (current === undefined) throw new NotFoundError(kind, id);
    const given = versionOf(copy);
    const stored = versionOf(current);
    if (given !== stored) throw new SequenceConflictError(kind, id, given, stored);
    this.#checkName(kind, copy);
    // The store owns the metadata: the version stays the one read until the transaction applies.
    setMeta(copy, stored, createdAtOf(current), this.#clock.now());
    const key = `${kind}/${id}`;
    const prior = this.#changes.get(key);
    if (prior?.op === 'create') {
      this.#set(kind, id, { op: 'create', kind, id, object: copy });
    } else {
      const expectedVersion = prior?.op === 'update' ? prior.expectedVersion : stored;
      this.#set(kind, id, { op: 'update', kind, id, object: copy, expectedVersion });
    }
  }

  delete(kind: ObjectKind, id: string): void {
    this.#open();
    assertKind(kind);
    if (typeof id !== 'string') throw new TypeError('delete(kind, id): id must be a string');
    if (this.#current(kind, id) === undefined) throw new NotFoundError(kind, id);
    const key = `${kind}/${id}`;
    const prior = this.#changes.get(key);
    if (prior?.op === 'create') {
      this.#set(kind, id, undefined);
      return;
    }
    this.#set(kind, id, { op: 'delete', kind, id });
  }

  #open(): void {
    if (this.#closed)
      throw new TypeError('this transaction has ended; use the tx only inside its update(fn) call');
  }

  /** The object as this transaction sees it (overlay first), or undefined if absent or deleted. */
  #current(kind: ObjectKind, id: string): StoreObject | undefined {
    const c = this.#changes.get(`${kind}/${id}`);
    if (c !== undefined) return c.op === 'delete' ? undefined : c.object;
    return this.#state.table(kind).get(id);
  }

  #merge<K extends ObjectKind>(
    kind: K,
    base: Iterable<StoreObject>,
    match: (o: StoreObject) => boolean,
  ): ObjectTypes[K][] {
    const out: ObjectTypes[K][] = [];
    const mine = this.#byKind.get(kind);
    for (const o of base) {
      if (mine?.has(o.id)) continue;
      out.push(cloneObject(kind, o as ObjectTypes[K]));
    }
    for (const c of mine?.values() ?? []) {
      if (c.op === 'delete' || !match(c.object)) continue;
      out.push(cloneObject(kind, c.object as ObjectTypes[K]));
    }
    return out;
  }

  #copyIn<K extends ObjectKind>(kind: K, obj: ObjectTypes[K], op: string): ObjectTypes[K] {
    if (typeof obj !== 'object' || obj === null)
      throw new TypeError(`${op}(${kind}, obj): obj must be a swarm.${kind} object`);
    assertValidId(obj.id, `${op}(${kind}, obj): obj.id`);
    return cloneObject(kind, obj);
  }

  #checkName(kind: ObjectKind, obj: StoreObject): void {
    if (!hasUniqueNames(kind)) return;
    const name = objectName(kind, obj);
    if (name === '') return;
    // Holders as stored, unless this transaction changed them (then the overlay says their name).
    const mine = this.#byKind.get(kind);
    for (const holder of this.#state.table(kind).idsNamed(name)) {
      if (holder !== obj.id && !mine?.has(holder)) throw new NameConflictError(kind, obj.id, name, holder);
    }
    for (const holder of this.#names.get(`${kind}/${nameKey(name)}`) ?? []) {
      if (holder !== obj.id) throw new NameConflictError(kind, obj.id, name, holder);
    }
  }

  /** Records (or, with undefined, forgets) the pending change of one object, keeping the overlay's name index. */
  #set(kind: ObjectKind, id: string, change: Pending | undefined): void {
    const key = `${kind}/${id}`;
    const prior = this.#changes.get(key);
    if (prior !== undefined && prior.op !== 'delete') this.#nameIndex(kind, prior.object, false);
    let mine = this.#byKind.get(kind);
    if (mine === undefined) this.#byKind.set(kind, (mine = new Map()));
    if (change === undefined) {
      this.#changes.delete(key);
      mine.delete(id);
      return;
    }
    this.#changes.set(key, change);
    mine.set(id, change);
    if (change.op !== 'delete') this.#nameIndex(kind, change.object, true);
  }

  #nameIndex(kind: ObjectKind, obj: StoreObject, add: boolean): void {
    const name = objectName(kind, obj);
    if (name === '') return;
    const k = `${kind}/${nameKey(name)}`;
    let ids = this.#names.get(k);
    if (add) {
      if (ids === undefined) this.#names.set(k, (ids = new Set()));
      ids.add(obj.id);
    } else if (ids !== undefined) {
      ids.delete(obj.id);
      if (ids.size === 0) this.#names.delete(k);
    }
  }
}
