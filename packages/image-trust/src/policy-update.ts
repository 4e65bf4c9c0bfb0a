/**
 * Replacing the image policy. Locally, anyone who can write the node's files can (that is the
 * trust root). Remotely, only with a signed update: an OpenPGP signed message (RFC 4880 section
 * 11.3; `gpg --sign policy.json`, binary or `--armor`) whose literal data is the new policy.json,
 * or the new policy.json with a detached signature over its bytes (`gpg --detach-sign`), made by a key that a `signedBy` requirement of the current policy trusts, and made after the
 * policy in force was installed (so an old signed policy cannot be replayed to roll one back).
 */
import { PolicyUpdateRefusedError } from './errors.js';
import { verifyDetachedSignature, verifySignedMessage } from './openpgp.js';
import { type ImagePolicy, type ParsePolicyOptions, parsePolicy } from './policy.js';

/** A policy update that verified: the new policy, and who signed it when. */
export interface PolicyUpdate {
  readonly policy: ImagePolicy;
  /** Fingerprint of the key that signed it. */
  readonly signer: string;
  /** The signature's creation time. */
  readonly signedAt: Date;
}

/**
 * Options of `verifyPolicyUpdate`: when the current policy came into force (anti-rollback), the
 * time to check expiry against, and how to read the new policy's key files.
 */
export interface VerifyPolicyUpdateOptions extends ParsePolicyOptions {
  /** When the current policy came into force: an update signed at or before this time is refused. */
  notAfter: Date;
  /** "Now", for signature and key expiry. Default the current time. */
  now?: Date;
}

/** A new policy.json and a detached OpenPGP signature over its exact bytes (`gpg --detach-sign`, binary or armored). */
export interface DetachedPolicyUpdate {
  readonly policy: Uint8Array;
  readonly signature: Uint8Array;
}

/**
 * Verifies a signed policy update against the current policy (an OpenPGP signed message, or a
 * policy with its detached signature); resolves with the new policy or throws.
 */
export async function verifyPolicyUpdate(
  current: ImagePolicy,
  signed: Uint8Array | DetachedPolicyUpdate,
  options: VerifyPolicyUpdateOptions,
): Promise<PolicyUpdate> {
  const keys = current.openpgpKeys();
  if (keys.length === 0)
    throw new PolicyUpdateRefusedError(
      'the current policy trusts no OpenPGP key, so it can only be replaced locally',
    );
  const now = options.now ?? new Date();
  const detached = !ArrayBuffer.isView(signed);
  const r = detached
    ? await verifyDetachedSignature(signed.policy, signed.signature, keys, now)
    : await verifySignedMessage(signed, keys, now);
  if (!r.ok) {
    if (r.kind === 'malformed')
      throw new PolicyUpdateRefusedError(
        detached
          ? `its signature is not one detached OpenPGP signature (${r.problem})`
          : `it is not an OpenPGP signed message with one signature (${r.problem})`,
      );
    if (r.kind === 'untrusted')
      throw new PolicyUpdateRefusedError(
        `it is signed by key ${r.signer}, which the current policy does not trust`,
        {
          signer: r.signer,
        },
      );
    throw new PolicyUpdateRefusedError(`its signature by key ${r.signer} does not verify (${r.problem})`, {
      signer: r.signer,
    });
  }
  if (r.created.getTime() <= options.notAfter.getTime())
    throw new PolicyUpdateRefusedError(
      `it was signed at ${r.created.toISOString()}, not after the policy in force (since ${options.notAfter.toISOString()}): an old update cannot be replayed`,
      { signer: r.signer },
    );
  const policy = await parsePolicy(r.payload, {
    ...options,
    source: options.source ?? 'signed policy update',
  });
  return { policy, signer: r.signer, signedAt: r.created };
}

/** The policy in force on a node, replaced locally or by a verified signed update. */
export class PolicyHolder {
  #policy: ImagePolicy;
  #since: Date;

  constructor(policy: ImagePolicy, since: Date) {
    this.#policy = policy;
    this.#since = since;
  }

  get current(): ImagePolicy {
    return this.#policy;
  }

  /** When the policy in force was installed (locally) or signed (update). */
  get since(): Date {
    return this.#since;
  }

  /** A local replacement (the node's operator): no signature needed. */
  replaceLocally(policy: ImagePolicy, now: Date): void {
    this.#policy = policy;
    this.#since = now;
  }

  /** Applies a signed update, or throws and keeps the current policy. */
  async applySignedUpdate(
    signed: Uint8Array | DetachedPolicyUpdate,
    options: Omit<VerifyPolicyUpdateOptions, 'notAfter'> = {},
  ): Promise<PolicyUpdate> {
    const update = await verifyPolicyUpdate(this.#policy, signed, { ...options, notAfter: this.#since });
    this.#policy = update.policy;
    this.#since = update.signedAt;
    return update;
  }
}
