// `pnpm bench node [--replicas 100] [--runs 3]`: a five-node cluster on loopback (three managers,
// two workers, each a `swarm daemon` process on 127.0.0.31-35), then `swarm service create
// --replicas N` through the CLI; the clock starts when the command returns and stops when the
// control API reports N tasks running (polled every 20 ms over the control socket). Goal: under
// 3 s for 100 replicas. Prints one JSON line.
import { ControlClient } from '@swarm/node/control';
import { LocalCluster, waitFor } from '../src/testing.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const replicas = arg('replicas', 100);
const runs = arg('runs', 3);
const cluster = new LocalCluster();
const nodes = [
  ['manager1', '127.0.0.31'],
  ['manager2', '127.0.0.32'],
  ['manager3', '127.0.0.33'],
  ['worker1', '127.0.0.34'],
  ['worker2', '127.0.0.35'],
].map(([name, address]) => cluster.add({ name: name!, address: address! }));
const m1 = nodes[0]!;

try {
  await Promise.all(nodes.map((n) => n.start()));
  await m1.ok(['init', '--listen-addr', m1.addr]);
  const wt = (await m1.ok(['join-token', '-q', 'worker'])).trim();
  const mt = (await m1.ok(['join-token', '-q', 'manager'])).trim();
  for (const n of nodes.slice(1))
    await n.ok(['join', '--token', n.name.startsWith('manager') ? mt : wt, '--listen-addr', n.addr, m1.addr]);
  const api = new ControlClient(`unix://${m1.dataDir}/swarm.sock`);
  await waitFor(
    'five ready nodes',
    async () => {
      const ls = await api.nodeList();
      return ls.length === 5 && ls.every((n) => n.status === 'ready');
    },
    60_000,
  );

  const times: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const name = `bench${run}`;
    await m1.ok([
      'service',
      'create',
      '--detach',
      '--name',
      name,
      '--replicas',
      String(replicas),
      '--',
      '/bin/sleep',
      'infinity',
    ]);
    const t0 = performance.now();
    await waitFor(
      `${replicas} running`,
      async () => (await api.serviceInspect({ id: name })).running === replicas,
      60_000,
      20,
    );
    times.push(performance.now() - t0);
    const perNode = new Map<string, number>();
    for (const t of await api.servicePs({ id: name }))
      perNode.set(t.nodeHostname, (perNode.get(t.nodeHostname) ?? 0) + 1);
    await m1.ok(['service', 'rm', name]);
    await waitFor(
      'tasks gone',
      async () => {
        const ps = await api.serviceList();
        return ps.length === 0;
      },
      60_000,
    );
    await new Promise((r) => setTimeout(r, 1000));
    if (run === runs) console.error(`last run spread: ${JSON.stringify(Object.fromEntries(perNode))}`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      bench: 'node-converge',
      nodes: 5,
      replicas,
      runs,
      converge_ms: times.map((t) => Math.round(t)),
      median_ms: Math.round(sorted[Math.floor(sorted.length / 2)]!),
      max_ms: Math.round(sorted[sorted.length - 1]!),
      goal_ms: 3000,
      met: sorted[sorted.length - 1]! < 3000,
    }),
  );
} finally {
  await cluster.destroy();
}
