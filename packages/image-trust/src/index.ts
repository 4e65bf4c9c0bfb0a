export * from './errors.js';
export type { HttpComponents, HttpFetch } from './http.js';
export { DEFAULT_IDENTITY_RULE, describeRule, type IdentityRule, identityMatches } from './identity.js';
export { lookasideUrl } from './lookaside.js';
export { fingerprintOf, type PublicKey, readPublicKeys } from './openpgp.js';
export { COSIGN_TYPE, parsePayload, SIMPLE_SIGNING_TYPE, type SignaturePayload } from './payload.js';
export {
  canonicalJson,
  ImagePolicy,
  type ParsePolicyOptions,
  type PolicyMatch,
  type PolicyRequirement,
  parsePolicy,
  readPolicyFile,
} from './policy.js';
export {
  type DetachedPolicyUpdate,
  PolicyHolder,
  type PolicyUpdate,
  type VerifyPolicyUpdateOptions,
  verifyPolicyUpdate,
} from './policy-update.js';
export {
  DEFAULT_DOMAIN,
  formatReference,
  type ImageReference,
  isDigest,
  parseReference,
  repositoryOf,
  withDigest,
} from './reference.js';
export {
  parseRegistriesD,
  RegistriesConfig,
  type RegistrySection,
  readRegistriesDir,
  type SectionMatch,
} from './registries-d.js';
export {
  MANIFEST_MEDIA_TYPES,
  type Manifest,
  REGISTRY_CLIENT_DEFAULTS,
  RegistryClient,
  type RegistryClientInit,
} from './registry-client.js';
export { type ResolvedImage, registryClient, resolveImage } from './resolve-image.js';
export { decodeSignatureBlob, type SignatureBlob } from './signature-blob.js';
export { readSigstorePublicKey, verifySigstoreSignature } from './sigstore.js';
export {
  type AppliedPolicyUpdate,
  type ApplyPolicyUpdateOptions,
  applyPolicyUpdate,
  type ImageTrustRoot,
  loadImageTrust,
  PolicyWriteError,
  replaceFileAtomically,
} from './trust-root.js';
export {
  type AcceptedSignature,
  COSIGN_LAYER_MEDIA_TYPE,
  COSIGN_SIGNATURE_ANNOTATION,
  IMAGE_VERIFIER_DEFAULTS,
  ImageVerifier,
  type ImageVerifierComponents,
  type ImageVerifierInit,
  type VerifiedImage,
} from './verifier.js';
export {
  type Forwarded,
  type ForwardedMember,
  type ImageExecutor,
  type ImageExecutorInfo,
  type ImageTaskContext,
  type ImageTaskStatus,
  type ImageTrustEvent,
  type ImageTrustStats,
  VerifyingExecutor,
  type VerifyingExecutorOptions,
  verifyingExecutor,
} from './verifying-executor.js';
