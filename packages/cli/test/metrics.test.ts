// /metrics on a running cluster: three managers as daemon processes on 127.0.0.84-86, each with
// `--web`, a 3-replica service, and every manager scraped over HTTP with its token. Checks that
// each series exists with sane values, and that the histograms are well formed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TaskView } from '@swarm/node/control';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, waitFor } from '../src/testing.js';
import { dumpLogsOnFailure } from './e2e/helpers.js';

const WEB_PORT = 18481;
const DAY = 86_400;

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A small parser of the Prometheus text format (what prom-client writes: no escapes in our labels). */
function parse(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const t = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (t) {
      types.set(t[1]!, t[2]!);
      continue;
    }
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a Prometheus sample line: ${JSON.stringify(line)}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="([^"]*)"/g)) labels[l[1]!] = l[2]!;
    const value = m[3] === '+Inf' ? Number.POSITIVE_INFINITY : Number(m[3]);
    expect(Number.isNaN(value), line).toBe(false);
    samples.push({ name: m[1]!, labels, value });
  }
  return { samples, types };
}

class Scrape {
  readonly samples: Sample[];
  readonly types: Map<string, string>;
  constructor(
    readonly node: string,
    text: string,
  ) {
    ({ samples: this.samples, types: this.types } = parse(text));
  }
  /** The one sample of `name` with these labels; fails when absent. */
  value(name: string, labels: Record<string, string> = {}): number {
    const s = this.samples.find(
      (x) =>
        x.name === name &&
        Object.keys(labels).length === Object.keys(x.labels).length &&
        Object.entries(labels).every(([k, v]) => x.labels[k] === v),
    );
    if (s === undefined) throw new Error(`${this.node}: no sample ${name}${JSON.stringify(labels)}`);
    return s.value;
  }
  /** Checks a histogram: cumulative buckets ending in +Inf = count, and a sum. */
  histogram(name: string): { count: number; sum: number } {
    expect(this.types.get(name), name).toBe('histogram');
    const buckets = this.samples.filter((s) => s.name === `${name}_bucket`);
    expect(buckets.length, name).toBeGreaterThan(2);
    for (let i = 1; i < buckets.length; i++)
      expect(buckets[i]!.value, `${name} buckets are cumulative`).toBeGreaterThanOrEqual(
        buckets[i - 1]!.value,
      );
    const count = this.value(`${name}_count`);
    expect(buckets.at(-1)!.labels.le).toBe('+Inf');
    expect(buckets.at(-1)!.value).toBe(count);
    const sum = this.value(`${name}_sum`);
    expect(sum).toBeGreaterThanOrEqual(0);
    return { count, sum };
  }
}

