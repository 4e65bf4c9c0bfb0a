// Secrets and security zones on real daemons (127.0.0.130-134). A scripted history moves tasks
// between workers while a sampler reads, from outside, what every worker holds (its tmpfs secret
// directory /dev/shm/swarm-<nodeId>): a worker never holds a secret no task of its ever needed,
// and once the history settles it holds exactly what its running tasks need. A canary scan then
// finds no secret byte under any node's data directory or in any daemon log. Zone pci: its tasks
// run only on the node the manager put in the zone, never on a node claiming the zone itself
// (engine label, hostname), and an unzoned task never runs on the zoned node.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseCertificates } from '@swarm/ca';
import type { NodeView, TaskView } from '@swarm/node/control';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, waitFor } from '../src/testing.js';
import { dumpLogsOnFailure, formCluster, IDLE, identityOf, nodeIds, runningTasks } from './e2e/helpers.js';

/** Every regular file under `dir` (missing: none). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

const TERMINAL = new Set(['shutdown', 'complete', 'failed', 'rejected', 'orphaned', 'remove']);

describe('secrets stay within need; zones hold', () => {
  const cluster = new LocalCluster();
  let m1: LocalNode;
  let workers: LocalNode[];
  let pci: LocalNode;
  let ids: Record<string, string> = {};
  const canary: Record<string, string> = {
    s_a: `CANARY-A-${randomBytes(12).toString('hex')}`,
    s_b: `CANARY-B-${randomBytes(12).toString('hex')}`,
    s_c: `CANARY-C-${randomBytes(12).toString('hex')}`,
    s_pay: `CANARY-PAY-${randomBytes(12).toString('hex')}`,
  };
  /** Which secret each service references (updated as the script changes it; union over time). */
  const uses: Record<string, Set<string>> = {
    sa: new Set(['s_a']),
    sb: new Set(['s_b']),
    pay: new Set(['s_pay']),
  };
  /** Per node: the secrets some task of it ever needed. */
  const everNeeded: Record<string, Set<string>> = {};
  const violations: string[] = [];
  let samples = 0;
  let stop = false;
  let sampler: Promise<void> = Promise.resolve();

  function held(node: LocalNode): Set<string> {
    const out = new Set<string>();
    for (const f of filesUnder(`/dev/shm/swarm-${ids[node.name]}`)) {
      let text = '';
      try {
        text = readFileSync(f, 'utf8');
      } catch {
        continue; // removed while we looked
      }
      for (const [name, value] of Object.entries(canary)) if (text.includes(value)) out.add(name);
    }
    return out;
  }

  /** Tasks of every service (listed again when one is removed between the two calls). */
  async function allTasks(): Promise<TaskView[]> {
    for (let attempt = 0; ; attempt++) {
      const services = (await m1.json<Array<{ name: string }>>(['service', 'ls'])).map((s) => s.name);
      if (services.length === 0) return [];
      const r = await m1.swarm(['service', 'ps', ...services, '--format', 'json']);
      if (r.code === 0) return JSON.parse(r.stdout) as TaskView[];
      if (attempt >= 5 || !r.stderr.includes('service not found'))
        throw new Error(`service ps failed: ${r.stderr}`);
    }
  }

  /** Scan first, then read the tasks: whatever a worker held was assigned before the read. */
  async function sampleOnce(): Promise<void> {
    const scanned = Object.fromEntries([...workers, pci].map((w) => [w.name, held(w)] as const));
    const tasks = await allTasks();
    for (const t of tasks) {
      const service = t.name.split('.')[0]!;
      for (const s of uses[service] ?? []) (everNeeded[t.nodeHostname] ??= new Set()).add(s);
    }
    for (const [node, secrets] of Object.entries(scanned))
      for (const s of secrets)
        if (!everNeeded[node]?.has(s)) violations.push(`${node} held ${s} with no task that needs it`);
    samples++;
  }

  /** Once settled: each worker holds exactly the secrets of its running tasks. */
  async function expectExactlyNeeded(): Promise<void> {
    await waitFor(
      'every worker holding exactly what its running tasks need',
      async () => {
        const tasks = (await allTasks()).filter(
          (t) => !TERMINAL.has(t.currentState) || t.desiredState === 'running',
        );
        for (const w of [...workers, pci]) {
          const need = new Set(
            tasks
              .filter((t) => t.nodeHostname === w.name)
              .flatMap((t) => [...(uses[t.name.split('.')[0]!] ?? [])]),
          );
          const has = held(w);
          if (need.size !== has.size || [...need].some((s) => !has.has(s))) return false;
        }
        return true;
      },
      60_000,
      250,
    );
  }

  async function settle(service: string, replicas: number, where: (t: TaskView) => boolean): Promise<void> {
    await waitFor(
      `${service}: ${replicas} running where expected`,
      async () => {
        const r = await runningTasks(m1, service);
        return r.length === replicas && r.every(where);
      },
      60_000,
    );
  }

  beforeAll(async () => {
    m1 = cluster.add({ name: 'm1', address: '127.0.0.130' });
    workers = [
      cluster.add({ name: 'w1', address: '127.0.0.131' }),
      cluster.add({ name: 'w2', address: '127.0.0.132' }),
      cluster.add({ name: 'w3', address: '127.0.0.133' }),
    ];
    // Claims the zone about itself: an engine label and the hostname.
    pci = cluster.add({ name: 'pci', address: '127.0.0.134', daemonArgs: ['--label', 'swarm.zone=pci'] });
    await Promise.all(cluster.nodes.map((n) => n.start()));
    await formCluster(m1, [], [...workers, pci], ['--availability', 'drain']);
    ids = await nodeIds(m1);
    for (const [name, value] of Object.entries(canary)) await m1.ok(['secret', 'create', name, '-'], value);
    sampler = (async () => {
      while (!stop) {
        await sampleOnce().catch((e: Error) => violations.push(`sampler: ${e.message}`));
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
  }, 120_000);

  afterAll(async () => {
    stop = true;
    await sampler;
    await cluster.destroy();
  }, 60_000);

  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster));

  it('a scripted history moves tasks; every worker holds only what its tasks need, then exactly that', async () => {
    const on = (n: string) => (t: TaskView) => t.nodeHostname === n;
    await m1.ok([
      'service',
      'create',
      '--name',
      'sa',
      '--secret',
      's_a',
      '--constraint',
      'node.hostname==w1',
      '--',
      ...IDLE,
    ]);
    await m1.ok([
      'service',
      'create',
      '--name',
      'sb',
      '--secret',
      's_b',
      '--constraint',
      'node.hostname==w2',
      '--',
      ...IDLE,
    ]);
    await settle('sa', 1, on('w1'));
    await settle('sb', 1, on('w2'));
    await expectExactlyNeeded();
    // sa moves w1 -> w3.
    await m1.ok([
      'service',
      'update',
      '--constraint-rm',
      'node.hostname==w1',
      '--constraint-add',
      'node.hostname==w3',
      'sa',
    ]);
    await settle('sa', 1, on('w3'));
    await expectExactlyNeeded();
    // sb moves w2 -> w1, then stops needing its secret.
    await m1.ok([
      'service',
      'update',
      '--constraint-rm',
      'node.hostname==w2',
      '--constraint-add',
      'node.hostname==w1',
      'sb',
    ]);
    await settle('sb', 1, on('w1'));
    await expectExactlyNeeded();
    // sb stops needing s_b: from now on no task of sb does (the history keeps what was needed).
    uses.sb = new Set();
    await m1.ok(['service', 'update', '--secret-rm', 's_b', 'sb']);
    await expectExactlyNeeded();
    // Scale sa across w2 and w3 and back; drain w3.
    await m1.ok([
      'service',
      'update',
      '--constraint-rm',
      'node.hostname==w3',
      '--replicas-max-per-node',
      '1',
      'sa',
    ]);
    await m1.ok(['service', 'scale', 'sa=3']);
    await settle('sa', 3, () => true);
    await m1.ok(['node', 'update', '--availability', 'drain', 'w3']);
    await settle('sa', 3, (t) => t.nodeHostname !== 'w3');
    await expectExactlyNeeded();
    await m1.ok(['service', 'rm', 'sa']);
    await expectExactlyNeeded();
    expect(samples).toBeGreaterThan(20);
    expect(violations).toEqual([]);
    // s_c, used by no service, never reached any worker.
    for (const w of [...workers, pci]) expect(everNeeded[w.name]?.has('s_c') ?? false).toBe(false);
  }, 300_000);

  it('zone pci: only the node the manager put in the zone runs its tasks; self-claims get nothing', async () => {
    await m1.ok(['node', 'update', '--label-add', 'swarm.zone=pci', 'w2']);
    await waitFor(
      'w2 certificate in zone pci',
      async () => {
        const n = await m1.json<NodeView | NodeView[]>(['node', 'inspect', 'w2']);
        return (Array.isArray(n) ? n[0]! : n).zone === 'pci';
      },
      30_000,
    );
    // A zone read from engine labels, or "!=" on the zone, is refused outright.
    for (const c of ['engine.labels.swarm.zone==pci', 'node.labels.swarm.zone!=pci']) {
      const r = await m1.swarm(['service', 'create', '--name', 'bad', '--constraint', c, '--', ...IDLE]);
      expect(r.code, c).not.toBe(0);
      expect(r.stderr, c).toContain('invalid security-zone constraint');
    }
    await m1.ok(['node', 'update', '--availability', 'active', 'w3']);
    await m1.ok([
      'service',
      'create',
      '--name',
      'pay',
      '--replicas',
      '4',
      '--secret',
      's_pay',
      '--constraint',
      'node.labels.swarm.zone==pci',
      '--',
      ...IDLE,
    ]);
    await m1.ok(['service', 'create', '--name', 'plain', '--mode', 'global', '--', ...IDLE]);
    await settle('pay', 4, (t) => t.nodeHostname === 'w2');
    // Global unzoned work: every active worker but the zoned one.
    await settle('plain', 3, (t) => t.nodeHostname !== 'w2');
    await expectExactlyNeeded();
    // The self-claiming node: no zone in its certificate, no zoned task, no zoned secret.
    expect(parseCertificates(identityOf(pci).chainPem)[0]!.zone).toBeUndefined();
    expect(everNeeded.pci?.has('s_pay') ?? false).toBe(false);
    // Taking w2 out of the zone: pay waits rather than leave the zone.
    await m1.ok(['node', 'update', '--label-rm', 'swarm.zone', 'w2']);
    await waitFor('no pay task running', async () => (await runningTasks(m1, 'pay')).length === 0, 60_000);
    await new Promise((r) => setTimeout(r, 2000));
    expect((await runningTasks(m1, 'pay')).length).toBe(0);
    const all = await allTasks();
    const outside = all.filter(
      (t) => t.name.startsWith('pay.') && t.nodeHostname !== '' && t.nodeHostname !== 'w2',
    );
    expect(outside).toEqual([]);
    await expectExactlyNeeded();
    expect(violations).toEqual([]);
  }, 240_000);

  it('canary scan: no secret byte under any data directory or in any daemon log', async () => {
    stop = true;
    await sampler;
    const forms = (v: string) => [v, Buffer.from(v).toString('base64'), Buffer.from(v).toString('hex')];
    const hits: string[] = [];
    for (const f of filesUnder(cluster.root)) {
      if (statSync(f).size > 64 * 1024 * 1024) continue;
      const bytes = readFileSync(f);
      for (const [name, v] of Object.entries(canary))
        for (const form of forms(v)) if (bytes.includes(form)) hits.push(`${f}: ${name}`);
    }
    for (const n of cluster.nodes)
      for (const [name, v] of Object.entries(canary))
        for (const form of forms(v)) if (n.log.includes(form)) hits.push(`log of ${n.name}: ${name}`);
    expect(hits).toEqual([]);
    // The tmpfs directories of the workers hold nothing now that no task needs a secret... except
    // plain/sb, which need none.
    for (const w of [...workers, pci]) expect([...held(w)], w.name).toEqual([]);
  });
});
