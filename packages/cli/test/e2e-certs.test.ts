import { noopLogger } from '@swarm/api';
import { DenyList } from '@swarm/ca';
import { CredentialStore } from '@swarm/ca/tls';
import type { NodeView } from '@swarm/node/control';
import { joinerClient, ownCluster, RPC_ROLES, RPC_SERVICES, RpcClients, RpcServer } from '@swarm/rpc';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, waitFor } from '../src/testing.js';
import { type CertSet, mintCertSet } from './e2e/bad-certs.js';
import { startFakeManager } from './e2e/fake-manager.js';
import {
  callAs,
  dumpLogsOnFailure,
  formCluster,
  IDLE,
  identityOf,
  runningTasks,
  startNodes,
} from './e2e/helpers.js';

const BAD = ['expired', 'notYetValid', 'wrongRoot', 'wrongCluster', 'caTrueLeaf', 'missingEku'] as const;

describe('bad certificates are refused on both sides', () => {
  let certs: CertSet;
  const closers: (() => unknown)[] = [];

  beforeAll(async () => {
    certs = await mintCertSet(91);
  });
  afterAll(async () => {
    for (const c of closers.reverse()) await c();
  });

  it('server side: a call presenting each bad certificate never reaches the handler', async () => {
    let served = 0;
    const server = new RpcServer({
      credentials: new CredentialStore({ ...certs.goodManager, rootsPem: certs.rootsPem }),
      clusterId: () => certs.ca.clusterId,
      denyList: () => new DenyList(),
      logger: noopLogger,
      roles: RPC_ROLES,
    });
    closers.push(() => server.close());
    server.addService('Ingress', {
      endpoints: () => {
        served++;
        return {};
      },
    });
    const addr = `127.0.0.120:${await server.listen('127.0.0.120:0')}`;
    const m = RPC_SERVICES.Ingress.endpoints;
    // Controls: good certificates are served.
    expect(await callAs(addr, m, { ...certs.goodWorker, rootsPem: certs.rootsPem })).toBe('allow');
    expect(await callAs(addr, m, { ...certs.goodManager, rootsPem: certs.rootsPem })).toBe('allow');
    expect(served).toBe(2);
    const outcomes: Record<string, string> = {};
    for (const name of BAD)
      outcomes[name] = await callAs(addr, m, { ...certs.bad[name], rootsPem: certs.rootsPem });
    expect(outcomes).toEqual({
      expired: 'AUTH_NO_CERTIFICATE',
      notYetValid: 'AUTH_NO_CERTIFICATE',
      wrongRoot: 'AUTH_NO_CERTIFICATE',
      wrongCluster: 'AUTH_WRONG_CLUSTER',
      caTrueLeaf: 'AUTH_NOT_A_LEAF',
      missingEku: 'AUTH_WRONG_KEY_USAGE',
    });
    expect(served).toBe(2);
  });

  it('client side: a node never sends a call to a server presenting a bad certificate', async () => {
    const clients = new RpcClients({
      credentials: new CredentialStore({ ...certs.goodWorker, rootsPem: certs.rootsPem }),
      logger: noopLogger,
      defaultTimeoutMs: 4000,
      serverClusterId: ownCluster,
    });
    closers.push(() => clients.close());
    let port = 2450;
    const reached: Record<string, number> = {};
    const joinerReached: Record<string, number> = {};
    const errors: Record<string, string> = {};
    for (const name of ['good', ...BAD] as const) {
      const leaf = name === 'good' ? certs.goodManager : certs.bad[name];
      const fake = await startFakeManager(`127.0.0.121:${port++}`, leaf, certs.rootsPem);
      closers.push(() => fake.close());
      const err = await clients
        .get(fake.addr)
        .Ingress.endpoints({})
        .then(
          () => 'ok',
          (e: { code?: string }) => e.code ?? 'error',
        );
      reached[name] = fake.calls.length;
      // The joiner's client (pinned root, no certificate of its own) too.
      const joiner = joinerClient(fake.addr, certs.rootsPem, { defaultTimeoutMs: 4000 });
      await joiner.NodeCA.nodeCertificateStatus({ nodeId: 'x' }).catch(() => undefined);
      joiner.close();
      joinerReached[name] = fake.calls.length - reached[name];
      errors[name] = err;
    }
    expect(reached).toEqual({
      good: 1,
      expired: 0,
      notYetValid: 0,
      wrongRoot: 0,
      wrongCluster: 0,
      caTrueLeaf: 0,
      missingEku: 0,
    });
    // A joiner does not know the cluster ID yet (the token pins only the root), so a manager of
    // another cluster under the same root (which only that root's key could issue) is the one
    // case its client cannot refuse.
    expect(joinerReached).toEqual({ ...reached, good: 1, wrongCluster: 1 });
    expect(errors.good).toBe('MANAGER_UNAVAILABLE'); // the fake's own answer
  });
});

