/**
 * A node's image trust root read from files: a containers policy.json (for `swarm daemon
 * --image-policy FILE`) with the signature stores of the `registries.d` directory beside it,
 * loaded and checked before the node runs a task, and replaced only by an update signed by a key
 * the current policy trusts (`applyPolicyUpdate`), which rewrites the file atomically. Managers only
 * ever see the policy's digest.
 */
import { randomBytes } from 'node:crypto';
import { open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { SwarmError } from '@swarm/api';
import { readPolicyFile } from './policy.js';
import { type DetachedPolicyUpdate, PolicyHolder, verifyPolicyUpdate } from './policy-update.js';
import { readRegistriesDir } from './registries-d.js';
import { ImageVerifier } from './verifier.js';
import type { ImageTrustStats } from './verifying-executor.js';

/** A trust root loaded from a policy file: the policy in force and the verifier that uses it. */
export interface ImageTrustRoot {
  /** The policy file (absolute). */
  readonly path: string;
  readonly holder: PolicyHolder;
  readonly verifier: ImageVerifier;
  /** Verification counts of the executor wrapped last (for /metrics). */
  stats: ImageTrustStats | undefined;
}

/**
 * Loads and validates the policy (and the registries.d beside it); throws a typed error when it is
 * unusable. The policy comes into force at `since` (default now): a signed update must be signed
 * after it.
 */
export async function loadImageTrust(path: string, since: Date = new Date()): Promise<ImageTrustRoot> {
  const abs = resolve(path);
  const policy = await readPolicyFile(abs);
  const registries = await readRegistriesDir(join(dirname(abs), 'registries.d'));
  const holder = new PolicyHolder(policy, since);
  return {
    path: abs,
    holder,
    verifier: new ImageVerifier({}, { policy: () => holder.current, registries }),
    stats: undefined,
  };
}

/** What `applyPolicyUpdate` did: the policy replaced, the one now in force, and who signed it. */
export interface AppliedPolicyUpdate {
  /** The policy file rewritten (the target of a symbolic link). */
  path: string;
  previousDigest: string;
  digest: string;
  /** Fingerprint of the key that signed the update. */
  signer: string;
  /** The signature's creation time; an update signed at or before it is refused from now on. */
  signedAt: Date;
}

/** Options of `applyPolicyUpdate`; the defaults are the real clock and file system. */
export interface ApplyPolicyUpdateOptions {
  /** "Now", for signature and key expiry. Default the current time. */
  now?: Date;
  /** Writes the new policy over `path` atomically. Default: `replaceFileAtomically`. */
  replaceFile?: (path: string, text: string) => Promise<void>;
}

/** The policy file could not be rewritten: nothing changed, the current policy stays in force. */
export class PolicyWriteError extends SwarmError<'IMAGE_POLICY_WRITE_FAILED'> {
  override readonly name = 'PolicyWriteError';
  constructor(path: string, cause: string) {
    super(
      'IMAGE_POLICY_WRITE_FAILED',
      `the verified image policy update cannot be written to ${path} (${cause}); fix the file's directory permissions or space and retry; the current policy stays in force`,
      { path },
    );
  }
}

/** Updates of one node's policy run one at a time, each verified against the policy the last one left. */
const queues = new WeakMap<ImageTrustRoot, Promise<unknown>>();

/**
 * Applies a signed policy update (an OpenPGP signed message, `gpg --sign NEW.json`, whose literal
 * data is the new policy.json; or NEW.json with its detached signature, `gpg --detach-sign`): verified with @swarm/image-trust against the keys the CURRENT
 * policy trusts and signed after it came into force, parsed (relative key paths from the policy
 * file's directory), written over the policy file (temporary file, fsync, rename), and only then
 * put in force for the verifying executor. Any refusal or failure throws a typed error and
 * changes nothing: `POLICY_UPDATE_REFUSED` (unsigned, untrusted signer, signature that does not
 * verify, replayed), `POLICY_INVALID` / `POLICY_KEY_*` (the new policy is unusable),
 * `IMAGE_POLICY_WRITE_FAILED`.
 */
export function applyPolicyUpdate(
  trust: ImageTrustRoot,
  signed: Uint8Array | DetachedPolicyUpdate,
  options: ApplyPolicyUpdateOptions = {},
): Promise<AppliedPolicyUpdate> {
  const run = async (): Promise<AppliedPolicyUpdate> => {
    const before = trust.holder.current;
    const update = await verifyPolicyUpdate(before, signed, {
      notAfter: trust.holder.since,
      now: options.now ?? new Date(),
      baseDir: dirname(trust.path),
      source: `${trust.path} (signed update)`,
    });
    const target = await realpath(trust.path).catch(() => trust.path);
    try {
      await (options.replaceFile ?? replaceFileAtomically)(target, update.policy.text);
    } catch (e) {
      throw new PolicyWriteError(target, (e as NodeJS.ErrnoException).code ?? (e as Error).message);
    }
    // The signature's time becomes the anti-replay bound, as PolicyHolder.applySignedUpdate does.
    trust.holder.replaceLocally(update.policy, update.signedAt);
    return {
      path: target,
      previousDigest: before.digest,
      digest: update.policy.digest,
      signer: update.signer,
      signedAt: update.signedAt,
    };
  };
  const previous = queues.get(trust) ?? Promise.resolve();
  const next = previous.then(run, run);
  queues.set(
    trust,
    next.catch(() => {}),
  );
  return next;
}

/**
 * Writes `text` over `path` so that a reader sees the old file or the new one, never a mix: a
 * temporary file in the same directory (same mode as the old file), flushed, then renamed over it.
 */
export async function replaceFileAtomically(path: string, text: string): Promise<void> {
  const mode = (await stat(path).catch(() => undefined))?.mode ?? 0o644;
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fh = await open(tmp, 'wx', mode & 0o777);
  try {
    try {
      await fh.writeFile(text);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  // The rename is durable once the directory is flushed (not every file system allows it).
  try {
    const dir = await open(dirname(path), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // best effort
  }
}
