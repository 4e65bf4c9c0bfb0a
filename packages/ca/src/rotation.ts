/**
 * Root CA rotation (DESIGN section 4). The old root cross-signs a new root; from then on the CA
 * issues with the new key and every leaf carries the cross-signed intermediate, so peers that
 * trust only the old root and peers that trust the new one both verify it. Nodes are asked to
 * renew in batches; only when every node holds a certificate from the new key does the new root
 * become the only trust root, and both join tokens change.
 */
import { assertValidId } from '@swarm/api';
import { type Certificate, certificatesToPem, parseCertificates } from './certificate.js';
import { bytesEqual } from './der.js';
import { RotationError } from './errors.js';
import { generateJoinTokens, type JoinTokens } from './join-token.js';
import { createRootCA, crossSign, type IssuingCA, type RootCA } from './root-ca.js';
import { nobleBackend, nobleVerifier, type SignerBackend, type Verifier } from './signer.js';

/** Options of `RootRotation.start`. */
export interface StartRotationOptions {
  /** Every node that must converge (node IDs). Nodes that join later call `addNode`. */
  nodeIds: Iterable<string>;
  /** Signing backend of the new root. Default `nobleBackend`. */
  backend?: SignerBackend;
  /** Verifier used to check renewed certificates. Default `nobleVerifier`. */
  verifier?: Verifier;
}

/** Where each node stands: not yet asked, asked to renew, or holding a new-key certificate. */
export type RotationNodeState = 'waiting' | 'asked' | 'converged';

/** The result of a finished rotation. */
export interface FinishedRotation {
  /** The new root CA alone: issue with it, trust only it. */
  readonly root: RootCA;
  /** Fresh worker and manager tokens (the digest pins the new root). */
  readonly joinTokens: JoinTokens;
}

/** A root CA rotation: a new root cross-signed by the old one, nodes moved over in batches, and the new root trusted alone once every node holds a certificate from it. */
export class RootRotation {
  readonly oldRoot: IssuingCA;
  readonly newRoot: RootCA;
  /** The new root's key and subject, certified by the old root. */
  readonly crossSigned: Certificate;
  readonly #nodes = new Map<string, RotationNodeState>();
  readonly #verifier: Verifier;
  #finished = false;

  private constructor(
    oldRoot: IssuingCA,
    newRoot: RootCA,
    crossSigned: Certificate,
    options: StartRotationOptions,
  ) {
    this.oldRoot = oldRoot;
    this.newRoot = newRoot;
    this.crossSigned = crossSigned;
    this.#verifier = options.verifier ?? nobleVerifier;
    for (const id of options.nodeIds) this.addNode(id);
  }

  /** Makes a new root and its cross-signed certificate; every listed node starts `waiting`. */
  static async start(oldRoot: IssuingCA, options: StartRotationOptions): Promise<RootRotation> {
    const newRoot = await createRootCA({
      clock: oldRoot.clock,
      random: oldRoot.random,
      backend: options.backend ?? nobleBackend,
    });
    const crossSigned = await crossSign(oldRoot, newRoot);
    return new RootRotation(oldRoot, newRoot, crossSigned, options);
  }

  /**
   * Resumes a rotation persisted with `nodeStates()` (after a manager restart or a leader
   * change): the old and new roots, the cross-signed certificate, and where each node stood.
   */
  static resume(
    oldRoot: IssuingCA,
    newRoot: RootCA,
    crossSignedPem: string,
    nodes: readonly (readonly [string, RotationNodeState])[],
    options: Pick<StartRotationOptions, 'verifier'> = {},
  ): RootRotation {
    const [crossSigned] = parseCertificates(crossSignedPem);
    if (
      crossSigned === undefined ||
      !bytesEqual(crossSigned.publicKey, newRoot.certificate.publicKey) ||
      !bytesEqual(crossSigned.issuer, oldRoot.certificate.subject)
    )
      throw new TypeError('crossSignedPem must be the new root certified by the old root');
    const r = new RootRotation(oldRoot, newRoot, crossSigned, { ...options, nodeIds: [] });
    for (const [id, state] of nodes) {
      assertValidId(id, 'nodeId');
      r.#nodes.set(id, state);
    }
    return r;
  }

