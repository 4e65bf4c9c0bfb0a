/**
 * The root rotation machine (`planRotation` and friends) and its driver (`RootRotationDriver`)
 * against a store double with simulated nodes renewing through a ManagerCA: every phase
 * transition, what is waited for (down nodes too), resume by a new leader, abort and restart
 * rules, and a full rotation under a ManualClock. After every step no node rejects another.
 */
import { ManualClock, swarm, toLong } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import {
  abortRotation,
  beginRotation,
  nodeRotationState,
  parseCertificates,
  planRotation,
  readRotation,
  rootDigest,
} from '../src/index.js';
import { RootRotationDriver, trustBundle } from '../src/manager.js';
import { nativeBackend } from '../src/native.js';
import { RotationCluster } from './helpers/rotation-cluster.js';

const dec = new TextDecoder();
const enc = new TextEncoder();
const START = Date.UTC(2026, 5, 1);
const text = (b: Uint8Array | null | undefined) => dec.decode(b ?? new Uint8Array());
const ROTATE = swarm.IssuanceState.ISSUANCE_STATE_ROTATE;
const ISSUED = swarm.IssuanceState.ISSUANCE_STATE_ISSUED;

async function setup(n = 3) {
  const clock = new ManualClock(START);
  const c = await RotationCluster.create(clock, n);
  const driver = new RootRotationDriver({ store: c.store, clock, random: c.random, backend: nativeBackend });
  return { clock, c, driver };
}

/** Steps the driver and lets every up node renew, until the rotation ends or `max` rounds. */
async function converge(c: RotationCluster, driver: RootRotationDriver, max = 20): Promise<string[]> {
  const phases: string[] = [];
  for (let i = 0; i < max; i++) {
    const s = await driver.step();
    expect(c.rejections()).toEqual([]);
    phases.push(s.phase ?? 'done');
    if (!s.running) return phases;
    await c.renewAsked();
    expect(c.rejections()).toEqual([]);
  }
  return phases;
}