describe('/metrics on a running cluster', () => {
  const cluster = new LocalCluster();
  let managers: LocalNode[] = [];
  const tokens = new Map<LocalNode, string>();
  const REPLICAS = 3;

  async function scrape(n: LocalNode, token = tokens.get(n)!): Promise<{ status: number; text: string }> {
    const res = await fetch(`http://${n.address}:${WEB_PORT}/metrics`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(5000),
    });
    return { status: res.status, text: await res.text() };
  }
  const scrapeAll = async () =>
    Promise.all(
      managers.map(async (n) => {
        const r = await scrape(n);
        expect(r.status).toBe(200);
        return new Scrape(n.name, r.text);
      }),
    );

  beforeAll(async () => {
    managers = ['127.0.0.84', '127.0.0.85', '127.0.0.86'].map((address, i) =>
      cluster.add({
        name: `m${i + 1}`,
        address,
        daemonArgs: [
          '--heartbeat-period',
          '1s',
          '--web',
          `${address}:${WEB_PORT}`,
          '--web-token-file',
          join(cluster.root, `m${i + 1}.web-token`),
        ],
      }),
    );
    await Promise.all(managers.map((n) => n.start()));
    for (const n of managers)
      tokens.set(n, readFileSync(join(cluster.root, `${n.name}.web-token`), 'utf8').trim());
    const [m1, ...others] = managers as [LocalNode, ...LocalNode[]];
    await m1.ok(['init', '--listen-addr', m1.addr]);
    const managerToken = (await m1.ok(['join-token', '-q', 'manager'])).trim();
    for (const n of others) await n.ok(['join', '--token', managerToken, '--listen-addr', n.addr, m1.addr]);
    await waitFor('three ready managers', async () => {
      const nodes = await m1.json<{ status: string; role: string }[]>(['node', 'ls']);
      return nodes.length === 3 && nodes.every((n) => n.status === 'ready' && n.role === 'manager');
    });
    await m1.ok([
      'service',
      'create',
      '--name',
      'metrics-web',
      '--replicas',
      String(REPLICAS),
      '--',
      'node',
      '-e',
      'setInterval(() => {}, 1 << 30)',
    ]);
    await waitFor(
      `${REPLICAS} running tasks`,
      async () =>
        (await m1.json<TaskView[]>(['service', 'ps', 'metrics-web'])).filter(
          (t) => t.currentState === 'running' && t.desiredState === 'running',
        ).length === REPLICAS,
      60_000,
    );
  }, 120_000);

  afterAll(async () => {
    await cluster.destroy();
  }, 60_000);

  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster));

  it('needs the token', async () => {
    for (const n of managers) {
      expect((await scrape(n, 'not-the-token-0123456789')).status).toBe(401);
      const res = await fetch(`http://${n.address}:${WEB_PORT}/metrics`, {
        signal: AbortSignal.timeout(5000),
      });
      expect(res.status).toBe(401);
    }
  });

  it('reports raft term, one leader, commit and applied indexes on every manager', async () => {
    // Every manager's store has caught up with the service's tasks.
    const scrapes = await waitFor('every manager to see the running tasks', async () => {
      const all = await scrapeAll();
      return all.every((s) => s.value('swarm_tasks', { state: 'running' }) === REPLICAS) && all;
    });
    let leaders = 0;
    for (const s of scrapes) {
      expect(s.types.get('swarm_raft_term')).toBe('gauge');
      expect(s.value('swarm_raft_term'), s.node).toBeGreaterThanOrEqual(1);
      const leader = s.value('swarm_raft_leader');
      expect([0, 1]).toContain(leader);
      leaders += leader;
      const commit = s.value('swarm_raft_commit_index');
      const applied = s.value('swarm_raft_applied_index');
      expect(applied, s.node).toBeGreaterThan(0);
      expect(commit, s.node).toBeGreaterThanOrEqual(applied);
    }
    expect(leaders).toBe(1);
    expect(new Set(scrapes.map((s) => s.value('swarm_raft_term'))).size).toBe(1);
  });

  it('counts nodes by status and tasks by state', async () => {
    for (const s of await scrapeAll()) {
      expect(s.value('swarm_nodes', { status: 'ready' }), s.node).toBe(3);
      expect(s.value('swarm_nodes', { status: 'down' })).toBe(0);
      expect(s.value('swarm_tasks', { state: 'running' }), s.node).toBe(REPLICAS);
      expect(s.value('swarm_tasks', { state: 'failed' })).toBe(0);
      const total = s.samples.filter((x) => x.name === 'swarm_tasks').reduce((a, x) => a + x.value, 0);
      expect(total).toBeGreaterThanOrEqual(REPLICAS);
    }
  });

  it('times raft proposals and dispatcher heartbeats', async () => {
    const leader = await waitFor('the leader to handle heartbeats', async () => {
      const l = (await scrapeAll()).find((s) => s.value('swarm_raft_leader') === 1);
      return l !== undefined && l.histogram('swarm_dispatcher_heartbeat_seconds').count > 0 && l;
    });
    const p = leader.histogram('swarm_raft_proposal_seconds');
    expect(p.count).toBeGreaterThan(0);
    expect(p.sum / p.count).toBeLessThan(10);
    const h = leader.histogram('swarm_dispatcher_heartbeat_seconds');
    expect(h.sum / h.count).toBeLessThan(1);
    for (const s of await scrapeAll()) {
      s.histogram('swarm_raft_proposal_seconds');
      s.histogram('swarm_dispatcher_heartbeat_seconds');
    }
  });

  it("reports the node certificate's expiry (90 days by default)", async () => {
    for (const s of await scrapeAll()) {
      const expiry = s.value('swarm_node_certificate_expiry_seconds');
      expect(expiry, s.node).toBeGreaterThan(0);
      expect(expiry, s.node).toBeLessThanOrEqual(90 * DAY);
      expect(expiry, s.node).toBeGreaterThan(89 * DAY);
    }
  });
});
