import { ManualClock, SwarmError, seededRandom, swarm } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { parseCertificates, subjectValue } from '../src/certificate.js';
import { createKeyAndCSR } from '../src/csr.js';
import { generateJoinTokens } from '../src/join-token.js';
import {
  type CAReadTx,
  type CAStore,
  type CAWriteTx,
  chainNotAfter,
  clusterOf,
  deniedNodes,
  ManagerCA,
  roleName,
  trustBundle,
} from '../src/manager.js';
import { OID } from '../src/oids.js';
import { createRootCA } from '../src/root-ca.js';

const enc = new TextEncoder();
const CLUSTER_ID = 'c'.repeat(25);

/** A cluster store double: one cluster object and a map of nodes, copied in and out as a store does. */
class MapStore implements CAStore {
  cluster: swarm.Cluster | undefined;
  readonly nodes = new Map<string, swarm.Node>();
  writes = 0;
  #tx(): CAReadTx & CAWriteTx {
    const copy = (n: swarm.Node) => swarm.Node.decode(swarm.Node.encode(n).finish());
    const list = ((kind: 'cluster' | 'node') =>
      kind === 'cluster'
        ? this.cluster
          ? [this.cluster]
          : []
        : [...this.nodes.values()].map(copy)) as CAReadTx['list'];
    return {
      get: (_kind, id) => {
        const n = this.nodes.get(id);
        return n === undefined ? undefined : copy(n);
      },
      list,
      create: (_kind, n) => {
        if (this.nodes.has(n.id)) throw new SwarmError('EXISTS', `node ${n.id} exists`);
        this.nodes.set(n.id, copy(n));
      },
      update: (_kind, n) => {
        this.nodes.set(n.id, copy(n));
      },
    };
  }
  view<T>(fn: (tx: CAReadTx) => T): T {
    return fn(this.#tx());
  }
  async update(fn: (tx: CAWriteTx) => void): Promise<unknown> {
    this.writes++;
    fn(this.#tx());
    return undefined;
  }
}

async function setup() {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const random = seededRandom(3);
  const root = await createRootCA({ clock, random });
  const tokens = generateJoinTokens(root.certPem, random);
  const store = new MapStore();
  store.cluster = swarm.Cluster.create({
    id: CLUSTER_ID,
    rootCa: { caCert: enc.encode(root.certPem), caKey: enc.encode(root.keyPem), joinTokens: tokens },
    unlockKey: 'SWMKEY-1-test',
  });
  const ca = new ManagerCA({ store, clock, random });
  return { clock, random, root, tokens, store, ca };
}

describe('ManagerCA', () => {
  it('is not ready before the cluster object is', async () => {
    const store = new MapStore();
    const ca = new ManagerCA({ store, clock: new ManualClock(0) });
    await expect(ca.getRootCACertificate()).rejects.toMatchObject({ code: 'CLUSTER_NOT_READY' });
    expect(() => new ManagerCA({ clock: new ManualClock(0) } as never)).toThrow(TypeError);
  });

  it('serves the root bundle, the unlock key, and both roots while a rotation runs', async () => {
    const { ca, root, store } = await setup();
    const bundle = new TextDecoder().decode((await ca.getRootCACertificate()).certificate);
    expect(bundle).toBe(root.certPem);
    expect(new TextDecoder().decode((await ca.getUnlockKey()).unlockKey)).toBe('SWMKEY-1-test');
    const next = await createRootCA({ random: seededRandom(9) });
    store.cluster!.rootCa!.rootRotation = swarm.RootRotation.create({ caCert: enc.encode(next.certPem) });
    expect(trustBundle(store.cluster!)).toBe(root.certPem + next.certPem);
  });

  it('lets the join token alone decide a new node’s role, and records the node', async () => {
    const { ca, tokens, store } = await setup();
    const { csrPem } = createKeyAndCSR({ random: seededRandom(5) });
    const res = await ca.issueNodeCertificate(
      swarm.IssueNodeCertificateRequest.create({ csr: enc.encode(csrPem), token: tokens.manager, role: 0 }),
      undefined,
    );
    const node = store.nodes.get(res.nodeId)!;
    expect(node.role).toBe(swarm.NodeRole.NODE_ROLE_MANAGER);
    const chain = new TextDecoder().decode(node.certificate!.certificate);
    const leaf = parseCertificates(chain)[0]!;
    expect(subjectValue(leaf, OID.organizationalUnitName)).toBe('swarm-manager');
    expect(subjectValue(leaf, OID.organizationName)).toBe(CLUSTER_ID);
    expect(chainNotAfter(chain)).toBe(leaf.notAfter);
    const status = await ca.nodeCertificateStatus(
      swarm.NodeCertificateStatusRequest.create({ nodeId: res.nodeId }),
    );
    expect(status.status?.state).toBe(swarm.IssuanceState.ISSUANCE_STATE_ISSUED);

    const bad = createKeyAndCSR({ random: seededRandom(6) });
    await expect(
      ca.issueNodeCertificate(
        swarm.IssueNodeCertificateRequest.create({ csr: enc.encode(bad.csrPem), token: 'SWMTKN-1-bogus' }),
        undefined,
      ),
    ).rejects.toBeInstanceOf(SwarmError);
  });

  it('renews with the role and zone the store holds, whatever the caller is', async () => {
    const { ca, tokens, store } = await setup();
    const first = await ca.issueNodeCertificate(
      swarm.IssueNodeCertificateRequest.create({
        csr: enc.encode(createKeyAndCSR({ random: seededRandom(5) }).csrPem),
        token: tokens.worker,
      }),
      undefined,
    );
    const id = first.nodeId;
    const n = store.nodes.get(id)!;
    n.spec!.desiredRole = swarm.NodeRole.NODE_ROLE_MANAGER;
    n.spec!.annotations = swarm.Annotations.create({ labels: { 'swarm.zone': 'pci' } });
    const identity = { nodeId: id, role: 'swarm-worker' as const, clusterId: CLUSTER_ID, zone: undefined };
    await ca.issueNodeCertificate(
      swarm.IssueNodeCertificateRequest.create({
        csr: enc.encode(createKeyAndCSR({ random: seededRandom(7) }).csrPem),
      }),
      {
        ...identity,
        notAfter: 0,
        certificate: parseCertificates(new TextDecoder().decode(n.certificate!.certificate))[0]!,
      },
    );
    const renewed = store.nodes.get(id)!;
    expect(renewed.role).toBe(swarm.NodeRole.NODE_ROLE_MANAGER);
    expect(renewed.zone).toBe('pci');
    const leaf = parseCertificates(new TextDecoder().decode(renewed.certificate!.certificate))[0]!;
    expect(subjectValue(leaf, OID.organizationalUnitName)).toBe('swarm-manager');
    expect(leaf.zone).toBe('pci');
  });

  it('refuses a renewal for a node the store does not know, and issues nothing to a denied node', async () => {
    const { ca, store, root } = await setup();
    const certificate = parseCertificates(root.certPem)[0]!;
    const csr = enc.encode(createKeyAndCSR({ random: seededRandom(8) }).csrPem);
    const who = {
      nodeId: 'x'.repeat(25),
      role: 'swarm-worker' as const,
      clusterId: CLUSTER_ID,
      zone: undefined,
    };
    await expect(
      ca.issueNodeCertificate(swarm.IssueNodeCertificateRequest.create({ csr }), {
        ...who,
        notAfter: 0,
        certificate,
      }),
    ).rejects.toMatchObject({ code: 'NODE_NOT_FOUND' });
    store.nodes.set(who.nodeId, swarm.Node.create({ id: who.nodeId, role: swarm.NodeRole.NODE_ROLE_WORKER }));
    store.cluster!.deniedNodes = { [who.nodeId]: swarm.DeniedCertificate.create({}) };
    expect(deniedNodes(store.cluster)).toEqual(new Set([who.nodeId]));
    const writes = store.writes;
    await expect(
      ca.issueNodeCertificate(swarm.IssueNodeCertificateRequest.create({ csr }), {
        ...who,
        notAfter: 0,
        certificate,
      }),
    ).rejects.toBeInstanceOf(SwarmError);
    expect(store.writes).toBe(writes);
  });

  it('names store roles and finds the cluster object', () => {
    expect(roleName(swarm.NodeRole.NODE_ROLE_MANAGER)).toBe('manager');
    expect(roleName(undefined)).toBe('worker');
    expect(clusterOf({ list: (() => []) as CAReadTx['list'] })).toBeUndefined();
  });
});
