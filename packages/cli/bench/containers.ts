// `pnpm bench containers [--replicas 100] [--runs 1]`: real containers, ours against Docker's own swarm mode,
// in one run, on one private Docker Engine (dockerd with its bridge inside a network namespace
// the bench made) and one local busybox image:
//   ours:   three `swarm daemon`s in that namespace sharing the engine (--executor docker);
//   docker: `docker swarm init` on the same engine (one node, listening on 127.0.2.1:12377).
// For each: time from `service create` to N/N running, from `scale` to 2N/2N, and to drain a node
// (ours: 3 nodes, the drained node's tasks move; Docker: its only node, every task stops). Also the
// engine's floor: N containers created and started straight through the API, and the time our
// executors spent inside the engine's create and start calls (from their logged stats).
// With --runs N the three measurements alternate N times and each figure is the best of its N
// (the machine is shared: the best run is the one least disturbed). Prints one JSON line.
// Root only; needs docker.io, docker-registry, busybox-static.

import { ControlClient } from '@swarm/node/control';
import { type Engine, Testbed } from '@swarm/testbed';
import { LocalCluster, waitFor } from '../src/testing.js';

type Docker = Engine['docker'];

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const N = arg('replicas', 100);
const RUNS = arg('runs', 1);
const IMAGE = 'busybox:bench';
// A task that stops at once on SIGTERM (sh traps it), so drains measure scheduling, not grace periods.
const COMMAND = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 1; done'];
const POLL_MS = 50;

const ms = (t0: number) => Math.round(performance.now() - t0);
const log = (msg: string) => process.stderr.write(`bench containers: ${msg}\n`);

async function time(what: string, done: () => Promise<boolean>, timeoutMs = 600_000): Promise<number> {
  const t0 = performance.now();
  await waitFor(what, async () => (await done()) || undefined, timeoutMs, POLL_MS);
  const t = ms(t0);
  log(`${what}: ${t} ms`);
  return t;
}

async function runningContainers(docker: Docker, label: string): Promise<number> {
  const list = await docker.listContainers({
    filters: JSON.stringify({ label: [label], status: ['running'] }),
  });
  return list.length;
}

/** The engine alone: N containers created and started through the API, 18 at a time (our 3 x 6). */
async function engineFloor(
  docker: Docker,
): Promise<{ ms: number; createMsMean: number; startMsMean: number }> {
  const ids: string[] = [];
  let create = 0;
  let start = 0;
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 18 }, async () => {
      while (next < N) {
        next++;
        const a = performance.now();
        const c = await docker.createContainer({
          Image: IMAGE,
          Cmd: COMMAND,
          Labels: { 'bench.floor': '1' },
          HostConfig: { NetworkMode: 'bridge' },
        });
        const b = performance.now();
        await c.start();
        create += b - a;
        start += performance.now() - b;
        ids.push(c.id);
      }
    }),
  );
  const total = ms(t0);
  await Promise.all(ids.map((id) => docker.getContainer(id).remove({ force: true })));
  return { ms: total, createMsMean: Math.round(create / N), startMsMean: Math.round(start / N) };
}

interface Figures {
  toN: number;
  scaleTo2N: number;
  drain: number;
}

/** The executors' own account of the engine calls so far: the last stats line each daemon logged. */
async function engineCalls(nodes: { log: string }[]) {
  await new Promise((r) => setTimeout(r, 1_500)); // the daemons log their stats every second
  const sum = { creates: 0, createMs: 0, starts: 0, startMs: 0 };
  for (const n of nodes) {
    const last = n.log
      .split('\n')
      .filter((l) => l.includes('"executor stats"'))
      .at(-1);
    if (last === undefined) continue;
    const s = JSON.parse(last) as Record<string, number>;
    for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += s[k] ?? 0;
  }
  return sum;
}

