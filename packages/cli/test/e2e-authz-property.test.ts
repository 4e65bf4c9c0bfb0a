// Authorization under change, on real daemons (127.0.1.30-35): random sequences of promote,
// demote, rm, rejoin, rotate (root CA) and renew (a zone change) on a live cluster. After each
// step settles, every identity (every certificate each node has held: the current one and the one
// before, and those of removed nodes; another cluster's node; no certificate) calls every RPC on
// the leader and on a follower, and each answer must be the one a table computed from the store
// predicts (`expectedOutcome` below: the rules of docs/security.md, written once more from scratch).
// CI runs one fixed sequence with each operation once (seed SWARM_E2E_SEED, default 16);
// SWARM_E2E_FULL=1 (pnpm test:e2e:full) runs SWARM_E2E_ROUNDS (default 12) random steps from a
// random seed, printed for replay.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '@swarm/api';
import { authorize, OID, parseCertificates, subjectValue } from '@swarm/ca';
import { nativeVerifier } from '@swarm/ca/native';
import type { InfoResult, NodeView } from '@swarm/node/control';
import { RPC_ROLES } from '@swarm/rpc';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, waitFor } from '../src/testing.js';
import {
  allMethods,
  callOn,
  clientAs,
  dumpLogsOnFailure,
  formCluster,
  type Identity,
  identityOf,
  nodeIds,
} from './e2e/helpers.js';

const FULL = process.env.SWARM_E2E_FULL === '1';
const SEED = Number(process.env.SWARM_E2E_SEED ?? (FULL ? Math.floor(Math.random() * 2 ** 31) : 16));
const ROUNDS = Number(process.env.SWARM_E2E_ROUNDS ?? 12);
const OPS = ['promote', 'demote', 'rm', 'rejoin', 'rotate', 'renew'] as const;
type Op = (typeof OPS)[number];

/** A certificate some node held, with what the test knows of it. */
interface HeldIdentity extends Required<Identity> {
  label: string;
  nodeId: string;
}

/** The store's view of one node, from `node ls --format json` (raw is the protobuf JSON). */
interface StoreNode {
  id: string;
  role: string;
  desiredRole: string;
}

const enumIs = (v: unknown, name: string, num: number) => v === name || v === num;

/**
 * What a call must come to, from the store and the certificate alone: insecure RPCs answer all;
 * a certificate the target's roots do not verify is anonymous; the certificate's OU must allow the
 * RPC; a removed node is denied; a manager RPC needs a node that is a manager now in the store.
 */
function expectedOutcome(
  path: string,
  who: HeldIdentity | { label: string; rootsPem: string },
  nodes: ReadonlyMap<string, StoreNode>,
  denied: ReadonlySet<string>,
  targetRootsPem: string,
  clusterId: string,
): string {
  const role = RPC_ROLES[path as keyof typeof RPC_ROLES];
  if (role === 'insecure') return 'allow';
  if (!('chainPem' in who)) return 'AUTH_NO_CERTIFICATE';
  try {
    authorize(who.chainPem, {
      allowedRoles: ['worker|manager'],
      clusterId,
      denyList: [],
      roots: targetRootsPem,
      verifier: nativeVerifier,
    });
  } catch {
    return 'AUTH_NO_CERTIFICATE'; // another root (rotated away), another cluster: anonymous
  }
  const ou = subjectValue(parseCertificates(who.chainPem)[0]!, OID.organizationalUnitName);
  if (role === 'manager' && ou !== 'swarm-manager') return 'AUTH_ROLE_NOT_ALLOWED';
  if (denied.has(who.nodeId)) return 'AUTH_NODE_DENIED';
  if (role === 'manager') {
    const n = nodes.get(who.nodeId);
    const managerNow =
      n !== undefined &&
      enumIs(n.role, 'NODE_ROLE_MANAGER', 1) &&
      enumIs(n.desiredRole, 'NODE_ROLE_MANAGER', 1);
    return managerNow ? 'allow' : 'AUTH_ROLE_REVOKED';
  }
  return nodes.has(who.nodeId) ? 'allow' : 'AUTH_ROLE_REVOKED';
}

