// Service networking with the sandbox executor (issue 23): two `swarm daemon --executor sandbox`,
// each in a network namespace of its own (bridge names are per namespace), joined by a LAN the
// test makes (192.168.20.1-2). A 2-replica `db` (busybox httpd answering its slot) and a
// 2-replica `api` on network `app`; each api task probes every second, from inside its sandbox,
// what `db` and `tasks.db` resolve to (the node's resolver on its bridge gateway) and what
// http://db/ answers (the VIP, through the relay for the db task on the other node), and prints
// it to its log (read with `swarm service logs`). A `web` service on network `other` gets NXDOMAIN.
// Needs root; run it in `unshare -n` (the LAN's namespaces are made by the test).

import type { TaskView } from '@swarm/node/control';
import { Testbed } from '@swarm/testbed';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, waitFor } from '../src/testing.js';
import { dumpLogsOnFailure, formCluster } from './e2e/helpers.js';

const SUBNET = '192.168.20';
const DB = [
  'sh',
  '-c',
  'mkdir -p /tmp/www && echo "db.$SWARM_TASK_SLOT" > /tmp/www/index.html && exec busybox httpd -f -p 80 -h /tmp/www',
];
/** Every second: `probe {"db":..., "tasks":..., "body":...}` (addresses, or the resolver's error code). */
const PROBE = `
const dns = require('dns').promises, http = require('http');
const target = process.env.TARGET || 'db';
const get = () => new Promise((r) => {
  const q = http.get({ host: target, port: 80, path: '/', timeout: 3000 }, (s) => {
    let b = ''; s.on('data', (d) => (b += d)); s.on('end', () => r(b.trim()));
  });
  q.on('error', (e) => r('ERR ' + e.code));
  q.on('timeout', () => { q.destroy(); r('ERR TIMEOUT'); });
});
const res = (n) => dns.resolve4(n).then((a) => a.sort(), (e) => e.code);
const tick = async () => console.log('probe ' + JSON.stringify({ db: await res('db'), tasks: await res('tasks.db'), body: await get() }));
setInterval(tick, 1000);
`;

interface Probe {
  db: string[] | string;
  tasks: string[] | string;
  body: string;
}

describe('service networking with the sandbox executor on two daemons in their own namespaces', () => {
  let tb: Testbed;
  const cluster = new LocalCluster();
  let nodes: LocalNode[];

  beforeAll(async () => {
    tb = await Testbed.create({ prefix: 'swsb' });
    const lan = await tb.lan('sb', 2, SUBNET, { pinned: true });
    nodes = lan.hosts.map((h, i) =>
      cluster.add({
        name: `s${i + 1}`,
        address: h.addr,
        netns: h.ns.path,
        daemonArgs: ['--executor', 'sandbox', '--heartbeat-period', '1s'],
      }),
    );
    await Promise.all(nodes.map((n) => n.start()));
    await formCluster(nodes[0]!, [], [nodes[1]!]);
  }, 180_000);

  afterEach(async (ctx) => {
    dumpLogsOnFailure(ctx, cluster);
  });

  afterAll(async () => {
    await cluster.destroy();
    await tb?.cleanup();
  }, 120_000);

  const running = async (service: string, n: number) =>
    waitFor(
      `${n} ${service} running`,
      async () => {
        const r = (await nodes[0]!.json<TaskView[]>(['service', 'ps', service])).filter(
          (t) => t.currentState === 'running' && t.desiredState === 'running',
        );
        return r.length === n ? r : undefined;
      },
      120_000,
    );
  const probes = async (t: TaskView): Promise<Probe[]> =>
    (await nodes[0]!.ok(['service', 'logs', '--raw', t.id]))
      .split('\n')
      .filter((l) => l.includes('probe {'))
      .map((l) => JSON.parse(l.slice(l.indexOf('probe {') + 6)) as Probe);

  let vip: string;

  it('api tasks resolve db to its VIP, list both db tasks with tasks.db, and reach both through the VIP', async () => {
    await nodes[0]!.ok(['network', 'create', 'app']);
    await nodes[0]!.ok(['network', 'create', 'other']);
    const svc = (name: string, network: string, extra: string[], argv: string[]) =>
      nodes[0]!.ok([
        'service',
        'create',
        '--detach',
        '--name',
        name,
        '--replicas',
        '2',
        '--network',
        network,
        '--stop-grace-period',
        '1s',
        ...extra,
        '--',
        ...argv,
      ]);
    await svc('db', 'app', ['--publish', '18080:80'], DB);
    const db = await running('db', 2);
    expect(new Set(db.map((t) => t.nodeId)).size).toBe(2);
    const dbAddrs = db.map((t) => t.networks?.[0]?.addresses[0]?.split('/')[0] ?? '').sort();
    const [inspected] = await nodes[0]!.json<{ endpoint?: { virtualIps?: { addr: string }[] } }[]>([
      'service',
      'inspect',
      'db',
    ]);
    vip = (inspected?.endpoint?.virtualIps?.[0]?.addr ?? '').split('/')[0]!;
    expect(vip).toMatch(/^10\.\d+\.\d+\.\d+$/);
    await svc('api', 'app', [], [process.execPath, '-e', PROBE]);
    const api = await running('api', 2);
    expect(new Set(api.map((t) => t.nodeId)).size).toBe(2);
    for (const t of api) {
      await waitFor(
        `api task ${t.id}: db resolves to the VIP, tasks.db lists both, both db tasks answer`,
        async () => {
          const ps = await probes(t);
          const last = ps.at(-1);
          if (last === undefined) return false;
          const bodies = new Set(ps.map((p) => p.body).filter((b) => /^db\.\d$/.test(b)));
          return (
            JSON.stringify(last.db) === JSON.stringify([vip]) &&
            JSON.stringify(last.tasks) === JSON.stringify(dbAddrs) &&
            bodies.size === 2
          );
        },
        90_000,
        1000,
      );
    }
  }, 360_000);

  it('gives a service on network other NXDOMAIN for db and tasks.db', async () => {
    await nodes[0]!.ok([
      'service',
      'create',
      '--detach',
      '--name',
      'web',
      '--replicas',
      '2',
      '--network',
      'other',
      '--env',
      `TARGET=${vip}`,
      '--',
      process.execPath,
      '-e',
      PROBE,
    ]);
    const web = await running('web', 2);
    for (const t of web) {
      const ps = await waitFor(
        `web task ${t.id} probed its resolver`,
        async () => {
          const all = await probes(t);
          return all.length >= 3 ? all : undefined;
        },
        60_000,
        1000,
      );
      // The resolver of network other answers, and knows nothing of app's names.
      for (const p of ps.slice(-2)) {
        expect(p.db).toBe('ENOTFOUND');
        expect(p.tasks).toBe('ENOTFOUND');
        // Nor does db's VIP answer it (slirp4netns's path to the node's addresses is closed).
        expect(p.body).toMatch(/^ERR /);
      }
    }
  }, 180_000);
});
