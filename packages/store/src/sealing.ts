// Store-level encryption of secret fields: a secret's data and the cluster's CA keys (current and
// during a root rotation). Each field is sealed by the RecordCipher with associated data naming the
// kind, the object ID and the field, so sealed bytes moved to another object or field do not open.
import type { swarm } from '@swarm/api';
import type { RecordCipher } from '@swarm/raft';
import { StoreCorruptError } from './errors.js';
import type { ObjectKind, StoreObject } from './kinds.js';

type Field = 'data' | 'ca-key' | 'rotation-ca-key';

export function associatedDataFor(kind: ObjectKind, id: string, field: Field): Uint8Array {
  return new TextEncoder().encode(`swarm-store/v1/${kind}/${id}/${field}`);
}

const nonEmpty = (b: Uint8Array | null | undefined): b is Uint8Array => b != null && b.byteLength > 0;

/** True when the object carries secret bytes that the store seals. */
export function hasSealableFields(kind: ObjectKind, obj: StoreObject): boolean {
  if (kind === 'secret') return nonEmpty((obj as swarm.Secret).spec?.data);
  if (kind === 'cluster') {
    const root = (obj as swarm.Cluster).rootCa;
    return nonEmpty(root?.caKey) || nonEmpty(root?.rootRotation?.caKey);
  }
  return false;
}

/**
 * A shallow copy of `obj` whose secret fields are sealed (the original is untouched), or `obj`
 * itself when there is no cipher or nothing to seal.
 */
export function sealFields(
  kind: ObjectKind,
  obj: StoreObject,
  cipher: RecordCipher | undefined,
): { object: StoreObject; sealed: boolean } {
  if (cipher === undefined || !hasSealableFields(kind, obj)) return { object: obj, sealed: false };
  const seal = (b: Uint8Array | null | undefined, field: Field) =>
    nonEmpty(b) ? cipher.encrypt(b, associatedDataFor(kind, obj.id, field)) : b;
  if (kind === 'secret') {
    const s = obj as swarm.Secret;
    return {
      object: { ...s, spec: { ...s.spec, data: seal(s.spec?.data, 'data') } } as StoreObject,
      sealed: true,
    };
  }
  const c = obj as swarm.Cluster;
  const root = c.rootCa!;
  const rotation = root.rootRotation;
  const sealedRoot = {
    ...root,
    caKey: seal(root.caKey, 'ca-key'),
    ...(rotation == null
      ? {}
      : { rootRotation: { ...rotation, caKey: seal(rotation.caKey, 'rotation-ca-key') } }),
  };
  return { object: { ...c, rootCa: sealedRoot } as StoreObject, sealed: true };
}

/**
 * Opens the sealed fields of a freshly decoded object in place. Fails closed: sealed bytes without
 * a cipher, plaintext secret bytes where a cipher is set, or bytes that do not open (wrong key,
 * tampering, moved between objects) are all STORE_CORRUPT.
 */
export function openSealedFields(
  kind: ObjectKind,
  obj: StoreObject,
  sealed: boolean,
  cipher: RecordCipher | undefined,
  what: string,
): void {
  if (!sealed) {
    if (cipher !== undefined && hasSealableFields(kind, obj)) {
      throw new StoreCorruptError(
        what,
        `${kind} ${obj.id} carries plaintext secret fields but this store has a cipher`,
      );
    }
    return;
  }
  if (cipher === undefined) {
    throw new StoreCorruptError(
      what,
      `${kind} ${obj.id} carries sealed secret fields but this store has no cipher`,
    );
  }
  const open = (b: Uint8Array | null | undefined, field: Field): Uint8Array | null | undefined => {
    if (!nonEmpty(b)) return b;
    try {
      return cipher.decrypt(b, associatedDataFor(kind, obj.id, field));
    } catch {
      throw new StoreCorruptError(
        what,
        `sealed ${field} of ${kind} ${obj.id} does not open (wrong key, tampered, or moved)`,
      );
    }
  };
  if (kind === 'secret') {
    const s = obj as swarm.Secret;
    if (s.spec != null) s.spec.data = open(s.spec.data, 'data') ?? new Uint8Array();
    return;
  }
  if (kind === 'cluster') {
    const root = (obj as swarm.Cluster).rootCa;
    if (root == null) return;
    root.caKey = open(root.caKey, 'ca-key') ?? new Uint8Array();
    if (root.rootRotation != null)
      root.rootRotation.caKey = open(root.rootRotation.caKey, 'rotation-ca-key') ?? new Uint8Array();
  }
}
