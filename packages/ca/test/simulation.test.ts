/**
 * 10,000 simulated days on a manual clock: three nodes renew 60-day certificates on their own
 * schedule through a flaky CA link, one worker is promoted, and the root is rotated once by the
 * rotation machine (`planRotation`, stepped once a simulated day). After every simulated hour each
 * node must hold a certificate that is valid right then and that every peer accepts with the trust
 * bundle it holds; each renewal must overlap the certificate it replaces; node IDs never change.
 */
import { generateId, ManualClock, seededRandom, swarm } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import {
  authorize,
  beginRotation,
  type Certificate,
  CertificateRenewer,
  createKeyAndCSR,
  DenyList,
  generateJoinTokens,
  type IssuingCA,
  issueCertificate,
  type JoinTokens,
  loadRootCA,
  type NodeRole,
  OID,
  planRotation,
  subjectValue,
} from '../src/index.js';
import { trustBundle } from '../src/manager.js';
import { nativeBackend, nativeVerifier } from '../src/native.js';
import { createTestCA } from '../src/testing.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const DAYS = 10_000;
const LIFETIME = 60 * DAY;
const ROTATE_AT_DAY = 5_000;

describe('a 10,000-day simulation of renewals and one root rotation', () => {
  it('leaves no moment without a valid certificate, no gap between certificates, and keeps every identity', async () => {
    const start = Date.UTC(2026, 0, 1);
    const clock = new ManualClock(start);
    const t = await createTestCA({ seed: 4242, clock });
    const rnd = seededRandom(777);
    const enc = new TextEncoder();
    const dec = new TextDecoder();
    // The cluster's root CA and the node objects, as the store holds them.
    let rootCa = swarm.RootCA.create({
      caCert: enc.encode(t.ca.certPem),
      caKey: enc.encode(t.ca.keyPem),
      joinTokens: generateJoinTokens(t.ca.certPem),
    });
    const stored = new Map<string, swarm.Node>();
    let cached: { pem: string; ca: IssuingCA } | undefined;
    /** The CA as a manager has it now: the current root issues, with the current trust bundle. */
    const issuer = (): IssuingCA => {
      const bundle = trustBundle(swarm.Cluster.create({ rootCa }));
      const pem = dec.decode(rootCa.caCert);
      if (cached?.pem !== pem + bundle) {
        const root = loadRootCA({
          certPem: pem,
          keyPem: dec.decode(rootCa.caKey),
          clock,
          backend: nativeBackend,
        });
        cached = { pem: pem + bundle, ca: { ...root, rootsPem: bundle } };
      }
      return cached.ca;
    };
    let tokens = rootCa.joinTokens as JoinTokens;
    const firstTokens = tokens;
    let rotating = false;
    let rotationFinishedAt: number | undefined;
    const stats = { renewals: 0, failures: 0, checks: 0 };
    const violations: string[] = [];

    const roles: NodeRole[] = ['swarm-manager', 'swarm-worker', 'swarm-worker'];
    const nodes = await Promise.all(
      roles.map(async (role) => {
        const nodeId = generateId(rnd);
        const { keyPem, csrPem } = createKeyAndCSR({ random: rnd });
        const first = await issueCertificate(issuer(), csrPem, {
          nodeId,
          role,
          clusterId: t.clusterId,
          expiryMs: LIFETIME,
          verifier: nativeVerifier,
        });
        stored.set(
          nodeId,
          swarm.Node.create({
            id: nodeId,
            certificate: {
              certificate: enc.encode(first.chainPem),
              status: { state: swarm.IssuanceState.ISSUANCE_STATE_ISSUED },
            },
          }),
        );
        let nextTrust = issuer().rootsPem;
        const renewer = new CertificateRenewer({
          clock,
          random: seededRandom(nodeId.charCodeAt(0)),
          current: { keyPem, chainPem: first.chainPem },
          retry: { initialMs: 60_000, maxMs: 6 * HOUR },
          async renew({ role: r }) {
            // one request in ten fails: the manager is unreachable
            if (rnd.float() < 0.1) {
              stats.failures++;
              throw new Error('connection refused');
            }
            const k = createKeyAndCSR({ random: rnd });
            nextTrust = issuer().rootsPem;
            const issued = await issueCertificate(issuer(), k.csrPem, {
              nodeId,
              role: r,
              clusterId: t.clusterId,
              expiryMs: LIFETIME,
              verifier: nativeVerifier,
            });
            return { keyPem: k.keyPem, chainPem: issued.chainPem };
          },
        });
        const node = { nodeId, renewer, previous: renewer.certificate as Certificate, trust: nextTrust };
        renewer.onRenewed((creds, cert) => {
          stats.renewals++;
          const now = clock.now();
          const day = Math.floor((now - start) / DAY);
          // no gap: the new certificate is valid now, and the old one had not yet expired
          if (cert.notBefore > now)
            violations.push(`day ${day}: ${nodeId} got a certificate that starts later`);
          if (node.previous.notAfter <= now)
            violations.push(`day ${day}: ${nodeId} renewed after its certificate expired`);
          // identity kept
          if (subjectValue(cert, OID.commonName) !== nodeId)
            violations.push(`day ${day}: ${nodeId} changed node ID`);
          if (subjectValue(cert, OID.organizationName) !== t.clusterId)
            violations.push(`day ${day}: ${nodeId} changed cluster`);
          if (subjectValue(cert, OID.organizationalUnitName) !== renewer.role)
            violations.push(`day ${day}: ${nodeId} got the wrong role`);
          node.previous = cert;
          node.trust = nextTrust;
          // the manager records the renewal on the node object
          stored.get(nodeId)!.certificate = swarm.Certificate.create({
            certificate: enc.encode(creds.chainPem),
            status: { state: swarm.IssuanceState.ISSUANCE_STATE_ISSUED },
          });
        });
        renewer.start();
        return node;
      }),
    );

    const peerCheck = (chainPem: string, trust: string) =>
      authorize(chainPem, {
        allowedRoles: ['swarm-manager', 'swarm-worker'],
        clusterId: t.clusterId,
        denyList: new DenyList(),
        roots: trust,
        clock,
        verifier: nativeVerifier,
      });

    for (let hour = 1; hour <= DAYS * 24; hour++) {
      clock.advance(HOUR);
      while (nodes.some((n) => n.renewer.inFlight)) await new Promise((r) => setImmediate(r));
      const now = clock.now();
      const day = hour / 24;

      if (day === 2_000) nodes[2]!.renewer.setRole('swarm-manager'); // a promotion
      const askAll = () => {
        for (const n of stored.values())
          n.certificate!.status = { state: swarm.IssuanceState.ISSUANCE_STATE_ROTATE };
      };
      if (day === ROTATE_AT_DAY) {
        rootCa = await beginRotation(rootCa, { clock, backend: nativeBackend });
        askAll();
        rotating = true;
      }
      if (rotating && hour % 24 === 0) {
        // the leader's daily step: move on when every node renewed under the phase
        const plan = planRotation(rootCa, [...stored.values()], now);
        if (plan.rootCa !== undefined) rootCa = plan.rootCa;
        for (const id of plan.renew)
          stored.get(id)!.certificate!.status = { state: swarm.IssuanceState.ISSUANCE_STATE_ROTATE };
        if (plan.finished) {
          tokens = rootCa.joinTokens as JoinTokens;
          rotating = false;
          rotationFinishedAt = now;
        }
      }
      // each node renews when its node object asks it to
      for (const n of nodes)
        if (
          stored.get(n.nodeId)!.certificate!.status!.state === swarm.IssuanceState.ISSUANCE_STATE_ROTATE &&
          !n.renewer.inFlight &&
          hour % 24 === 1
        )
          n.renewer.renewNow('rotate');

      if (violations.length > 0) break;
      for (const n of nodes) {
        const c = n.renewer.certificate;
        if (!(c.notBefore <= now && now <= c.notAfter))
          throw new Error(`day ${day}: node ${n.nodeId} holds no valid certificate`);
      }
      if (hour % (24 * 10) === 0 || rotating || day === ROTATE_AT_DAY + 1) {
        for (const n of nodes)
          for (const peer of nodes)
            expect(peerCheck(n.renewer.credentials.chainPem, peer.trust).nodeId).toBe(n.nodeId);
        stats.checks++;
      }
    }

    expect(violations).toEqual([]);
    expect(rotationFinishedAt).toBeDefined();
    expect(rotationFinishedAt! - start).toBeLessThan((ROTATE_AT_DAY + 10) * DAY);
    expect(tokens.worker).not.toBe(firstTokens.worker);
    expect(tokens.manager).not.toBe(firstTokens.manager);
    expect(tokens.worker.slice(0, 59)).not.toBe(firstTokens.worker.slice(0, 59)); // the digest pins the new root
    expect(nodes[2]!.renewer.role).toBe('swarm-manager');
    // about one renewal per 0.65 lifetimes per node, plus retries that succeeded late
    expect(stats.renewals).toBeGreaterThan((3 * DAYS) / 60 / 0.8);
    expect(stats.failures).toBeGreaterThan(0);
    expect(stats.checks).toBeGreaterThan(900);
    for (const n of nodes) n.renewer.stop();
  }, 120_000);
});
