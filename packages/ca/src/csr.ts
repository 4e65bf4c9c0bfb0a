/**
 * Certificate signing requests (PKCS#10, RFC 2986). The node makes a new key and a CSR each time;
 * the CA validates the request and keeps only its public key: every name, usage and constraint in
 * it is ignored, so a CSR asking for CA:true or another node's name gains nothing.
 */
import { p256, p384 } from '@noble/curves/nist.js';
import { cryptoRandom, type Random } from '@swarm/api';
import { encodeName } from './certificate.js';
import {
  bitString,
  children,
  type Der,
  expectChildren,
  expectTag,
  oid,
  readBitString,
  readBoolean,
  readDer,
  readOid,
  readUnsigned,
  sequence,
  smallInteger,
  tlv,
} from './der.js';
import { toHex } from './encoding.js';
import { CsrError, type CsrErrorCode, DerError, PemError } from './errors.js';
import { OID } from './oids.js';
import { decodePem, encodePem, MAX_PEM_BYTES } from './pem.js';
import { generatePrivateKey } from './private-key.js';
import { encodePrivateKeyPem, encodeSpki, nobleSigner, nobleVerifier, type Verifier } from './signer.js';

/** A new private key (kept on the node) and the CSR that carries its public key. */
export interface KeyAndCSR {
  /** The new private key, PKCS#8 PEM. It never leaves the node. */
  readonly keyPem: string;
  readonly csrPem: string;
}

/** Options of `createKeyAndCSR`. */
export interface CreateKeyAndCSROptions {
  /** Key source. Default `cryptoRandom` (tests may pass a seeded one). */
  random?: Random;
  /** A CN for the request's subject, for people reading it; the CA ignores it. */
  commonName?: string;
}

/** A new P-256 key and a CSR for it, signed with that key. Call it for every issue and renewal. */
export function createKeyAndCSR(options: CreateKeyAndCSROptions = {}): KeyAndCSR {
  const d = generatePrivateKey(options.random ?? cryptoRandom);
  const signer = nobleSigner(d);
  const subject = encodeName(
    options.commonName === undefined ? [] : [{ type: OID.commonName, value: options.commonName }],
  );
  const info = sequence(smallInteger(0), subject, encodeSpki('P-256', signer.publicKey), tlv(0xa0));
  const sig = signer.sign(info) as Uint8Array;
  const der = sequence(info, sequence(oid(OID.ecdsaWithSha256)), bitString(sig));
  return { keyPem: encodePrivateKeyPem(d, signer.publicKey), csrPem: encodePem('CERTIFICATE REQUEST', der) };
}

/** What the CA takes from a valid CSR. */
export interface ValidatedCSR {
  readonly curve: 'P-256' | 'P-384';
  /** The subject's public key as an uncompressed point. */
  readonly publicKey: Uint8Array;
  /** True when the request asked for CA:true. Recorded for audit; never honoured. */
  readonly requestedCA: boolean;
  /** OIDs of the extensions the request carried (all ignored). */
  readonly requestedExtensions: readonly string[];
}

/** Limits and seams of `validateCSR`. */
export interface ValidateCSROptions {
  /** Allow P-384 keys as well as P-256. Default false. */
  allowP384?: boolean;
  /** Signature verifier. Default `nobleVerifier`; the CA's hot path may pass `nativeVerifier`. */
  verifier?: Verifier;
  /** Largest accepted PEM input in bytes. Default 16 KiB. */
  maxBytes?: number;
}

const PEM_TO_CSR: Record<string, CsrErrorCode> = {
  PEM_EMPTY: 'CSR_EMPTY',
  PEM_TOO_LARGE: 'CSR_TOO_LARGE',
  PEM_MULTIPLE_BLOCKS: 'CSR_MULTIPLE_PEM_BLOCKS',
  PEM_MALFORMED: 'CSR_BAD_PEM',
  PEM_WRONG_LABEL: 'CSR_BAD_PEM',
  DER_MALFORMED: 'CSR_MALFORMED',
  DER_TRAILING_BYTES: 'CSR_TRAILING_BYTES',
};