/** Runs `fn` over `items`, at most `n` at a time. */
async function pool<T, R>(items: readonly T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

describe('authorization under change (property, on real daemons)', () => {
  const cluster = new LocalCluster();
  const other = new LocalCluster();
  const nodes: LocalNode[] = [];
  let workerToken = '';
  let clusterId = '';
  let otherNode: LocalNode;
  /** Certificates by node name, oldest first (the last two are called). */
  const held = new Map<string, HeldIdentity[]>();
  const removed: HeldIdentity[] = [];
  const denied = new Set<string>();
  const random = seededRandom(SEED);
  let zones = 0;

  const daemons = () => nodes.filter((n) => n.running);

  /** Each operation once, in a seeded order (a rejoin after the rm it undoes). */
  function shuffled(): Op[] {
    const ops = [...OPS];
    for (let i = ops.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [ops[i], ops[j]] = [ops[j]!, ops[i]!];
    }
    const rm = ops.indexOf('rm');
    const rejoin = ops.indexOf('rejoin');
    if (rejoin < rm) [ops[rm], ops[rejoin]] = ['rejoin', 'rm'];
    return ops;
  }

  async function view(from: LocalNode): Promise<NodeView[]> {
    return from.json<NodeView[]>(['node', 'ls']);
  }

  async function managers(): Promise<LocalNode[]> {
    const ls = await view(await anyManager());
    const names = new Set(ls.filter((n) => n.role === 'manager').map((n) => n.hostname));
    return daemons().filter((n) => names.has(n.name));
  }

  async function anyManager(): Promise<LocalNode> {
    for (const n of daemons()) {
      const r = await n.swarm(['node', 'ls', '--format', 'json']);
      if (r.code === 0) return n;
    }
    throw new Error('no manager answers');
  }

  /** Waits until roles, certificates and raft membership agree with the desired roles, and every node is ready. */
  async function settle(): Promise<{ leader: LocalNode; follower: LocalNode; ls: NodeView[] }> {
    return waitFor(
      'the cluster to settle',
      async () => {
        const m = await anyManager();
        const ls = await view(m);
        const present = daemons().filter((d) => ls.some((n) => n.hostname === d.name));
        if (ls.length !== present.length || ls.some((n) => n.status !== 'ready')) return undefined;
        for (const n of ls) {
          const desired = (n.raw as { spec?: { desiredRole?: unknown } }).spec?.desiredRole;
          const wantManager = enumIs(desired, 'NODE_ROLE_MANAGER', 1);
          if ((n.role === 'manager') !== wantManager || (n.managerStatus !== '') !== wantManager)
            return undefined;
          const d = present.find((x) => x.name === n.hostname)!;
          const ou = subjectValue(parseCertificates(identityOf(d).chainPem)[0]!, OID.organizationalUnitName);
          if ((ou === 'swarm-manager') !== wantManager) return undefined;
        }
        const leaderName = ls.find((n) => n.managerStatus === 'Leader')?.hostname;
        const leader = present.find((d) => d.name === leaderName);
        const follower = present.find(
          (d) => d.name !== leaderName && ls.find((n) => n.hostname === d.name)?.role === 'manager',
        );
        if (leader === undefined || follower === undefined) return undefined;
        const info = await leader.json<InfoResult>(['info']);
        if (info.raft?.members !== ls.filter((n) => n.role === 'manager').length) return undefined;
        return { leader, follower, ls };
      },
      120_000,
      250,
    );
  }

  /** Records each node's current certificate (a new one joins its list). */
  function snapshot(ls: NodeView[]): void {
    for (const d of daemons()) {
      const n = ls.find((x) => x.hostname === d.name);
      if (n === undefined) continue;
      const id = identityOf(d);
      const list = held.get(d.name) ?? [];
      if (list.at(-1)?.chainPem !== id.chainPem)
        list.push({ ...id, nodeId: n.id, label: `${d.name}#${list.length}` });
      held.set(d.name, list);
    }
  }

  async function checkEveryone(step: string): Promise<void> {
    const { leader, follower, ls } = await settle();
    snapshot(ls);
    const store = new Map<string, StoreNode>(
      ls.map((n) => [
        n.id,
        {
          id: n.id,
          role: (n.raw as { role?: string }).role ?? '',
          desiredRole: ((n.raw as { spec?: { desiredRole?: string } }).spec?.desiredRole ?? '') as string,
        },
      ]),
    );
    const roots = (d: LocalNode) =>
      readFileSync(join(d.dataDir, 'certificates', 'swarm-root-ca.crt'), 'utf8');
    const who: (HeldIdentity | { label: string; rootsPem: string; keyPem?: string; chainPem?: string })[] = [
      ...[...held.values()].flatMap((l) => l.slice(-2)),
      ...removed.slice(-2),
      { ...identityOf(otherNode), rootsPem: roots(leader), label: 'otherCluster' },
      { rootsPem: roots(leader), label: 'noCertificate' },
    ];
    // One connection per identity and target; every RPC on it (each call is authorized alone).
    const pairs = [leader, follower].flatMap((target) => who.map((w) => ({ target, w })));
    const wrong = (
      await pool(pairs, 4, async ({ target, w }) => {
        // Identities present the roots of the target so that the handshake completes.
        const id = { ...w, rootsPem: roots(target) };
        const client = clientAs(target.addr, id);
        const out: string[] = [];
        try {
          for (const m of allMethods()) {
            // Every allowed stream here answers at once (a session message, or an error of its
            // handler), so a long wait only guards against a slow refusal read as "still open".
            const got = await callOn(client, m, { streamWaitMs: 15_000, timeoutMs: 20_000 });
            const want =
              w.label === 'otherCluster'
                ? expectedOutcome(
                    m.path,
                    { label: w.label, rootsPem: id.rootsPem },
                    store,
                    denied,
                    id.rootsPem,
                    clusterId,
                  )
                : expectedOutcome(m.path, w as HeldIdentity, store, denied, roots(target), clusterId);
            if (got !== want)
              out.push(`${step}: ${target.name} ${m.path} as ${w.label}: expected ${want}, got ${got}`);
          }
        } finally {
          client.close();
        }
        return out;
      })
    ).flat();
    expect(wrong).toEqual([]);
  }

  async function step(op: Op): Promise<boolean> {
    const ms = await managers();
    const m = ms[0]!;
    const ls = await view(m);
    const workers = daemons().filter((d) => ls.find((n) => n.hostname === d.name)?.role === 'worker');
    const pick = <T>(xs: T[]) => xs[random.int(xs.length)]!;
    switch (op) {
      case 'promote':
        if (workers.length < 2) return false;
        await m.ok(['node', 'promote', pick(workers).name]);
        return true;
      case 'demote':
        if (ms.length < 3) return false;
        await m.ok(['node', 'demote', pick(ms.filter((x) => x !== m)).name]);
        return true;
      case 'rm': {
        if (workers.length < 2) return false;
        const victim = pick(workers);
        const id = ls.find((n) => n.hostname === victim.name)!.id;
        await m.ok(['node', 'rm', '--force', victim.name]);
        denied.add(id);
        for (const h of held.get(victim.name) ?? []) removed.push(h);
        held.delete(victim.name);
        return true;
      }
      case 'rejoin': {
        const gone = daemons().filter((d) => !ls.some((n) => n.hostname === d.name));
        if (gone.length === 0) return false;
        const back = pick(gone);
        await back.swarm(['leave', '--force']);
        await back.ok(['join', '--token', workerToken, '--listen-addr', back.addr, m.addr]);
        return true;
      }
      case 'rotate':
        await m.ok(['ca', '--rotate']);
        workerToken = (await m.ok(['join-token', '-q', 'worker'])).trim();
        return true;
      case 'renew': {
        const target = pick(daemons().filter((d) => ls.some((n) => n.hostname === d.name)));
        zones++;
        await m.ok(['node', 'update', '--label-add', `swarm.zone=z${zones}`, target.name]);
        await waitFor('the renewed certificate', async () => {
          const cert = parseCertificates(identityOf(target).chainPem)[0]!;
          return cert.zone === `z${zones}`;
        });
        return true;
      }
    }
  }

  beforeAll(async () => {
    for (const [i, name] of ['a1', 'a2', 'a3', 'b1', 'b2'].entries())
      nodes.push(
        cluster.add({ name, address: `127.0.1.${30 + i}`, daemonArgs: ['--heartbeat-period', '1s'] }),
      );
    otherNode = other.add({ name: 'o1', address: '127.0.1.35' });
    await Promise.all([...nodes, otherNode].map((n) => n.start()));
    ({ workerToken } = await formCluster(nodes[0]!, nodes.slice(1, 3), nodes.slice(3)));
    await otherNode.ok(['init', '--listen-addr', otherNode.addr]);
    clusterId = (await nodes[0]!.json<InfoResult>(['info'])).clusterId ?? '';
    expect(Object.keys(await nodeIds(nodes[0]!))).toHaveLength(5);
    console.log(
      `authorization property: seed ${SEED}${FULL ? `, ${ROUNDS} random steps` : ', each operation once'}`,
    );
  }, 180_000);

  afterAll(async () => {
    await Promise.all([cluster.destroy(), other.destroy()]);
  }, 60_000);

  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster));

  it(
    'every identity gets, on every RPC of the leader and a follower, what the store says it may',
    async () => {
      await checkEveryone('start');
      // CI: each operation once, in a seeded order. Full tier: random operations.
      const plan: Op[] = FULL
        ? Array.from({ length: ROUNDS }, () => OPS[random.int(OPS.length)]!)
        : shuffled();
      const done: string[] = [];
      for (const [i, op] of plan.entries()) {
        let chosen = op;
        // An operation that cannot run now (no worker to promote, nothing to rejoin) gives way to one that can.
        for (const alt of [op, ...OPS]) {
          chosen = alt;
          if (await step(alt)) break;
        }
        done.push(chosen);
        await checkEveryone(`step ${i + 1} (${chosen})`);
      }
      console.log(`authorization property: seed ${SEED}, steps ${done.join(', ')}`);
      if (!FULL) expect(new Set(done)).toEqual(new Set(OPS));
    },
    (FULL ? ROUNDS : OPS.length) * 150_000 + 60_000,
  );
});
