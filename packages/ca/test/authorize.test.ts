import { ManualClock } from '@swarm/api';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type AuthorizeOptions,
  allowedRolesFor,
  authorize,
  authorizeRpc,
  certificatesToPem,
  checkRpcRoles,
  createKeyAndCSR,
  createRootCA,
  crossSign,
  DenyList,
  decodePemAll,
  defineRpcRoles,
  type IssuingCA,
  issueCertificate,
} from '../src/index.js';
import { nativeBackend, nativeVerifier } from '../src/native.js';
import { createTestCA } from '../src/testing.js';
import { openssl, scratch } from './helpers/openssl.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const tmp = scratch();
afterAll(() => tmp.cleanup());

async function setup() {
  const t = await createTestCA({ seed: 11 });
  const opts = (over: Partial<AuthorizeOptions> = {}): AuthorizeOptions => ({
    allowedRoles: ['swarm-manager', 'swarm-worker'],
    clusterId: t.clusterId,
    denyList: new DenyList(),
    roots: t.ca.certPem,
    clock: t.clock,
    verifier: nativeVerifier,
    ...over,
  });
  return { t, opts };
}

describe('authorize: the one check every RPC uses', () => {
  it('accepts a node of this cluster and returns its identity', async () => {
    const { t, opts } = await setup();
    const node = await t.issueNode({ role: 'swarm-worker', zone: 'pci' });
    const id = authorize(node.chainPem, opts());
    expect(id).toMatchObject({
      nodeId: node.nodeId,
      role: 'swarm-worker',
      clusterId: t.clusterId,
      zone: 'pci',
    });
  });

  it('accepts the chain as DER certificates and as a node:tls peer certificate object', async () => {
    const { t, opts } = await setup();
    const node = await t.issueNode();
    const ders = decodePemAll(node.chainPem, 'CERTIFICATE');
    expect(authorize(ders, opts()).nodeId).toBe(node.nodeId);
    const root = { raw: decodePemAll(t.ca.certPem, 'CERTIFICATE')[0]! } as {
      raw: Uint8Array;
      issuerCertificate?: unknown;
    };
    root.issuerCertificate = root; // node:tls links a self-signed root to itself
    expect(authorize({ raw: ders[0]!, issuerCertificate: root as never }, opts()).nodeId).toBe(node.nodeId);
  });

  it('takes roles, roots and deny lists in their convenient forms', async () => {
    const { t, opts } = await setup();
    const worker = await t.issueNode({ role: 'worker' });
    expect(authorize([worker.certPem], opts({ allowedRoles: ['worker|manager'], roots: t.ca })).role).toBe(
      'swarm-worker',
    );
    expect(
      authorize(decodePemAll(worker.certPem, 'CERTIFICATE')[0]!, opts({ allowedRoles: ['worker'] })).nodeId,
    ).toBe(worker.nodeId);
    expect(() => authorize(worker.chainPem, opts({ allowedRoles: ['manager'] }))).toThrow(
      expect.objectContaining({ code: 'AUTH_ROLE_NOT_ALLOWED' }),
    );
    expect(() => authorize(worker.chainPem, opts({ denyList: [worker.nodeId] }))).toThrow(
      expect.objectContaining({ code: 'AUTH_NODE_DENIED' }),
    );
    expect(() => authorize(worker.chainPem, opts({ allowedRoles: ['admin' as never] }))).toThrow(TypeError);
  });

  it('refuses a certificate from another root', async () => {
    const { opts } = await setup();
    const other = await createTestCA({ seed: 12 });
    const stranger = await other.issueNode();
    expect(() => authorize(stranger.chainPem, opts())).toThrow(
      expect.objectContaining({ code: 'AUTH_UNTRUSTED_CHAIN' }),
    );
  });

  it('keeps signature results of one verifier from answering for another', async () => {
    const { t, opts } = await setup();
    const node = await t.issueNode();
    const no = { verify: () => false };
    expect(() => authorize(node.chainPem, opts({ verifier: no }))).toThrow(
      expect.objectContaining({ code: 'AUTH_UNTRUSTED_CHAIN' }),
    );
    expect(authorize(node.chainPem, opts()).nodeId).toBe(node.nodeId);
  });

  it('refuses an expired certificate', async () => {
    const { t, opts } = await setup();
    const node = await t.issueNode({ expiryMs: 2 * HOUR });
    t.clock.advance(2 * HOUR + 1000);
    expect(() => authorize(node.chainPem, opts())).toThrow(
      expect.objectContaining({ code: 'AUTH_CERTIFICATE_EXPIRED' }),
    );
  });

  it('refuses a certificate that is not valid yet', async () => {
    const { t, opts } = await setup();
    const node = await t.issueNode();
    const early = new ManualClock(t.clock.now() - 2 * HOUR);
    expect(() => authorize(node.chainPem, opts({ clock: early }))).toThrow(
      expect.objectContaining({ code: 'AUTH_CERTIFICATE_NOT_YET_VALID' }),
    );
  });

  it('refuses a removed (denied) node', async () => {
    const { t, opts } = await setup();
    const node = await t.issueNode();
    const denyList = new DenyList();
    denyList.deny(node.nodeId, node.notAfter);
    expect(() => authorize(node.chainPem, opts({ denyList }))).toThrow(
      expect.objectContaining({ code: 'AUTH_NODE_DENIED' }),
    );
    expect(() => authorize(node.chainPem, opts({ denyList: new Set([node.nodeId]) }))).toThrow(
      expect.objectContaining({ code: 'AUTH_NODE_DENIED' }),
    );
  });

  it("refuses another cluster's O even under the same root", async () => {
    const { t, opts } = await setup();
    const node = await t.issueNode({ clusterId: 'z'.repeat(25) });
    expect(() => authorize(node.chainPem, opts())).toThrow(
      expect.objectContaining({ code: 'AUTH_WRONG_CLUSTER' }),
    );
  });

  it('refuses a worker calling a manager-only RPC', async () => {
    const { t, opts } = await setup();
    const worker = await t.issueNode({ role: 'swarm-worker' });
    const manager = await t.issueNode({ role: 'swarm-manager' });
    const managerOnly = opts({ allowedRoles: allowedRolesFor('manager') });
    expect(() => authorize(worker.chainPem, managerOnly)).toThrow(
      expect.objectContaining({ code: 'AUTH_ROLE_NOT_ALLOWED' }),
    );
    expect(authorize(manager.chainPem, managerOnly).role).toBe('swarm-manager');
  });

  it('refuses a manager certificate of a node the cluster no longer grants the manager role (demoted, unknown)', async () => {
    const { t, opts } = await setup();
    const manager = await t.issueNode({ role: 'swarm-manager' });
    const granted = new Map<string, 'swarm-manager' | 'swarm-worker'>([[manager.nodeId, 'swarm-manager']]);
    const managerOnly = opts({
      allowedRoles: allowedRolesFor('manager'),
      grantedRole: (id) => granted.get(id),
    });
    expect(authorize(manager.chainPem, managerOnly).nodeId).toBe(manager.nodeId);
    granted.set(manager.nodeId, 'swarm-worker'); // demoted: the same certificate, refused at once
    expect(() => authorize(manager.chainPem, managerOnly)).toThrow(
      expect.objectContaining({
        code: 'AUTH_ROLE_REVOKED',
        details: expect.objectContaining({ nodeId: manager.nodeId, grantedRole: 'swarm-worker' }),
      }),
    );
    // A worker RPC still admits it: it is a member of the cluster, now as a worker.
    const workerRpc = opts({
      allowedRoles: allowedRolesFor('worker|manager'),
      grantedRole: (id) => granted.get(id),
    });
    expect(authorize(manager.chainPem, workerRpc).nodeId).toBe(manager.nodeId);
    granted.delete(manager.nodeId); // no record at all: nothing is granted
    expect(() => authorize(manager.chainPem, workerRpc)).toThrow(
      expect.objectContaining({ code: 'AUTH_ROLE_REVOKED' }),
    );
  });

  it('gives a promoted worker no manager RPC until its certificate says manager too', async () => {
    const { t, opts } = await setup();
    const worker = await t.issueNode({ role: 'swarm-worker' });
    const managerOnly = opts({
      allowedRoles: allowedRolesFor('manager'),
      grantedRole: () => 'swarm-manager',
    });
    expect(() => authorize(worker.chainPem, managerOnly)).toThrow(
      expect.objectContaining({ code: 'AUTH_ROLE_NOT_ALLOWED' }),
    );
  });

  it('checks the deny list before the granted role', async () => {
    const { t, opts } = await setup();
    const manager = await t.issueNode({ role: 'swarm-manager' });
    expect(() =>
      authorize(manager.chainPem, opts({ denyList: [manager.nodeId], grantedRole: () => undefined })),
    ).toThrow(expect.objectContaining({ code: 'AUTH_NODE_DENIED' }));
  });

  it('refuses the root certificate itself presented as a leaf (CA:true)', async () => {
    const { t, opts } = await setup();
    expect(() => authorize(t.ca.certPem, opts())).toThrow(
      expect.objectContaining({ code: 'AUTH_NOT_A_LEAF' }),
    );
  });

  it('refuses no certificate and garbage, failing closed', async () => {
    const { opts } = await setup();
    for (const empty of [undefined, null, '', []])
      expect(() => authorize(empty as never, opts())).toThrow(
        expect.objectContaining({ code: 'AUTH_NO_CERTIFICATE' }),
      );
    expect(() => authorize('not a pem', opts())).toThrow(
      expect.objectContaining({ code: 'AUTH_MALFORMED_CERTIFICATE' }),
    );
    expect(() => authorize([new Uint8Array([0x30, 0x00])], opts())).toThrow(
      expect.objectContaining({ code: 'AUTH_MALFORMED_CERTIFICATE' }),
    );
  });

  it('refuses a certificate whose signature was tampered with', async () => {
    const { t, opts } = await setup();
    const node = await t.issueNode();
    const der = new Uint8Array(decodePemAll(node.certPem, 'CERTIFICATE')[0]!);
    der[der.length - 5]! ^= 1;
    expect(() => authorize([der], opts())).toThrow(expect.objectContaining({ code: 'AUTH_UNTRUSTED_CHAIN' }));
  });

  it('requires the roots option rather than trusting whatever chain is presented', async () => {
    const { t, opts } = await setup();
    const node = await t.issueNode();
    const { roots: _r, ...noRoots } = opts();
    expect(() => authorize(node.chainPem, noRoots as AuthorizeOptions)).toThrow(TypeError);
  });
});

