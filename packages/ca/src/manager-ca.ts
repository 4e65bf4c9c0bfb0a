/**
 * The CA as a manager serves it: the root bundle for joiners, node certificates from CSRs (a join
 * token decides the role of a new node; the store decides it for a renewal), and the unlock key
 * for other managers. Every manager can sign: the root key is part of the replicated cluster
 * object (sealed at rest with each manager's data key), so a follower issues without forwarding.
 *
 * The store is a structural contract ({@link CAStore}): any @swarm/store `Store` fits.
 */
import {
  type Clock,
  cryptoRandom,
  generateId,
  type Logger,
  noopLogger,
  type Random,
  SwarmError,
  swarm,
  toLong,
} from '@swarm/api';
import type { NodeIdentity } from './authorize.js';
import { parseCertificates } from './certificate.js';
import { issueCertificate } from './issue.js';
import { roleForToken } from './join-token.js';
import { type IssuingCA, loadRootCA } from './root-ca.js';
import type { SignerBackend } from './signer.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** The reads the manager CA makes in a transaction (any @swarm/store `ReadTx` fits). */
export interface CAReadTx {
  /** The node with `id`, or undefined. */
  get(kind: 'node', id: string): swarm.Node | undefined;
  /** Every cluster object (there is one) or every node. */
  list(kind: 'cluster'): swarm.Cluster[];
  /** Every node. */
  list(kind: 'node'): swarm.Node[];
}

/** The writes the manager CA makes: it records issued certificates on node objects. */
export interface CAWriteTx {
  /** The node with `id` (a private copy that may be changed and passed to `update`), or undefined. */
  get(kind: 'node', id: string): swarm.Node | undefined;
  /** Every cluster object (there is one): a renewal checks that the root it issued under is still current. */
  list(kind: 'cluster'): swarm.Cluster[];
  /** Adds a node (a joiner). */
  create(kind: 'node', obj: swarm.Node): void;
  /** Replaces a node (a renewal's role, zone and certificate). */
  update(kind: 'node', obj: swarm.Node): void;
}

/**
 * The cluster store the manager CA runs against. `update` should run `fn` again on fresh objects
 * when the transaction lost an optimistic-concurrency race at apply time (wrap the store's
 * `update` in @swarm/store's `retryRaced`): a renewal races the node's status writes.
 */
export interface CAStore {
  /** Runs `fn` on a read transaction of the local replica. */
  view<T>(fn: (tx: CAReadTx) => T): T;
  /** Runs `fn` on a write transaction; resolves once committed and applied here. */
  update(fn: (tx: CAWriteTx) => void): Promise<unknown>;
}

/** The cluster object of a store (undefined before the cluster is created or replicated here). */
export function clusterOf(tx: { list(kind: 'cluster'): swarm.Cluster[] }): swarm.Cluster | undefined {
  return tx.list('cluster')[0];
}

/** The CA's role name for a store role. */
export function roleName(role: swarm.NodeRole | null | undefined): 'manager' | 'worker' {
  return role === swarm.NodeRole.NODE_ROLE_MANAGER ? 'manager' : 'worker';
}

/** Node IDs on the cluster's deny list. */
export function deniedNodes(cluster: swarm.Cluster | undefined): Set<string> {
  return new Set(Object.keys(cluster?.deniedNodes ?? {}));
}

/**
 * The trust bundle (PEM) of the cluster: the root, or both roots while a rotation runs
 * (`rootRotation.caCert` is the new root while it issues, then the old root until every node
 * has moved over).
 */
export function trustBundle(cluster: swarm.Cluster): string {
  const root = dec.decode(cluster.rootCa?.caCert ?? new Uint8Array());
  const next = cluster.rootCa?.rootRotation?.caCert;
  return next && next.length > 0 ? root + dec.decode(next) : root;
}

/** What a certificate is issued under: the issuing root and the trust bundle that goes with it. */
function issuerKey(cluster: swarm.Cluster): string {
  return `${dec.decode(cluster.rootCa?.caCert ?? new Uint8Array())}|${trustBundle(cluster)}`;
}

/** The notAfter (ms since the epoch) of the leaf in a PEM chain; 0 for an empty chain. */
export function chainNotAfter(chainPem: string): number {
  return parseCertificates(chainPem)[0]?.notAfter ?? 0;
}

/** The manager-owned node label that names a node's security zone (@swarm/scheduler's `ZONE_LABEL`). */
export const DEFAULT_ZONE_LABEL = 'swarm.zone';

