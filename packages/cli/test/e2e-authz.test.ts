// The authorization matrix and node removal, on real daemons (127.0.0.100-105): every RPC of
// every service in RPC_SERVICES, called as each of eight identities (manager, worker, demoted
// manager, promoted worker, removed worker, removed manager, another cluster's node, no
// certificate), against the leader and a follower; each outcome must be the one
// test/e2e/authz-table.json declares. Identities are the very files the nodes' daemons present
// (copied from their data directories). Manager calls are made without side effects: Join with an
// empty address and Leave naming no member pass authorization and are refused by their handler.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKeyAndCSR } from '@swarm/ca';
import type { NodeView } from '@swarm/node/control';
import { ALL_METHOD_PATHS, RPC_SERVICES } from '@swarm/rpc';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, waitFor } from '../src/testing.js';
import {
  allMethods,
  callAs,
  callCode,
  dumpLogsOnFailure,
  formCluster,
  IDLE,
  type Identity,
  identityOf,
  nodeIds,
  runningTasks,
  snapshotIdentity,
} from './e2e/helpers.js';

const IDENTITIES = [
  'manager',
  'worker',
  'demotedManager',
  'promotedWorker',
  'removedWorker',
  'removedManager',
  'otherCluster',
  'noCertificate',
] as const;
type IdentityName = (typeof IDENTITIES)[number];

interface AuthzTable {
  identities: string[];
  rpcs: Record<string, Record<string, string>>;
}
const TABLE = JSON.parse(
  readFileSync(join(import.meta.dirname, 'e2e', 'authz-table.json'), 'utf8'),
) as AuthzTable;