async function ours(tb: Testbed, engineHost: string, netns: string, docker: Docker) {
  const cluster = new LocalCluster();
  const nodes = [1, 2, 3].map((i) =>
    cluster.add({
      name: `b${i}`,
      address: `127.0.2.${i}`,
      netns,
      daemonArgs: ['--executor', 'docker', '--docker-host', engineHost],
    }),
  );
  tb.defer('our cluster', () => cluster.destroy());
  await Promise.all(nodes.map((n) => n.start()));
  const m1 = nodes[0]!;
  await m1.ok(['init', '--listen-addr', m1.addr]);
  const token = (await m1.ok(['join-token', '-q', 'worker'])).trim();
  await Promise.all(
    nodes.slice(1).map((n) => n.ok(['join', '--token', token, '--listen-addr', n.addr, m1.addr])),
  );
  const api = new ControlClient(`unix://${m1.dataDir}/swarm.sock`);
  await waitFor(
    'three ready nodes',
    async () => (await api.nodeList()).every((n) => n.status === 'ready') || undefined,
    60_000,
  );
  const b3 = (await api.nodeList()).find((n) => n.hostname === 'b3')!.id;
  const running = async () => (await api.serviceList()).find((s) => s.name === 'bench')?.running ?? 0;
  const label = 'io.swarm-core.node.id';

  await m1.ok([
    'service',
    'create',
    '--detach',
    '--name',
    'bench',
    '--replicas',
    String(N),
    '--stop-grace-period',
    '2s',
    IMAGE,
    ...COMMAND,
  ]);
  const toN = await time(`ours: ${N}/${N} running`, async () => (await running()) === N);
  const first = await engineCalls(nodes);
  await m1.ok(['service', 'scale', '--detach', `bench=${2 * N}`]);
  const scaleTo2N = await time(`ours: ${2 * N}/${2 * N} running`, async () => (await running()) === 2 * N);
  await m1.ok(['node', 'update', '--availability', 'drain', 'b3']);
  const drain = await time(`ours: b3 drained, ${2 * N} running on b1 and b2`, async () => {
    if ((await running()) !== 2 * N) return false;
    const tasks = await api.servicePs({ id: 'bench' });
    const live = tasks.filter((t) => t.currentState === 'running' && t.desiredState === 'running');
    return (
      live.length === 2 * N &&
      live.every((t) => t.nodeId !== b3) &&
      (await runningContainers(docker, `${label}=${b3}`)) === 0
    );
  });
  await m1.ok(['service', 'rm', 'bench']);
  await waitFor(
    'our containers gone',
    async () => (await runningContainers(docker, label)) === 0 || undefined,
    300_000,
    200,
  );
  await cluster.destroy();
  return { figures: { toN, scaleTo2N, drain } as Figures, engine: first };
}

async function dockerSwarm(docker: Docker): Promise<Figures> {
  await docker.swarmInit({ ListenAddr: '127.0.2.1:12377', AdvertiseAddr: '127.0.2.1:12377' });
  try {
    const info = (await docker.info()) as { Swarm: { NodeID: string } };
    const nodeId = info.Swarm.NodeID;
    const running = async () =>
      (
        await docker.listTasks({
          filters: JSON.stringify({ service: ['bench'], 'desired-state': ['running'] }),
        })
      ).filter((t: { Status?: { State?: string } }) => t.Status?.State === 'running').length;
    const spec = (replicas: number) => ({
      Name: 'bench',
      TaskTemplate: {
        ContainerSpec: { Image: IMAGE, Command: COMMAND, StopGracePeriod: 2e9 },
        ForceUpdate: 0,
      },
      Mode: { Replicated: { Replicas: replicas } },
    });
    const service = await docker.createService(spec(N));
    const toN = await time(`docker swarm: ${N}/${N} running`, async () => (await running()) === N);
    const version = ((await service.inspect()) as { Version: { Index: number } }).Version.Index;
    await service.update({ ...spec(2 * N), version });
    const scaleTo2N = await time(
      `docker swarm: ${2 * N}/${2 * N} running`,
      async () => (await running()) === 2 * N,
    );
    const node = docker.getNode(nodeId);
    const nv = (await node.inspect()) as { Version: { Index: number }; Spec: Record<string, unknown> };
    await node.update({ version: nv.Version.Index, ...nv.Spec, Availability: 'drain' });
    const drain = await time(
      'docker swarm: its only node drained (no task running)',
      async () =>
        (await running()) === 0 &&
        (await runningContainers(docker, 'com.docker.swarm.service.name=bench')) === 0,
    );
    await service.remove();
    return { toN, scaleTo2N, drain };
  } finally {
    await docker.swarmLeave({ force: true }).catch(() => {});
  }
}

