/**
 * The CA as a manager serves it: the root bundle for joiners, node certificates from CSRs (a join
 * token decides the role of a new node; the store decides it for a renewal), and the unlock key
 * for other managers. Every manager can sign: the root key is part of the replicated cluster
 * object (sealed at rest with each manager's data key), so a follower issues without forwarding.
 */
import {
  type Clock,
  cryptoRandom,
  generateId,
  type Logger,
  type Random,
  SwarmError,
  swarm,
  toLong,
} from '@swarm/api';
import {
  type IssuingCA,
  issueCertificate,
  loadRootCA,
  type NodeIdentity,
  parseCertificates,
  roleForToken,
} from '@swarm/ca';
import { nativeBackend } from '@swarm/ca/native';
import { ZONE_LABEL } from '@swarm/scheduler';
import { type ReadTx, type Store, StoreConflictError } from '@swarm/store';

const enc = new TextEncoder();
const dec = new TextDecoder();

export function clusterOf(tx: ReadTx): swarm.Cluster | undefined {
  return tx.list('cluster')[0];
}

/** The role name the CA uses for a store role. */
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

export interface ManagerCAOptions {
  store: Store;
  clock: Clock;
  random?: Random;
  logger: Logger;
}

/** The CA as managers serve it: issues and renews node certificates against the store (roles, deny list, zones), and serves the root and the unlock key. */
export class ManagerCA {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #log: Logger;
  #issuer: { key: string; ca: IssuingCA } | undefined;

  constructor(o: ManagerCAOptions) {
    this.#store = o.store;
    this.#clock = o.clock;
    this.#random = o.random ?? cryptoRandom;
    this.#log = o.logger.child({ component: 'ca' });
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
   * the current root (see daemon/ca-rotation.ts).
   */
  issuer(): IssuingCA {
    const c = this.#cluster();
    const certPem = dec.decode(c.rootCa!.caCert!);
    const keyPem = dec.decode(c.rootCa!.caKey!);
    const key = `${certPem}|${trustBundle(c)}`;
    if (this.#issuer?.key !== key) {
      const root = loadRootCA({
        certPem,
        keyPem,
        clock: this.#clock,
        random: this.#random,
        backend: nativeBackend,
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
      const zone = node.spec?.annotations?.labels?.[ZONE_LABEL];
      const issued = await issueCertificate(this.issuer(), csrPem, {
        nodeId,
        role,
        clusterId: cluster.id,
        ...(zone ? { zone } : {}),
        ...(expiryMs ? { expiryMs } : {}),
        denyList: denied,
      });
      await retryRaced(this.#store, (tx) => {
        const n = tx.get('node', nodeId);
        if (n === undefined) return;
        n.role = role === 'manager' ? swarm.NodeRole.NODE_ROLE_MANAGER : swarm.NodeRole.NODE_ROLE_WORKER;
        n.zone = zone ?? '';
        n.certificate = swarm.Certificate.create({
          role: n.role,
          csr: req.csr,
          cn: nodeId,
          status: { state: swarm.IssuanceState.ISSUANCE_STATE_ISSUED },
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
    await retryRaced(this.#store, (tx) => {
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

/** The notAfter of the leaf in a PEM chain. */
export function chainNotAfter(chainPem: string): number {
  return parseCertificates(chainPem)[0]?.notAfter ?? 0;
}

/**
 * `store.update`, run again (on fresh objects) when it lost an optimistic-concurrency race at apply
 * time, e.g. against a node status write: up to 5 attempts.
 */
export async function retryRaced(
  store: Store,
  fn: Parameters<Store['update']>[0],
): Promise<{ version: bigint }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.update(fn);
    } catch (e) {
      if (!(e instanceof StoreConflictError && e.code === 'SEQUENCE_CONFLICT') || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 5 * attempt));
    }
  }
}
