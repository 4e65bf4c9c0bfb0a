// The object kinds the store keeps, their protobuf codecs from @swarm/api, and the per-kind facts
// the indexes need (which name an object is known by, whether names must be unique).
import { fromLong, swarm, toLong } from '@swarm/api';

/** The kinds of objects the store holds. */
export type ObjectKind = 'cluster' | 'node' | 'service' | 'task' | 'secret' | 'network' | 'config';

/** The @swarm/api message type of each kind. */
export interface ObjectTypes {
  cluster: swarm.Cluster;
  node: swarm.Node;
  service: swarm.Service;
  task: swarm.Task;
  secret: swarm.Secret;
  network: swarm.Network;
  config: swarm.Config;
}

/** Any stored object. */
export type StoreObject = ObjectTypes[ObjectKind];

/**
 * Kinds in a fixed order: the order of snapshot sections and of `kindCode`. New kinds are only ever
 * appended, so that the codes of older kinds never change and an older snapshot (which ends before
 * the sections of later kinds) still decodes.
 */
export const OBJECT_KINDS: readonly ObjectKind[] = [
  'cluster',
  'node',
  'service',
  'task',
  'secret',
  'network',
  'config',
];

/** How many kinds the first snapshot format had; snapshots may end after these sections. */
export const FIRST_FORMAT_KINDS = 5;

interface Codec {
  encode(message: never): { finish(): Uint8Array };
  decode(bytes: Uint8Array): StoreObject;
}

const CODECS: Record<ObjectKind, Codec> = {
  cluster: swarm.Cluster as unknown as Codec,
  node: swarm.Node as unknown as Codec,
  service: swarm.Service as unknown as Codec,
  task: swarm.Task as unknown as Codec,
  secret: swarm.Secret as unknown as Codec,
  network: swarm.Network as unknown as Codec,
  config: swarm.Config as unknown as Codec,
};

/** Kinds whose names are unique (case-insensitively), as in swarmkit. Nodes and tasks may share names. */
const UNIQUE_NAMES: ReadonlySet<ObjectKind> = new Set(['cluster', 'service', 'secret', 'network', 'config']);

export function isObjectKind(kind: unknown): kind is ObjectKind {
  return typeof kind === 'string' && (OBJECT_KINDS as readonly string[]).includes(kind);
}

export function assertKind(kind: unknown, what = 'kind'): asserts kind is ObjectKind {
  if (!isObjectKind(kind)) {
    throw new TypeError(`${what} must be one of ${OBJECT_KINDS.join(', ')}; got ${JSON.stringify(kind)}`);
  }
}

export function kindCode(kind: ObjectKind): number {
  return OBJECT_KINDS.indexOf(kind);
}

export function kindFromCode(code: number): ObjectKind | undefined {
  return OBJECT_KINDS[code];
}

export function hasUniqueNames(kind: ObjectKind): boolean {
  return UNIQUE_NAMES.has(kind);
}

export function encodeObject(kind: ObjectKind, obj: StoreObject): Uint8Array {
  return CODECS[kind].encode(obj as never).finish();
}

export function decodeObject(kind: ObjectKind, bytes: Uint8Array): StoreObject {
  return CODECS[kind].decode(bytes);
}

/** A private, mutable deep copy (through the protobuf codec, so plain objects become messages). */
export function cloneObject<K extends ObjectKind>(kind: K, obj: ObjectTypes[K]): ObjectTypes[K] {
  return decodeObject(kind, encodeObject(kind, obj)) as ObjectTypes[K];
}

/**
 * The name an object is indexed by: annotations name (services, secrets, configs, networks, clusters, tasks), and for
 * nodes the spec name or else the reported hostname, as swarmkit does. Empty when it has none.
 */
export function objectName(kind: ObjectKind, obj: StoreObject): string {
  switch (kind) {
    case 'task':
      return (obj as swarm.Task).annotations?.name ?? '';
    case 'node': {
      const n = obj as swarm.Node;
      return n.spec?.annotations?.name || n.description?.hostname || '';
    }
    default:
      return (
        (obj as swarm.Service | swarm.Secret | swarm.Config | swarm.Network | swarm.Cluster).spec?.annotations
          ?.name ?? ''
      );
  }
}

/** Names compare case-insensitively. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

/** The object's optimistic-concurrency token: the raft index of the write that last changed it. */
export function versionOf(obj: StoreObject): bigint {
  return fromLong(obj.meta?.version?.index as Parameters<typeof fromLong>[0]);
}

/** Sets the store-owned metadata of an object (version, creation and update times in Unix ms). */
export function setMeta(obj: StoreObject, version: bigint, createdAt: number, updatedAt: number): void {
  obj.meta = {
    version: { index: toLong(version) },
    createdAt: toLong(BigInt(Math.max(0, Math.floor(createdAt)))),
    updatedAt: toLong(BigInt(Math.max(0, Math.floor(updatedAt)))),
  };
}

export function setVersion(obj: StoreObject, version: bigint): void {
  const meta = obj.meta ?? {};
  obj.meta = { ...meta, version: { index: toLong(version) } };
}

export function createdAtOf(obj: StoreObject): number {
  return Number(fromLong(obj.meta?.createdAt as Parameters<typeof fromLong>[0]));
}

/**
 * Freezes an object the store shares with readers, so that a reader cannot change the store's copy
 * by accident (in strict mode the assignment throws). Byte arrays cannot be frozen and are skipped.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || Object.isFrozen(value))
    return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
