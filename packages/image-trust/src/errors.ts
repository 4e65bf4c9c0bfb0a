/**
 * Every error @swarm/image-trust throws on purpose. Callers branch on `code`; the facts (the image,
 * the file, the key) are in `details`. Errors that reject an image extend `ImageRejectedError`, so
 * an executor can turn any of them into a REJECTED task with the message as the reason.
 */
import { SwarmError } from '@swarm/api';

/**
 * The `code` of every error this package throws on purpose: policy and configuration problems,
 * registry failures, and the `ImageRejectionCode`s of refused images.
 */
export type ImageTrustErrorCode =
  | 'POLICY_INVALID'
  | 'POLICY_KEY_MISSING'
  | 'POLICY_KEY_INVALID'
  | 'POLICY_UPDATE_REFUSED'
  | 'REGISTRIES_CONFIG_INVALID'
  | 'IMAGE_REFERENCE_INVALID'
  | 'REGISTRY_UNREACHABLE'
  | 'REGISTRY_RESPONSE_INVALID'
  | 'MANIFEST_NOT_FOUND'
  | 'REGISTRY_DIGEST_MISMATCH'
  | ImageRejectionCode;

/** Why an image was refused; also `ImageRejectedError.code`. */
export type ImageRejectionCode =
  | 'IMAGE_NOT_PINNED'
  | 'IMAGE_POLICY_REJECTED'
  | 'IMAGE_NOT_SIGNED'
  | 'IMAGE_SIGNATURE_UNTRUSTED'
  | 'IMAGE_SIGNATURE_DIGEST_MISMATCH'
  | 'IMAGE_SIGNATURE_IDENTITY_MISMATCH'
  | 'IMAGE_SIGNATURE_INVALID'
  | 'SIGNATURE_STORE_UNREACHABLE'
  | 'EXECUTOR_CANNOT_VERIFY_IMAGES';

// ---- the policy file and the registries.d configuration ----

/** The policy document is not a valid containers policy.json (syntax, unknown or duplicated fields, bad values). */
export class PolicyFormatError extends SwarmError<'POLICY_INVALID'> {
  override readonly name = 'PolicyFormatError';
  constructor(source: string, at: string, problem: string) {
    super(
      'POLICY_INVALID',
      `image policy ${source}: ${at === '' ? '' : `${at}: `}${problem}; fix the file (see containers-policy.json(5))`,
      { source, at },
    );
  }
}

/** A `keyPath` / `keyPaths` entry names a file that cannot be read. */
export class PolicyKeyMissingError extends SwarmError<'POLICY_KEY_MISSING'> {
  override readonly name = 'PolicyKeyMissingError';
  constructor(source: string, at: string, keyPath: string, reason: string) {
    super(
      'POLICY_KEY_MISSING',
      `image policy ${source}: ${at}: key file ${keyPath} cannot be read (${reason}); install the public key there or fix the path`,
      { source, at, keyPath },
    );
  }
}

/** Key data in the policy (inline or from a file) is not a public key of the required kind. */
export class PolicyKeyInvalidError extends SwarmError<'POLICY_KEY_INVALID'> {
  override readonly name = 'PolicyKeyInvalidError';
  constructor(source: string, at: string, reason: string) {
    super('POLICY_KEY_INVALID', `image policy ${source}: ${at}: ${reason}`, { source, at });
  }
}

/** A signed policy update was refused; the current policy stays in force. */
export class PolicyUpdateRefusedError extends SwarmError<'POLICY_UPDATE_REFUSED'> {
  override readonly name = 'PolicyUpdateRefusedError';
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super(
      'POLICY_UPDATE_REFUSED',
      `image policy update refused: ${reason}; the current policy stays in force`,
      details,
    );
  }
}

/** A registries.d file is not valid YAML of the documented shape, or two files configure one scope. */
export class RegistriesConfigError extends SwarmError<'REGISTRIES_CONFIG_INVALID'> {
  override readonly name = 'RegistriesConfigError';
  constructor(source: string, problem: string) {
    super(
      'REGISTRIES_CONFIG_INVALID',
      `registries.d ${source}: ${problem}; fix the file (see containers-registries.d(5))`,
      { source },
    );
  }
}

/** A string is not a docker image reference. */
export class ImageReferenceError extends SwarmError<'IMAGE_REFERENCE_INVALID'> {
  override readonly name = 'ImageReferenceError';
  constructor(reference: string, problem: string) {
    super('IMAGE_REFERENCE_INVALID', `image reference ${JSON.stringify(reference)} is invalid: ${problem}`, {
      reference,
    });
  }
}

// ---- the registry ----

/**
 * The registry could not be reached (connection refused, DNS failure, timeout); `details.url`
 * names the request. Retrying later may succeed.
 */
export class RegistryUnreachableError extends SwarmError<'REGISTRY_UNREACHABLE'> {
  override readonly name = 'RegistryUnreachableError';
  constructor(url: string, reason: string) {
    super('REGISTRY_UNREACHABLE', `registry ${url} cannot be reached: ${reason}`, { url });
  }
}

/**
 * The registry answered, but not as the registry API requires (an unexpected status, a body that
 * is too large or malformed); `details` holds the URL and the status if any.
 */
export class RegistryResponseError extends SwarmError<'REGISTRY_RESPONSE_INVALID'> {
  override readonly name = 'RegistryResponseError';
  constructor(url: string, problem: string, status?: number) {
    super('REGISTRY_RESPONSE_INVALID', `registry answered ${url} with ${problem}`, {
      url,
      ...(status === undefined ? {} : { status }),
    });
  }
}