describe('root rotation: the phases', () => {
  it('begins in trust: the old root still issues, the new root is trusted beside it, every node is asked to renew', async () => {
    const { c, driver } = await setup();
    const oldRoot = text(c.rootCa().caCert);
    const oldTokens = c.rootCa().joinTokens;
    const s = await driver.begin();
    expect(s.running).toBe(true);
    expect(s.phase).toBe('trust');
    const r = readRotation(c.rootCa())!;
    expect(r.phase).toBe('trust');
    expect(r.oldRootPem).toBe(oldRoot);
    expect(text(c.rootCa().caCert)).toBe(oldRoot); // the old root issues
    expect(s.rootDigest).toBe(rootDigest(r.newRootPem));
    expect(trustBundle(c.store.cluster!)).toBe(oldRoot + r.newRootPem);
    expect(r.startedAt).toBe(START);
    // the cross-signed certificate: the new root's key, certified by the old root
    const [cross] = parseCertificates(r.crossSignedPem);
    const [newCert] = parseCertificates(r.newRootPem);
    const [oldCert] = parseCertificates(oldRoot);
    expect(cross!.publicKey).toEqual(newCert!.publicKey);
    expect(cross!.issuer).toEqual(oldCert!.subject);
    expect(c.rootCa().joinTokens).toEqual(oldTokens);
    for (const n of c.nodes) expect(c.store.issuance(n.id)).toBe(ROTATE);
    expect(s.waiting).toHaveLength(3);
  });

  it('waits in each phase until every node renewed under it, then moves on: trust, issue, retire, done', async () => {
    const { c, driver } = await setup();
    const oldRoot = text(c.rootCa().caCert);
    const oldTokens = c.rootCa().joinTokens!;
    await driver.begin();
    const newRoot = readRotation(c.rootCa())!.newRootPem;

    // trust: two of three renew; nothing moves
    await c.nodes[0]!.renewIfAsked();
    await c.nodes[1]!.renewIfAsked();
    let s = await driver.step();
    expect(s.phase).toBe('trust');
    expect(s.waiting).toEqual([c.nodes[2]!.id]);
    expect(c.nodes[0]!.rootsPem).toBe(oldRoot + newRoot); // it took the new root into its bundle
    // ... the third renews: issue begins, every node asked again
    await c.nodes[2]!.renewIfAsked();
    s = await driver.step();
    expect(s.phase).toBe('issue');
    expect(text(c.rootCa().caCert)).toBe(newRoot);
    expect(text(c.rootCa().caCertHash)).toBe(rootDigest(newRoot));
    expect(text(c.rootCa().rootRotation!.caCert)).toBe(oldRoot);
    expect(c.rootCa().rootRotation!.caKey?.length ?? 0).toBe(0); // the old key is gone
    expect(trustBundle(c.store.cluster!)).toBe(newRoot + oldRoot);
    for (const n of c.nodes) expect(c.store.issuance(n.id)).toBe(ROTATE);
    expect(c.rootCa().joinTokens).toEqual(oldTokens);
    expect(c.rejections()).toEqual([]);

    // issue: each renewal is from the new key
    await c.renewAsked();
    for (const n of c.nodes)
      expect(nodeRotationState(c.store.nodes.get(n.id)!, parseCertificates(newRoot)[0]!.subjectKeyId!)).toBe(
        'done',
      );
    expect(c.rejections()).toEqual([]);
    s = await driver.step();
    expect(s.phase).toBe('retire');
    expect(trustBundle(c.store.cluster!)).toBe(newRoot);
    const tokens = c.rootCa().joinTokens!;
    expect(tokens.worker).not.toBe(oldTokens.worker);
    expect(tokens.manager).not.toBe(oldTokens.manager);
    expect(tokens.worker!.split('-')[2]).not.toBe(oldTokens.worker!.split('-')[2]); // pins the new root
    for (const n of c.nodes) expect(c.store.issuance(n.id)).toBe(ROTATE);

    // retire: one more renewal each (the bundle loses the old root), then the rotation ends
    await c.renewAsked();
    for (const n of c.nodes) expect(n.rootsPem).toBe(newRoot);
    s = await driver.step();
    expect(s).toMatchObject({ running: false, phase: undefined, rootDigest: rootDigest(newRoot) });
    expect(c.rootCa().rootRotation ?? null).toBeNull();
    expect(text(c.rootCa().caCert)).toBe(newRoot);
    expect(c.rejections()).toEqual([]);
    // nothing more to write
    const writes = c.store.writes;
    await driver.step();
    expect(c.store.writes).toBe(writes);
  });

  it('asks again a node whose renewal landed after the phase moved on (issued under the old bundle)', async () => {
    const { c, driver } = await setup(2);
    await driver.begin();
    await c.nodes[0]!.renewIfAsked();
    // node 1 renews, but the phase moves on (another manager, the leader) while its certificate is
    // being issued: the renewal must not count for the new phase
    c.store.beforeUpdate = () => {
      const cl = c.store.cluster!;
      const n1 = c.store.nodes.get(c.nodes[1]!.id)!;
      n1.certificate!.status = { state: ISSUED };
      const p = planRotation(cl.rootCa, [...c.store.nodes.values()], START);
      expect(p.rootCa).toBeDefined();
      cl.rootCa = p.rootCa!;
    };
    await c.nodes[1]!.renewIfAsked();
    expect(readRotation(c.rootCa())!.phase).toBe('issue');
    expect(c.store.issuance(c.nodes[1]!.id)).toBe(ROTATE);
    // a node marked issued but holding an old-key certificate in phase issue is asked again
    const n0 = c.store.nodes.get(c.nodes[0]!.id)!;
    expect(n0.certificate!.status!.state).toBe(ISSUED);
    const p = planRotation(c.rootCa(), [...c.store.nodes.values()], START);
    expect(p.renew).toContain(c.nodes[0]!.id);
    expect(await converge(c, driver)).toEqual(['issue', 'retire', 'done']);
  });

  it('waits for a node that is down, says so, and finishes once it is back', async () => {
    const { clock, c, driver } = await setup(3);
    const down = c.nodes[2]!;
    down.up = false;
    c.store.setDown(down.id, true);
    await driver.begin();
    for (let i = 0; i < 5; i++) {
      await c.renewAsked();
      clock.advance(60_000);
      const s = await driver.step();
      expect(s.phase).toBe('trust');
      expect(s.waiting).toEqual([down.id]);
      expect(s.down).toEqual([down.id]);
    }
    const s = driver.status();
    expect(s.progress).toMatch(/^phase 1 of 3 .*waiting for 300s for 1 of 3 node\(s\) to renew \(1 down: /);
    // wait() returns at its deadline while the rotation goes on
    const waited = driver.wait(1000);
    clock.advance(1000);
    expect((await waited).running).toBe(true);
    expect(c.rejections()).toEqual([]);
    down.up = true;
    c.store.setDown(down.id, false);
    expect(await converge(c, driver)).toEqual(['trust', 'issue', 'retire', 'done']);
    expect(down.renewals).toBe(3);
  });

  it('a node that joins during the rotation is issued under the current phase and counts at once', async () => {
    const { c, driver } = await setup(2);
    await driver.begin();
    await c.renewAsked();
    await driver.step(); // issue
    const joiner = await c.join(c.rootCa().joinTokens!.worker!);
    expect(c.store.issuance(joiner.id)).toBe(ISSUED);
    expect(parseCertificates(joiner.chainPem)[0]!.authorityKeyId).toEqual(
      parseCertificates(readRotation(c.rootCa())!.newRootPem)[0]!.subjectKeyId,
    );
    expect(c.rejections()).toEqual([]);
    expect(await converge(c, driver)).toEqual(['issue', 'retire', 'done']);
  });
});

describe('root rotation: resume', () => {
  it('a new leader picks the rotation up from the store in every phase', async () => {
    const { clock, c } = await setup(3);
    const first = new RootRotationDriver({ store: c.store, clock, backend: nativeBackend });
    await first.begin();
    await c.renewAsked();
    await first.step(); // issue
    await first.stop();
    // the leader changes: a fresh driver on another manager, same store
    const second = new RootRotationDriver({ store: c.store, clock, backend: nativeBackend });
    expect(second.status()).toMatchObject({ running: true, phase: 'issue' });
    await c.nodes[0]!.renewIfAsked();
    await second.step();
    await second.stop();
    const third = new RootRotationDriver({ store: c.store, clock, backend: nativeBackend });
    expect(third.status().waiting).toHaveLength(2);
    expect(await converge(c, third)).toEqual(['issue', 'retire', 'done']);
  });

  it('resumes a rotation stored without a phase (the earlier format), inferring it from its fields', async () => {
    const { c, driver } = await setup(2);
    await driver.begin();
    const rc = c.store.cluster!.rootCa!;
    rc.rootRotation!.phase = swarm.RootRotationPhase.ROOT_ROTATION_PHASE_UNSPECIFIED;
    rc.rootRotation!.startedAt = toLong(0n);
    expect(readRotation(rc)).toMatchObject({ phase: 'trust', startedAt: 0 });
    await c.renewAsked();
    await driver.step();
    c.store.cluster!.rootCa!.rootRotation!.phase = swarm.RootRotationPhase.ROOT_ROTATION_PHASE_UNSPECIFIED;
    expect(readRotation(c.rootCa())!.phase).toBe('issue');
    expect(await converge(c, driver)).toEqual(['issue', 'retire', 'done']);
    // an empty record is no rotation at all
    expect(readRotation({ caCert: enc.encode('x'), rootRotation: {} })).toBeUndefined();
  });

  it('refuses to continue a record that matches no phase (fails closed)', () => {
    const bad = {
      caCert: enc.encode('x'),
      rootRotation: { phase: swarm.RootRotationPhase.ROOT_ROTATION_PHASE_TRUST },
    };
    expect(() => readRotation(bad)).toThrow(expect.objectContaining({ code: 'ROTATION_CORRUPT' }));
    expect(() => planRotation(bad, [], 0)).toThrow(expect.objectContaining({ code: 'ROTATION_CORRUPT' }));
  });
});

describe('root rotation: abort and restart rules', () => {
  it('begin joins a running rotation; beginRotation refuses a second one', async () => {
    const { clock, c, driver } = await setup(2);
    const a = await driver.begin();
    const b = await driver.begin();
    expect(b.rootDigest).toBe(a.rootDigest);
    await expect(beginRotation(c.rootCa(), { clock, backend: nativeBackend })).rejects.toMatchObject({
      code: 'ROTATION_IN_PROGRESS',
    });
  });

  it('aborts in trust (the old root goes on alone, nodes renew to drop the new one); not once the new root issues', async () => {
    const { c, driver } = await setup(2);
    const oldRoot = text(c.rootCa().caCert);
    expect(() => abortRotation(c.rootCa())).toThrow(
      expect.objectContaining({ code: 'ROTATION_NOT_RUNNING' }),
    );
    await driver.begin();
    await c.renewAsked();
    const s = await driver.abort();
    expect(s.running).toBe(false);
    expect(text(c.rootCa().caCert)).toBe(oldRoot);
    expect(trustBundle(c.store.cluster!)).toBe(oldRoot);
    for (const n of c.nodes) expect(c.store.issuance(n.id)).toBe(ROTATE);
    await c.renewAsked();
    for (const n of c.nodes) expect(n.rootsPem).toBe(oldRoot);
    expect(c.rejections()).toEqual([]);
    // a new rotation may begin afterwards
    await driver.begin();
    await c.renewAsked();
    await driver.step();
    expect(readRotation(c.rootCa())!.phase).toBe('issue');
    await expect(driver.abort()).rejects.toMatchObject({ code: 'ROTATION_CANNOT_ABORT' });
    expect(readRotation(c.rootCa())!.phase).toBe('issue');
    expect(await converge(c, driver)).toEqual(['issue', 'retire', 'done']);
  });
});

describe('root rotation under a ManualClock', () => {
  it('runs a full rotation: the leader loop drives it, daemons renew on their timers, the caller waits; no real waits', async () => {
    const { clock, c } = await setup(5);
    const leader = new RootRotationDriver({ store: c.store, clock, backend: nativeBackend, pollMs: 250 });
    const caller = new RootRotationDriver({ store: c.store, clock, backend: nativeBackend, pollMs: 500 });
    leader.start();
    // every daemon looks at its node once a second, as the node daemon does
    let stopped = false;
    const rejections: string[] = [];
    // Renewals do real work (key generation, signing): the clock moves on only once every renewal
    // in flight has settled, so a loaded machine slows the test down but cannot change its result.
    const inFlight = new Set<Promise<unknown>>();
    for (const n of c.nodes) {
      const tick = (): void => {
        if (stopped) return;
        const p = n.renewIfAsked().finally(() => {
          inFlight.delete(p);
          clock.setTimeout(tick, 1000);
        });
        inFlight.add(p);
      };
      clock.setTimeout(tick, 1000);
    }
    // one node is down for the first two minutes
    const late = c.nodes[4]!;
    late.up = false;
    c.store.setDown(late.id, true);
    clock.setTimeout(() => {
      late.up = true;
      c.store.setDown(late.id, false);
    }, 120_000);

    const begun = await caller.begin();
    let result: Awaited<ReturnType<RootRotationDriver['wait']>> | undefined;
    void caller.wait(10 * 60_000).then((s) => {
      result = s;
    });
    const seen = new Set<string>();
    const flush = async () => {
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
      while (inFlight.size > 0) {
        await Promise.allSettled([...inFlight]);
        for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
      }
    };
    let writes = -1;
    while (result === undefined && clock.now() - START < 15 * 60_000) {
      clock.advance(100);
      await flush();
      seen.add(leader.status().phase ?? 'done');
      // every write (a phase change, a renewal) is checked: no node may reject another after it
      if (c.store.writes !== writes) rejections.push(...c.rejections());
      writes = c.store.writes;
    }
    stopped = true;
    await leader.stop();
    expect(rejections).toEqual([]);
    expect(result).toMatchObject({ running: false, rootDigest: begun.rootDigest });
    expect([...seen]).toEqual(['trust', 'issue', 'retire', 'done']);
    // it waited for the down node: nothing finished before it came back
    expect(clock.now() - START).toBeGreaterThan(120_000);
    expect(clock.now() - START).toBeLessThan(130_000);
    for (const n of c.nodes) expect(n.rootsPem).toBe(text(c.rootCa().caCert));
  });
});
