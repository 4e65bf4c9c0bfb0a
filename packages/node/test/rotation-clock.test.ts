// `swarm ca --rotate` on a manager under a ManualClock: the leader's rotation loop and the
// caller's wait run on the injected clock, so a full root rotation (three phases, each waiting for
// the node to renew) runs here without a real wait. The node's renewal is simulated: when its
// node object asks for one, it renews through the manager's CA, as the daemon does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, noopLogger, swarm } from '@swarm/api';
import { authorize, createKeyAndCSR, DenyList, generateJoinTokens, rootDigest } from '@swarm/ca';
import { createTestCA } from '@swarm/ca/testing';
import { CredentialStore } from '@swarm/ca/tls';
import { RpcClients } from '@swarm/rpc';
import { KeyManager, memoryKeyStore } from '@swarm/secret-store';
import { afterEach, describe, expect, it } from 'vitest';
import { rotateRoot } from '../src/daemon/ca-rotation.js';
import { Manager } from '../src/manager/manager.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const settle = () => new Promise((r) => setImmediate(r));

describe('a root rotation under a ManualClock', () => {
  it('runs all three phases on the leader, waiting for the node each time, with no real wait', async () => {
    const start = Date.UTC(2026, 0, 1);
    const clock = new ManualClock(start);
    const test = await createTestCA({ clock });
    const self = await test.issueNode({ role: 'manager' });
    const credentials = new CredentialStore({
      keyPem: self.keyPem,
      chainPem: self.chainPem,
      rootsPem: test.ca.certPem,
    });
    const clients = new RpcClients({ credentials, logger: noopLogger, clock });
    const dir = mkdtempSync(join(tmpdir(), 'swarm-rotation-clock-'));
    dirs.push(dir);
    const m = await Manager.start({
      raftDir: join(dir, 'raft'),
      nodeId: self.nodeId,
      raftId: 9n,
      advertiseAddr: '127.0.0.1:1',
      keyManager: KeyManager.open({ keyStore: memoryKeyStore(), createIfMissing: true }),
      clients,
      logger: noopLogger,
      clock,
      bootstrap: true,
    });
    try {
      // The election's writes go to LevelDB: give its I/O real turns while the clock moves.
      for (let i = 0; i < 2000 && !m.isLeader; i++) {
        clock.advance(50);
        await new Promise((r) => setTimeout(r, 2));
      }
      expect(m.isLeader).toBe(true);
      const tokens = generateJoinTokens(test.ca.certPem);
      await m.update((tx) => {
        tx.create(
          'cluster',
          swarm.Cluster.create({
            id: test.clusterId,
            rootCa: {
              caCert: enc.encode(test.ca.certPem),
              caKey: enc.encode(test.ca.keyPem),
              joinTokens: tokens,
            },
          }),
        );
        tx.create(
          'node',
          swarm.Node.create({
            id: self.nodeId,
            role: swarm.NodeRole.NODE_ROLE_MANAGER,
            spec: {
              desiredRole: swarm.NodeRole.NODE_ROLE_MANAGER,
              membership: swarm.NodeSpec.Membership.ACCEPTED,
            },
            status: { state: swarm.NodeStatus.State.READY },
            certificate: {
              certificate: enc.encode(self.chainPem),
              status: { state: swarm.IssuanceState.ISSUANCE_STATE_ISSUED },
            },
          }),
        );
      });

      // The node: its chain and bundle on disk, renewed when its node object says ROTATE.
      let chainPem = self.chainPem;
      let rootsPem = test.ca.certPem;
      let renewals = 0;
      let renewing = false;
      const renewIfAsked = async () => {
        const n = m.store.view((tx) => tx.get('node', self.nodeId));
        if (renewing || n?.certificate?.status?.state !== swarm.IssuanceState.ISSUANCE_STATE_ROTATE) return;
        renewing = true;
        try {
          const identity = authorize(chainPem, {
            allowedRoles: ['swarm-manager'],
            clusterId: test.clusterId,
            denyList: new DenyList(),
            roots: dec.decode((await m.ca.getRootCACertificate()).certificate),
            clock,
          });
          const { csrPem } = createKeyAndCSR();
          await m.ca.issueNodeCertificate(
            swarm.IssueNodeCertificateRequest.create({ csr: enc.encode(csrPem) }),
            identity,
          );
          const st = await m.ca.nodeCertificateStatus(
            swarm.NodeCertificateStatusRequest.create({ nodeId: self.nodeId }),
          );
          chainPem = dec.decode(st.certificate?.certificate ?? new Uint8Array());
          rootsPem = dec.decode((await m.ca.getRootCACertificate()).certificate);
          renewals++;
        } finally {
          renewing = false;
        }
      };

      let outcome: Awaited<ReturnType<typeof rotateRoot>> | undefined;
      const p = rotateRoot(m, 10 * 60_000).then((r) => {
        outcome = r;
      });
      const phases = new Set<string>();
      for (let tick = 1; outcome === undefined && clock.now() - start < 20 * 60_000; tick++) {
        clock.advance(100);
        for (let i = 0; i < 3; i++) await settle();
        await new Promise((r) => setTimeout(r, 1)); // LevelDB I/O of the raft writes
        phases.add(m.rotation.status().phase ?? 'none');
        if (tick % 10 === 0) await renewIfAsked(); // the daemon looks once a second
      }
      await p;
      expect(
        outcome,
        JSON.stringify({ phases: [...phases], renewals, t: clock.now() - start }),
      ).toMatchObject({ done: true });
      expect([...phases].filter((x) => x !== 'none')).toEqual(['trust', 'issue', 'retire']);
      expect(renewals).toBe(3);
      const root = dec.decode(m.store.view((tx) => tx.list('cluster'))[0]!.rootCa!.caCert);
      expect(root).not.toBe(test.ca.certPem);
      expect(outcome?.rootDigest).toBe(rootDigest(root));
      expect(rootsPem).toBe(root);
      // manual clock time only: a few seconds per phase, no real timeout waited out
      expect(clock.now() - start).toBeLessThan(60_000);
    } finally {
      await m.stop();
      clients.close();
    }
  }, 60_000);
});
