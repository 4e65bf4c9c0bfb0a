/**
 * The one authorization check every RPC uses (DESIGN section 4): a chain that verifies to one of
 * our roots at the injected clock's time, a leaf that is not a CA and may authenticate a TLS
 * client, OU among the RPC's allowed roles, CN not on the deny list, O equal to this cluster.
 * Every failure throws `AuthorizationError`; nothing is allowed by default.
 */
import { type Clock, isValidId, systemClock } from '@swarm/api';
import { type Certificate, parseCertificate, parseCertificates, subjectValue } from './certificate.js';
import type { DenyLookup } from './deny-list.js';
import { bytesEqual } from './der.js';
import { toBase64 } from './encoding.js';
import { AuthorizationError, type AuthorizationErrorCode } from './errors.js';
import { NODE_ROLES, type NodeRole } from './issue.js';
import { KEY_USAGE, OID } from './oids.js';
import { nobleVerifier, type Verifier } from './signer.js';

/** A peer's chain: PEM text, DER certificates leaf first, or node:tls's detailed `PeerCertificate`. */
export type PeerCertChain =
  | string
  | readonly string[]
  | Uint8Array
  | readonly Uint8Array[]
  | PeerCertificateLike;

/** The part of node:tls `DetailedPeerCertificate` we read. */
export interface PeerCertificateLike {
  readonly raw: Uint8Array;
  readonly issuerCertificate?: PeerCertificateLike;
}

/** Who the peer is, as its verified certificate says. */
export interface NodeIdentity {
  readonly nodeId: string;
  readonly role: NodeRole;
  readonly clusterId: string;
  readonly zone: string | undefined;
  readonly notAfter: number;
  readonly certificate: Certificate;
}

/** A role as an OU (`swarm-manager`), its short name (`manager`), or an RPC role (`worker|manager`). */
export type AllowedRole = NodeRole | 'manager' | 'worker' | 'worker|manager';

/** What `authorize` checks a peer's chain against: the roles allowed for the RPC, this cluster, the deny list and the trusted roots. */
export interface AuthorizeOptions {
  /** Roles allowed to call this RPC. */
  allowedRoles: readonly AllowedRole[];
  /** This cluster's ID; the peer's O must equal it. */
  clusterId: string;
  /** Removed node IDs: a `DenyList`, a `Set`, or an array. */
  denyList: DenyLookup | readonly string[];
  /**
   * Trusted roots: PEM text, parsed certificates, or a CA object (its `rootsPem`). Two roots
   * during a root rotation. Required: a chain is only as good as the anchor it is checked against.
   */
  roots: string | readonly Certificate[] | { readonly rootsPem: string };
  /** Time source for validity checks. Default `systemClock`. */
  clock?: Clock;
  /** Signature verifier. Default `nobleVerifier`; managers may pass `nativeVerifier`. */
  verifier?: Verifier;
  /** Which usage the leaf must allow: `'client'` (callers, the default) or `'server'`. */
  usage?: 'client' | 'server';
  /**
   * The role the cluster's own records (for a swarm node: the store) grant `nodeId` now, or
   * `undefined` when they grant it none (unknown node). When given, the call is refused unless this
   * role is also among `allowedRoles`: a certificate alone is not enough, so a demotion or removal
   * takes effect at once instead of when the old certificate expires. It gets the verified leaf
   * too (e.g. to weigh a record older than the certificate). The package stays free of any store:
   * the embedder injects the lookup.
   */
  grantedRole?: (nodeId: string, leaf: Certificate) => NodeRole | undefined;
}

const MAX_CHAIN = 4;

function deny(
  code: AuthorizationErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): AuthorizationError {
  return new AuthorizationError(code, `RPC refused: ${message}`, details);
}

