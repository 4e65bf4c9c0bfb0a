// Workers run only signed images (issue 24), end to end: three `swarm daemon`s (127.0.5.1-3, one
// manager and two workers, all running tasks) with the Docker executor on one private dockerd,
// each given the same image policy out of band (`--image-policy`: a GPG key made here, signatures
// from a lookaside store served over HTTP on 127.0.5.11), a docker-registry on 127.0.5.10:5000.
// Two images are signed by skopeo itself (`skopeo copy --sign-by` and `skopeo standalone-sign`),
// one is not. The signed services run; the unsigned one is REJECTED on every node with the reason
// in `service ps`, nothing pulled, nothing started; re-tagging a signed tag to the unsigned bytes
// in the registry does not make it run; a task written straight into the store with the manager's
// own credentials (the compromised-manager case) is run by no worker, and each says why. Every
// rejection is an `image rejected` event in the node's log and counts in
// `swarm_image_verifications_total` on its /metrics.
//
// The engine runs in the test's own network namespace (run this file under `unshare -n`), without
// a bridge: tasks here need no network, and the registry and the lookaside store stay reachable
// from the daemons, the engine and skopeo alike.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateId, swarm, toLong } from '@swarm/api';
import { parsePolicy } from '@swarm/image-trust';
import type { InfoResult, TaskView } from '@swarm/node/control';
import { type Engine, Testbed } from '@swarm/testbed';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ToolBed } from '../../image-trust/test/fixtures/tools.js';
import { LocalCluster, type LocalNode, waitFor } from '../src/testing.js';
import { forgeStoreWrite } from './e2e/forge-store.js';
import { dumpLogsOnFailure, formCluster, nodeIds } from './e2e/helpers.js';

const REG = '127.0.5.10:5000';
const WEB_PORT = 18524;
const LABEL_NODE = 'io.swarm-core.node.id';
const SLEEP = ['sleep', '3600'];
const NOT_SIGNED = /is not signed by a trusted key/;

