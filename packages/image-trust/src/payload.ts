/**
 * The signed JSON payload of containers' simple signing and of cosign (containers-signature(5)):
 * `{"critical": {"type", "image": {"docker-manifest-digest"}, "identity": {"docker-reference"}},
 * "optional": {...}}`. Parsed only after its signature verified, and strictly: an unknown member
 * anywhere in `critical` refuses the signature.
 */
import type { ImageReference } from './reference.js';
import { isDigest, parseReference } from './reference.js';
import { isPlainObject, parseStrictJson } from './strict-json.js';

/** `critical.type` of containers/image simple signing (skopeo --sign-by). */
export const SIMPLE_SIGNING_TYPE = 'atomic container signature';
/** `critical.type` of cosign / sigstore signatures (skopeo --sign-by-sigstore-private-key, cosign sign). */
export const COSIGN_TYPE = 'cosign container image signature';

/**
 * The claims of a verified signature's payload: the manifest digest it signs and the identity it
 * names, with the optional creator and timestamp.
 */
export interface SignaturePayload {
  /** `critical.image.docker-manifest-digest`. */
  readonly digest: string;
  /** `critical.identity.docker-reference`, normalized. */
  readonly identity: ImageReference;
  /** The identity as written. */
  readonly identityText: string;
  readonly creator?: string;
  readonly timestamp?: number;
}

export type PayloadResult = { ok: true; payload: SignaturePayload } | { ok: false; problem: string };

const dec = new TextDecoder('utf-8', { fatal: true });

function exactKeys(o: Record<string, unknown>, keys: readonly string[], at: string): string | undefined {
  for (const k of Object.keys(o))
    if (!keys.includes(k)) return `${at} has an unexpected member ${JSON.stringify(k)}`;
  for (const k of keys) if (!(k in o)) return `${at} lacks ${JSON.stringify(k)}`;
  return undefined;
}

/**
 * Parses a signature payload whose signature already verified. Refuses (with `ok: false` and the
 * problem) bytes that are not UTF-8 strict JSON, a `critical.type` other than `expectedType`
 * (`SIMPLE_SIGNING_TYPE` or `COSIGN_TYPE`), any unexpected or missing member of `critical`, a digest
 * that is not sha256, or an identity that is not an image reference.
 */
export function parsePayload(bytes: Uint8Array, expectedType: string): PayloadResult {
  let text: string;
  try {
    text = dec.decode(bytes);
  } catch {
    return { ok: false, problem: 'the payload is not UTF-8' };
  }
  const parsed = parseStrictJson(text);
  if (!parsed.ok) return { ok: false, problem: `the payload is ${parsed.problem}` };
  const top = parsed.value;
  if (!isPlainObject(top)) return { ok: false, problem: 'the payload is not a JSON object' };
  const bad = exactKeys(top, ['critical', 'optional'], 'the payload');
  if (bad) return { ok: false, problem: bad };
  const critical = top.critical;
  if (!isPlainObject(critical)) return { ok: false, problem: 'critical is not an object' };
  const badC = exactKeys(critical, ['type', 'image', 'identity'], 'critical');
  if (badC) return { ok: false, problem: badC };
  if (critical.type !== expectedType)
    return {
      ok: false,
      problem: `critical.type is ${JSON.stringify(critical.type)}, expected ${JSON.stringify(expectedType)}`,
    };
  const image = critical.image;
  if (!isPlainObject(image)) return { ok: false, problem: 'critical.image is not an object' };
  const badI = exactKeys(image, ['docker-manifest-digest'], 'critical.image');
  if (badI) return { ok: false, problem: badI };
  const digest = image['docker-manifest-digest'];
  if (typeof digest !== 'string' || !isDigest(digest))
    return { ok: false, problem: 'critical.image.docker-manifest-digest is not a sha256 digest' };
  const identity = critical.identity;
  if (!isPlainObject(identity)) return { ok: false, problem: 'critical.identity is not an object' };
  const badId = exactKeys(identity, ['docker-reference'], 'critical.identity');
  if (badId) return { ok: false, problem: badId };
  const refText = identity['docker-reference'];
  if (typeof refText !== 'string')
    return { ok: false, problem: 'critical.identity.docker-reference is not a string' };
  let ref: ImageReference;
  try {
    ref = parseReference(refText);
  } catch (e) {
    return { ok: false, problem: `critical.identity.docker-reference: ${(e as Error).message}` };
  }
  // cosign writes "optional": null; simple signing an object.
  const optional = top.optional;
  if (optional !== null && !isPlainObject(optional))
    return { ok: false, problem: 'optional is not an object' };
  const creator = optional?.creator;
  const timestamp = optional?.timestamp;
  if (creator !== undefined && typeof creator !== 'string')
    return { ok: false, problem: 'optional.creator is not a string' };
  if (timestamp !== undefined && (typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp)))
    return { ok: false, problem: 'optional.timestamp is not an integer' };
  return {
    ok: true,
    payload: {
      digest,
      identity: ref,
      identityText: refText,
      ...(creator === undefined ? {} : { creator }),
      ...(timestamp === undefined ? {} : { timestamp }),
    },
  };
}
