/**
 * The swarm's root CA: a P-256 key and a self-signed certificate (CN `swarm-ca`, 20 years), and
 * the issuing identity the CA signs node certificates with.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { type Clock, cryptoRandom, type Random, systemClock, toBase36 } from '@swarm/api';
import {
  type Certificate,
  certificatesToPem,
  encodeName,
  keyIdentifier,
  parseCertificate,
  serialFrom,
  signCertificate,
} from './certificate.js';
import { bytesEqual } from './der.js';
import { CertificateError } from './errors.js';
import { OID } from './oids.js';
import { decodePem } from './pem.js';
import { generatePrivateKey, parsePrivateKey } from './private-key.js';
import { encodePrivateKeyPem, encodeSpki, nobleBackend, type Signer, type SignerBackend } from './signer.js';

/** Default root lifetime: 20 years. */
export const ROOT_LIFETIME_MS = 20 * 365 * 24 * 3600 * 1000;
/** Certificates start this long before "now", to absorb clock skew between nodes. */
export const BACKDATE_MS = 3600 * 1000;

/**
 * Everything the CA needs to issue: the key (as a Signer), the certificate whose subject and key
 * identifier name the issuer, the intermediates a leaf must carry (the cross-signed root during a
 * rotation), and the trust bundle peers verify against.
 */
export interface IssuingCA {
  readonly signer: Signer;
  readonly certificate: Certificate;
  /** PEM of the certificates sent after the leaf (empty outside a root rotation). */
  readonly intermediatesPem: string;
  /** PEM of the trusted roots (one root, or two during a rotation). */
  readonly rootsPem: string;
  readonly clock: Clock;
  readonly random: Random;
}

/** A root CA: its certificate, and its key as PKCS#8 PEM (keep it secret) and as a Signer. */
export interface RootCA extends IssuingCA {
  readonly certPem: string;
  readonly keyPem: string;
}

/** Options of `createRootCA`. */
export interface CreateRootCAOptions {
  /** Time source. Default `systemClock`. */
  clock?: Clock;
  /** Source of the key and serial. Default `cryptoRandom`; tests may pass a seeded one. */
  random?: Random;
  /**
   * Signing backend for the returned CA. Default `nobleBackend` (portable); `nativeBackend` from
   * `@swarm/ca/native` signs with node:crypto.
   */
  backend?: SignerBackend;
  /** Root lifetime in ms. Default 20 years. */
  lifetimeMs?: number;
  /** Root subject CN. Default `swarm-ca`. */
  commonName?: string;
}

/** Creates a new root CA (P-256 key, self-signed certificate). */
export async function createRootCA(options: CreateRootCAOptions = {}): Promise<RootCA> {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? cryptoRandom;
  const lifetime = options.lifetimeMs ?? ROOT_LIFETIME_MS;
  if (!Number.isFinite(lifetime) || lifetime < 3600_000)
    throw new RangeError(`lifetimeMs must be at least one hour, got ${lifetime}`);
  const d = generatePrivateKey(random);
  const signer = (options.backend ?? nobleBackend).signer(d);
  const name = encodeName([{ type: OID.commonName, value: options.commonName ?? 'swarm-ca' }]);
  const keyId = keyIdentifier(signer.publicKey);
  const now = clock.now();
  const der = await signCertificate(
    {
      serial: serialFrom(random.bytes(20)),
      issuer: name,
      subject: name,
      notBefore: now - BACKDATE_MS,
      notAfter: now + lifetime,
      spki: encodeSpki('P-256', signer.publicKey),
      subjectKeyId: keyId,
      authorityKeyId: keyId,
      ca: true,
    },
    signer,
  );
  const certificate = parseCertificate(der);
  const certPem = certificatesToPem([der]);
  return {
    signer,
    certificate,
    intermediatesPem: '',
    rootsPem: certPem,
    clock,
    random,
    certPem,
    keyPem: encodePrivateKeyPem(d, signer.publicKey),
  };
}

/** A persisted root CA (certificate and key) and the seams to use it with. */
export interface LoadRootCAOptions {
  certPem: string;
  keyPem: string;
  clock?: Clock;
  random?: Random;
  /** Signing backend. Default `nobleBackend`; `nativeBackend` from `@swarm/ca/native` is faster. */
  backend?: SignerBackend;
}

/**
 * Restores a root CA persisted as `certPem` + `keyPem` (e.g. after a manager restart). The key must
 * match the certificate, which must be a P-256 CA certificate.
 */
export function loadRootCA(options: LoadRootCAOptions): RootCA {
  const der = decodePem(options.certPem, 'CERTIFICATE');
  const certificate = parseCertificate(der);
  const d = parsePrivateKey(decodePem(options.keyPem, 'PRIVATE KEY'));
  const signer = (options.backend ?? nobleBackend).signer(d);
  if (!certificate.isCA || certificate.curve !== 'P-256')
    throw new CertificateError(
      'CERTIFICATE_UNSUPPORTED',
      'the root certificate is not a P-256 CA certificate',
    );
  if (!bytesEqual(certificate.publicKey, signer.publicKey))
    throw new CertificateError(
      'CERTIFICATE_UNSUPPORTED',
      'the private key does not match the root certificate',
    );
  const certPem = certificatesToPem([der]);
  return {
    signer,
    certificate,
    intermediatesPem: '',
    rootsPem: certPem,
    clock: options.clock ?? systemClock,
    random: options.random ?? cryptoRandom,
    certPem,
    keyPem: encodePrivateKeyPem(d, signer.publicKey),
  };
}

/**
 * Cross-signs `newRoot` with `oldRoot`: a CA certificate with the new root's subject and key,
 * issued by the old root. Leaves signed by the new key then chain to either root.
 */
export async function crossSign(oldRoot: IssuingCA, newRoot: IssuingCA): Promise<Certificate> {
  const now = oldRoot.clock.now();
  const der = await signCertificate(
    {
      serial: serialFrom(oldRoot.random.bytes(20)),
      issuer: oldRoot.certificate.subject,
      subject: newRoot.certificate.subject,
      notBefore: now - BACKDATE_MS,
      notAfter: Math.min(newRoot.certificate.notAfter, oldRoot.certificate.notAfter),
      spki: encodeSpki('P-256', newRoot.signer.publicKey),
      subjectKeyId: keyIdentifier(newRoot.signer.publicKey),
      authorityKeyId: keyIdentifier(oldRoot.signer.publicKey),
      ca: true,
    },
    oldRoot.signer,
  );
  return parseCertificate(der);
}

/**
 * The digest a join token pins: SHA-256 of the whole root bundle exactly as PEM text, as lowercase
 * base36 left-padded to 50 characters.
 */
export function rootDigest(bundlePem: string): string {
  if (typeof bundlePem !== 'string' || bundlePem === '')
    throw new TypeError('rootDigest(bundlePem) needs the root CA bundle as PEM text');
  return toBase36(sha256(new TextEncoder().encode(bundlePem)), 50);
}
