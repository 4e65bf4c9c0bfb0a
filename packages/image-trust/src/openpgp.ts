/**
 * The OpenPGP part: read public keyrings (what `gpg --export` writes, binary or armored) and verify
 * an OpenPGP "Signed Message" (RFC 4880 section 11.3; what `gpg --sign` and skopeo's simple
 * signing write) against them, returning the signed bytes only once they are authenticated.
 */
import * as openpgp from 'openpgp';

/** An OpenPGP public key (openpgp.js's `PublicKey`), as `signedBy` requirements hold them. */
export type PublicKey = openpgp.PublicKey;

const ARMOR = '-----BEGIN PGP';
const dec = new TextDecoder();

/** Public keys from a keyring (binary or ASCII-armored); secret keys are reduced to their public part. */
export async function readPublicKeys(data: Uint8Array): Promise<PublicKey[]> {
  const head = dec.decode(data.subarray(0, 200)).trimStart();
  const keys = head.startsWith(ARMOR)
    ? await openpgp.readKeys({ armoredKeys: dec.decode(data) })
    : await openpgp.readKeys({ binaryKeys: data });
  return keys.map((k) => k.toPublic());
}

/** Uppercase hex fingerprint of a key's primary key. */
export function fingerprintOf(key: PublicKey): string {
  return key.getFingerprint().toUpperCase();
}

export type SignedMessageResult =
  | { ok: true; payload: Uint8Array; signer: string; created: Date }
  /** Not an OpenPGP signed message, or not exactly one signature. */
  | { ok: false; kind: 'malformed'; problem: string }
  /** Made by a key not among the trusted ones (its key ID, hex). */
  | { ok: false; kind: 'untrusted'; signer: string }
  /** Claims a trusted key but does not verify (tampered, expired, revoked key). */
  | { ok: false; kind: 'bad'; signer: string; problem: string };

/**
 * Verifies `blob` (a binary or armored OpenPGP signed message) with `trusted`. `date` is "now" for
 * expiry checks. The payload is returned only when the one signature verified.
 */
export async function verifySignedMessage(
  blob: Uint8Array,
  trusted: readonly PublicKey[],
  date: Date,
): Promise<SignedMessageResult> {
  let message: openpgp.Message<Uint8Array>;
  try {
    const head = dec.decode(blob.subarray(0, 200)).trimStart();
    message = head.startsWith(ARMOR)
      ? ((await openpgp.readMessage({
          armoredMessage: dec.decode(blob),
        })) as unknown as openpgp.Message<Uint8Array>)
      : await openpgp.readMessage({ binaryMessage: blob });
  } catch (e) {
    return { ok: false, kind: 'malformed', problem: `not an OpenPGP message (${(e as Error).message})` };
  }
  return verifyOne(message, message.getSigningKeyIDs(), undefined, trusted, date);
}

/**
 * Verifies a detached signature (`gpg --detach-sign`, binary or `--armor`; RFC 4880 section 11.4)
 * over `data` with `trusted`. The result's payload is `data`, returned only when the one
 * signature verified over exactly these bytes.
 */
export async function verifyDetachedSignature(
  data: Uint8Array,
  signatureBlob: Uint8Array,
  trusted: readonly PublicKey[],
  date: Date,
): Promise<SignedMessageResult> {
  let signature: openpgp.Signature;
  let message: openpgp.Message<Uint8Array>;
  try {
    const head = dec.decode(signatureBlob.subarray(0, 200)).trimStart();
    signature = head.startsWith(ARMOR)
      ? await openpgp.readSignature({ armoredSignature: dec.decode(signatureBlob) })
      : await openpgp.readSignature({ binarySignature: signatureBlob });
    message = await openpgp.createMessage({ binary: data });
  } catch (e) {
    return { ok: false, kind: 'malformed', problem: `not an OpenPGP signature (${(e as Error).message})` };
  }
  return verifyOne(message, signature.getSigningKeyIDs(), signature, trusted, date);
}

async function verifyOne(
  message: openpgp.Message<Uint8Array>,
  ids: openpgp.KeyID[],
  signature: openpgp.Signature | undefined,
  trusted: readonly PublicKey[],
  date: Date,
): Promise<SignedMessageResult> {
  if (ids.length !== 1)
    return { ok: false, kind: 'malformed', problem: `expected exactly one signature, found ${ids.length}` };
  const signerId = (ids[0] as openpgp.KeyID).toHex().toUpperCase();
  const candidates = trusted.filter((k) => k.getKeyIDs().some((id) => id.equals(ids[0] as openpgp.KeyID)));
  if (candidates.length === 0) return { ok: false, kind: 'untrusted', signer: signerId };
  try {
    const result = await openpgp.verify({
      message,
      ...(signature === undefined ? {} : { signature }),
      verificationKeys: candidates,
      expectSigned: true,
      format: 'binary',
      date,
    });
    const sig = result.signatures[0];
    if (sig === undefined || result.signatures.length !== 1)
      return { ok: false, kind: 'malformed', problem: 'expected exactly one signature' };
    await sig.verified;
    const packet = (await sig.signature).packets[0];
    const key = candidates.find((k) => k.getKeyIDs().some((id) => id.equals(sig.keyID))) ?? candidates[0];
    return {
      ok: true,
      payload: result.data as Uint8Array,
      signer: key === undefined ? signerId : fingerprintOf(key),
      created: packet?.created ?? new Date(0),
    };
  } catch (e) {
    return { ok: false, kind: 'bad', signer: signerId, problem: (e as Error).message };
  }
}
