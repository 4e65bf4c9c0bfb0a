/**
 * Test aids: a CA on a manual clock with seeded randomness, and one-call node identities.
 * Seeded keys are predictable by design: never use these outside tests.
 */
import { generateId, ManualClock, type Random, seededRandom } from '@swarm/api';
import { createKeyAndCSR } from './csr.js';
import { type IssuedCertificate, issueCertificate, type NodeRole } from './issue.js';
import { nativeBackend, nativeVerifier } from './native-signer.js';
import { createRootCA, type RootCA } from './root-ca.js';
import type { SignerBackend } from './signer.js';

/** A node's key and certificate, as a node would hold them. */
export interface TestNode extends IssuedCertificate {
  readonly nodeId: string;
  readonly role: NodeRole;
  readonly keyPem: string;
}

/** A root CA for tests, with its clock and random source, and a one-call node issuer. */
export interface TestCA {
  readonly ca: RootCA;
  readonly clock: ManualClock;
  readonly random: Random;
  readonly clusterId: string;
  /** Issues a certificate for a new (or the given) node ID. */
  issueNode(options?: {
    role?: NodeRole | 'manager' | 'worker';
    nodeId?: string;
    zone?: string;
    expiryMs?: number;
    clusterId?: string;
  }): Promise<TestNode>;
}

/** Options of `createTestCA`. */
export interface TestCAOptions {
  /** Seed of the deterministic random source. Default 1. */
  seed?: number;
  /** A clock to share; default a new ManualClock at 2026-01-01T00:00:00Z. */
  clock?: ManualClock;
  /** Signing backend. Default `nativeBackend` (fast tests). */
  backend?: SignerBackend;
}

/** A root CA with a manual clock and seeded randomness, for tests. */
export async function createTestCA(options: TestCAOptions = {}): Promise<TestCA> {
  const clock = options.clock ?? new ManualClock(Date.UTC(2026, 0, 1));
  const random = seededRandom(options.seed ?? 1);
  const ca = await createRootCA({ clock, random, backend: options.backend ?? nativeBackend });
  const clusterId = generateId(random);
  return {
    ca,
    clock,
    random,
    clusterId,
    async issueNode(o = {}) {
      const nodeId = o.nodeId ?? generateId(random);
      const role: NodeRole =
        o.role === 'manager'
          ? 'swarm-manager'
          : o.role === 'worker' || o.role === undefined
            ? 'swarm-worker'
            : o.role;
      const { keyPem, csrPem } = createKeyAndCSR({ random });
      const issued = await issueCertificate(ca, csrPem, {
        nodeId,
        role,
        clusterId: o.clusterId ?? clusterId,
        verifier: nativeVerifier,
        ...(o.zone === undefined ? {} : { zone: o.zone }),
        ...(o.expiryMs === undefined ? {} : { expiryMs: o.expiryMs }),
      });
      return { ...issued, nodeId, role, keyPem };
    },
  };
}
