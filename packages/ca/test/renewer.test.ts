import { ManualClock, MemoryLogger, seededRandom } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import {
  CertificateRenewer,
  createKeyAndCSR,
  issueCertificate,
  type NodeCredentials,
  type NodeRole,
  renewalMoment,
} from '../src/index.js';
import { nativeVerifier } from '../src/native.js';
import { createTestCA, type TestCA } from '../src/testing.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** A node with a renewer whose `renew` asks the test CA, failing while `fail` says so. */
async function node(t: TestCA, role: NodeRole = 'swarm-worker', lifetime = 10 * DAY) {
  const first = await t.issueNode({ role, expiryMs: lifetime });
  const state = { fail: false, calls: [] as string[], nodeId: first.nodeId, wrongNode: false };
  const renewer = new CertificateRenewer({
    clock: t.clock,
    random: seededRandom(5),
    logger: new MemoryLogger(),
    current: { keyPem: first.keyPem, chainPem: first.chainPem },
    async renew({ role: r, reason }): Promise<NodeCredentials> {
      state.calls.push(reason);
      if (state.fail) throw new Error('manager unreachable');
      const { keyPem, csrPem } = createKeyAndCSR({ random: t.random });
      const issued = await issueCertificate(t.ca, csrPem, {
        nodeId: state.wrongNode ? 'w'.repeat(25) : state.nodeId,
        role: r,
        clusterId: t.clusterId,
        expiryMs: lifetime,
        verifier: nativeVerifier,
      });
      return { keyPem, chainPem: issued.chainPem };
    },
  });
  return { first, state, renewer };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('renewalMoment', () => {
  it('always falls between 50% and 80% of the certificate life, spread over that window', () => {
    const rnd = seededRandom(9);
    const cert = { notBefore: 0, notAfter: 1000 * DAY };
    const seen: number[] = [];
    for (let i = 0; i < 2000; i++) seen.push(renewalMoment(cert, rnd) / (1000 * DAY));
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...seen)).toBeLessThan(0.8);
    expect(Math.min(...seen)).toBeLessThan(0.52);
    expect(Math.max(...seen)).toBeGreaterThan(0.78);
  });
});