/** The registry has no manifest (or blob) for the reference: a wrong name, tag or digest. */
export class ManifestNotFoundError extends SwarmError<'MANIFEST_NOT_FOUND'> {
  override readonly name = 'ManifestNotFoundError';
  constructor(reference: string) {
    super('MANIFEST_NOT_FOUND', `image ${reference} was not found in its registry`, { reference });
  }
}

/** The registry's bytes do not hash to the digest asked for (or to the one it claims). Never trusted. */
export class RegistryDigestMismatchError extends SwarmError<'REGISTRY_DIGEST_MISMATCH'> {
  override readonly name = 'RegistryDigestMismatchError';
  constructor(url: string, expected: string, actual: string) {
    super(
      'REGISTRY_DIGEST_MISMATCH',
      `registry content at ${url} has digest ${actual}, expected ${expected}`,
      {
        url,
        expected,
        actual,
      },
    );
  }
}

// ---- image rejections ----

/** The base of every reason to refuse an image. The message is the reason `service ps` shows. */
export abstract class ImageRejectedError<
  Code extends ImageRejectionCode = ImageRejectionCode,
> extends SwarmError<Code> {
  readonly image: string;
  constructor(code: Code, image: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, { image, ...details });
    this.image = image;
  }
}

export class ImageNotPinnedError extends ImageRejectedError<'IMAGE_NOT_PINNED'> {
  override readonly name = 'ImageNotPinnedError';
  constructor(image: string) {
    super(
      'IMAGE_NOT_PINNED',
      image,
      `image ${image} is not pinned by digest; with an image policy this node runs only images referenced as name@sha256:... (let the manager resolve the tag: drop --no-resolve-image)`,
    );
  }
}

export class ImagePolicyRejectedError extends ImageRejectedError<'IMAGE_POLICY_REJECTED'> {
  override readonly name = 'ImagePolicyRejectedError';
  constructor(image: string, scope: string) {
    super(
      'IMAGE_POLICY_REJECTED',
      image,
      `image ${image} is rejected by this node's image policy (${scope})`,
      {
        scope,
      },
    );
  }
}

export class ImageNotSignedError extends ImageRejectedError<'IMAGE_NOT_SIGNED'> {
  override readonly name = 'ImageNotSignedError';
  constructor(image: string, where: string) {
    super(
      'IMAGE_NOT_SIGNED',
      image,
      `image ${image} is not signed by a trusted key: it has no signature (${where})`,
      { where },
    );
  }
}

export class UntrustedSignatureError extends ImageRejectedError<'IMAGE_SIGNATURE_UNTRUSTED'> {
  override readonly name = 'UntrustedSignatureError';
  constructor(image: string, count: number, signers: readonly string[]) {
    super(
      'IMAGE_SIGNATURE_UNTRUSTED',
      image,
      `image ${image} is not signed by a trusted key (${count} signature${count === 1 ? '' : 's'}${
        signers.length > 0 ? ` by ${signers.join(', ')}` : ''
      }, none verified with a key the image policy trusts)`,
      { signers: [...signers] },
    );
  }
}

export class SignatureDigestMismatchError extends ImageRejectedError<'IMAGE_SIGNATURE_DIGEST_MISMATCH'> {
  override readonly name = 'SignatureDigestMismatchError';
  constructor(image: string, signedDigest: string) {
    super(
      'IMAGE_SIGNATURE_DIGEST_MISMATCH',
      image,
      `image ${image} is not signed by a trusted key: its signature is for another digest (${signedDigest})`,
      { signedDigest },
    );
  }
}

export class SignatureIdentityMismatchError extends ImageRejectedError<'IMAGE_SIGNATURE_IDENTITY_MISMATCH'> {
  override readonly name = 'SignatureIdentityMismatchError';
  constructor(image: string, signedIdentity: string, rule: string) {
    super(
      'IMAGE_SIGNATURE_IDENTITY_MISMATCH',
      image,
      `image ${image} is not signed by a trusted key for this reference: its signature is for ${signedIdentity} (${rule})`,
      { signedIdentity, rule },
    );
  }
}

export class InvalidSignatureError extends ImageRejectedError<'IMAGE_SIGNATURE_INVALID'> {
  override readonly name = 'InvalidSignatureError';
  constructor(image: string, problem: string) {
    super('IMAGE_SIGNATURE_INVALID', image, `image ${image} has an invalid signature: ${problem}`, {
      problem,
    });
  }
}

export class SignatureStoreUnreachableError extends ImageRejectedError<'SIGNATURE_STORE_UNREACHABLE'> {
  override readonly name = 'SignatureStoreUnreachableError';
  constructor(image: string, url: string, reason: string) {
    super(
      'SIGNATURE_STORE_UNREACHABLE',
      image,
      `image ${image} cannot be verified: signature store ${url} is unreachable (${reason}); refusing to run it unverified`,
      { url },
    );
  }
}

export class ExecutorCannotVerifyError extends ImageRejectedError<'EXECUTOR_CANNOT_VERIFY_IMAGES'> {
  override readonly name = 'ExecutorCannotVerifyError';
  constructor(image: string, executor: string) {
    super(
      'EXECUTOR_CANNOT_VERIFY_IMAGES',
      image,
      `this node has an image policy but its executor (${executor}) does not run container images, so what it runs cannot be verified; it refuses every task (image ${image || '(none)'})`,
      { executor },
    );
  }
}

/** True for any error that means "this image must not run" (as opposed to a bug). */
export function isImageRejection(err: unknown): err is ImageRejectedError {
  return err instanceof ImageRejectedError;
}