/** Verifies `peerCertChain` and checks it against the RPC's rules. Returns the peer's identity. */
export function authorize(
  peerCertChain: PeerCertChain | undefined | null,
  options: AuthorizeOptions,
): NodeIdentity {
  const allowedRoles = normalizeRoles(options.allowedRoles);
  if (typeof options.clusterId !== 'string') throw new TypeError('authorize: clusterId must be a string');
  const denyList: DenyLookup = Array.isArray(options.denyList)
    ? new Set(options.denyList as readonly string[])
    : (options.denyList as DenyLookup);
  if (denyList === undefined || denyList === null || typeof denyList.has !== 'function')
    throw new TypeError('authorize: denyList must be a DenyList, a Set or an array of node IDs');
  const roots = trustRoots(options.roots);
  const now = (options.clock ?? systemClock).now();
  const verifier = options.verifier ?? nobleVerifier;

  const chain = toCertificates(peerCertChain);
  const leaf = chain[0]!;
  verifyChain(chain, roots, now, verifier);

  if (leaf.isCA) throw deny('AUTH_NOT_A_LEAF', 'the peer presented a CA certificate as its own');
  const usage = options.usage ?? 'client';
  const eku = usage === 'client' ? OID.clientAuth : OID.serverAuth;
  if (
    !leaf.extKeyUsage?.includes(eku) ||
    (leaf.keyUsage !== undefined && !leaf.keyUsage.has(KEY_USAGE.digitalSignature))
  )
    throw deny('AUTH_WRONG_KEY_USAGE', `the peer certificate does not allow TLS ${usage} authentication`, {
      usage,
    });

  const nodeId = subjectValue(leaf, OID.commonName);
  const role = subjectValue(leaf, OID.organizationalUnitName);
  const org = subjectValue(leaf, OID.organizationName);
  if (!isValidId(nodeId) || role === undefined || org === undefined || leaf.subjectAttributes.length !== 3)
    throw deny(
      'AUTH_BAD_SUBJECT',
      'the peer subject must be exactly CN=<node ID>, OU=<role>, O=<cluster ID>',
    );
  if (!NODE_ROLES.includes(role as NodeRole) || !allowedRoles.includes(role as NodeRole))
    throw deny('AUTH_ROLE_NOT_ALLOWED', `role ${JSON.stringify(role)} may not call this RPC`, {
      role,
      allowedRoles,
      nodeId,
    });
  if (denyList.has(nodeId))
    throw deny('AUTH_NODE_DENIED', `node ${nodeId} was removed from the cluster`, { nodeId });
  if (org !== options.clusterId)
    throw deny('AUTH_WRONG_CLUSTER', `the peer belongs to cluster ${JSON.stringify(org)}, not this one`, {
      clusterId: org,
      nodeId,
    });
  if (options.grantedRole !== undefined)
    checkGrantedRole(nodeId, role as NodeRole, allowedRoles, options.grantedRole(nodeId, leaf));
  return {
    nodeId,
    role: role as NodeRole,
    clusterId: org,
    zone: leaf.zone,
    notAfter: leaf.notAfter,
    certificate: leaf,
  };
}

/**
 * The certificate says what the node was when it was issued; the cluster's records say what it is
 * now. Both must allow the call (a demoted manager's old manager certificate is refused by manager
 * RPCs; a promoted worker gets manager RPCs only once it holds a manager certificate).
 */
function checkGrantedRole(
  nodeId: string,
  certRole: NodeRole,
  allowedRoles: readonly NodeRole[],
  granted: NodeRole | undefined,
): void {
  if (granted !== undefined && allowedRoles.includes(granted)) return;
  const now = granted === undefined ? 'no role (the cluster has no record of it)' : granted;
  throw deny(
    'AUTH_ROLE_REVOKED',
    `node ${nodeId} presents a ${certRole} certificate, but the cluster grants it ${now} now; it must renew its certificate`,
    { nodeId, certRole, grantedRole: granted ?? null, allowedRoles },
  );
}

function normalizeRoles(roles: readonly AllowedRole[]): NodeRole[] {
  if (!Array.isArray(roles)) throw new TypeError('authorize: allowedRoles must be an array of roles');
  const out = new Set<NodeRole>();
  for (const r of roles) {
    if (r === 'swarm-manager' || r === 'manager') out.add('swarm-manager');
    else if (r === 'swarm-worker' || r === 'worker') out.add('swarm-worker');
    else if (r === 'worker|manager') {
      out.add('swarm-worker');
      out.add('swarm-manager');
    } else throw new TypeError(`authorize: unknown role ${JSON.stringify(r)} in allowedRoles`);
  }
  return [...out];
}

// Parsed trust bundles by their PEM text: every RPC passes the same one or two bundles.
const rootsCache = new Map<string, readonly Certificate[]>();

function parseRoots(pem: string): readonly Certificate[] {
  let roots = rootsCache.get(pem);
  if (roots === undefined) {
    roots = parseCertificates(pem);
    if (rootsCache.size >= 8) rootsCache.delete(rootsCache.keys().next().value!);
    rootsCache.set(pem, roots);
  }
  return roots;
}

function trustRoots(roots: AuthorizeOptions['roots'] | undefined): readonly Certificate[] {
  if (typeof roots === 'string') return parseRoots(roots);
  if (Array.isArray(roots)) return roots as readonly Certificate[];
  if (
    roots !== null &&
    typeof roots === 'object' &&
    typeof (roots as { rootsPem?: unknown }).rootsPem === 'string'
  )
    return parseRoots((roots as { rootsPem: string }).rootsPem);
  throw new TypeError(
    'authorize: roots (the trusted root certificates: PEM, parsed, or the CA) are required',
  );
}

