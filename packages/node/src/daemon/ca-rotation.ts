/**
 * `swarm ca --rotate`, in three phases, each ending when every node has renewed: (1) the new root
 * joins the trust bundle while the old root still issues, so every node trusts the new root
 * before any certificate from it exists; (2) the new root issues, the old one stays trusted;
 * (3) only the new root is trusted and both join tokens change. A peer never meets a certificate
 * it cannot verify, so no RPC fails during the rotation. (The old root also cross-signs the new
 * one, kept in `rootRotation.crossSignedCaCert` for peers outside the cluster that pinned the
 * old root; our nodes do not need it because phase 1 distributes the new root first.)
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
import { clusterOf } from '@swarm/ca/manager';
import { nativeBackend } from '@swarm/ca/native';
import type { Manager } from '../manager/manager.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

function issuedBy(chainPem: string, keyId: Uint8Array): boolean {
  try {
    const leaf = parseCertificates(chainPem)[0];
    const aki = leaf?.authorityKeyId;
    return aki !== undefined && aki.length === keyId.length && aki.every((b, i) => b === keyId[i]);
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
  await m.update((tx) => {
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
    if (m.clock.now() > deadline)
      throw new SwarmError(
        'ROTATION_TIMEOUT',
        `the root CA rotation is still waiting for ${left.length} node(s) (${left.map((x) => x.slice(0, 12)).join(', ')}) to renew; it continues in the background: run "swarm ca --rotate" again later to finish`,
        { nodes: left },
      );
    await new Promise<void>((r) => m.clock.setTimeout(r, 250));
  }
}

export async function rotateRoot(
  m: Manager,
  timeoutMs: number,
): Promise<{ rootDigest: string; done: boolean; progress: string }> {
  const deadline = m.clock.now() + timeoutMs;
  const c = m.store.view(clusterOf);
  if (c === undefined) throw new SwarmError('CLUSTER_NOT_READY', 'the cluster is not ready; retry');
  const rot = c.rootCa?.rootRotation;
  const inPhase2 = !!rot?.caCert?.length && !rot.caKey?.length;
  let oldCertPem = dec.decode(c.rootCa!.caCert!);
  let oldKeyPem = dec.decode(c.rootCa!.caKey!);
  let newCertPem: string;
  let newKeyPem: string;
  if (inPhase2) {
    oldCertPem = dec.decode(rot!.caCert!);
    oldKeyPem = '';
    newCertPem = dec.decode(c.rootCa!.caCert!);
    newKeyPem = dec.decode(c.rootCa!.caKey!);
  } else if (rot?.caKey?.length) {
    newCertPem = dec.decode(rot.caCert!);
    newKeyPem = dec.decode(rot.caKey);
  } else {
    const oldRoot = loadRootCA({
      certPem: oldCertPem,
      keyPem: oldKeyPem,
      clock: m.clock,
      backend: nativeBackend,
    });
    const newRoot = await createRootCA({ clock: m.clock, backend: nativeBackend });
    const cross = await crossSign(oldRoot, newRoot);
    newCertPem = newRoot.certPem;
    newKeyPem = newRoot.keyPem;
    await m.update((tx) => {
      const cl = clusterOf(tx)!;
      cl.rootCa!.rootRotation = swarm.RootRotation.create({
        caCert: enc.encode(newCertPem),
        caKey: enc.encode(newKeyPem),
        crossSignedCaCert: enc.encode(certificatesToPem([cross])),
      });
      tx.update('cluster', cl);
    });
  }
  const keyIdOf = (certPem: string, keyPem: string) =>
    keyIdentifier(loadRootCA({ certPem, keyPem, backend: nativeBackend }).signer.publicKey);
  const newKeyId = keyIdOf(newCertPem, newKeyPem);
  if (!inPhase2) {
    // Phase 1: the new root joins the trust bundle while the old one still issues; every node
    // renews once and takes the bundle with both roots, so it trusts the new root before any
    // certificate from it exists.
    await waitConverged(m, keyIdOf(oldCertPem, oldKeyPem), await askAllToRenew(m), deadline);
    // Phase 2 starts: the new root issues; the old root stays trusted (rootRotation keeps only its
    // certificate) until every node holds a certificate from the new root.
    await m.update((tx) => {
      const cl = clusterOf(tx)!;
      cl.rootCa!.caCert = enc.encode(newCertPem);
      cl.rootCa!.caKey = enc.encode(newKeyPem);
      cl.rootCa!.caCertHash = enc.encode(rootDigest(newCertPem));
      cl.rootCa!.rootRotation = swarm.RootRotation.create({ caCert: enc.encode(oldCertPem) });
      tx.update('cluster', cl);
    });
  }
  await waitConverged(m, newKeyId, await askAllToRenew(m), deadline);
  // Phase 3: only the new root is trusted, and both join tokens change (they pin the new root);
  // every node renews once more to take the new bundle.
  const tokens = generateJoinTokens(newCertPem);
  await m.update((tx) => {
    const cl = clusterOf(tx)!;
    cl.rootCa!.rootRotation = null;
    cl.rootCa!.joinTokens = swarm.JoinTokens.create(tokens);
    tx.update('cluster', cl);
  });
  await waitConverged(m, newKeyId, await askAllToRenew(m), deadline);
  return {
    rootDigest: rootDigest(newCertPem),
    done: true,
    progress: 'rotation done: every node has a certificate from the new root, and both join tokens changed',
  };
}