describe('authorization matrix and node removal on real daemons', () => {
  const cluster = new LocalCluster();
  const other = new LocalCluster();
  let m1: LocalNode;
  let m2: LocalNode;
  let mx: LocalNode;
  let wx: LocalNode;
  let w1: LocalNode;
  let o1: LocalNode;
  let workerToken = '';
  const ids: Partial<Record<IdentityName, Identity>> = {};
  let idsByName: Record<string, string> = {};
  const renewalRefusals = new Set<string>();

  /** Runs the matrix for `who` against `targets`; returns the mismatches (empty when all match). */
  async function matrix(who: IdentityName[], targets: LocalNode[]): Promise<string[]> {
    const wrong: string[] = [];
    for (const target of targets)
      for (const m of allMethods())
        for (const name of who) {
          const expected = TABLE.rpcs[m.path]?.[name];
          // Empty requests: Join names no address and Leave no member, so an authorized call is
          // refused by its handler and changes nothing.
          const got = await callAs(target.addr, m, ids[name]!);
          if (got !== expected)
            wrong.push(`${target.name} ${m.path} as ${name}: expected ${expected}, got ${got}`);
        }
    return wrong;
  }

  beforeAll(async () => {
    m1 = cluster.add({ name: 'm1', address: '127.0.0.100' });
    m2 = cluster.add({ name: 'm2', address: '127.0.0.101' });
    mx = cluster.add({ name: 'mx', address: '127.0.0.102' });
    wx = cluster.add({ name: 'wx', address: '127.0.0.103' });
    w1 = cluster.add({ name: 'w1', address: '127.0.0.104' });
    o1 = other.add({ name: 'o1', address: '127.0.0.105' });
    await Promise.all([...cluster.nodes, ...other.nodes].map((n) => n.start()));
    ({ workerToken } = await formCluster(m1, [m2, mx], [wx, w1]));
    await o1.ok(['init', '--listen-addr', o1.addr]);
    idsByName = await nodeIds(m1);
    const roots = identityOf(m1).rootsPem;
    ids.manager = snapshotIdentity(mx, join(cluster.root, 'id-manager'));
    ids.worker = snapshotIdentity(wx, join(cluster.root, 'id-worker'));
    // The other cluster's node presents its own certificate; it checks our server against our
    // root so that the TLS handshake completes and the server decides.
    ids.otherCluster = { ...identityOf(o1), rootsPem: roots };
    ids.noCertificate = { rootsPem: roots };
  }, 120_000);

  afterAll(async () => {
    await Promise.all([cluster.destroy(), other.destroy()]);
  }, 60_000);

  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster, other));

  async function managerNames(): Promise<string[]> {
    return (await m1.json<NodeView[]>(['node', 'ls']))
      .filter((n) => n.managerStatus !== '')
      .map((n) => n.hostname)
      .sort();
  }

  it('the table declares an outcome for every RPC of RPC_SERVICES and every identity', () => {
    expect(Object.keys(TABLE.rpcs).sort()).toEqual([...ALL_METHOD_PATHS].sort());
    expect(TABLE.identities).toEqual([...IDENTITIES]);
    for (const [path, row] of Object.entries(TABLE.rpcs)) {
      expect(Object.keys(row).sort(), path).toEqual([...IDENTITIES].sort());
      for (const v of Object.values(row)) expect(v, path).toMatch(/^(allow|AUTH_[A-Z_]+)$/);
    }
    // Nothing but the three joiner calls works without a verified certificate of this cluster.
    for (const [path, row] of Object.entries(TABLE.rpcs))
      if (row.noCertificate === 'allow')
        expect([
          '/swarm.CA/GetRootCACertificate',
          '/swarm.NodeCA/IssueNodeCertificate',
          '/swarm.NodeCA/NodeCertificateStatus',
        ]).toContain(path);
  });

  it('manager, worker, another cluster and no certificate get exactly the table, on the leader and a follower', async () => {
    const wrong = await matrix(['manager', 'worker', 'otherCluster', 'noCertificate'], [m1, m2]);
    expect(wrong).toEqual([]);
    // The manager calls changed nothing: the same three managers.
    expect(await managerNames()).toEqual(['m1', 'm2', 'mx']);
  }, 180_000);

  it("a demoted manager's certificate and a promoted worker's old one get exactly the table, at once", async () => {
    // mx's manager certificate (ids.manager) after mx is demoted; wx's worker certificate
    // (ids.worker) after wx is promoted and holds a manager certificate of its own.
    ids.demotedManager = ids.manager!;
    ids.promotedWorker = ids.worker!;
    await m1.ok(['node', 'promote', 'wx']);
    await m1.ok(['node', 'demote', 'mx']);
    await waitFor(
      'wx a manager in raft, mx out of raft',
      async () => {
        const ls = await m1.json<NodeView[]>(['node', 'ls']);
        const by = (h: string) => ls.find((n) => n.hostname === h);
        return (
          by('wx')?.role === 'manager' && by('wx')?.managerStatus !== '' && by('mx')?.managerStatus === ''
        );
      },
      60_000,
    );
    const wrong = await matrix(['demotedManager', 'promotedWorker'], [m1, m2]);
    expect(wrong).toEqual([]);
    // wx back to a worker for the removal test below.
    await m1.ok(['node', 'demote', 'wx']);
    await waitFor(
      'wx a worker again, mx renewed as one',
      async () => {
        const ls = await m1.json<NodeView[]>(['node', 'ls']);
        return ls.filter((n) => n.hostname === 'wx' || n.hostname === 'mx').every((n) => n.role === 'worker');
      },
      60_000,
    );
    expect(await managerNames()).toEqual(['m1', 'm2']);
  }, 240_000);

  it('after node rm, the removed worker and manager are refused by the leader and the follower; their tasks run elsewhere', async () => {
    await m1.ok([
      'service',
      'create',
      '--name',
      'spread',
      '--replicas',
      '3',
      '--constraint',
      'node.role==worker',
      '--',
      ...IDLE,
    ]);
    const before = await waitFor(
      '3 spread tasks',
      async () => {
        const r = await runningTasks(m1, 'spread');
        return r.length === 3 ? r : undefined;
      },
      60_000,
    );
    ids.removedWorker = ids.worker!;
    ids.removedManager = ids.manager!;
    const onRemoved = before.filter((t) => t.nodeHostname === 'wx' || t.nodeHostname === 'mx').length;
    await wx.stop();
    await mx.stop();
    await m1.ok(['node', 'rm', '--force', 'wx']);
    await m1.ok(['node', 'rm', '--force', 'mx']);
    const wrong = await matrix(['removedWorker', 'removedManager'], [m1, m2]);
    expect(wrong).toEqual([]);
    const after = await waitFor(
      '3 spread tasks on w1',
      async () => {
        const r = await runningTasks(m1, 'spread');
        return r.length === 3 && r.every((t) => t.nodeHostname === 'w1') ? r : undefined;
      },
      60_000,
    );
    expect(after.length).toBe(3);
    expect(onRemoved).toBeGreaterThan(0);
  }, 180_000);

  it('a removed node cannot come back: its daemon restarts unrecognised, and only a token joins it again, as a new node', async () => {
    const oldId = idsByName.wx!;
    // Its certificate cannot be renewed (a new key, its old certificate presented, no token), on
    // the leader or a follower; with the cluster's current token it would be a new node.
    for (const target of [m1, m2])
      for (const who of [ids.removedWorker!, ids.removedManager!]) {
        const code = await callCode(target.addr, RPC_SERVICES.NodeCA.issueNodeCertificate, who, {
          csr: new TextEncoder().encode(createKeyAndCSR().csrPem),
        });
        expect(code, target.name).not.toBe('ok');
        renewalRefusals.add(code);
      }
    await wx.start();
    // Its certificate is refused: it never shows up again.
    await new Promise((r) => setTimeout(r, 3000));
    expect((await m1.json<NodeView[]>(['node', 'ls'])).map((n) => n.hostname).sort()).toEqual([
      'm1',
      'm2',
      'w1',
    ]);
    await wx.swarm(['leave', '--force']);
    await wx.ok(['join', '--token', workerToken, '--listen-addr', wx.addr, m2.addr]);
    const back = await waitFor(
      'wx ready again',
      async () =>
        (await m1.json<NodeView[]>(['node', 'ls'])).find((n) => n.hostname === 'wx' && n.status === 'ready'),
      30_000,
    );
    expect(back.id).not.toBe(oldId);
    // Refused either way. Today the server treats a denied certificate on an insecure RPC as no
    // certificate, so the handler answers as to a joiner without a token (JOIN_TOKEN_MALFORMED);
    // AUTH_NODE_DENIED would name the reason better.
    for (const code of renewalRefusals) expect(code).toMatch(/^(AUTH_NODE_DENIED|JOIN_TOKEN_MALFORMED)$/);
  }, 120_000);
});
