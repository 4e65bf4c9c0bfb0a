/**
 * `swarm ca --rotate`: a new root, cross-signed by the old one, becomes the issuer; every node is
 * asked to renew (its new leaf chains to the new key through the cross-signed intermediate, so
 * nodes that still trust only the old root verify it); once every node holds a certificate from
 * the new key, the new root becomes the only trust root, both join tokens change, and every node
 * renews once more to drop the intermediate.
 */
import { SwarmError, swarm } from '@swarm/api';
import {
  certificatesToPem,
  createRootCA,
  crossSign,
  generateJoinTokens,
  keyIdentifier,
  loadRootCA,
  parseCertificates,
  rootDigest,
} from '@swarm/ca';
import { clusterOf } from '../manager/ca-service.js';
import type { Manager } from '../manager/manager.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

function issuedBy(chainPem: string, keyId: Uint8Array): boolean {
  try {
    const leaf = parseCertificates(chainPem)[0];
    const aki = leaf?.authorityKeyId;
    return aki !== undefined && Buffer.from(aki).equals(Buffer.from(keyId));
  } catch {
    return false;
  }
}

/** Nodes that still need a certificate from `keyId` (down nodes are waited for too: they renew on return). */
function pending(m: Manager, keyId: Uint8Array, since: Map<string, string>): string[] {
  return m.store.view((tx) =>
    tx
      .list('node')
      .filter((n) => {
        const chain = dec.decode(n.certificate?.certificate ?? new Uint8Array());
        return !issuedBy(chain, keyId) || since.get(n.id) === chain;
      })
      .map((n) => n.id),
  );
}

async function askAllToRenew(m: Manager): Promise<Map<string, string>> {
  const before = new Map<string, string>();
  await m.store.update((tx) => {
    for (const n of tx.list('node')) {
      before.set(n.id, dec.decode(n.certificate?.certificate ?? new Uint8Array()));
      n.certificate ??= swarm.Certificate.create();
      n.certificate.status = { state: swarm.IssuanceState.ISSUANCE_STATE_ROTATE };
      tx.update('node', n);
    }
  });
  return before;
}

async function waitConverged(m: Manager, keyId: Uint8Array, since: Map<string, string>, deadline: number) {
  for (;;) {
    const left = pending(m, keyId, since).filter((id) => {
      const n = m.store.view((tx) => tx.get('node', id));
      return n?.status?.state !== swarm.NodeStatus.State.DOWN;
    });
    if (left.length === 0) return;
    if (Date.now() > deadline)
      throw new SwarmError(
        'ROTATION_TIMEOUT',
        `the root CA rotation is still waiting for ${left.length} node(s) (${left.map((x) => x.slice(0, 12)).join(', ')}) to renew; it continues in the background: run "swarm ca --rotate" again later to finish`,
        { nodes: left },
      );
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function rotateRoot(
  m: Manager,
  timeoutMs: number,
): Promise<{ rootDigest: string; done: boolean; progress: string }> {
  const deadline = Date.now() + timeoutMs;
  let c = m.store.view(clusterOf);
  if (c === undefined) throw new SwarmError('CLUSTER_NOT_READY', 'the cluster is not ready; retry');
  if (!c.rootCa?.rootRotation?.caCert?.length) {
    const oldRoot = loadRootCA({
      certPem: dec.decode(c.rootCa!.caCert!),
      keyPem: dec.decode(c.rootCa!.caKey!),
      backend: 'native',
    });
    const newRoot = await createRootCA({ backend: 'native' });
    const cross = await crossSign(oldRoot, newRoot);
    await m.store.update((tx) => {
      const cl = clusterOf(tx)!;
      cl.rootCa!.rootRotation = swarm.RootRotation.create({
        caCert: enc.encode(newRoot.certPem),
        caKey: enc.encode(newRoot.keyPem),
        crossSignedCaCert: enc.encode(certificatesToPem([cross])),
      });
      tx.update('cluster', cl);
    });
  }
  c = m.store.view(clusterOf)!;
  const newCertPem = dec.decode(c.rootCa!.rootRotation!.caCert!);
  const newKeyPem = dec.decode(c.rootCa!.rootRotation!.caKey!);
  const newKeyId = keyIdentifier(
    loadRootCA({ certPem: newCertPem, keyPem: newKeyPem, backend: 'native' }).signer.publicKey,
  );
  // Phase 1: every node gets a leaf from the new key (chained through the cross-signed cert).
  await waitConverged(m, newKeyId, await askAllToRenew(m), deadline);
  // Phase 2: the new root becomes the trust root; tokens change; leaves drop the intermediate.
  const tokens = generateJoinTokens(newCertPem);
  await m.store.update((tx) => {
    const cl = clusterOf(tx)!;
    cl.rootCa = swarm.RootCA.create({
      caCert: enc.encode(newCertPem),
      caKey: enc.encode(newKeyPem),
      caCertHash: enc.encode(rootDigest(newCertPem)),
      joinTokens: tokens,
      lastForcedRotation: (cl.rootCa?.lastForcedRotation as never) ?? 0,
    });
    tx.update('cluster', cl);
  });
  await waitConverged(m, newKeyId, await askAllToRenew(m), deadline);
  return {
    rootDigest: rootDigest(newCertPem),
    done: true,
    progress: 'rotation done: every node has a certificate from the new root',
  };
}
