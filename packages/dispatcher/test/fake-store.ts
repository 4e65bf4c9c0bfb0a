/**
 * A small single-member store that follows the @swarm/store contract (copies in and out, versions,
 * SEQUENCE_CONFLICT on a stale update, watches in apply order). The dispatcher tests run against
 * it and against @swarm/store's own memory store (see store-factories.ts).
 */
import { fromLong, SwarmError, swarm, toLong } from '@swarm/api';
import type { DispatcherStore, ObjectKind, ObjectTypes, ReadTx, StoreEvent, WriteTx } from '../src/index.js';

type Obj = ObjectTypes[ObjectKind];
const CODECS = {
  cluster: swarm.Cluster,
  node: swarm.Node,
  service: swarm.Service,
  task: swarm.Task,
  secret: swarm.Secret,
  config: swarm.Config,
} as const;

function clone<K extends ObjectKind>(kind: K, o: Obj): ObjectTypes[K] {
  const c = (CODECS as Record<ObjectKind, unknown>)[kind] as {
    encode(m: Obj): { finish(): Uint8Array };
    decode(b: Uint8Array): Obj;
  };
  return c.decode(c.encode(o).finish()) as ObjectTypes[K];
}

function versionOf(o: Obj | undefined): bigint {
  return fromLong(o?.meta?.version?.index as never);
}

export class FakeStore implements DispatcherStore {
  readonly #tables = new Map<ObjectKind, Map<string, Obj>>();
  #version = 0n;
  readonly #watchers = new Set<{ kinds?: ObjectKind[]; listener: (e: StoreEvent[]) => void }>();

  #table(kind: ObjectKind): Map<string, Obj> {
    const t = this.#tables.get(kind) ?? new Map<string, Obj>();
    this.#tables.set(kind, t);
    return t;
  }

  #reader(): ReadTx {
    const find = <K extends ObjectKind>(
      kind: K,
      by: { name?: string; nodeId?: string; serviceId?: string },
    ) =>
      [...this.#table(kind).values()]
        .filter((o) => {
          const t = o as swarm.Task;
          if (by.nodeId !== undefined && t.nodeId !== by.nodeId) return false;
          if (by.serviceId !== undefined && t.serviceId !== by.serviceId) return false;
          return true;
        })
        .map((o) => clone(kind, o));
    return {
      get: (kind, id) => {
        const o = this.#table(kind).get(id);
        return o === undefined ? undefined : clone(kind, o);
      },
      list: (kind) => [...this.#table(kind).values()].map((o) => clone(kind, o)),
      find,
    } as ReadTx;
  }

  view<T>(fn: (tx: ReadTx) => T): T {
    return fn(this.#reader());
  }

  async update(fn: (tx: WriteTx) => void): Promise<{ version: bigint }> {
    const reader = this.#reader();
    const writes: { kind: ObjectKind; action: StoreEvent['action']; obj: Obj; base: bigint }[] = [];
    const staged = (kind: ObjectKind, id: string) =>
      writes.findLast((w) => w.kind === kind && w.obj.id === id);
    const tx: WriteTx = {
      ...reader,
      get: ((kind: ObjectKind, id: string) => {
        const w = staged(kind, id);
        if (w) return w.action === 'delete' ? undefined : clone(kind, w.obj);
        return reader.get(kind, id);
      }) as ReadTx['get'],
      create: (kind, obj) => {
        if (this.#table(kind).has(obj.id)) throw new SwarmError('EXISTS', `${kind} ${obj.id} exists`);
        writes.push({ kind, action: 'create', obj: clone(kind, obj), base: -1n });
      },
      update: (kind, obj) => {
        writes.push({ kind, action: 'update', obj: clone(kind, obj), base: versionOf(obj) });
      },
      delete: (kind, id) => {
        const cur = this.#table(kind).get(id);
        if (!cur) throw new SwarmError('NOT_FOUND', `${kind} ${id} not found`);
        writes.push({ kind, action: 'delete', obj: cur, base: versionOf(cur) });
      },
    };
    fn(tx);
    await Promise.resolve();
    for (const w of writes) {
      if (w.action === 'update' && versionOf(this.#table(w.kind).get(w.obj.id)) !== w.base)
        throw new SwarmError('SEQUENCE_CONFLICT', `${w.kind} ${w.obj.id} changed since it was read`);
    }
    const version = ++this.#version;
    const events: StoreEvent[] = [];
    for (const w of writes) {
      const table = this.#table(w.kind);
      const old = table.get(w.obj.id);
      if (w.action === 'delete') {
        table.delete(w.obj.id);
        events.push({ kind: w.kind, action: 'delete', object: w.obj, version });
        continue;
      }
      w.obj.meta = swarm.Meta.create({ ...(w.obj.meta ?? {}), version: { index: toLong(version) } });
      table.set(w.obj.id, w.obj);
      events.push({ kind: w.kind, action: w.action, object: w.obj, ...(old ? { old } : {}), version });
    }
    for (const watcher of this.#watchers) {
      const mine = events.filter((e) => !watcher.kinds || watcher.kinds.includes(e.kind));
      if (mine.length > 0) watcher.listener(mine);
    }
    return { version };
  }

  watch(filter: { kinds?: ObjectKind[] }, listener: (events: StoreEvent[]) => void): () => void {
    const w = { ...(filter.kinds ? { kinds: filter.kinds } : {}), listener };
    this.#watchers.add(w);
    return () => this.#watchers.delete(w);
  }
}