describe('image trust: workers run only signed images', () => {
  const cluster = new LocalCluster();
  const bed = new ToolBed({ registry: REG, lookasideHost: '127.0.5.11' });
  let tb: Testbed;
  let engine: Engine;
  let nodes: LocalNode[];
  let m1: LocalNode;
  let ids: Record<string, string> = {};
  let fpr = '';
  let policyDigest = '';
  const digest: Record<'web' | 'api' | 'tool', string> = { web: '', api: '', tool: '' };

  const skopeo = (...args: string[]) => bed.run('skopeo', args);
  const rawManifest = (ref: string) => skopeo('inspect', '--raw', '--tls-verify=false', `docker://${ref}`);
  const sha256 = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

  beforeAll(async () => {
    tb = await Testbed.create({ prefix: 'sw24' });
    engine = await tb.engine({ name: 'trust' });
    await tb.registry({ name: 'trust', addr: REG });
    await bed.startLookaside();
    // Three images with different bytes, built by the engine and pushed unsigned under build/.
    await tb.busyboxImage(engine, 'busybox:local');
    for (const name of ['web', 'api', 'tool'] as const) {
      const ref = `${REG}/build/${name}:1`;
      await tb.buildImage(engine, ref, ['FROM busybox:local', `LABEL io.swarm-core.test.variant=${name}`]);
      await tb.pushImage(engine, ref);
      await engine.docker.getImage(ref).remove();
    }
    fpr = bed.genKey('Release');
    // skopeo signs into a lookaside directory (registries.d `lookaside-staging`) that the test
    // serves over HTTP: the layout registries.d describes, written by skopeo itself.
    const signing = join(bed.dir, 'registries.d-signing');
    mkdirSync(signing, { recursive: true });
    writeFileSync(
      join(signing, 'sign.yaml'),
      `docker:\n  ${REG}:\n    lookaside-staging: file://${bed.sigs}\n`,
    );
    const copy = (from: string, to: string, signBy?: string) =>
      skopeo(
        '--registries.d',
        signing,
        'copy',
        '--quiet',
        '--src-tls-verify=false',
        '--dest-tls-verify=false',
        ...(signBy === undefined ? [] : ['--sign-by', signBy]),
        `docker://${REG}/${from}`,
        `docker://${REG}/${to}`,
      );
    // web: `skopeo copy --sign-by`.
    copy('build/web:1', 'apps/web:1', fpr);
    digest.web = sha256(rawManifest(`${REG}/apps/web:1`));
    // api: pushed unsigned, then `skopeo standalone-sign` over its manifest, the signature put
    // where the lookaside layout wants it.
    copy('build/api:1', 'apps/api:1');
    const manifest = join(bed.dir, 'api.manifest.json');
    writeFileSync(manifest, rawManifest(`${REG}/apps/api:1`));
    digest.api = sha256(readFileSync(manifest));
    const sigDir = join(bed.sigs, 'apps', `api@${digest.api.replace(':', '=')}`);
    mkdirSync(sigDir, { recursive: true });
    skopeo('standalone-sign', '-o', join(sigDir, 'signature-1'), manifest, `${REG}/apps/api:1`, fpr);
    // tool: unsigned.
    copy('build/tool:1', 'apps/tool:1');
    digest.tool = sha256(rawManifest(`${REG}/apps/tool:1`));
    expect(new Set(Object.values(digest)).size).toBe(3);

    // The policy every node is given out of band: only the release key, for this registry.
    const dir = join(bed.dir, 'policy');
    mkdirSync(join(dir, 'registries.d'), { recursive: true });
    writeFileSync(join(dir, 'release.gpg'), bed.run('gpg', ['--export', fpr]));
    const policy = JSON.stringify({
      default: [{ type: 'reject' }],
      transports: {
        docker: { [REG]: [{ type: 'signedBy', keyType: 'GPGKeys', keyPath: 'release.gpg' }] },
      },
    });
    writeFileSync(join(dir, 'policy.json'), policy);
    writeFileSync(
      join(dir, 'registries.d', 'lookaside.yaml'),
      `docker:\n  ${REG}:\n    lookaside: ${bed.lookasideUrl}\n`,
    );
    policyDigest = (await parsePolicy(policy, { baseDir: dir })).digest;

    nodes = [1, 2, 3].map((i) =>
      cluster.add({
        name: i === 1 ? 'm1' : `w${i - 1}`,
        address: `127.0.5.${i}`,
        daemonArgs: [
          '--executor',
          'docker',
          '--docker-host',
          engine.host,
          '--image-policy',
          join(dir, 'policy.json'),
          '--web',
          `127.0.5.${i}:${WEB_PORT}`,
          '--web-token-file',
          join(cluster.root, `web-token-${i}`),
        ],
      }),
    );
    m1 = nodes[0]!;
    await Promise.all(nodes.map((n) => n.start()));
    await formCluster(m1, [], [nodes[1]!, nodes[2]!]);
    ids = await nodeIds(m1);
  }, 240_000);

  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster));

  afterAll(async () => {
    await cluster.destroy();
    await tb?.cleanup();
    await bed.close();
  }, 120_000);

  const ps = (service: string) => m1.json<TaskView[]>(['service', 'ps', '--no-trunc', service]);
  /** Containers of this cluster's nodes in the engine, with their image. */
  const containers = async () =>
    (await engine.docker.listContainers({ all: true, filters: JSON.stringify({ label: [LABEL_NODE] }) })).map(
      (c) => ({ image: c.Image, imageId: c.ImageID, node: c.Labels[LABEL_NODE] ?? '' }),
    );
  /** Whether the engine holds the image with this manifest digest (anything pulled by it). */
  const pulled = async (d: string) =>
    (await engine.docker.listImages()).some((i) => (i.RepoDigests ?? []).some((r) => r.endsWith(`@${d}`)));
  /** Waits until every node has a REJECTED task of `service`; returns them, one per node. */
  const rejectedOnEveryNode = async (service: string, reason: RegExp) => {
    const byNode = await waitFor(
      `a rejected ${service} task on every node`,
      async () => {
        const rejected = (await ps(service)).filter((t) => t.currentState === 'rejected');
        const m = new Map(rejected.map((t) => [t.nodeHostname, t] as const));
        return m.size === nodes.length ? m : undefined;
      },
      90_000,
    );
    for (const n of nodes) expect(byNode.get(n.name)?.error, n.name).toMatch(reason);
    expect((await ps(service)).filter((t) => t.currentState === 'running')).toEqual([]);
    return [...byNode.values()];
  };
  /** The `image rejected` events in a node's log. */
  const rejectionEvents = (n: LocalNode) =>
    n.log
      .split('\n')
      .filter((l) => l.includes('"image rejected"'))
      .map(
        (l) => JSON.parse(l) as { msg: string; taskId: string; image: string; code: string; reason: string },
      );
  /** `swarm_image_verifications_total{result}` from a node's /metrics. */
  const verifications = async (n: LocalNode, result: 'verified' | 'rejected') => {
    const i = nodes.indexOf(n) + 1;
    const token = readFileSync(join(cluster.root, `web-token-${i}`), 'utf8').trim();
    const res = await fetch(`http://${n.address}:${WEB_PORT}/metrics`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(5000),
    });
    expect(res.status).toBe(200);
    const line = (await res.text())
      .split('\n')
      .find((l) => l.startsWith(`swarm_image_verifications_total{result="${result}"}`));
    if (line === undefined)
      throw new Error(`${n.name}: no swarm_image_verifications_total{result="${result}"}`);
    return Number(line.split(' ').at(-1));
  };

  it('shows each node the digest of its policy, never the policy', async () => {
    for (const n of nodes) {
      const info = await n.json<InfoResult>(['info']);
      expect(info.imagePolicyDigest).toBe(policyDigest);
      expect(await n.ok(['info'])).toContain(` Image Policy: ${policyDigest}`);
    }
    expect(await m1.ok(['node', 'inspect', '--pretty', 'w2'])).toMatch(
      new RegExp(`Image Policy:\\s+${policyDigest}`),
    );
    expect(JSON.stringify(await m1.json(['node', 'inspect', 'w1', 'w2', 'm1']))).not.toContain(fpr);
  });

  it('runs the two signed services, each pinned by digest and pulled by it', async () => {
    await m1.ok([
      'service',
      'create',
      '--detach',
      '--name',
      'web',
      '--mode',
      'global',
      `${REG}/apps/web:1`,
      ...SLEEP,
    ]);
    await m1.ok([
      'service',
      'create',
      '--detach',
      '--name',
      'api',
      '--replicas',
      '2',
      `${REG}/apps/api:1`,
      ...SLEEP,
    ]);
    for (const [service, want] of [
      ['web', 3],
      ['api', 2],
    ] as const)
      await waitFor(
        `${want} ${service} tasks running`,
        async () => (await ps(service)).filter((t) => t.currentState === 'running').length === want,
        120_000,
      );
    const inspect = async (s: string) =>
      (
        await m1.json<{ spec?: { task?: { container?: { image?: string } } } }[]>(['service', 'inspect', s])
      )[0]?.spec?.task?.container?.image;
    expect(await inspect('web')).toBe(`${REG}/apps/web:1@${digest.web}`);
    expect(await inspect('api')).toBe(`${REG}/apps/api:1@${digest.api}`);
    const running = await containers();
    expect(running.filter((c) => c.image === `${REG}/apps/web:1@${digest.web}`)).toHaveLength(3);
    expect(running.filter((c) => c.image === `${REG}/apps/api:1@${digest.api}`)).toHaveLength(2);
    expect(await pulled(digest.web)).toBe(true);
    expect(await pulled(digest.api)).toBe(true);
    for (const n of nodes) expect(await verifications(n, 'verified')).toBeGreaterThanOrEqual(1);
  }, 180_000);

  it('rejects the unsigned image on every node, with the reason in service ps; nothing pulled or started', async () => {
    await m1.ok([
      'service',
      'create',
      '--detach',
      '--name',
      'tool',
      '--mode',
      'global',
      `${REG}/apps/tool:1`,
      ...SLEEP,
    ]);
    const rejected = await rejectedOnEveryNode('tool', NOT_SIGNED);
    for (const t of rejected) expect(t.error).toContain(`${REG}/apps/tool:1@${digest.tool}`);
    expect(await m1.ok(['service', 'ps', '--no-trunc', 'tool'])).toMatch(NOT_SIGNED);
    // An event and a metric on each node, for its own task.
    for (const n of nodes) {
      const mine = rejected.find((t) => t.nodeHostname === n.name)!;
      const events = rejectionEvents(n).filter((e) => e.taskId === mine.id);
      expect(events.length, n.name).toBeGreaterThanOrEqual(1);
      expect(events[0]).toMatchObject({
        code: 'IMAGE_NOT_SIGNED',
        image: `${REG}/apps/tool:1@${digest.tool}`,
      });
      expect(await verifications(n, 'rejected')).toBeGreaterThanOrEqual(1);
    }
    expect(await pulled(digest.tool)).toBe(false);
    expect((await containers()).filter((c) => c.image.includes('apps/tool'))).toEqual([]);
  }, 150_000);

  it('does not run the unsigned bytes when a signed tag is moved to them in the registry', async () => {
    // The attacker re-tags apps/web:1 to the unsigned image: no signature covers that digest.
    skopeo(
      'copy',
      '--quiet',
      '--src-tls-verify=false',
      '--dest-tls-verify=false',
      `docker://${REG}/apps/tool:1`,
      `docker://${REG}/apps/web:1`,
    );
    expect(sha256(rawManifest(`${REG}/apps/web:1`))).toBe(digest.tool);
    await m1.ok([
      'service',
      'create',
      '--detach',
      '--name',
      'moved',
      '--mode',
      'global',
      `${REG}/apps/web:1`,
      ...SLEEP,
    ]);
    const rejected = await rejectedOnEveryNode('moved', NOT_SIGNED);
    for (const t of rejected) expect(t.error).toContain(`${REG}/apps/web:1@${digest.tool}`);
    // Nor when the manager is told not to pin it: the tag alone is refused on every node.
    await m1.ok([
      'service',
      'create',
      '--detach',
      '--no-resolve-image',
      '--name',
      'unpinned',
      '--mode',
      'global',
      `${REG}/apps/web:1`,
      ...SLEEP,
    ]);
    await rejectedOnEveryNode('unpinned', /is not pinned by digest/);
    // The service created before the move keeps running the signed bytes it was pinned to.
    expect((await ps('web')).filter((t) => t.currentState === 'running')).toHaveLength(3);
    expect(await pulled(digest.tool)).toBe(false);
    for (const s of ['moved', 'unpinned', 'tool']) await m1.ok(['service', 'rm', s]);
  }, 200_000);

  it('a task written straight into the store with the manager’s own credentials is run by no worker; each says why', async () => {
    const image = `${REG}/apps/tool:1@${digest.tool}`;
    const before = Object.fromEntries(
      await Promise.all(nodes.map(async (n) => [n.name, await verifications(n, 'rejected')] as const)),
    );
    // The manager's daemon dies (its containers keep running); its own data key, raft ID and log
    // commit the forged write.
    await m1.stop('SIGKILL');
    const serviceId = generateId();
    const forged: string[] = [];
    await forgeStoreWrite(m1.dataDir, (tx) => {
      const spec = swarm.ServiceSpec.create({
        annotations: { name: 'forged' },
        task: { container: { image, args: SLEEP } },
        global: {},
      });
      tx.create(
        'service',
        swarm.Service.create({
          id: serviceId,
          spec,
          specVersion: toLong(1n),
          endpoint: { spec: { ports: [] }, ports: [] },
        }),
      );
      for (const nodeId of Object.values(ids)) {
        const id = generateId();
        forged.push(id);
        tx.create(
          'task',
          swarm.Task.create({
            id,
            serviceId,
            nodeId,
            desiredState: swarm.TaskState.RUNNING,
            spec: spec.task ?? null,
            serviceAnnotations: { name: 'forged' },
            status: { state: swarm.TaskState.ASSIGNED, message: 'forged' },
          }),
        );
      }
    });
    await m1.start();
    await waitFor(
      'the forged tasks reported by their nodes',
      async () => {
        const tasks = await ps('forged');
        return forged.every((id) => tasks.find((t) => t.id === id)?.currentState === 'rejected');
      },
      120_000,
    );
    const tasks = await ps('forged');
    for (const id of forged) {
      const t = tasks.find((x) => x.id === id)!;
      expect(t.error, t.nodeHostname).toMatch(NOT_SIGNED);
      expect(t.nodeId).toBe(ids[t.nodeHostname]);
      const n = nodes.find((x) => x.name === t.nodeHostname)!;
      expect(
        rejectionEvents(n).some((e) => e.taskId === id && e.code === 'IMAGE_NOT_SIGNED'),
        n.name,
      ).toBe(true);
    }
    expect(new Set(forged.map((id) => tasks.find((t) => t.id === id)?.nodeHostname))).toEqual(
      new Set(Object.keys(ids)),
    );
    for (const n of nodes)
      expect(await verifications(n, 'rejected')).toBeGreaterThan(n === m1 ? 0 : before[n.name]!);
    expect((await ps('forged')).filter((t) => t.currentState === 'running')).toEqual([]);
    expect(await pulled(digest.tool)).toBe(false);
    expect((await containers()).filter((c) => c.image === image)).toEqual([]);
    // The signed services are still running everywhere: m1's containers, verified again, re-adopted
    // after its restart (the executor's leftovers reach it through the verifying wrapper).
    expect(m1.log).toContain('re-adopted a running container');
    await waitFor(
      'web running on every node again',
      async () => (await ps('web')).filter((t) => t.currentState === 'running').length === 3,
      60_000,
    );
    expect((await containers()).filter((c) => c.image === `${REG}/apps/web:1@${digest.web}`)).toHaveLength(3);
  }, 240_000);
});
