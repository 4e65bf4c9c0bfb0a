/**
 * The node:crypto (OpenSSL) signer and verifier: about 20 times faster to sign and 30 times faster
 * to verify than @noble/curves, for a CA's hot path. Node.js only (`@swarm/ca/native`).
 */
import {
  createPrivateKey,
  createPublicKey,
  type JsonWebKey,
  type KeyObject,
  sign as nodeSign,
  verify as nodeVerify,
} from 'node:crypto';
import { p256, p384 } from '@noble/curves/nist.js';
import { encodePrivateKeyDer, type Signer, type SignerBackend, type Verifier } from './signer.js';

const curves = { 'P-256': p256, 'P-384': p384 } as const;

/** A Signer over a raw 32-byte P-256 private key using node:crypto (OpenSSL speed). */
export function nativeSigner(privateKey: Uint8Array): Signer {
  if (!(privateKey instanceof Uint8Array) || privateKey.length !== 32)
    throw new TypeError('nativeSigner(privateKey) needs the 32-byte P-256 private scalar');
  const publicKey = p256.getPublicKey(privateKey, false);
  const key = createPrivateKey({
    key: Buffer.from(encodePrivateKeyDer(privateKey)),
    format: 'der',
    type: 'pkcs8',
  });
  return {
    publicKey,
    sign: (tbs) => new Uint8Array(nodeSign('sha256', tbs, { key, dsaEncoding: 'der' })),
  };
}

/** The node:crypto backend, for `createRootCA({ backend })`, `loadRootCA` and `signerFromPem`. */
export const nativeBackend: SignerBackend = { name: 'native', signer: nativeSigner };

// Imported public keys, least recently used first: CA and peer keys recur, CSR keys never do.
const keyCache = new Map<string, KeyObject>();
const KEY_CACHE_MAX = 256;

/** The node:crypto verifier (about 30 times faster than noble). */
export const nativeVerifier: Verifier = {
  verify(curve, publicKey, message, derSignature, hash) {
    const id = `${curve}:${Buffer.from(publicKey).toString('hex')}`;
    let key = keyCache.get(id);
    try {
      if (key === undefined) {
        key = createPublicKey({ key: toJwk(curve, publicKey), format: 'jwk' });
        if (keyCache.size >= KEY_CACHE_MAX) keyCache.delete(keyCache.keys().next().value!);
      } else keyCache.delete(id);
      keyCache.set(id, key);
      return nodeVerify(
        hash === 'SHA-256' ? 'sha256' : 'sha384',
        message,
        { key, dsaEncoding: 'der' },
        derSignature,
      );
    } catch {
      return false;
    }
  },
};

/**
 * A JWK for an EC point. node:crypto imports JWK several times faster than SPKI DER (the DER
 * path goes through OpenSSL 3's generic decoders), and it still checks that the point is on the curve.
 */
function toJwk(curve: 'P-256' | 'P-384', point: Uint8Array): JsonWebKey {
  const p = point[0] === 4 ? point : curves[curve].Point.fromBytes(point).toBytes(false);
  const n = (p.length - 1) / 2;
  const b64 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64url');
  return { kty: 'EC', crv: curve, x: b64(p.subarray(1, 1 + n)), y: b64(p.subarray(1 + n)) };
}
