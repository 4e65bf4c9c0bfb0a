/**
 * Signing as a seam. The CA signs TBS bytes through a `Signer`, so the portable @noble/curves
 * implementation (the default) and a node:crypto one (`@swarm/ca/native`, about 20 times faster,
 * for the CA's hot path) are interchangeable; an HSM-backed signer fits the same shape.
 */
import { p256, p384 } from '@noble/curves/nist.js';
import { sha256, sha384 } from '@noble/hashes/sha2.js';
import { bitString, bytesEqual, explicit, octetString, oid, sequence, smallInteger } from './der.js';
import { OID } from './oids.js';
import { decodePem, encodePem } from './pem.js';
import { parsePrivateKey } from './private-key.js';

/** Signs with an ECDSA P-256 key; `sign` returns a DER ECDSA-with-SHA256 signature. */
export interface Signer {
  /** The public key as an uncompressed SEC1 point (65 bytes). */
  readonly publicKey: Uint8Array;
  /** Signs the to-be-signed bytes; returns a DER ECDSA-with-SHA256 signature. */
  sign(tbs: Uint8Array): Uint8Array | Promise<Uint8Array>;
}

/** Verifies ECDSA signatures; `hash` names the digest the signature algorithm uses. */
export interface Verifier {
  /** Whether `derSignature` signs `message` (hashed with `hash`) under `publicKey` on `curve`. */
  verify(
    curve: 'P-256' | 'P-384',
    publicKey: Uint8Array,
    message: Uint8Array,
    derSignature: Uint8Array,
    hash: 'SHA-256' | 'SHA-384',
  ): boolean;
}

const curves = { 'P-256': p256, 'P-384': p384 } as const;

/** A Signer over a raw 32-byte P-256 private key using @noble/curves (portable). */
export function nobleSigner(privateKey: Uint8Array): Signer {
  if (!(privateKey instanceof Uint8Array) || privateKey.length !== 32)
    throw new TypeError('nobleSigner(privateKey) needs the 32-byte P-256 private scalar');
  const publicKey = p256.getPublicKey(privateKey, false);
  return {
    publicKey,
    sign: (tbs) => p256.sign(tbs, privateKey, { format: 'der', prehash: true }),
  };
}

/**
 * Makes Signers from raw P-256 private scalars: `nobleBackend` (portable, the default) here,
 * `nativeBackend` (node:crypto) in `@swarm/ca/native`, or your own (an HSM).
 */
export interface SignerBackend {
  /** A short name for logs and benchmarks (`'noble'`, `'native'`). */
  readonly name: string;
  /** A Signer over the 32-byte P-256 private scalar `privateKey`. */
  signer(privateKey: Uint8Array): Signer;
}

/** The portable backend: @noble/curves. */
export const nobleBackend: SignerBackend = { name: 'noble', signer: nobleSigner };

/** A Signer from a PKCS#8 `PRIVATE KEY` PEM (P-256), with the chosen backend (default noble). */
export function signerFromPem(keyPem: string, backend: SignerBackend = nobleBackend): Signer {
  return backend.signer(parsePrivateKey(decodePem(keyPem, 'PRIVATE KEY')));
}

/** The portable verifier. OpenSSL does not normalize S, so high-S signatures are accepted. */
export const nobleVerifier: Verifier = {
  verify(curve, publicKey, message, derSignature, hash) {
    const digest = hash === 'SHA-256' ? sha256(message) : sha384(message);
    try {
      return curves[curve].verify(derSignature, digest, publicKey, {
        prehash: false,
        lowS: false,
        format: 'der',
      });
    } catch {
      return false;
    }
  },
};

/** SubjectPublicKeyInfo DER for an EC point on `curve`. */
export function encodeSpki(curve: 'P-256' | 'P-384', point: Uint8Array): Uint8Array {
  return sequence(
    sequence(oid(OID.ecPublicKey), oid(curve === 'P-256' ? OID.prime256v1 : OID.secp384r1)),
    bitString(point),
  );
}

/** PKCS#8 DER of a P-256 private scalar (with its public key, as OpenSSL writes it). */
export function encodePrivateKeyDer(d: Uint8Array, publicKey?: Uint8Array): Uint8Array {
  const pub = publicKey ?? p256.getPublicKey(d, false);
  const ecPrivateKey = sequence(smallInteger(1), octetString(d), explicit(1, bitString(pub)));
  return sequence(
    smallInteger(0),
    sequence(oid(OID.ecPublicKey), oid(OID.prime256v1)),
    octetString(ecPrivateKey),
  );
}

/** PKCS#8 PEM of a P-256 private scalar. */
export function encodePrivateKeyPem(d: Uint8Array, publicKey?: Uint8Array): string {
  return encodePem('PRIVATE KEY', encodePrivateKeyDer(d, publicKey));
}

/** True when two signers hold the same key. */
export function sameKey(a: Signer, b: Signer): boolean {
  return bytesEqual(a.publicKey, b.publicKey);
}
