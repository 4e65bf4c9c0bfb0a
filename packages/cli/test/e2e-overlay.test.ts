// Service networking end to end (issue 23): three `swarm daemon`s, each with its own Docker Engine
// in its own network namespace, the namespaces joined by a LAN the test makes (192.168.23.1-3;
// the LAN's bridge namespace at .254), a registry on node 1 (192.168.23.1:5000). A 3-replica `api`
// and a 2-replica `db` (busybox httpd answering its task slot) on network `app`: from every `api`
// task, `db` resolves to its VIP and answers, `tasks.db` lists both tasks, requests spread over both;
// a capture of the LAN shows no plaintext of a request crossing between nodes; a service on
// network `other` cannot resolve or reach `db`; killing the node of a `db` task keeps `db` answering.
// Every address lives only inside namespaces the test made.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TaskView } from '@swarm/node/control';
import { type Engine, type Lan, Testbed } from '@swarm/testbed';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, waitFor } from '../src/testing.js';
import { dumpLogsOnFailure, formCluster, nodeIds } from './e2e/helpers.js';

const LABEL_TASK = 'io.swarm-core.task.id';
const SUBNET = '192.168.23';
const REGISTRY = `${SUBNET}.1:5000`;
const IMAGE = `${REGISTRY}/e2e/busybox:1`;
const DB = [
  'sh',
  '-c',
  'mkdir -p /www && echo "db.$SWARM_TASK_SLOT" > /www/index.html && exec httpd -f -p 80 -h /www',
];
const IDLE = ['sh', '-c', 'exec sleep 100000'];

interface Exec {
  code: number;
  out: string;
}

