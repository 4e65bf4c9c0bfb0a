/**
 * The node's image trust root (issue 24): the image policy given with `--image-policy FILE` (a
 * containers policy.json; signature stores from the `registries.d` directory beside it), loaded
 * and checked before the worker starts. The worker wraps its executor with @swarm/image-trust's
 * verifying decorator; managers only ever see the policy's digest, in the node description.
 */
import { dirname, join, resolve } from 'node:path';
import type { Logger } from '@swarm/api';
import type { ManagedExecutor, TaskContext } from '@swarm/dispatcher';
import {
  type ImageTrustStats,
  ImageVerifier,
  PolicyHolder,
  readPolicyFile,
  readRegistriesDir,
  verifyingExecutor,
} from '@swarm/image-trust';

export interface NodeImageTrust {
  /** The policy file (absolute). */
  readonly path: string;
  readonly holder: PolicyHolder;
  readonly verifier: ImageVerifier;
  /** Verification counts of the executor wrapped last (for /metrics). */
  stats: ImageTrustStats | undefined;
}

/** Loads and validates the policy (and the registries.d beside it); throws a typed error when it is unusable. */
export async function loadImageTrust(path: string): Promise<NodeImageTrust> {
  const abs = resolve(path);
  const policy = await readPolicyFile(abs);
  const registries = await readRegistriesDir(join(dirname(abs), 'registries.d'));
  const holder = new PolicyHolder(policy, new Date());
  return {
    path: abs,
    holder,
    verifier: new ImageVerifier({}, { policy: () => holder.current, registries }),
    stats: undefined,
  };
}

/**
 * The executor the agent gets on a node with a policy: every image verified first, or refused.
 * Every other member (reconcile, info, logs...) reaches `inner` unchanged.
 */
export function imageVerifyingExecutor(
  inner: ManagedExecutor,
  trust: NodeImageTrust,
  logger: Logger,
  innerName: string,
): ManagedExecutor {
  const wrapped = verifyingExecutor<TaskContext, ManagedExecutor>(inner, trust.verifier, {
    logger,
    innerName,
  });
  trust.stats = wrapped.stats;
  return wrapped;
}