function fail(code: CsrErrorCode, message: string, details: Record<string, unknown> = {}): CsrError {
  return new CsrError(code, `certificate signing request refused: ${message}`, details);
}

/**
 * Validates a PEM CSR: size, one block, strict DER, version 1, an EC key on P-256 (or P-384 when
 * allowed) whose point is on the curve, a supported signature that verifies, and no duplicate
 * attributes or extensions. Every failure is a `CsrError` with a stable code.
 */
export function validateCSR(csrPem: unknown, options: ValidateCSROptions = {}): ValidatedCSR {
  try {
    const der = decodePem(csrPem, 'CERTIFICATE REQUEST', { maxBytes: options.maxBytes ?? MAX_PEM_BYTES });
    return validateDer(der, options);
  } catch (err) {
    if (err instanceof CsrError) throw err;
    if (err instanceof PemError || err instanceof DerError) {
      throw new CsrError(
        PEM_TO_CSR[err.code]!,
        `certificate signing request refused: ${err.message}`,
        err.details,
        {
          cause: err,
        },
      );
    }
    throw err;
  }
}

function validateDer(der: Uint8Array, options: ValidateCSROptions): ValidatedCSR {
  const top = readDer(der, 'CSR');
  const [info, alg, sig] = expectChildren(top, 0x30, 3, 3, 'CSR');
  const infoKids = expectChildren(info, 0x30, 4, 4, 'CertificationRequestInfo');
  if (readUnsigned(infoKids[0], 'CSR version') !== 0n)
    throw fail('CSR_UNSUPPORTED_VERSION', 'only version 1 (0) requests are accepted');
  // The subject is ignored, but it must still be a well-formed Name.
  for (const rdn of children(expectTag(infoKids[1], 0x30, 'subject'), 'subject'))
    for (const atv of children(expectTag(rdn, 0x31, 'subject RDN'), 'subject RDN'))
      expectChildren(atv, 0x30, 2, 2, 'subject attribute');
  const { curve, publicKey } = readKey(infoKids[2], options);
  const { requestedCA, requestedExtensions } = readAttributes(infoKids[3]);

  const algKids = expectChildren(alg, 0x30, 1, 2, 'signature algorithm');
  const algOid = readOid(algKids[0], 'signature algorithm');
  const hash =
    algOid === OID.ecdsaWithSha256 ? 'SHA-256' : algOid === OID.ecdsaWithSha384 ? 'SHA-384' : undefined;
  if (hash === undefined || algKids.length !== 1)
    throw fail(
      'CSR_UNSUPPORTED_SIGNATURE_ALGORITHM',
      `signature algorithm ${algOid} is not ECDSA with SHA-256/384`,
      {
        algorithm: algOid,
      },
    );
  const signature = readBitString(sig, 'signature');
  const verifier = options.verifier ?? nobleVerifier;
  if (!verifier.verify(curve, publicKey, info!.bytes, signature, hash))
    throw fail(
      'CSR_BAD_SIGNATURE',
      'the signature does not verify with the key in the request; make a new CSR',
    );
  return { curve, publicKey, requestedCA, requestedExtensions };
}