describe('authorize during a root rotation (cross-signed intermediate)', () => {
  it('verifies new-key leaves with old-only, new-only and both roots, in our code and in openssl', async () => {
    const { t, opts } = await setup();
    t.clock.advanceTo(Date.now());
    const old = await t.issueNode();
    const newRoot = await createRootCA({ clock: t.clock, backend: nativeBackend });
    const cross = certificatesToPem([await crossSign(t.ca, newRoot)]);
    const both = t.ca.certPem + newRoot.certPem;
    // a new-key CA whose leaves carry the cross-signed root, for peers that pinned the old root
    const issuer: IssuingCA = { ...newRoot, intermediatesPem: cross, rootsPem: both };
    const { csrPem } = createKeyAndCSR();
    const fresh = await issueCertificate(issuer, csrPem, {
      nodeId: old.nodeId,
      role: 'swarm-worker',
      clusterId: t.clusterId,
      verifier: nativeVerifier,
    });
    expect(decodePemAll(fresh.chainPem, 'CERTIFICATE')).toHaveLength(2);
    for (const roots of [t.ca.certPem, newRoot.certPem, both])
      expect(authorize(fresh.chainPem, opts({ roots })).nodeId).toBe(old.nodeId);
    // old-key leaves still verify against the rotation bundle
    expect(authorize(old.chainPem, opts({ roots: both })).nodeId).toBe(old.nodeId);
    // ... and not against the new root alone
    expect(() => authorize(old.chainPem, opts({ roots: newRoot.certPem }))).toThrow(
      expect.objectContaining({ code: 'AUTH_UNTRUSTED_CHAIN' }),
    );

    const oldFile = tmp.write('old.pem', t.ca.certPem);
    const newFile = tmp.write('new.pem', newRoot.certPem);
    const crossFile = tmp.write('cross.pem', cross);
    const leaf = tmp.write('fresh.pem', fresh.certPem);
    expect(
      openssl(['verify', '-x509_strict', '-CAfile', oldFile, '-untrusted', crossFile, leaf]).status,
    ).toBe(0);
    expect(openssl(['verify', '-x509_strict', '-CAfile', newFile, leaf]).status).toBe(0);
    expect(openssl(['verify', '-x509_strict', '-CAfile', tmp.write('both.pem', both), leaf]).status).toBe(0);
  });
});

