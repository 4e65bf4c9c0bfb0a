// Joining, on real daemons and a fake manager (127.0.0.110-115): a manager with another CA makes
// the join abort before the token's secret is sent (also a man in the middle that relays the real
// root but cannot prove it owns it); a worker token never yields a manager certificate; a rotated
// token is refused; malformed tokens are refused locally, before any network traffic.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock, swarm } from '@swarm/api';
import { createKeyAndCSR, generateJoinToken, OID, parseCertificates, subjectValue } from '@swarm/ca';
import { nativeBackend } from '@swarm/ca/native';
import { createTestCA, type TestCA } from '@swarm/ca/testing';
import type { NodeView } from '@swarm/node/control';
import { joinerClient } from '@swarm/rpc';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, waitFor } from '../src/testing.js';
import { type FakeManager, startFakeManager } from './e2e/fake-manager.js';
import { dumpLogsOnFailure, identityOf, startNodes } from './e2e/helpers.js';

/** A CA issuing "now" (TLS checks validity on the real clock). */
const realTimeCA = (seed: number): Promise<TestCA> =>
  createTestCA({ seed, clock: new ManualClock(Date.now()), backend: nativeBackend });

const enc = new TextEncoder();
const dec = new TextDecoder();

describe('joining a swarm', () => {
  const cluster = new LocalCluster();
  let m1: LocalNode;
  let j1: LocalNode;
  let j2: LocalNode;
  let workerToken = '';
  let managerToken = '';
  const fakes: FakeManager[] = [];

  beforeAll(async () => {
    [m1, j1, j2] = await startNodes(
      cluster,
      { name: 'm1', address: '127.0.0.110' },
      { name: 'j1', address: '127.0.0.111' },
      { name: 'j2', address: '127.0.0.112' },
    );
    await m1.ok(['init', '--listen-addr', m1.addr]);
    workerToken = (await m1.ok(['join-token', '-q', 'worker'])).trim();
    managerToken = (await m1.ok(['join-token', '-q', 'manager'])).trim();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(fakes.map((f) => f.close()));
    await cluster.destroy();
  }, 60_000);

  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster));

  it('a fake manager with another CA: the join aborts after the root fetch, before the token is sent', async () => {
    const evil = await realTimeCA(71);
    const evilNode = await evil.issueNode({ role: 'manager' });
    const fake = await startFakeManager('127.0.0.113:2377', evilNode, evil.ca.certPem);
    fakes.push(fake);
    const r = await j1.swarm(['join', '--token', workerToken, '--listen-addr', j1.addr, fake.addr]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('does not match the join token: possible man in the middle');
    expect(fake.calls.map((c) => c.path)).toEqual(['/swarm.CA/GetRootCACertificate']);
    const secret = workerToken.split('-')[3]!;
    for (const c of fake.calls) expect(c.request).not.toContain(secret);
    // The node stays out of any swarm and keeps no credentials.
    expect((await j1.json<{ localNodeState: string }>(['info'])).localNodeState).toBe('inactive');
  });

  it('a man in the middle relaying the real root cannot complete TLS: IssueNodeCertificate never arrives', async () => {
    const evil = await realTimeCA(72);
    const evilNode = await evil.issueNode({ role: 'manager' });
    const realRoot = identityOf(m1).rootsPem;
    const mitm = await startFakeManager('127.0.0.114:2377', evilNode, realRoot);
    fakes.push(mitm);
    const r = await j1.swarm(['join', '--token', workerToken, '--listen-addr', j1.addr, mitm.addr]);
    expect(r.code).toBe(1);
    expect(mitm.calls.map((c) => c.path)).toEqual(['/swarm.CA/GetRootCACertificate']);
    const secret = workerToken.split('-')[3]!;
    for (const c of mitm.calls) expect(c.request).not.toContain(secret);
  });

  it('a worker token never yields a manager certificate, even when the manager role is asked for', async () => {
    const roots = identityOf(m1).rootsPem;
    const joiner = joinerClient(m1.addr, roots);
    try {
      const { csrPem } = createKeyAndCSR();
      const res = await joiner.NodeCA.issueNodeCertificate({
        csr: enc.encode(csrPem),
        token: workerToken,
        role: swarm.NodeRole.NODE_ROLE_MANAGER,
      });
      const chain = await waitFor('the certificate', async () => {
        const st = await joiner.NodeCA.nodeCertificateStatus({ nodeId: res.nodeId });
        return st.status?.state === swarm.IssuanceState.ISSUANCE_STATE_ISSUED
          ? dec.decode(st.certificate?.certificate ?? new Uint8Array())
          : undefined;
      });
      const leaf = parseCertificates(chain)[0]!;
      expect(subjectValue(leaf, OID.organizationalUnitName)).toBe('swarm-worker');
      expect(subjectValue(leaf, OID.commonName)).toBe(res.nodeId);
      // openssl reads the same: no swarm-manager SAN on a worker's certificate.
      const file = join(cluster.root, 'asked-manager.crt');
      writeFileSync(file, chain);
      const text = execFileSync('openssl', ['x509', '-noout', '-text', '-in', file]).toString();
      expect(text).toContain('OU = swarm-worker');
      expect(text).not.toContain('swarm-manager');
      const ls = await m1.json<NodeView[]>(['node', 'ls']);
      expect(ls.find((n) => n.id === res.nodeId)?.role).toBe('worker');
      // The manager token does give a manager certificate (so the check above is meaningful).
      const { csrPem: csr2 } = createKeyAndCSR();
      const res2 = await joiner.NodeCA.issueNodeCertificate({ csr: enc.encode(csr2), token: managerToken });
      const chain2 = await waitFor('the manager certificate', async () => {
        const st = await joiner.NodeCA.nodeCertificateStatus({ nodeId: res2.nodeId });
        return st.status?.state === swarm.IssuanceState.ISSUANCE_STATE_ISSUED
          ? dec.decode(st.certificate?.certificate ?? new Uint8Array())
          : undefined;
      });
      expect(subjectValue(parseCertificates(chain2)[0]!, OID.organizationalUnitName)).toBe('swarm-manager');
      await m1.ok(['node', 'demote', res2.nodeId]).catch(() => undefined);
    } finally {
      joiner.close();
    }
  });

  it('a rotated token is refused (JOIN_TOKEN_INVALID); the new one joins', async () => {
    await m1.ok(['join-token', '--rotate', 'worker']);
    const rotated = (await m1.ok(['join-token', '-q', 'worker'])).trim();
    expect(rotated).not.toBe(workerToken);
    expect(rotated.split('-')[2]).toBe(workerToken.split('-')[2]); // same root, new secret
    const r = await j2.swarm(['join', '--token', workerToken, '--listen-addr', j2.addr, m1.addr]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not valid for this cluster');
    const joiner = joinerClient(m1.addr, identityOf(m1).rootsPem);
    try {
      const err = await joiner.NodeCA.issueNodeCertificate({
        csr: enc.encode(createKeyAndCSR().csrPem),
        token: workerToken,
      }).then(
        () => undefined,
        (e: { code?: string }) => e,
      );
      expect(err?.code).toBe('JOIN_TOKEN_INVALID');
    } finally {
      joiner.close();
    }
    expect(await j2.ok(['join', '--token', rotated, '--listen-addr', j2.addr, m1.addr])).toContain(
      'This node joined a swarm as a worker.',
    );
    workerToken = rotated;
  });

  it('ten malformed tokens are refused locally with a clear error, before any network traffic', async () => {
    const recorder = await startFakeManager(
      '127.0.0.115:2377',
      await (await realTimeCA(73)).issueNode({ role: 'manager' }),
      identityOf(m1).rootsPem,
    );
    fakes.push(recorder);
    const good = generateJoinToken(identityOf(m1).rootsPem);
    const [, , digest, secret] = good.split('-') as [string, string, string, string];
    const bad = [
      'SWMTKN-1',
      `SWMTKN-2-${digest}-${secret}`,
      `swmtkn-1-${digest}-${secret}`,
      `SWMTKN-1-${digest.slice(1)}-${secret}`,
      `SWMTKN-1-${digest}-${secret.slice(1)}`,
      `SWMTKN-1-${digest}-${secret}0`,
      `SWMTKN-1-${digest.toUpperCase()}-${secret.toUpperCase()}`,
      `SWMTKN-1-${digest}-${secret.slice(0, 24)}!`,
      `SWMTKN-1-${'z'.repeat(50)}-${secret}`, // digest past 2^256
      `SWMTKN-1-${digest}-${secret}-extra`,
    ];
    expect(new Set(bad).size).toBe(10);
    for (const token of bad) {
      const r = await j1.swarm(['join', '--token', token, '--listen-addr', j1.addr, recorder.addr]);
      expect(r.code, token).toBe(1);
      expect(r.stderr, token).toContain(
        'a join token looks like SWMTKN-1-<50 base36 characters>-<25 base36 characters>',
      );
    }
    expect(recorder.calls).toEqual([]);
    expect((await j1.json<{ localNodeState: string }>(['info'])).localNodeState).toBe('inactive');
  });
});