/** What a {@link ManagerCA} runs against. */
export interface ManagerCAOptions {
  /** The cluster store: the cluster object (root, join tokens, deny list) and the nodes. */
  readonly store: CAStore;
  /** Validity periods of issued certificates. */
  readonly clock: Clock;
  /** Key material is not drawn from it (the CSR carries the node's key); node IDs and serials are. Default `cryptoRandom`. */
  readonly random?: Random;
  /** Issuances and renewals, by node ID and role. Default: nothing. */
  readonly logger?: Logger;
  /** Signs with it. Default `nobleBackend` (portable); a Node.js manager passes `nativeBackend` of `@swarm/ca/native`. */
  readonly backend?: SignerBackend;
  /** The node label whose value is the node's zone, written into renewed certificates. Default `swarm.zone`. */
  readonly zoneLabel?: string;
}

/** The CA as managers serve it: issues and renews node certificates against the store (roles, deny list, zones), and serves the root and the unlock key. */
export class ManagerCA {
  readonly #store: CAStore;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #log: Logger;
  readonly #backend: SignerBackend | undefined;
  readonly #zoneLabel: string;
  #issuer: { key: string; ca: IssuingCA } | undefined;

  /** Checks nothing against the store yet: the cluster may still be replicating here. */
  constructor(o: ManagerCAOptions) {
    if (o === null || typeof o !== 'object' || typeof o.store?.view !== 'function')
      throw new TypeError('ManagerCA needs options.store (a @swarm/store Store, or any CAStore)');
    this.#store = o.store;
    this.#clock = o.clock;
    this.#random = o.random ?? cryptoRandom;
    this.#log = (o.logger ?? noopLogger).child({ component: 'ca' });
    this.#backend = o.backend;
    this.#zoneLabel = o.zoneLabel ?? DEFAULT_ZONE_LABEL;
  }