describe('RPC role declarations', () => {
  const table = defineRpcRoles({
    '/swarm.NodeCA/IssueNodeCertificate': 'insecure',
    '/swarm.Control/ListNodes': 'manager',
    '/swarm.Dispatcher/Session': 'worker|manager',
  });

  it('lets anyone call an insecure RPC and checks the others', async () => {
    const { t, opts } = await setup();
    const worker = await t.issueNode({ role: 'swarm-worker' });
    const { allowedRoles: _a, ...rest } = opts();
    expect(authorizeRpc(table, '/swarm.NodeCA/IssueNodeCertificate', undefined, rest)).toBeNull();
    expect(authorizeRpc(table, '/swarm.Dispatcher/Session', worker.chainPem, rest)?.nodeId).toBe(
      worker.nodeId,
    );
    expect(() => authorizeRpc(table, '/swarm.Control/ListNodes', worker.chainPem, rest)).toThrow(
      expect.objectContaining({ code: 'AUTH_ROLE_NOT_ALLOWED' }),
    );
    expect(() => authorizeRpc(table, '/swarm.Control/ListNodes', undefined, rest)).toThrow(
      expect.objectContaining({ code: 'AUTH_NO_CERTIFICATE' }),
    );
  });

  it('refuses an RPC without a declared role, and checkRpcRoles names it', async () => {
    const { t, opts } = await setup();
    const m = await t.issueNode({ role: 'swarm-manager' });
    const { allowedRoles: _a, ...rest } = opts();
    expect(() => authorizeRpc(table, '/swarm.Control/RemoveNode', m.chainPem, rest)).toThrow(
      expect.objectContaining({ code: 'AUTH_RPC_UNDECLARED' }),
    );
    expect(() => checkRpcRoles(table, ['/swarm.Control/ListNodes', '/swarm.Control/RemoveNode'])).toThrow(
      expect.objectContaining({
        code: 'AUTH_RPC_UNDECLARED',
        details: { missing: ['/swarm.Control/RemoveNode'] },
      }),
    );
    expect(() => defineRpcRoles({ x: 'admin' as never })).toThrow(TypeError);
  });
});

describe('DenyList', () => {
  it('keeps a removed node until its last certificate expires', () => {
    const d = new DenyList();
    d.deny('a'.repeat(25), 10 * DAY);
    d.deny('a'.repeat(25), 5 * DAY); // an earlier expiry does not shorten the entry
    expect(d.prune(9 * DAY)).toBe(0);
    expect(d.has('a'.repeat(25))).toBe(true);
    expect(d.prune(10 * DAY)).toBe(1);
    expect(d.has('a'.repeat(25))).toBe(false);
  });
});