describe('renewal under load and root rotation on real daemons', () => {
  const cluster = new LocalCluster();
  let m1: LocalNode;
  let m2: LocalNode;
  let m3: LocalNode;
  let w1: LocalNode;
  let w2: LocalNode;
  let tokens: { workerToken: string; managerToken: string };

  beforeAll(async () => {
    [m1, m2, m3, w1, w2] = await startNodes(
      cluster,
      { name: 'm1', address: '127.0.0.122' },
      { name: 'm2', address: '127.0.0.123' },
      { name: 'm3', address: '127.0.0.124' },
      { name: 'w1', address: '127.0.0.125' },
      { name: 'w2', address: '127.0.0.126' },
    );
    tokens = await formCluster(m1, [m2, m3], [w1]);
  }, 120_000);

  afterAll(() => cluster.destroy(), 60_000);
  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster));

  it('every certificate renews (root rotation) while writes go through followers: no write fails, no task restarts, no node goes down', async () => {
    await m1.ok(['service', 'create', '--name', 'load', '--replicas', '4', '--', ...IDLE]);
    const before = await waitFor(
      '4 load tasks',
      async () => {
        const r = await runningTasks(m1, 'load');
        return r.length === 4 ? r : undefined;
      },
      60_000,
    );
    const rootBefore = identityOf(m1).rootsPem;
    const serials = Object.fromEntries(
      cluster.nodes.slice(0, 4).map((n) => [n.name, identityOf(n).chainPem]),
    );
    let stop = false;
    const acked: string[] = [];
    const failures: string[] = [];
    let notReady = 0;
    const writer = async (node: LocalNode, prefix: string) => {
      for (let i = 0; !stop; i++) {
        const name = `${prefix}-${i}`;
        const r = await node.swarm(['secret', 'create', name, '-'], `v${i}`);
        if (r.code === 0) acked.push(name);
        else failures.push(`${node.name} ${name}: ${r.stderr.trim()}`);
      }
    };
    const watcher = async () => {
      while (!stop) {
        const ls = await m1.json<NodeView[]>(['node', 'ls']);
        notReady += ls.filter((n) => n.status !== 'ready').length;
      }
    };
    const load = Promise.all([writer(m2, 'm2'), writer(m3, 'm3'), watcher()]);
    await new Promise((r) => setTimeout(r, 1500));
    const rotated = await m1.swarm(['ca', '--rotate']);
    await new Promise((r) => setTimeout(r, 1500));
    stop = true;
    await load;
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(failures).toEqual([]);
    expect(acked.length).toBeGreaterThan(4);
    expect(notReady).toBe(0);
    // Every acknowledged write is there, on every manager.
    for (const m of [m1, m2, m3]) {
      const names = new Set((await m.json<Array<{ name: string }>>(['secret', 'ls'])).map((s) => s.name));
      expect(
        acked.filter((a) => !names.has(a)),
        m.name,
      ).toEqual([]);
    }
    const after = await runningTasks(m1, 'load');
    expect(after.map((t) => t.id).sort()).toEqual(before.map((t) => t.id).sort());
    // Every node renewed onto the new root.
    const rootAfter = identityOf(m1).rootsPem;
    expect(rootAfter).not.toBe(rootBefore);
    for (const n of cluster.nodes.slice(0, 4)) {
      const id = identityOf(n);
      expect(id.rootsPem, n.name).toBe(rootAfter);
      expect(id.chainPem, n.name).not.toBe(serials[n.name]);
    }
  }, 240_000);

  it('after the rotation the old tokens are dead (the joiner aborts: the root no longer matches) and the new ones work', async () => {
    for (const old of [tokens.workerToken, tokens.managerToken]) {
      const r = await w2.swarm(['join', '--token', old, '--listen-addr', w2.addr, m2.addr]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('does not match the join token');
    }
    const fresh = (await m1.ok(['join-token', '-q', 'worker'])).trim();
    expect(fresh.split('-')[2]).not.toBe(tokens.workerToken.split('-')[2]);
    expect(await w2.ok(['join', '--token', fresh, '--listen-addr', w2.addr, m2.addr])).toContain(
      'as a worker',
    );
    await waitFor(
      'w2 ready',
      async () =>
        (await m1.json<NodeView[]>(['node', 'ls'])).find((n) => n.hostname === 'w2')?.status === 'ready',
      30_000,
    );
    // The node that joined after the rotation holds a certificate of the new root only.
    expect(identityOf(w2).rootsPem).toBe(identityOf(m1).rootsPem);
  }, 120_000);
});
