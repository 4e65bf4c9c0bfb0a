/**
 * Sigstore (cosign) key-based signatures: a public key in PEM (what `cosign generate-key-pair`
 * writes as cosign.pub), and a signature that is the base64 of an ASN.1 ECDSA signature over the
 * SHA-256 of the payload bytes (the `dev.cosignproject.cosign/signature` annotation).
 */
import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';

const dec = new TextDecoder();

/** Reads a PEM public key (ECDSA, as cosign makes; RSA and Ed25519 are also accepted). */
export function readSigstorePublicKey(data: Uint8Array): { key: KeyObject; keyId: string } {
  const text = dec.decode(data);
  if (!text.includes('-----BEGIN PUBLIC KEY-----'))
    throw new Error('the key data is not a PEM public key (-----BEGIN PUBLIC KEY-----), as cosign.pub is');
  let key: KeyObject;
  try {
    key = createPublicKey({ key: text, format: 'pem' });
  } catch (e) {
    throw new Error(`the PEM public key cannot be read (${(e as Error).message})`);
  }
  const type = key.asymmetricKeyType;
  if (type !== 'ec' && type !== 'rsa' && type !== 'ed25519')
    throw new Error(`sigstore keys must be ECDSA, RSA or Ed25519, this one is ${String(type)}`);
  const spki = key.export({ type: 'spki', format: 'der' });
  return { key, keyId: createHash('sha256').update(spki).digest('hex') };
}

/** True when `signatureB64` is a valid signature of `payload` by `key`. */
export function verifySigstoreSignature(payload: Uint8Array, signatureB64: string, key: KeyObject): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signatureB64)) return false;
  const sig = Buffer.from(signatureB64, 'base64');
  try {
    return verify(key.asymmetricKeyType === 'ed25519' ? null : 'sha256', payload, key, sig);
  } catch {
    return false;
  }
}
