/**
 * A cluster for root-rotation tests, with no I/O: a store double (one cluster object and the
 * nodes, copied in and out as a store does), a ManagerCA over it, and simulated nodes that renew
 * through that CA when the store asks them to, keeping the trust bundle the CA serves them.
 */
import { type Clock, type Random, SwarmError, seededRandom, swarm } from '@swarm/api';
import { authorize } from '../../src/authorize.js';
import { createKeyAndCSR } from '../../src/csr.js';
import { DenyList } from '../../src/deny-list.js';
import { generateJoinTokens } from '../../src/join-token.js';
import type {
  CAReadTx,
  CAStore,
  CAWriteTx,
  RotationReadTx,
  RotationStore,
  RotationWriteTx,
} from '../../src/manager.js';
import { ManagerCA } from '../../src/manager.js';
import { nativeBackend, nativeVerifier } from '../../src/native.js';
import { createRootCA } from '../../src/root-ca.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
export const CLUSTER_ID = 'r'.repeat(25);

type AnyTx = CAReadTx & CAWriteTx & RotationReadTx & RotationWriteTx;

/** One cluster object and a map of nodes; every read and write copies, as a store does. */
export class StoreDouble implements CAStore, RotationStore {
  cluster: swarm.Cluster | undefined;
  readonly nodes = new Map<string, swarm.Node>();
  /** Runs before each write transaction (to interleave another writer). */
  beforeUpdate: (() => void) | undefined;
  writes = 0;

