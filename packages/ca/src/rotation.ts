/**
 * Root CA rotation as a sans-I/O state machine over what the cluster store holds: the cluster's
 * `RootCA` (with its `rootRotation`) and the node objects. It reads no clock and does no I/O: the
 * caller passes `now` and the objects, and writes back what {@link planRotation} returns.
 *
 * Three phases, each ending when every node (down nodes included) has renewed under it:
 *
 * 1. `trust`: the old root still issues; the new root joins the trust bundle. Every node renews
 *    once, so it trusts the new root before any certificate from it exists.
 * 2. `issue`: the new root issues; the old root stays trusted. Every node renews onto the new key.
 * 3. `retire`: only the new root is trusted and both join tokens change. Every node renews once
 *    more to take the new bundle; then the rotation is over.
 *
 * So no peer ever meets a certificate it cannot verify. The old root also cross-signs the new one
 * (`rootRotation.crossSignedCaCert`, kept until the end) for peers outside the cluster that pinned
 * the old root. Everything the machine needs is in the store, so a new leader resumes a rotation
 * where the last one left it.
 */
import { type Clock, cryptoRandom, type Random, swarm, toLong } from '@swarm/api';
import { certificatesToPem, keyIdentifier, parseCertificates } from './certificate.js';
import { bytesEqual } from './der.js';
import { RotationError } from './errors.js';
import { generateJoinTokens } from './join-token.js';
import { createRootCA, crossSign, loadRootCA, rootDigest } from './root-ca.js';
import { nobleBackend, type SignerBackend } from './signer.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
const Phase = swarm.RootRotationPhase;

/** The phases of a root rotation, in order. */
export type RotationPhase = 'trust' | 'issue' | 'retire';

const PHASES: Record<RotationPhase, { n: number; what: string; proto: swarm.RootRotationPhase }> = {
  trust: {
    n: 1,
    what: 'every node takes the new root into its trust bundle',
    proto: Phase.ROOT_ROTATION_PHASE_TRUST,
  },
  issue: { n: 2, what: 'every node renews onto the new root', proto: Phase.ROOT_ROTATION_PHASE_ISSUE },
  retire: { n: 3, what: 'every node drops the old root', proto: Phase.ROOT_ROTATION_PHASE_RETIRE },
};

/** A rotation as stored in `RootCA.rootRotation`, decoded. */
export interface StoredRotation {
  readonly phase: RotationPhase;
  /** The root every node ends up on (PEM). */
  readonly newRootPem: string;
  /** The root being replaced (PEM); empty in `retire`, where it is no longer kept. */
  readonly oldRootPem: string;
  /** The new root certified by the old one (PEM); empty for a rotation stored without one. */
  readonly crossSignedPem: string;
  /** When the rotation began and when its phase began (ms, the manager's clock; 0 if unknown). */
  readonly startedAt: number;
  readonly phaseStartedAt: number;
}

const text = (b: Uint8Array | null | undefined): string => (b && b.length > 0 ? dec.decode(b) : '');

/**
 * The rotation stored in `rootCa`, or undefined when none runs. A rotation written before phases
 * were recorded has its phase inferred (a new key beside the old root: `trust`; only the old
 * root's certificate: `issue`). Throws `ROTATION_CORRUPT` for a record that matches no phase.
 */
export function readRotation(rootCa: swarm.IRootCA | null | undefined): StoredRotation | undefined {
  const r = rootCa?.rootRotation;
  if (r === null || r === undefined) return undefined;
  const caCert = text(r.caCert);
  const hasKey = (r.caKey?.length ?? 0) > 0;
  let phase: RotationPhase | undefined;
  switch (r.phase ?? Phase.ROOT_ROTATION_PHASE_UNSPECIFIED) {
    case Phase.ROOT_ROTATION_PHASE_TRUST:
      phase = 'trust';
      break;
    case Phase.ROOT_ROTATION_PHASE_ISSUE:
      phase = 'issue';
      break;
    case Phase.ROOT_ROTATION_PHASE_RETIRE:
      phase = 'retire';
      break;
    default:
      if (caCert === '' && !hasKey) return undefined; // an empty record: nothing runs
      phase = hasKey ? 'trust' : 'issue';
  }
  const current = text(rootCa?.caCert);
  const ok = phase === 'trust' ? caCert !== '' && hasKey : phase === 'issue' ? caCert !== '' : true;
  if (!ok || current === '')
    throw new RotationError(
      'ROTATION_CORRUPT',
      `the stored root rotation (phase ${phase}) lacks the ${phase === 'trust' ? 'new root key or certificate' : 'old root certificate'}; it cannot continue`,
      { phase },
    );
  return {
    phase,
    newRootPem: phase === 'trust' ? caCert : current,
    oldRootPem: phase === 'trust' ? current : phase === 'issue' ? caCert : '',
    crossSignedPem: text(r.crossSignedCaCert),
    startedAt: Number(r.startedAt ?? 0),
    phaseStartedAt: Number(r.phaseStartedAt ?? 0),
  };
}