describe('service networking on three daemons, each with its own engine and namespace', () => {
  let tb: Testbed;
  let lan: Lan;
  const engines: Engine[] = [];
  const cluster = new LocalCluster();
  let nodes: LocalNode[];
  let ids: Record<string, string>;

  beforeAll(async () => {
    tb = await Testbed.create({ prefix: 'sw23' });
    // Pinned namespaces: a concurrent `ip netns add` elsewhere on the machine cannot hide them.
    lan = await tb.lan('ov', 3, SUBNET, { pinned: true });
    for (const [i, h] of lan.hosts.entries())
      engines.push(
        await tb.engine({
          name: `ov${i + 1}`,
          netns: h.ns,
          hostname: `ov${i + 1}`,
          args: [`--insecure-registry=${SUBNET}.0/24`],
        }),
      );
    await tb.registry({ name: 'ov', addr: REGISTRY, netns: lan.hosts[0]!.ns });
    await tb.busyboxImage(engines[0]!, 'busybox:local');
    await tb.tagImage(engines[0]!, 'busybox:local', IMAGE);
    await tb.pushImage(engines[0]!, IMAGE);
    nodes = lan.hosts.map((h, i) =>
      cluster.add({
        name: `o${i + 1}`,
        address: h.addr,
        netns: h.ns.path,
        daemonArgs: ['--executor', 'docker', '--docker-host', engines[i]!.host, '--heartbeat-period', '1s'],
      }),
    );
    await Promise.all(nodes.map((n) => n.start()));
    await formCluster(nodes[0]!, [], [nodes[1]!, nodes[2]!]);
    ids = await nodeIds(nodes[0]!);
  }, 300_000);

  afterEach(async (ctx) => {
    dumpLogsOnFailure(ctx, cluster);
    if (ctx.task.result?.state !== 'fail') return;
    for (const n of nodes)
      console.error(
        `--- ${n.name} network log\n${n.log
          .split('\n')
          .filter((l) => /"component":"(network|vip|relay|dns)"|network view/.test(l))
          .slice(-30)
          .join('\n')}`,
      );
    if (api !== undefined && db !== undefined && vip !== undefined)
      for (const t of api) {
        const h = lan.hosts[nodeIndex(t.nodeId)]!;
        const req = (host: string) =>
          `printf 'GET / HTTP/1.0\\r\\n\\r\\n' | busybox nc -w 3 ${host} 80; echo " exit=$?"`;
        console.error(`--- from ${t.id} on ${h.addr}`);
        for (const d of db)
          console.error(
            `task ${d.id}:`,
            (
              await exec(t, [
                'sh',
                '-c',
                req(
                  (
                    d as unknown as { networks?: { addresses: string[] }[] }
                  ).networks?.[0]?.addresses?.[0]?.split('/')[0] ?? '?',
                ),
              ])
            ).out,
          );
        console.error('vip:', (await exec(t, ['sh', '-c', req(vip)])).out);
        console.error(
          'vip from the node:',
          await h.ns.exec(['sh', '-c', req(vip)]).catch((e: Error) => e.message),
        );
      }
    // The data plane of each node as the kernel sees it.
    for (const h of lan.hosts) {
      const show = async (argv: string[]) => (await h.ns.exec(argv).catch((e: Error) => e.message)).trim();
      console.error(
        `--- ${h.addr}\n${await show(['ip', '-4', '-o', 'addr'])}\n${await show(['ss', '-ltnu'])}\n${await show(['iptables', '-S'])}\n${await show(['ip', 'route'])}`,
      );
    }
  }, 1_000_000);

  afterAll(async () => {
    await cluster.destroy();
    await tb?.cleanup();
  }, 180_000);

  const running = async (service: string) =>
    (await nodes[0]!.json<TaskView[]>(['service', 'ps', service])).filter(
      (t) => t.currentState === 'running' && t.desiredState === 'running',
    );
  const nodeIndex = (nodeId: string) => nodes.findIndex((n) => ids[n.name] === nodeId);
  /** `docker exec` of `argv` in the container of task `t`, through its node's engine. */
  const exec = async (t: TaskView, argv: string[]): Promise<Exec> => {
    const engine = engines[nodeIndex(t.nodeId)]!;
    const [c] = await engine.docker.listContainers({
      filters: JSON.stringify({ label: [`${LABEL_TASK}=${t.id}`] }),
    });
    if (c === undefined) throw new Error(`no container for task ${t.id}`);
    return new Promise((resolve) =>
      execFile(
        'docker',
        ['-H', engine.host, 'exec', c.Id, ...argv],
        { timeout: 60_000 },
        (err, stdout, stderr) =>
          resolve({
            code: err === null ? 0 : Number((err as { code?: number }).code ?? 1),
            out: stdout + stderr,
          }),
      ),
    );
  };
  const get = async (t: TaskView, host: string, path = '/') => {
    const r = await exec(t, ['sh', '-c', `printf 'GET ${path} HTTP/1.0\\r\\n\\r\\n' | nc -w 3 ${host} 80`]);
    const body = (r.out.split('\r\n\r\n')[1] ?? '').trim();
    if (body === '') console.error(`GET ${host}${path} from ${t.id} on ${t.nodeId}: ${r.code} ${r.out}`);
    return body;
  };
  const addressesOf = (out: string) =>
    [...out.matchAll(/Address(?: \d+)?:\s+(10\.\d+\.\d+\.\d+)/g)].map((m) => m[1]!).sort();

  let api: TaskView[];
  let db: TaskView[];
  let vip: string;

  it('runs api and db on network app: from every api task db resolves to its VIP, tasks.db lists both, and both answer', async () => {
    await nodes[0]!.ok(['network', 'create', 'app']);
    await nodes[0]!.ok(['network', 'create', 'other']);
    await nodes[0]!.ok([
      'service',
      'create',
      '--detach',
      '--name',
      'api',
      '--replicas',
      '3',
      '--network',
      'app',
      '--stop-grace-period',
      '1s',
      IMAGE,
      ...IDLE,
    ]);
    await waitFor('3 api running', async () => (await running('api')).length === 3, 120_000);
    await nodes[0]!.ok([
      'service',
      'create',
      '--detach',
      '--name',
      'db',
      '--replicas',
      '2',
      '--network',
      'app',
      '-p',
      '18080:80',
      '--stop-grace-period',
      '1s',
      IMAGE,
      ...DB,
    ]);
    db = await waitFor(
      '2 db running',
      async () => {
        const r = await running('db');
        return r.length === 2 ? r : undefined;
      },
      120_000,
    );
    api = await running('api');
    expect(new Set(db.map((t) => t.nodeId)).size).toBe(2);
    const [inspected] = await nodes[0]!.json<{ endpoint?: { virtualIps?: { addr: string }[] } }[]>([
      'service',
      'inspect',
      'db',
    ]);
    vip = (inspected?.endpoint?.virtualIps?.[0]?.addr ?? '').split('/')[0]!;
    expect(vip).toMatch(/^10\.\d+\.\d+\.\d+$/);
    const dbAddrs: string[] = [];
    for (const t of api) {
      const one = await waitFor(
        `db resolves in ${t.id}`,
        async () => {
          const r = await exec(t, ['nslookup', 'db']);
          return addressesOf(r.out).length > 0 ? addressesOf(r.out) : undefined;
        },
        60_000,
        500,
      );
      expect(one).toEqual([vip]);
      const all = await waitFor(
        `tasks.db lists both in ${t.id}`,
        async () => {
          const a = addressesOf((await exec(t, ['nslookup', 'tasks.db'])).out);
          return a.length === 2 ? a : undefined;
        },
        60_000,
        500,
      );
      dbAddrs.push(...all);
      expect(all).not.toContain(vip);
    }
    // Every api task sees the same two task addresses.
    expect(new Set(dbAddrs).size).toBe(2);
    // Requests from every api task spread over both db tasks (round robin over the VIP).
    for (const t of api) {
      const seen = new Set<string>();
      await waitFor(
        `both db tasks answer ${t.id}`,
        async () => {
          const body = await get(t, 'db');
          if (/^db\.\d$/.test(body)) seen.add(body);
          return seen.size === 2;
        },
        60_000,
        50,
      );
    }
    // The task addresses tasks.db gives are reachable too, from every node: a db task on another
    // node through the relay (as an overlay would carry it), the one on the caller's node directly.
    const byAddress = new Map(
      db.map((t) => [(t.networks?.[0]?.addresses?.[0] ?? '').split('/')[0]!, `db.${t.slot}`]),
    );
    expect([...byAddress.keys()].sort()).toEqual([...new Set(dbAddrs)].sort());
    for (const t of api)
      for (const [address, name] of byAddress)
        expect(
          await waitFor(
            `${address} answers ${t.id}`,
            async () => ((await get(t, address)) === name ? true : undefined),
            60_000,
            200,
          ),
        ).toBe(true);
  }, 420_000);

  it('shows no plaintext of a request crossing between two nodes (a control capture does see one)', async () => {
    // The api task on the node without a db task: every request it makes to db crosses the LAN.
    const dbNodes = new Set(db.map((t) => t.nodeId));
    const caller = api.find((t) => !dbNodes.has(t.nodeId));
    expect(caller).toBeDefined();
    const cap = await capture(tb, lan);
    const secret = `SECRET-${randomBytes(10).toString('hex')}`;
    for (let i = 0; i < 4; i++) {
      // httpd answers 404 for the path: the request went through the VIP and the relay.
      const r = await exec(caller!, [
        'sh',
        '-c',
        `printf 'GET /${secret} HTTP/1.0\\r\\n\\r\\n' | nc -w 3 db 80`,
      ]);
      expect(r.out).toMatch(/^HTTP\/1\.[01] 404/);
    }
    // The control: the same kind of request in clear over the LAN (to a published port).
    const plain = `PLAIN-${randomBytes(10).toString('hex')}`;
    const from = lan.hosts[nodeIndex(caller!.nodeId)]!;
    const to = lan.hosts[nodeIndex(db[0]!.nodeId)]!;
    await from.ns.exec([
      'sh',
      '-c',
      `printf 'GET /${plain} HTTP/1.0\\r\\n\\r\\n' | busybox nc -w 3 ${to.addr} 18080 || true`,
    ]);
    const pcap = await cap.stop(plain);
    expect(pcap.includes(plain)).toBe(true);
    expect(pcap.includes(secret)).toBe(false);
    // The relayed connections were captured: TLS on the data path port.
    expect(pcap.length).toBeGreaterThan(4_000);
  }, 180_000);

  it('keeps a service on network other from resolving or reaching db', async () => {
    await nodes[0]!.ok([
      'service',
      'create',
      '--detach',
      '--name',
      'web',
      '--replicas',
      '3',
      '--network',
      'other',
      '--stop-grace-period',
      '1s',
      IMAGE,
      ...IDLE,
    ]);
    const web = await waitFor(
      '3 web running',
      async () => {
        const r = await running('web');
        return r.length === 3 ? r : undefined;
      },
      120_000,
    );
    const dbAddrs = addressesOf((await exec(api[0]!, ['nslookup', 'tasks.db'])).out);
    for (const t of web) {
      const r = await exec(t, ['nslookup', 'db']);
      expect(addressesOf(r.out)).toEqual([]);
      expect(r.out).toMatch(/NXDOMAIN|can't resolve/i);
      expect(await get(t, vip)).toBe('');
      for (const a of dbAddrs) expect(await get(t, a)).toBe('');
    }
    // The control: an api task on app does reach the same addresses.
    expect(await get(api[0]!, vip)).toMatch(/^db\.\d$/);
  }, 240_000);

  it("keeps db answering when a db task's node is killed, and moves the task", async () => {
    // Stop a worker that runs a db task (node 1 leads the managers and stays).
    const victim = db.find((t) => nodeIndex(t.nodeId) !== 0)!;
    const vi = nodeIndex(victim.nodeId);
    const callers = api.filter((t) => nodeIndex(t.nodeId) !== vi);
    // Killed: its relay is gone at once while its db container keeps running on its engine.
    await nodes[vi]!.stop('SIGKILL');
    // From the first request on, db answers (the balancer skips the unreachable task).
    for (const t of callers)
      await waitFor(
        `db answers ${t.id} after the node stopped`,
        async () => /^db\.\d$/.test(await get(t, 'db')),
        30_000,
        100,
      );
    const moved = await waitFor(
      'db has 2 running tasks again, none on the stopped node',
      async () => {
        const r = await running('db');
        return r.length === 2 && r.every((t) => t.nodeId !== victim.nodeId) ? r : undefined;
      },
      120_000,
    );
    for (const t of callers) {
      const seen = new Set<string>();
      await waitFor(
        `both db tasks answer ${t.id} again`,
        async () => {
          const body = await get(t, 'db');
          if (/^db\.\d$/.test(body)) seen.add(body);
          return seen.size === 2;
        },
        60_000,
        50,
      );
    }
    expect(moved).toHaveLength(2);
  }, 300_000);
});

/** tcpdump on the LAN's bridge; `stop(sentinel)` waits until the sentinel is in the file. */
async function capture(tb: Testbed, lan: Lan): Promise<{ stop: (sentinel: string) => Promise<Buffer> }> {
  const file = join(tb.dir, `lan-${randomBytes(3).toString('hex')}.pcap`);
  const argv = lan.bridge.wrap([
    'tcpdump',
    '-i',
    'br0',
    '-s',
    '0',
    '-U',
    '-n',
    '-Z',
    'root',
    '-w',
    file,
    'tcp',
  ]);
  const p: ChildProcess = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  tb.defer('tcpdump', () => p.kill('SIGKILL'));
  await new Promise<void>((resolve, reject) => {
    let err = '';
    p.stderr!.on('data', (d) => {
      err += d;
      if (err.includes('listening on')) resolve();
    });
    p.once('exit', (code) => reject(new Error(`tcpdump exited with ${code}: ${err}`)));
  });
  return {
    stop: async (sentinel) => {
      await waitFor(
        'the capture has the sentinel',
        async () => existsSync(file) && readFileSync(file).includes(sentinel),
        30_000,
      );
      const exited = new Promise((r) => p.once('exit', r));
      p.kill('SIGINT');
      await exited;
      return readFileSync(file);
    },
  };
}
