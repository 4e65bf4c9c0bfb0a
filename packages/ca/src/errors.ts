import { SwarmError } from '@swarm/api';

/** Codes of malformed PEM text. */
export type PemErrorCode =
  | 'PEM_EMPTY'
  | 'PEM_TOO_LARGE'
  | 'PEM_MALFORMED'
  | 'PEM_WRONG_LABEL'
  | 'PEM_MULTIPLE_BLOCKS';

/** PEM text that is empty, too large, not PEM, of the wrong kind, or has more blocks than allowed. */
export class PemError extends SwarmError<PemErrorCode> {
  override readonly name = 'PemError';
}

/** DER bytes that are not strict DER, or have bytes after the value. */
export class DerError extends SwarmError<'DER_MALFORMED' | 'DER_TRAILING_BYTES'> {
  override readonly name = 'DerError';
}

/** Codes of a certificate signing request the CA refuses. */
export type CsrErrorCode =
  | 'CSR_EMPTY'
  | 'CSR_TOO_LARGE'
  | 'CSR_BAD_PEM'
  | 'CSR_MULTIPLE_PEM_BLOCKS'
  | 'CSR_MALFORMED'
  | 'CSR_TRAILING_BYTES'
  | 'CSR_UNSUPPORTED_VERSION'
  | 'CSR_UNSUPPORTED_KEY'
  | 'CSR_UNSUPPORTED_CURVE'
  | 'CSR_POINT_NOT_ON_CURVE'
  | 'CSR_UNSUPPORTED_SIGNATURE_ALGORITHM'
  | 'CSR_BAD_SIGNATURE'
  | 'CSR_DUPLICATE_EXTENSION'
  | 'CSR_DUPLICATE_ATTRIBUTE';

/** A certificate signing request that fails validation; nothing is issued. */
export class CsrError extends SwarmError<CsrErrorCode> {
  override readonly name = 'CsrError';
}

/** A certificate that cannot be parsed or does not have the shape the swarm needs. */
export class CertificateError extends SwarmError<'CERTIFICATE_MALFORMED' | 'CERTIFICATE_UNSUPPORTED'> {
  override readonly name = 'CertificateError';
}

/** Codes of join-token failures. */
export type JoinTokenErrorCode = 'JOIN_TOKEN_MALFORMED' | 'JOIN_TOKEN_INVALID' | 'ROOT_DIGEST_MISMATCH';

/** A join token that is malformed or matches no current token, or a root bundle that fails the pin. */
export class JoinTokenError extends SwarmError<JoinTokenErrorCode> {
  override readonly name = 'JoinTokenError';
}

/** Codes of a refused RPC caller. Every check fails closed. */
export type AuthorizationErrorCode =
  | 'AUTH_NO_CERTIFICATE'
  | 'AUTH_MALFORMED_CERTIFICATE'
  | 'AUTH_UNTRUSTED_CHAIN'
  | 'AUTH_CERTIFICATE_EXPIRED'
  | 'AUTH_CERTIFICATE_NOT_YET_VALID'
  | 'AUTH_NOT_A_LEAF'
  | 'AUTH_WRONG_KEY_USAGE'
  | 'AUTH_BAD_SUBJECT'
  | 'AUTH_ROLE_NOT_ALLOWED'
  | 'AUTH_ROLE_REVOKED'
  | 'AUTH_NODE_DENIED'
  | 'AUTH_WRONG_CLUSTER'
  | 'AUTH_RPC_UNDECLARED';

/** The peer may not call this RPC. `details` names the failed check. */
export class AuthorizationError extends SwarmError<AuthorizationErrorCode> {
  override readonly name = 'AuthorizationError';
}

/**
 * Codes of root-rotation errors: a rotation begun while one runs, an abort once the new root
 * issues, an abort with none running, and a stored rotation record that matches no phase.
 */
export type RotationErrorCode =
  | 'ROTATION_IN_PROGRESS'
  | 'ROTATION_CANNOT_ABORT'
  | 'ROTATION_NOT_RUNNING'
  | 'ROTATION_CORRUPT';

/** A root rotation step taken out of order, or a stored rotation that cannot continue. */
export class RotationError extends SwarmError<RotationErrorCode> {
  override readonly name = 'RotationError';
}

/** A renewed certificate that would change the node's identity; the renewer keeps the old one. */
export class RenewalError extends SwarmError<
  | 'RENEWAL_IDENTITY_CHANGED'
  | 'RENEWAL_CERTIFICATE_EXPIRED'
  | 'RENEWAL_CERTIFICATE_NOT_YET_VALID'
  | 'RENEWAL_STOPPED'
> {
  override readonly name = 'RenewalError';
}