/** Options of {@link beginRotation}. */
export interface BeginRotationOptions {
  /** Validity of the new root and the cross-signed certificate; `now()` is the rotation's start. */
  clock: Clock;
  /** Key and serial source. Default `cryptoRandom`. */
  random?: Random;
  /** Signing backend for the key generation and the cross-signature. Default `nobleBackend`. */
  backend?: SignerBackend;
}

/**
 * A new rotation: a fresh root, cross-signed by the current one, in phase `trust`. Returns the
 * `RootCA` to store. Store it only if no rotation began meanwhile, and in the same transaction
 * ask every node to renew (certificate status `ISSUANCE_STATE_ROTATE`): a node counts as renewed
 * under a phase once that mark is gone, so without it phase `trust` would end at once.
 * `RootRotationDriver.begin` does both. Refused with `ROTATION_IN_PROGRESS` while one runs.
 */
export async function beginRotation(rootCa: swarm.IRootCA, o: BeginRotationOptions): Promise<swarm.RootCA> {
  const running = readRotation(rootCa);
  if (running !== undefined)
    throw new RotationError(
      'ROTATION_IN_PROGRESS',
      `a root rotation is already in phase ${running.phase}; wait for it to finish`,
      { phase: running.phase },
    );
  const random = o.random ?? cryptoRandom;
  const backend = o.backend ?? nobleBackend;
  const oldRoot = loadRootCA({
    certPem: text(rootCa.caCert),
    keyPem: text(rootCa.caKey),
    clock: o.clock,
    random,
    backend,
  });
  const newRoot = await createRootCA({ clock: o.clock, random, backend });
  const cross = await crossSign(oldRoot, newRoot);
  const now = o.clock.now();
  return swarm.RootCA.create({
    ...rootCa,
    rootRotation: {
      caCert: enc.encode(newRoot.certPem),
      caKey: enc.encode(newRoot.keyPem),
      crossSignedCaCert: enc.encode(certificatesToPem([cross])),
      phase: Phase.ROOT_ROTATION_PHASE_TRUST,
      startedAt: toLong(BigInt(Math.max(0, Math.floor(now)))),
      phaseStartedAt: toLong(BigInt(Math.max(0, Math.floor(now)))),
    },
  });
}

/**
 * Abandons a rotation still in `trust` (no certificate from the new key exists yet): the new root
 * and its key are dropped and the old root goes on alone. Refused with `ROTATION_CANNOT_ABORT`
 * once the new root issues (nodes hold its certificates: it can only be finished), and with
 * `ROTATION_NOT_RUNNING` when none runs. Ask every node to renew afterwards so that it drops the
 * new root from its bundle.
 */
export function abortRotation(rootCa: swarm.IRootCA): swarm.RootCA {
  const r = readRotation(rootCa);
  if (r === undefined) throw new RotationError('ROTATION_NOT_RUNNING', 'no root rotation is running');
  if (r.phase !== 'trust')
    throw new RotationError(
      'ROTATION_CANNOT_ABORT',
      `the root rotation is in phase ${r.phase}: nodes already hold certificates from the new root, so it can only be finished`,
      { phase: r.phase },
    );
  return swarm.RootCA.create({ ...rootCa, rootRotation: null });
}

/** Where one node stands in the current phase. */
export type RotationNodeState = 'done' | 'renewing' | 'ask';

/**
 * Where a node stands: `done` once it renewed under the current phase (its certificate is issued,
 * not waiting for a renewal, and from the phase's issuing key); `renewing` while the store asks it
 * to renew; `ask` when it must be asked (again).
 */
export function nodeRotationState(node: swarm.INode, issuerKeyId: Uint8Array): RotationNodeState {
  const c = node.certificate;
  if (c?.status?.state === swarm.IssuanceState.ISSUANCE_STATE_ROTATE) return 'renewing';
  let aki: Uint8Array | undefined;
  try {
    aki = parseCertificates(text(c?.certificate))[0]?.authorityKeyId;
  } catch {
    aki = undefined;
  }
  return c?.status?.state === swarm.IssuanceState.ISSUANCE_STATE_ISSUED &&
    aki !== undefined &&
    bytesEqual(aki, issuerKeyId)
    ? 'done'
    : 'ask';
}