function readKey(
  spki: Der | undefined,
  options: ValidateCSROptions,
): { curve: 'P-256' | 'P-384'; publicKey: Uint8Array } {
  const [alg, key] = expectChildren(spki, 0x30, 2, 2, 'subjectPublicKeyInfo');
  const algKids = expectChildren(alg, 0x30, 1, 2, 'key algorithm');
  const keyAlg = readOid(algKids[0], 'key algorithm');
  if (keyAlg !== OID.ecPublicKey)
    throw fail('CSR_UNSUPPORTED_KEY', `key algorithm ${keyAlg} is not EC; use an ECDSA P-256 key`, {
      algorithm: keyAlg,
    });
  if (algKids[1]?.tag !== 0x06)
    throw fail(
      'CSR_UNSUPPORTED_CURVE',
      'the key has explicit or missing curve parameters; use the named curve P-256',
    );
  const curveOid = readOid(algKids[1], 'curve');
  const curve =
    curveOid === OID.prime256v1
      ? 'P-256'
      : curveOid === OID.secp384r1 && options.allowP384
        ? 'P-384'
        : undefined;
  if (curve === undefined)
    throw fail('CSR_UNSUPPORTED_CURVE', `curve ${curveOid} is not accepted; use P-256`, { curve: curveOid });
  const point = readBitString(key, 'public key');
  if (point[0] === 4) {
    // Uncompressed (what every tool writes): check y^2 = x^3 - 3x + b directly, which is much
    // cheaper than building a curve point.
    if (!isOnCurve(curve, point))
      throw fail('CSR_POINT_NOT_ON_CURVE', `the public key is not a valid point on ${curve}`);
    return { curve, publicKey: new Uint8Array(point) };
  }
  const Point = curve === 'P-256' ? p256.Point : p384.Point;
  try {
    const p = Point.fromBytes(point);
    p.assertValidity();
    return { curve, publicKey: p.toBytes(false) };
  } catch {
    throw fail('CSR_POINT_NOT_ON_CURVE', `the public key is not a valid point on ${curve}`);
  }
}

const CURVE_PARAMS = {
  'P-256': { ...p256.Point.CURVE(), size: 32 },
  'P-384': { ...p384.Point.CURVE(), size: 48 },
};

/** True when the uncompressed SEC1 `point` lies on `curve` (and is not the identity). */
export function isOnCurve(curve: 'P-256' | 'P-384', point: Uint8Array): boolean {
  const { p, a, b, size } = CURVE_PARAMS[curve];
  if (point.length !== 1 + 2 * size || point[0] !== 4) return false;
  const x = BigInt(`0x${toHex(point.subarray(1, 1 + size))}`);
  const y = BigInt(`0x${toHex(point.subarray(1 + size))}`);
  if (x >= p || y >= p) return false;
  return (y * y - (x * x * x + a * x + b)) % p === 0n;
}

function readAttributes(node: Der | undefined): { requestedCA: boolean; requestedExtensions: string[] } {
  const attrs = children(expectTag(node, 0xa0, 'attributes'), 'attributes');
  const seenAttrs = new Set<string>();
  let requestedCA = false;
  const requestedExtensions: string[] = [];
  for (const attr of attrs) {
    const [type, values] = expectChildren(attr, 0x30, 2, 2, 'attribute');
    const id = readOid(type, 'attribute type');
    if (seenAttrs.has(id))
      throw fail('CSR_DUPLICATE_ATTRIBUTE', `attribute ${id} appears twice`, { attribute: id });
    seenAttrs.add(id);
    const vals = children(expectTag(values, 0x31, 'attribute values'), 'attribute values');
    if (id !== OID.extensionRequest) continue;
    if (vals.length !== 1) throw fail('CSR_MALFORMED', 'extensionRequest must hold exactly one value');
    const seen = new Set<string>();
    for (const ext of expectChildren(vals[0], 0x30, 0, 64, 'extensionRequest')) {
      const parts = expectChildren(ext, 0x30, 2, 3, 'extension');
      const extId = readOid(parts[0], 'extension id');
      if (parts.length === 3) readBoolean(parts[1], 'extension critical');
      const value = expectTag(parts[parts.length - 1], 0x04, 'extension value').contents;
      if (seen.has(extId))
        throw fail('CSR_DUPLICATE_EXTENSION', `extension ${extId} appears twice`, { extension: extId });
      seen.add(extId);
      requestedExtensions.push(extId);
      if (extId === OID.basicConstraints) {
        const bc = children(
          expectTag(readDer(value, 'basicConstraints'), 0x30, 'basicConstraints'),
          'basicConstraints',
        );
        if (bc[0]?.tag === 0x01 && readBoolean(bc[0], 'cA')) requestedCA = true;
      }
    }
  }
  return { requestedCA, requestedExtensions };
}