function toCertificates(input: PeerCertChain | undefined | null): Certificate[] {
  if (input === undefined || input === null || input === '' || (Array.isArray(input) && input.length === 0))
    throw deny('AUTH_NO_CERTIFICATE', 'the peer presented no certificate');
  try {
    if (typeof input === 'string') return limit(parseCertificates(input, 64 * 1024));
    if (input instanceof Uint8Array) return limit([parseCertificate(input)]);
    if (Array.isArray(input) && input.every((c) => typeof c === 'string'))
      return limit((input as readonly string[]).flatMap((pem) => parseCertificates(pem, 64 * 1024)));
    if (Array.isArray(input)) return limit((input as readonly Uint8Array[]).map((d) => parseCertificate(d)));
    const out: Certificate[] = [];
    const seen = new Set<PeerCertificateLike>();
    for (
      let c: PeerCertificateLike | undefined = input as PeerCertificateLike;
      c && !seen.has(c);
      c = c.issuerCertificate
    ) {
      // node:tls links a self-signed root to itself; the loop stops there.
      seen.add(c);
      if (!(c.raw instanceof Uint8Array) || c.raw.length === 0) break;
      out.push(parseCertificate(c.raw));
      if (out.length > MAX_CHAIN) break;
    }
    if (out.length === 0) throw deny('AUTH_NO_CERTIFICATE', 'the peer presented no certificate');
    return limit(out);
  } catch (err) {
    if (err instanceof AuthorizationError) throw err;
    throw new AuthorizationError(
      'AUTH_MALFORMED_CERTIFICATE',
      `RPC refused: ${(err as Error).message}`,
      {},
      { cause: err },
    );
  }
}

function limit(chain: Certificate[]): Certificate[] {
  if (chain.length > MAX_CHAIN + 1)
    throw deny('AUTH_UNTRUSTED_CHAIN', `the peer chain has more than ${MAX_CHAIN} certificates`);
  return chain;
}

function checkTime(cert: Certificate, now: number, what: string): void {
  if (now < cert.notBefore)
    throw deny(
      'AUTH_CERTIFICATE_NOT_YET_VALID',
      `the ${what} certificate is not valid before ${new Date(cert.notBefore).toISOString()}`,
      {
        notBefore: cert.notBefore,
      },
    );
  if (now > cert.notAfter)
    throw deny(
      'AUTH_CERTIFICATE_EXPIRED',
      `the ${what} certificate expired at ${new Date(cert.notAfter).toISOString()}`,
      {
        notAfter: cert.notAfter,
      },
    );
}

function signedBy(cert: Certificate, issuer: Certificate, verifier: Verifier): boolean {
  if (!bytesEqual(cert.issuer, issuer.subject)) return false;
  if (cert.authorityKeyId && issuer.subjectKeyId && !bytesEqual(cert.authorityKeyId, issuer.subjectKeyId))
    return false;
  const hash =
    cert.signatureAlgorithm === OID.ecdsaWithSha256
      ? 'SHA-256'
      : cert.signatureAlgorithm === OID.ecdsaWithSha384
        ? 'SHA-384'
        : undefined;
  if (hash === undefined) return false;
  return verifyMemo(verifier, issuer, cert, hash);
}

function canIssue(cert: Certificate): boolean {
  return cert.isCA && (cert.keyUsage === undefined || cert.keyUsage.has(KEY_USAGE.keyCertSign));
}

/**
 * Builds a path from the leaf through the presented intermediates to a trusted root. Depth-first
 * over candidates, so the cross-signed intermediate of a root rotation is used only when needed.
 */
function verifyChain(
  chain: Certificate[],
  roots: readonly Certificate[],
  now: number,
  verifier: Verifier,
): void {
  const leaf = chain[0]!;
  const intermediates = chain.slice(1);
  checkTime(leaf, now, 'peer');
  const walk = (cert: Certificate, depth: number, used: Set<Certificate>): boolean => {
    for (const root of roots) {
      if (signedBy(cert, root, verifier) && canIssue(root)) {
        checkTime(root, now, 'root');
        return true;
      }
    }
    if (depth >= MAX_CHAIN) return false;
    for (const ic of intermediates) {
      if (used.has(ic) || !canIssue(ic) || !signedBy(cert, ic, verifier)) continue;
      checkTime(ic, now, 'intermediate');
      used.add(ic);
      if (walk(ic, depth + 1, used)) return true;
      used.delete(ic);
    }
    return false;
  };
  if (!walk(leaf, 0, new Set()))
    throw deny(
      'AUTH_UNTRUSTED_CHAIN',
      'the peer certificate does not chain to a trusted root of this cluster',
    );
}

// Signature checks are a pure function of (issuer key, certificate bytes), so their results are
// memoised: a busy manager sees the same few hundred peer chains over and over.
// One memo per verifier, so a test double can never answer for the real one.
const memos = new WeakMap<Verifier, Map<string, boolean>>();
const MEMO_MAX = 4096;

function verifyMemo(
  verifier: Verifier,
  issuer: Certificate,
  cert: Certificate,
  hash: 'SHA-256' | 'SHA-384',
): boolean {
  const key = `${toBase64(issuer.publicKey)}|${toBase64(cert.signature)}|${toBase64(cert.tbs)}`;
  let memo = memos.get(verifier);
  if (memo === undefined) {
    memo = new Map();
    memos.set(verifier, memo);
  }
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const ok = verifier.verify(issuer.curve, issuer.publicKey, cert.tbs, cert.signature, hash);
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value!);
  memo.set(key, ok);
  return ok;
}