/** One step of the machine: what to write, and what the rotation waits for. */
export interface RotationPlan {
  /** The rotation after this step (undefined: none runs, or this step finished it). */
  readonly rotation: StoredRotation | undefined;
  /** A new `RootCA` to store (a phase change or the end), or undefined for no change. */
  readonly rootCa: swarm.RootCA | undefined;
  /** Nodes to ask to renew now (set their certificate status to `ISSUANCE_STATE_ROTATE`). */
  readonly renew: readonly string[];
  /** Nodes the current phase waits for (asked, not yet renewed), down ones included. */
  readonly waiting: readonly string[];
  /** The waited-for nodes that are down: they renew when they come back. */
  readonly down: readonly string[];
  /** This step ended the rotation. */
  readonly finished: boolean;
  /** One line for people: the phase, what it waits for, and for how long. */
  readonly progress: string;
}

const keyIdOf = (pem: string): Uint8Array => {
  const cert = parseCertificates(pem)[0];
  if (cert === undefined) throw new RotationError('ROTATION_CORRUPT', 'the stored root certificate is empty');
  return keyIdentifier(cert.publicKey);
};

function phaseRecord(r: StoredRotation, phase: RotationPhase, now: number): swarm.RootRotation {
  return swarm.RootRotation.create({
    ...(phase === 'issue' ? { caCert: enc.encode(r.oldRootPem) } : {}),
    crossSignedCaCert: enc.encode(r.crossSignedPem),
    phase: PHASES[phase].proto,
    startedAt: toLong(BigInt(r.startedAt)),
    phaseStartedAt: toLong(BigInt(Math.max(0, Math.floor(now)))),
  });
}

/**
 * The next step of the rotation stored in `rootCa`, given every node of the cluster and the time.
 * While some node has not renewed under the current phase, the step asks the ones not yet asked
 * and waits. When every node has, it moves to the next phase and asks every node to renew; after
 * `retire` it ends the rotation. Pure: call it again on fresh objects inside the write
 * transaction that applies it.
 */
export function planRotation(
  rootCa: swarm.IRootCA | null | undefined,
  nodes: readonly swarm.INode[],
  now: number,
  random: Random = cryptoRandom,
): RotationPlan {
  const r = readRotation(rootCa);
  if (r === undefined || rootCa === null || rootCa === undefined)
    return {
      rotation: undefined,
      rootCa: undefined,
      renew: [],
      waiting: [],
      down: [],
      finished: false,
      progress: 'no root rotation is running',
    };
  const issuer = keyIdOf(r.phase === 'trust' ? r.oldRootPem : r.newRootPem);
  const states = nodes.map((n) => [n.id ?? '', nodeRotationState(n, issuer), n] as const);
  const behind = states.filter(([, s]) => s !== 'done');
  if (behind.length > 0) {
    const waiting = behind.map(([id]) => id);
    const down = behind
      .filter(([, , n]) => n.status?.state === swarm.NodeStatus.State.DOWN)
      .map(([id]) => id);
    const since =
      r.phaseStartedAt > 0 ? ` for ${Math.max(0, Math.round((now - r.phaseStartedAt) / 1000))}s` : '';
    return {
      rotation: r,
      rootCa: undefined,
      renew: behind.filter(([, s]) => s === 'ask').map(([id]) => id),
      waiting,
      down,
      finished: false,
      progress: `phase ${PHASES[r.phase].n} of 3 (${PHASES[r.phase].what}): waiting${since} for ${waiting.length} of ${nodes.length} node(s) to renew${down.length > 0 ? ` (${down.length} down: ${down.map((id) => id.slice(0, 12)).join(', ')})` : ''}`,
    };
  }
  const all = nodes.map((n) => n.id ?? '');
  if (r.phase === 'retire')
    return {
      rotation: undefined,
      rootCa: swarm.RootCA.create({ ...rootCa, rootRotation: null }),
      renew: [],
      waiting: [],
      down: [],
      finished: true,
      progress: 'rotation done: every node has a certificate from the new root, and both join tokens changed',
    };
  if (r.phase === 'trust') {
    const next = swarm.RootCA.create({
      ...rootCa,
      caCert: enc.encode(r.newRootPem),
      caKey: rootCa.rootRotation?.caKey ?? new Uint8Array(),
      caCertHash: enc.encode(rootDigest(r.newRootPem)),
      rootRotation: phaseRecord(r, 'issue', now),
    });
    return moved(next, all);
  }
  const next = swarm.RootCA.create({
    ...rootCa,
    joinTokens: swarm.JoinTokens.create(generateJoinTokens(r.newRootPem, random)),
    rootRotation: phaseRecord(r, 'retire', now),
  });
  return moved(next, all);
}

function moved(rootCa: swarm.RootCA, all: string[]): RotationPlan {
  const rotation = readRotation(rootCa);
  return {
    rotation,
    rootCa,
    renew: all,
    waiting: all,
    down: [],
    finished: false,
    progress: `phase ${PHASES[rotation!.phase].n} of 3 (${PHASES[rotation!.phase].what}): asked ${all.length} node(s) to renew`,
  };
}
