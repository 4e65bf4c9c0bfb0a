/**
 * Issuing node certificates. The CA takes only the public key from the CSR; the subject
 * (CN = node ID, OU = role, O = cluster ID), SANs, usages and constraints are its own.
 */
import { assertValidId } from '@swarm/api';
import { certificatesToPem, encodeName, keyIdentifier, serialFrom, signCertificate } from './certificate.js';
import { type ValidateCSROptions, validateCSR } from './csr.js';
import type { DenyLookup } from './deny-list.js';
import { toHex } from './encoding.js';
import { AuthorizationError } from './errors.js';
import { OID } from './oids.js';
import { BACKDATE_MS, type IssuingCA } from './root-ca.js';
import { encodeSpki } from './signer.js';

/** The OU of a node certificate. */
export type NodeRole = 'swarm-manager' | 'swarm-worker';
/** The roles a node certificate can carry (its OU). */
export const NODE_ROLES: readonly NodeRole[] = ['swarm-manager', 'swarm-worker'];

/** Default node certificate lifetime: 90 days. */
export const DEFAULT_NODE_LIFETIME_MS = 90 * 24 * 3600 * 1000;
/** Shortest node certificate lifetime: 1 hour. */
export const MIN_NODE_LIFETIME_MS = 3600 * 1000;

const ZONE_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** Who the certificate is for (node ID, role, cluster, zone) and how long it lives. */
export interface IssueOptions extends Pick<ValidateCSROptions, 'allowP384' | 'verifier'> {
  nodeId: string;
  /** The OU; `'manager'` and `'worker'` are accepted as short names. */
  role: NodeRole | 'manager' | 'worker';
  clusterId: string;
  /** Security zone recorded in the certificate (1-63 of A-Z a-z 0-9 . _ -, starting alphanumeric). */
  zone?: string;
  /** Lifetime in ms from now. Default 90 days, minimum 1 hour. */
  expiryMs?: number;
  /** Removed nodes: issuing (or renewing) for one of them is refused with `AUTH_NODE_DENIED`. */
  denyList?: DenyLookup;
}

/** A node certificate as issued: PEM, the chain to send back, validity and serial. */
export interface IssuedCertificate {
  /** The node certificate alone. */
  readonly certPem: string;
  /** The node certificate followed by the intermediates a peer needs (what TLS presents). */
  readonly chainPem: string;
  readonly notBefore: number;
  readonly notAfter: number;
  /** Serial number as lowercase hex. */
  readonly serial: string;
}

/** Validates `csrPem` and issues a node certificate for its key. Bad CSRs throw `CsrError`. */
export async function issueCertificate(
  ca: IssuingCA,
  csrPem: string,
  options: IssueOptions,
): Promise<IssuedCertificate> {
  const { nodeId, clusterId, zone } = options;
  const role: NodeRole =
    options.role === 'manager' ? 'swarm-manager' : options.role === 'worker' ? 'swarm-worker' : options.role;
  assertValidId(nodeId, 'nodeId');
  assertValidId(clusterId, 'clusterId');
  if (!NODE_ROLES.includes(role))
    throw new TypeError(
      `role must be 'swarm-manager' or 'swarm-worker', got ${JSON.stringify(options.role)}`,
    );
  if (zone !== undefined && (typeof zone !== 'string' || !ZONE_RE.test(zone)))
    throw new TypeError(
      `zone must be 1-63 characters of A-Z a-z 0-9 . _ - starting alphanumeric, got ${JSON.stringify(zone)}`,
    );
  const lifetime = options.expiryMs ?? DEFAULT_NODE_LIFETIME_MS;
  if (!Number.isFinite(lifetime) || lifetime < MIN_NODE_LIFETIME_MS)
    throw new RangeError(`expiryMs must be at least ${MIN_NODE_LIFETIME_MS} ms (1 hour), got ${lifetime}`);

  if (options.denyList?.has(nodeId))
    throw new AuthorizationError(
      'AUTH_NODE_DENIED',
      `node ${nodeId} was removed; it cannot get a certificate`,
      {
        nodeId,
      },
    );

  const validateOptions: ValidateCSROptions = {};
  if (options.allowP384 !== undefined) validateOptions.allowP384 = options.allowP384;
  if (options.verifier !== undefined) validateOptions.verifier = options.verifier;
  const csr = validateCSR(csrPem, validateOptions);

  const now = ca.clock.now();
  const notBefore = now - BACKDATE_MS;
  // Never outlive the issuer: a chain is only as valid as its shortest-lived certificate.
  const notAfter = Math.min(now + lifetime, ca.certificate.notAfter);
  const dnsNames = role === 'swarm-manager' ? [role, nodeId, 'swarm-ca'] : [role, nodeId];
  const serial = serialFrom(ca.random.bytes(20));
  const der = await signCertificate(
    {
      serial,
      issuer: ca.certificate.subject,
      subject: encodeName([
        { type: OID.organizationName, value: clusterId },
        { type: OID.organizationalUnitName, value: role },
        { type: OID.commonName, value: nodeId },
      ]),
      notBefore,
      notAfter,
      spki: encodeSpki(csr.curve, csr.publicKey),
      subjectKeyId: keyIdentifier(csr.publicKey),
      authorityKeyId: ca.certificate.subjectKeyId ?? keyIdentifier(ca.signer.publicKey),
      ca: false,
      dnsNames,
      ...(zone === undefined ? {} : { zone }),
    },
    ca.signer,
  );
  const certPem = certificatesToPem([der]);
  return {
    certPem,
    chainPem: certPem + ca.intermediatesPem,
    notBefore: Math.floor(notBefore / 1000) * 1000,
    notAfter: Math.floor(notAfter / 1000) * 1000,
    serial: toHex(serial),
  };
}