  #tx(): AnyTx {
    const copyNode = (n: swarm.Node) => swarm.Node.decode(swarm.Node.encode(n).finish());
    const copyCluster = (c: swarm.Cluster) => swarm.Cluster.decode(swarm.Cluster.encode(c).finish());
    const list = ((kind: 'cluster' | 'node') =>
      kind === 'cluster'
        ? this.cluster
          ? [copyCluster(this.cluster)]
          : []
        : [...this.nodes.values()].map(copyNode)) as AnyTx['list'];
    const update = ((kind: 'cluster' | 'node', obj: swarm.Cluster | swarm.Node) => {
      if (kind === 'cluster') this.cluster = copyCluster(obj as swarm.Cluster);
      else this.nodes.set(obj.id, copyNode(obj as swarm.Node));
    }) as AnyTx['update'];
    return {
      get: (_kind, id) => {
        const n = this.nodes.get(id);
        return n === undefined ? undefined : copyNode(n);
      },
      list,
      create: (_kind, n) => {
        if (this.nodes.has(n.id)) throw new SwarmError('EXISTS', `node ${n.id} exists`);
        this.nodes.set(n.id, copyNode(n));
      },
      update,
    };
  }

  view<T>(fn: (tx: AnyTx) => T): T {
    return fn(this.#tx());
  }

  async update(fn: (tx: AnyTx) => void): Promise<unknown> {
    const hook = this.beforeUpdate;
    this.beforeUpdate = undefined;
    hook?.();
    this.writes++;
    fn(this.#tx());
    return undefined;
  }

  /** The node's certificate status in the store. */
  issuance(nodeId: string): swarm.IssuanceState | undefined {
    return this.nodes.get(nodeId)?.certificate?.status?.state ?? undefined;
  }

  setDown(nodeId: string, down: boolean): void {
    const n = this.nodes.get(nodeId)!;
    n.status = swarm.NodeStatus.create({
      state: down ? swarm.NodeStatus.State.DOWN : swarm.NodeStatus.State.READY,
    });
  }
}

/** A node as it is on its own disk: its key, chain and trust bundle; it renews when the store asks. */
export class SimNode {
  up = true;
  renewals = 0;
  constructor(
    readonly id: string,
    public keyPem: string,
    public chainPem: string,
    public rootsPem: string,
    readonly cluster: RotationCluster,
  ) {}

  /** What a daemon does every second: renew when the store says ISSUANCE_STATE_ROTATE. */
  async renewIfAsked(): Promise<boolean> {
    if (!this.up || this.cluster.store.issuance(this.id) !== swarm.IssuanceState.ISSUANCE_STATE_ROTATE)
      return false;
    const { keyPem, csrPem } = createKeyAndCSR({ random: this.cluster.random });
    const ca = this.cluster.ca;
    // The manager authorizes the caller over mTLS with its own bundle, as the RPC server does.
    const identity = authorize(this.chainPem, {
      allowedRoles: ['swarm-manager', 'swarm-worker'],
      clusterId: CLUSTER_ID,
      denyList: new DenyList(),
      roots: dec.decode((await ca.getRootCACertificate()).certificate),
      clock: this.cluster.clock,
      verifier: nativeVerifier,
    });
    await ca.issueNodeCertificate(
      swarm.IssueNodeCertificateRequest.create({ csr: enc.encode(csrPem) }),
      identity,
    );
    const status = await ca.nodeCertificateStatus(
      swarm.NodeCertificateStatusRequest.create({ nodeId: this.id }),
    );
    this.keyPem = keyPem;
    this.chainPem = dec.decode(status.certificate?.certificate ?? new Uint8Array());
    this.rootsPem = dec.decode((await ca.getRootCACertificate()).certificate);
    this.renewals++;
    return true;
  }

  /** Whether this node accepts `peer`'s certificate (as a TLS handshake would). */
  accepts(peer: SimNode): boolean {
    try {
      authorize(peer.chainPem, {
        allowedRoles: ['swarm-manager', 'swarm-worker'],
        clusterId: CLUSTER_ID,
        denyList: new DenyList(),
        roots: this.rootsPem,
        clock: this.cluster.clock,
        verifier: nativeVerifier,
      });
      return true;
    } catch {
      return false;
    }
  }
}

/** A store, a ManagerCA over it, and `n` joined nodes. */
export class RotationCluster {
  readonly store = new StoreDouble();
  readonly nodes: SimNode[] = [];
  ca!: ManagerCA;
  private constructor(
    readonly clock: Clock,
    readonly random: Random,
  ) {}

  static async create(clock: Clock, n: number, seed = 1): Promise<RotationCluster> {
    const c = new RotationCluster(clock, seededRandom(seed));
    const root = await createRootCA({ clock, random: c.random, backend: nativeBackend });
    const tokens = generateJoinTokens(root.certPem, c.random);
    c.store.cluster = swarm.Cluster.create({
      id: CLUSTER_ID,
      rootCa: { caCert: enc.encode(root.certPem), caKey: enc.encode(root.keyPem), joinTokens: tokens },
    });
    c.ca = new ManagerCA({ store: c.store, clock, random: c.random, backend: nativeBackend });
    for (let i = 0; i < n; i++) await c.join(i === 0 ? tokens.manager : tokens.worker);
    return c;
  }

  /** A node joins with `token` (the bundle first, then a certificate), as a joining daemon does. */
  async join(token: string): Promise<SimNode> {
    const rootsPem = dec.decode((await this.ca.getRootCACertificate()).certificate);
    const { keyPem, csrPem } = createKeyAndCSR({ random: this.random });
    const res = await this.ca.issueNodeCertificate(
      swarm.IssueNodeCertificateRequest.create({ csr: enc.encode(csrPem), token }),
      undefined,
    );
    this.store.setDown(res.nodeId, false);
    const chainPem = dec.decode(this.store.nodes.get(res.nodeId)!.certificate!.certificate);
    const node = new SimNode(res.nodeId, keyPem, chainPem, rootsPem, this);
    this.nodes.push(node);
    return node;
  }

  /** Every node that is up renews if the store asks it to; returns how many did. */
  async renewAsked(): Promise<number> {
    let n = 0;
    for (const node of this.nodes) if (await node.renewIfAsked()) n++;
    return n;
  }

  /** Pairs of nodes (up or down: a down node may come back at any moment) where one rejects the other. */
  rejections(): string[] {
    const out: string[] = [];
    for (const a of this.nodes)
      for (const b of this.nodes) if (a !== b && !a.accepts(b)) out.push(`${a.id} rejects ${b.id}`);
    return out;
  }

  rootCa(): swarm.RootCA {
    return this.store.cluster!.rootCa as swarm.RootCA;
  }
}