describe('CertificateRenewer', () => {
  it('renews inside the 50-80% window with a new key, keeping node ID and role', async () => {
    const t = await createTestCA({ seed: 21 });
    const { first, renewer } = await node(t);
    const renewed: NodeCredentials[] = [];
    renewer.onRenewed((c) => renewed.push(c));
    renewer.start();
    const at = renewer.nextRenewalAt!;
    const life = first.notAfter - first.notBefore;
    expect(at).toBeGreaterThanOrEqual(first.notBefore + 0.5 * life);
    expect(at).toBeLessThanOrEqual(first.notBefore + 0.8 * life);
    t.clock.advanceTo(at - 1);
    await flush();
    expect(renewed).toHaveLength(0);
    t.clock.advance(1);
    await flush();
    expect(renewed).toHaveLength(1);
    expect(renewed[0]!.keyPem).not.toBe(first.keyPem);
    expect(renewer.certificate.notAfter).toBeGreaterThan(first.notAfter);
    expect(renewer.role).toBe('swarm-worker');
    renewer.stop();
    expect(t.clock.pendingTimers).toBe(0);
  });

  it('renews at once when the role changes, and the new certificate carries the new role', async () => {
    const t = await createTestCA({ seed: 22 });
    const { state, renewer } = await node(t);
    renewer.start();
    renewer.setRole('swarm-manager');
    t.clock.advance(0);
    await flush();
    expect(state.calls).toEqual(['role-change']);
    expect(renewer.certificate.dnsNames).toContain('swarm-ca');
    renewer.stop();
  });

  it('renews at once when the CA asks for a rotation', async () => {
    const t = await createTestCA({ seed: 23 });
    const { state, renewer } = await node(t);
    renewer.start();
    renewer.renewNow('rotate');
    t.clock.advance(0);
    await flush();
    expect(state.calls).toEqual(['rotate']);
    renewer.stop();
  });

  it('retries with growing, capped backoff and then goes back to the schedule', async () => {
    const t = await createTestCA({ seed: 24 });
    const { state, renewer } = await node(t);
    renewer.start();
    state.fail = true;
    renewer.renewNow('rotate');
    const gaps: number[] = [];
    let last = t.clock.now();
    for (let i = 0; i < 12; i++) {
      t.clock.advanceTo(renewer.nextRenewalAt!);
      await flush();
      gaps.push(t.clock.now() - last);
      last = t.clock.now();
    }
    expect(state.calls.slice(1).every((r) => r === 'retry')).toBe(true);
    expect(gaps[2]!).toBeGreaterThan(gaps[1]! * 0.5);
    expect(gaps[4]!).toBeGreaterThanOrEqual(4000);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(300_000);
    state.fail = false;
    t.clock.advanceTo(renewer.nextRenewalAt!);
    await flush();
    const life = renewer.certificate.notAfter - renewer.certificate.notBefore;
    expect(renewer.nextRenewalAt! - renewer.certificate.notBefore).toBeGreaterThanOrEqual(0.5 * life);
    renewer.stop();
  });

  it('refuses a renewed certificate that names another node and keeps the old one', async () => {
    const t = await createTestCA({ seed: 25 });
    const { first, state, renewer } = await node(t);
    renewer.start();
    state.wrongNode = true;
    renewer.renewNow('rotate');
    t.clock.advance(0);
    await flush();
    expect(renewer.credentials.chainPem).toBe(first.chainPem);
    expect(renewer.nextRenewalAt).toBeDefined();
    renewer.stop();
  });

  it('keeps renewing when a listener throws', async () => {
    const t = await createTestCA({ seed: 30 });
    const { state, renewer } = await node(t);
    renewer.onRenewed(() => {
      throw new Error('listener bug');
    });
    renewer.start();
    renewer.renewNow('rotate');
    t.clock.advance(0);
    await flush();
    expect(state.calls).toEqual(['rotate']);
    expect(renewer.nextRenewalAt).toBeGreaterThan(t.clock.now());
    t.clock.advanceTo(renewer.nextRenewalAt!);
    await flush();
    expect(state.calls).toEqual(['rotate', 'schedule']);
    renewer.stop();
  });

  it('starts a renewal asked for now without waiting on a clock timer, once for several asks', async () => {
    // systemClock unrefs its timers: a program awaiting renewNow's result would exit if the
    // renewal waited on one. Here the manual clock never moves, and the renewal still runs.
    const t = await createTestCA({ seed: 31 });
    const { first, state, renewer } = await node(t);
    const renewed: NodeCredentials[] = [];
    renewer.onRenewed((c) => renewed.push(c));
    renewer.start();
    renewer.renewNow('rotate');
    expect(renewer.inFlight).toBe(true);
    expect(state.calls).toEqual([]); // not inside the caller's stack
    renewer.setRole('swarm-manager');
    await flush();
    expect(state.calls).toEqual(['role-change']);
    expect(renewed).toHaveLength(1);
    expect(renewed[0]!.keyPem).not.toBe(first.keyPem);
    expect(renewer.certificate.dnsNames).toContain('swarm-ca');
    expect(renewer.nextRenewalAt).toBeGreaterThan(t.clock.now());
    renewer.stop();
  });

  it('drops an asked-for renewal when stopped before it starts', async () => {
    const t = await createTestCA({ seed: 32 });
    const { state, renewer } = await node(t);
    renewer.start();
    renewer.renewNow('rotate');
    renewer.stop();
    await flush();
    expect(state.calls).toEqual([]);
    expect(renewer.inFlight).toBe(false);
  });

  it('refuses renewNow while stopped', async () => {
    const t = await createTestCA({ seed: 26 });
    const { renewer } = await node(t);
    expect(() => renewer.renewNow()).toThrow(expect.objectContaining({ code: 'RENEWAL_STOPPED' }));
  });

  it('does not apply a renewal that completes after stop()', async () => {
    const t = await createTestCA({ seed: 27 });
    const { first, renewer } = await node(t);
    renewer.start();
    renewer.renewNow();
    t.clock.advance(0);
    renewer.stop();
    await flush();
    expect(renewer.credentials.chainPem).toBe(first.chainPem);
  });

  it('keeps a clock of its own: nothing happens without the clock moving', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1));
    const t = await createTestCA({ seed: 28, clock });
    const { state, renewer } = await node(t);
    renewer.start();
    await flush();
    expect(state.calls).toEqual([]);
    renewer.stop();
  });
});

describe('CertificateRenewer against a CA whose clock runs ahead', () => {
  it('keeps the current certificate when the renewed one is not valid yet, and retries', async () => {
    const t = await createTestCA({ seed: 29 });
    const first = await t.issueNode({ expiryMs: 10 * DAY });
    const ahead = await createTestCA({ seed: 29, clock: new ManualClock(t.clock.now() + 3 * HOUR) });
    const calls: string[] = [];
    const renewer = new CertificateRenewer({
      clock: t.clock,
      random: seededRandom(1),
      current: { keyPem: first.keyPem, chainPem: first.chainPem },
      async renew({ reason }) {
        calls.push(reason);
        const n = await ahead.issueNode({ nodeId: first.nodeId, clusterId: t.clusterId });
        return { keyPem: n.keyPem, chainPem: n.chainPem };
      },
    });
    renewer.start();
    renewer.renewNow();
    t.clock.advance(0);
    await flush();
    expect(renewer.credentials.chainPem).toBe(first.chainPem);
    expect(renewer.nextRenewalAt).toBeGreaterThan(t.clock.now());
    renewer.stop();
  });
});
