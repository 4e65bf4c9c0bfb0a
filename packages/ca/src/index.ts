// @swarm/ca: the swarm certificate authority: root CA, join tokens, CSRs, node certificates,
// renewal, root rotation, deny list and RPC authorization, on @noble/curves. This entry is
// portable (no Node builtin: it bundles for a browser or a worker). Node.js only, behind subpaths:
// `@swarm/ca/native` (node:crypto signer and verifier) and `@swarm/ca/tls` (node:tls and grpc-js
// credentials).

export {
  type AuthorizeOptions,
  authorize,
  type NodeIdentity,
  type PeerCertChain,
  type PeerCertificateLike,
} from './authorize.js';
export {
  type Certificate,
  certificatesToPem,
  keyIdentifier,
  type NameAttribute,
  parseCertificate,
  parseCertificates,
  subjectValue,
} from './certificate.js';
export {
  type CreateKeyAndCSROptions,
  createKeyAndCSR,
  type KeyAndCSR,
  type ValidateCSROptions,
  type ValidatedCSR,
  validateCSR,
} from './csr.js';
export { DenyList, type DenyLookup } from './deny-list.js';
export * from './errors.js';
export {
  DEFAULT_NODE_LIFETIME_MS,
  type IssuedCertificate,
  type IssueOptions,
  issueCertificate,
  MIN_NODE_LIFETIME_MS,
  NODE_ROLES,
  type NodeRole,
} from './issue.js';
export {
  constantTimeEqual,
  generateJoinToken,
  generateJoinTokens,
  type JoinTokens,
  type ParsedJoinToken,
  parseJoinToken,
  roleForToken,
  verifyRootBundle,
} from './join-token.js';
export { OID } from './oids.js';
export {
  type DecodePemOptions,
  decodePem,
  decodePemAll,
  decodePemBlocks,
  encodePem,
  MAX_PEM_BYTES,
  type PemBlock,
} from './pem.js';
export { generatePrivateKey, parsePrivateKey } from './private-key.js';
export {
  CertificateRenewer,
  type CertificateRenewerInit,
  type NodeCredentials,
  type RenewerRetryOptions,
  type RenewReason,
  type RenewRequest,
  renewalMoment,
} from './renewer.js';
export {
  BACKDATE_MS,
  type CreateRootCAOptions,
  createRootCA,
  crossSign,
  type IssuingCA,
  type LoadRootCAOptions,
  loadRootCA,
  ROOT_LIFETIME_MS,
  type RootCA,
  rootDigest,
} from './root-ca.js';
export {
  abortRotation,
  type BeginRotationOptions,
  beginRotation,
  nodeRotationState,
  planRotation,
  type RotationNodeState,
  type RotationPhase,
  type RotationPlan,
  readRotation,
  type StoredRotation,
} from './rotation.js';
export {
  allowedRolesFor,
  authorizeRpc,
  checkRpcRoles,
  defineRpcRoles,
  type RpcRole,
  type RpcRoleTable,
} from './rpc-roles.js';
export {
  encodePrivateKeyPem,
  nobleBackend,
  nobleSigner,
  nobleVerifier,
  type Signer,
  type SignerBackend,
  signerFromPem,
  type Verifier,
} from './signer.js';
export { ipAddressBytes, issueTlsCertificate, type TlsCertificateOptions } from './tls-certificate.js';