  #cluster(): swarm.Cluster {
    const c = this.#store.view(clusterOf);
    if (!c?.rootCa?.caCert || c.rootCa.caCert.length === 0)
      throw new SwarmError('CLUSTER_NOT_READY', 'this manager has not caught up with the cluster yet; retry');
    return c;
  }

  /**
   * The CA that signs: always the cluster's current root. A rotation first only adds the new root
   * to the trust bundle (so every node trusts it before any leaf from it exists), then makes it
   * the current root.
   */
  issuer(): IssuingCA {
    const c = this.#cluster();
    const certPem = dec.decode(c.rootCa?.caCert ?? new Uint8Array());
    const keyPem = dec.decode(c.rootCa?.caKey ?? new Uint8Array());
    const key = issuerKey(c);
    if (this.#issuer?.key !== key) {
      const root = loadRootCA({
        certPem,
        keyPem,
        clock: this.#clock,
        random: this.#random,
        ...(this.#backend === undefined ? {} : { backend: this.#backend }),
      });
      const ca: IssuingCA = { ...root, rootsPem: trustBundle(c) };
      this.#issuer = { key, ca };
    }
    return this.#issuer.ca;
  }

  /** The root bundle (the RPC a joiner calls before it trusts anything). */
  async getRootCACertificate(): Promise<swarm.GetRootCACertificateResponse> {
    return swarm.GetRootCACertificateResponse.create({
      certificate: enc.encode(trustBundle(this.#cluster())),
    });
  }

  /** The cluster's current unlock key (managers only). */
  async getUnlockKey(): Promise<swarm.GetUnlockKeyResponse> {
    const c = this.#cluster();
    return swarm.GetUnlockKeyResponse.create({
      unlockKey: enc.encode(c.unlockKey ?? ''),
      version: { index: c.meta?.version?.index ?? toLong(0n) },
    });
  }

  /**
   * A new node presents a join token (no certificate yet); a known node renews over mTLS
   * (`identity` set) and gets the role and zone the store holds for it, whatever it asks for.
   */
  async issueNodeCertificate(
    req: swarm.IssueNodeCertificateRequest,
    identity: NodeIdentity | undefined,
  ): Promise<swarm.IssueNodeCertificateResponse> {
    const cluster = this.#cluster();
    const csrPem = dec.decode(req.csr ?? new Uint8Array());
    const expiryMs = Number(cluster.spec?.caConfig?.nodeCertExpiryMs ?? 0) || undefined;
    const denied = deniedNodes(cluster);
    if (identity !== undefined && identity.clusterId === cluster.id) {
      const nodeId = identity.nodeId;
      const node = this.#store.view((tx) => tx.get('node', nodeId));
      if (node === undefined)
        throw new SwarmError('NODE_NOT_FOUND', `node ${nodeId} is not part of this swarm; join it again`, {
          nodeId,
        });
      const role = roleName(node.spec?.desiredRole ?? node.role);
      const zone = node.spec?.annotations?.labels?.[this.#zoneLabel];
      const issuer = this.issuer();
      const issuedUnder = issuerKey(cluster);
      const issued = await issueCertificate(issuer, csrPem, {
        nodeId,
        role,
        clusterId: cluster.id,
        ...(zone ? { zone } : {}),
        ...(expiryMs ? { expiryMs } : {}),
        denyList: denied,
      });
      await this.#store.update((tx) => {
        const n = tx.get('node', nodeId);
        if (n === undefined) return;
        n.role = role === 'manager' ? swarm.NodeRole.NODE_ROLE_MANAGER : swarm.NodeRole.NODE_ROLE_WORKER;
        n.zone = zone ?? '';
        // A root rotation moved on while this certificate was being issued (the root or the trust
        // bundle changed): the node renews again, so that it never counts as having renewed under
        // a phase whose bundle it did not get.
        const now = clusterOf(tx);
        const stale = now !== undefined && issuerKey(now) !== issuedUnder;
        n.certificate = swarm.Certificate.create({
          role: n.role,
          csr: req.csr,
          cn: nodeId,
          status: {
            state: stale
              ? swarm.IssuanceState.ISSUANCE_STATE_ROTATE
              : swarm.IssuanceState.ISSUANCE_STATE_ISSUED,
          },
          certificate: enc.encode(issued.chainPem),
        });
        tx.update('node', n);
      });
      this.#log.info('renewed node certificate', { nodeId, role });
      return swarm.IssueNodeCertificateResponse.create({
        nodeId,
        nodeMembership: swarm.NodeSpec.Membership.ACCEPTED,
      });
    }

    // A new node: the token alone decides the role (a role the caller asks for is ignored).
    const tokens = cluster.rootCa?.joinTokens;
    const caRole = roleForToken({ worker: tokens?.worker ?? '', manager: tokens?.manager ?? '' }, req.token);
    const role = caRole === 'swarm-manager' ? 'manager' : 'worker';
    const nodeId = generateId(this.#random);
    const issued = await issueCertificate(this.issuer(), csrPem, {
      nodeId,
      role,
      clusterId: cluster.id,
      ...(expiryMs ? { expiryMs } : {}),
      denyList: denied,
    });
    const storeRole = role === 'manager' ? swarm.NodeRole.NODE_ROLE_MANAGER : swarm.NodeRole.NODE_ROLE_WORKER;
    await this.#store.update((tx) => {
      tx.create(
        'node',
        swarm.Node.create({
          id: nodeId,
          role: storeRole,
          spec: {
            desiredRole: storeRole,
            membership: swarm.NodeSpec.Membership.ACCEPTED,
            availability: req.availability ?? swarm.NodeSpec.Availability.ACTIVE,
          },
          status: { state: swarm.NodeStatus.State.UNKNOWN, message: 'joined; waiting for its first session' },
          certificate: {
            role: storeRole,
            csr: req.csr,
            cn: nodeId,
            status: { state: swarm.IssuanceState.ISSUANCE_STATE_ISSUED },
            certificate: enc.encode(issued.chainPem),
          },
        }),
      );
    });
    this.#log.info('issued certificate to a new node', { nodeId, role });
    const managers = this.#store.view((tx) =>
      tx
        .list('node')
        .map((n) => n.managerStatus?.addr ?? '')
        .filter((a) => a !== ''),
    );
    return swarm.IssueNodeCertificateResponse.create({
      nodeId,
      nodeMembership: swarm.NodeSpec.Membership.ACCEPTED,
      managers,
    });
  }

  /** Where a node's certificate request stands, and the certificate once issued. */
  async nodeCertificateStatus(
    req: swarm.NodeCertificateStatusRequest,
  ): Promise<swarm.NodeCertificateStatusResponse> {
    const node = this.#store.view((tx) => tx.get('node', req.nodeId ?? ''));
    if (node?.certificate === undefined || node.certificate === null)
      throw new SwarmError('NODE_NOT_FOUND', `no certificate for node ${JSON.stringify(req.nodeId)}`, {
        nodeId: req.nodeId,
      });
    return swarm.NodeCertificateStatusResponse.create({
      status: node.certificate.status ?? { state: swarm.IssuanceState.ISSUANCE_STATE_UNKNOWN },
      certificate: node.certificate,
    });
  }
}
