// One kind's objects with their indexes: by ID, by name (case-insensitive), and for tasks by
// service, node and desired state. Objects in a table are frozen and shared with readers.
import type { swarm } from '@swarm/api';
import { nameKey, type ObjectKind, objectName, type StoreObject } from './kinds.js';
import type { FindBy } from './types.js';

const TASK_ONLY = ['serviceId', 'nodeId', 'desiredState'] as const;

/** Throws a RangeError for lookups the kind has no index for, or a TypeError for ill-typed values. */
export function checkFindBy(kind: ObjectKind, by: FindBy): void {
  if (typeof by !== 'object' || by === null) throw new TypeError('find(kind, by): by must be an object');
  if (by.name !== undefined && typeof by.name !== 'string')
    throw new TypeError('find(kind, by): by.name must be a string');
  for (const f of TASK_ONLY) {
    if (by[f] === undefined) continue;
    if (kind !== 'task') throw new RangeError(`find(${kind}, by): by.${f} is indexed for tasks only`);
  }
  if (by.serviceId !== undefined && typeof by.serviceId !== 'string')
    throw new TypeError('find(kind, by): by.serviceId must be a string');
  if (by.nodeId !== undefined && typeof by.nodeId !== 'string')
    throw new TypeError('find(kind, by): by.nodeId must be a string');
  if (by.desiredState !== undefined && !Number.isInteger(by.desiredState)) {
    throw new TypeError('find(kind, by): by.desiredState must be an integer (a swarm.TaskState)');
  }
}

/** True when `obj` matches every field of `by`. */
export function matchesFindBy(kind: ObjectKind, obj: StoreObject, by: FindBy): boolean {
  if (by.name !== undefined && nameKey(objectName(kind, obj)) !== nameKey(by.name)) return false;
  if (kind !== 'task') return true;
  const t = obj as swarm.Task;
  if (by.serviceId !== undefined && t.serviceId !== by.serviceId) return false;
  if (by.nodeId !== undefined && t.nodeId !== by.nodeId) return false;
  if (by.desiredState !== undefined && (t.desiredState ?? 0) !== by.desiredState) return false;
  return true;
}

export class ObjectTable {
  readonly kind: ObjectKind;
  readonly #byId = new Map<string, StoreObject>();
  readonly #byName = new Map<string, Set<string>>();
  readonly #byService = new Map<string, Set<string>>();
  readonly #byNode = new Map<string, Set<string>>();
  readonly #byDesiredState = new Map<number, Set<string>>();

  constructor(kind: ObjectKind) {
    this.kind = kind;
  }

  get size(): number {
    return this.#byId.size;
  }

  get(id: string): StoreObject | undefined {
    return this.#byId.get(id);
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  values(): IterableIterator<StoreObject> {
    return this.#byId.values();
  }

  /** IDs of objects with this name (case-insensitive). */
  idsNamed(name: string): ReadonlySet<string> {
    return this.#byName.get(nameKey(name)) ?? EMPTY;
  }

  /** Inserts or replaces an object (already frozen by the caller). */
  put(obj: StoreObject): void {
    const old = this.#byId.get(obj.id);
    if (old !== undefined) this.#unindex(old);
    this.#byId.set(obj.id, obj);
    this.#index(obj);
  }

  remove(id: string): StoreObject | undefined {
    const old = this.#byId.get(id);
    if (old === undefined) return undefined;
    this.#unindex(old);
    this.#byId.delete(id);
    return old;
  }

  clear(): void {
    this.#byId.clear();
    this.#byName.clear();
    this.#byService.clear();
    this.#byNode.clear();
    this.#byDesiredState.clear();
  }

  /** Objects matching every field of `by`, found through the smallest index that applies. */
  find(by: FindBy): StoreObject[] {
    const sets: ReadonlySet<string>[] = [];
    if (by.name !== undefined) sets.push(this.#byName.get(nameKey(by.name)) ?? EMPTY);
    if (by.serviceId !== undefined) sets.push(this.#byService.get(by.serviceId) ?? EMPTY);
    if (by.nodeId !== undefined) sets.push(this.#byNode.get(by.nodeId) ?? EMPTY);
    if (by.desiredState !== undefined) sets.push(this.#byDesiredState.get(by.desiredState) ?? EMPTY);
    if (sets.length === 0) return [...this.#byId.values()];
    let smallest = sets[0]!;
    for (const s of sets) if (s.size < smallest.size) smallest = s;
    const out: StoreObject[] = [];
    for (const id of smallest) {
      const obj = this.#byId.get(id)!;
      if (matchesFindBy(this.kind, obj, by)) out.push(obj);
    }
    return out;
  }

  #index(obj: StoreObject): void {
    const name = objectName(this.kind, obj);
    if (name !== '') add(this.#byName, nameKey(name), obj.id);
    if (this.kind === 'task') {
      const t = obj as swarm.Task;
      add(this.#byService, t.serviceId ?? '', obj.id);
      add(this.#byNode, t.nodeId ?? '', obj.id);
      add(this.#byDesiredState, t.desiredState ?? 0, obj.id);
    }
  }

  #unindex(obj: StoreObject): void {
    const name = objectName(this.kind, obj);
    if (name !== '') del(this.#byName, nameKey(name), obj.id);
    if (this.kind === 'task') {
      const t = obj as swarm.Task;
      del(this.#byService, t.serviceId ?? '', obj.id);
      del(this.#byNode, t.nodeId ?? '', obj.id);
      del(this.#byDesiredState, t.desiredState ?? 0, obj.id);
    }
  }
}

const EMPTY: ReadonlySet<string> = new Set();

function add<K>(index: Map<K, Set<string>>, key: K, id: string): void {
  let s = index.get(key);
  if (s === undefined) index.set(key, (s = new Set()));
  s.add(id);
}

function del<K>(index: Map<K, Set<string>>, key: K, id: string): void {
  const s = index.get(key);
  if (s === undefined) return;
  s.delete(id);
  if (s.size === 0) index.delete(key);
}