  /** Each node's state, to persist alongside both roots and `crossSigned`. */
  nodeStates(): [string, RotationNodeState][] {
    return [...this.#nodes];
  }

  /** Both roots: what every peer trusts while the rotation runs. */
  get trustBundlePem(): string {
    return certificatesToPem(parseCertificates(this.oldRoot.rootsPem).concat([this.newRoot.certificate]));
  }

  /** The CA to issue with during the rotation: the new key, leaves carry the cross-signed root. */
  get issuer(): IssuingCA {
    return {
      signer: this.newRoot.signer,
      certificate: this.newRoot.certificate,
      intermediatesPem: certificatesToPem([this.crossSigned]),
      rootsPem: this.trustBundlePem,
      clock: this.newRoot.clock,
      random: this.newRoot.random,
    };
  }

  /** A node that joined during the rotation (it will be issued by the new key). */
  addNode(nodeId: string): void {
    assertValidId(nodeId, 'nodeId');
    if (!this.#nodes.has(nodeId)) this.#nodes.set(nodeId, 'waiting');
  }

  /** A node that left; it no longer holds the rotation back. */
  removeNode(nodeId: string): void {
    this.#nodes.delete(nodeId);
  }

  /** Where node `nodeId` stands in the rotation (undefined when it is not part of it). */
  state(nodeId: string): RotationNodeState | undefined {
    return this.#nodes.get(nodeId);
  }

  /**
   * The next `size` waiting nodes, now marked `asked`: tell them to renew at once. A node asked
   * before that has not converged is asked again once every waiting node has been.
   */
  nextBatch(size: number): string[] {
    if (!Number.isSafeInteger(size) || size < 1)
      throw new RangeError(`nextBatch(size) needs an integer >= 1, got ${size}`);
    const pick = (s: RotationNodeState): string[] =>
      [...this.#nodes]
        .filter(([, st]) => st === s)
        .map(([id]) => id)
        .slice(0, size);
    const batch = pick('waiting');
    const out = batch.length > 0 ? batch : pick('asked');
    for (const id of out) this.#nodes.set(id, 'asked');
    return out;
  }

  /**
   * Records a node's renewed chain. It converges only when its leaf was signed by the new key;
   * returns whether it did.
   */
  markRenewed(nodeId: string, chainPem: string): boolean {
    if (this.#finished) throw new RotationError('ROTATION_FINISHED', 'the rotation has already finished');
    if (!this.#nodes.has(nodeId))
      throw new RotationError(
        'ROTATION_UNKNOWN_NODE',
        `node ${nodeId} is not part of this rotation; call addNode first`,
        { nodeId },
      );
    const [leaf] = parseCertificates(chainPem);
    const root = this.newRoot.certificate;
    const ok =
      leaf !== undefined &&
      bytesEqual(leaf.issuer, root.subject) &&
      leaf.authorityKeyId !== undefined &&
      root.subjectKeyId !== undefined &&
      bytesEqual(leaf.authorityKeyId, root.subjectKeyId) &&
      this.#verifier.verify('P-256', root.publicKey, leaf.tbs, leaf.signature, 'SHA-256');
    if (ok) this.#nodes.set(nodeId, 'converged');
    return ok;
  }

  /** Node IDs that do not yet hold a new-key certificate. */
  pending(): string[] {
    return [...this.#nodes].filter(([, s]) => s !== 'converged').map(([id]) => id);
  }

  get converged(): boolean {
    return this.pending().length === 0;
  }

  /**
   * Ends the rotation: the new root becomes the only trust root and both join tokens change.
   * Refused with `ROTATION_NOT_CONVERGED` while any node still holds an old-key certificate.
   */
  finish(): FinishedRotation {
    if (this.#finished) throw new RotationError('ROTATION_FINISHED', 'the rotation has already finished');
    const pending = this.pending();
    if (pending.length > 0)
      throw new RotationError(
        'ROTATION_NOT_CONVERGED',
        `${pending.length} node(s) still hold certificates from the old root; ask them to renew first`,
        { pending },
      );
    this.#finished = true;
    return { root: this.newRoot, joinTokens: generateJoinTokens(this.newRoot.certPem) };
  }
}