const best = <T>(xs: T[], score: (x: T) => number): T => xs.reduce((a, b) => (score(b) < score(a) ? b : a));

const tb = await Testbed.create({ prefix: 'sw17' });
try {
  const ns = await tb.namespace('bench');
  const engine = await tb.engine({ name: 'bench', netns: ns });
  await tb.busyboxImage(engine, IMAGE);
  const version = (await engine.docker.version()).Version;
  log(`engine ${version} in ${ns.name}; ${N} replicas, ${RUNS} run(s)`);
  const floors: { ms: number; createMsMean: number; startMsMean: number }[] = [];
  const ourRuns: (Figures & { calls: Awaited<ReturnType<typeof engineCalls>> })[] = [];
  const theirRuns: Figures[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const floor = await engineFloor(engine.docker);
    log(`engine floor: ${N} containers created and started in ${floor.ms} ms`);
    floors.push(floor);
    const our = await ours(tb, engine.host, ns.path, engine.docker);
    ourRuns.push({ ...our.figures, calls: our.engine });
    theirRuns.push(await dockerSwarm(engine.docker));
  }
  const floor = best(floors, (f) => f.ms);
  const our = best(ourRuns, (r) => r.toN);
  const theirs = best(theirRuns, (r) => r.toN);
  const calls = our.calls;
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const min = (xs: number[]) => Math.min(...xs);
  console.log(
    JSON.stringify({
      bench: 'containers',
      replicas: N,
      runs: RUNS,
      engine: `Docker ${version}`,
      ours: {
        nodes: 3,
        toReplicasMs: our.toN,
        scaleToDoubleMs: min(ourRuns.map((r) => r.scaleTo2N)),
        drainOneOfThreeMs: min(ourRuns.map((r) => r.drain)),
        // The first phase (0 -> N) of the best run: every create and start call the executors
        // made, and the share of the 18 executor slots (3 nodes x 6) the engine kept busy.
        engineCallsToReplicas: {
          creates: calls.creates,
          createMsMean: Math.round(calls.createMs / Math.max(1, calls.creates)),
          starts: calls.starts,
          startMsMean: Math.round(calls.startMs / Math.max(1, calls.starts)),
          slotsBusyInEngine: ratio(calls.createMs + calls.startMs, our.toN * 18),
        },
        samplesToReplicasMs: ourRuns.map((r) => r.toN),
      },
      dockerSwarm: {
        nodes: 1,
        toReplicasMs: theirs.toN,
        scaleToDoubleMs: min(theirRuns.map((r) => r.scaleTo2N)),
        drainOnlyNodeMs: min(theirRuns.map((r) => r.drain)),
        samplesToReplicasMs: theirRuns.map((r) => r.toN),
      },
      ratio: {
        toReplicas: ratio(our.toN, theirs.toN),
        scaleToDouble: ratio(min(ourRuns.map((r) => r.scaleTo2N)), min(theirRuns.map((r) => r.scaleTo2N))),
      },
      engineFloor: {
        createAndStartMs: floor.ms,
        concurrency: 18,
        createMsMean: floor.createMsMean,
        startMsMean: floor.startMsMean,
        samplesMs: floors.map((f) => f.ms),
      },
      oursOverEngineFloor: ratio(our.toN, floor.ms),
    }),
  );
} finally {
  await tb.cleanup();
}
