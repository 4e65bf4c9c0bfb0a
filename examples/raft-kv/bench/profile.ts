// `npm run profile`: where a member's CPU time goes under the benchmark's load. Starts the example's
// three members with `node --cpu-prof`, drives the leader with the benchmark's load generator (one
// cluster per client count), stops the members cleanly so that they write their profiles, and
// prints one JSON line per client count: the throughput and, per member role, the share of
// samples in the functions with the most self time. `--keep DIR` keeps the .cpuprofile files.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Cluster } from '../src/cluster.js';
import { STORAGE_KINDS, type StorageKind } from '../src/member.js';
import { drive } from './load.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    'warmup-seconds': { type: 'string', default: '2' },
    'base-port': { type: 'string', default: '35000' },
    clients: { type: 'string', default: '1,64' },
    top: { type: 'string', default: '15' },
    keep: { type: 'string' },
    storage: { type: 'string', default: 'wal' },
  },
});
if (!STORAGE_KINDS.includes(args.storage as StorageKind)) {
  console.error(`--storage must be one of ${STORAGE_KINDS.join(', ')}, got ${JSON.stringify(args.storage)}`);
  process.exit(2);
}
const VALUE = 'v'.repeat(256);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Summary {
  /** Samples in the profile, and the share of them (percent) not idle. */
  samples: number;
  busy_pct: number;
  /** The hottest functions by self time, as percent of the busy samples. */
  top: [string, number][];
}

/**
 * Self-time shares of the `top` hottest functions of a .cpuprofile, idle time left out. Only the
 * last `windowMs` of the profile count: the measured load, not the start-up (module loading) or
 * the warm-up before it.
 */
function summarize(file: string, top: number, windowMs: number): Summary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
    startTime: number;
    endTime: number;
  };
  const byNode = new Map<number, ProfileNode>(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const from = profile.endTime - windowMs * 1000;
  let at = profile.startTime;
  let counted = 0;
  for (const [i, id] of profile.samples.entries()) {
    at += profile.timeDeltas[i] ?? 0;
    if (at < from) continue;
    counted++;
    const frame = byNode.get(id)?.callFrame;
    if (!frame) continue;
    const where = frame.url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*\/raft-kv\//, '');
    if (frame.functionName === '(idle)') continue;
    const name = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`.trim();
    self.set(name, (self.get(name) ?? 0) + 1);
  }
  let busy = 0;
  for (const n of self.values()) busy += n;
  const total = Math.max(1, busy);
  const ranked = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
  return {
    samples: counted,
    busy_pct: Math.round((busy * 1000) / Math.max(1, counted)) / 10,
    top: ranked.map(([name, n]) => [name, Math.round((n * 1000) / total) / 10] as [string, number]),
  };
}

const root = args.keep ?? mkdtempSync(join(tmpdir(), 'raft-kv-profile-'));
try {
  for (const clients of args.clients.split(',').map(Number)) {
    const profDir = join(root, `clients-${clients}`);
    mkdirSync(profDir, { recursive: true });
    const cluster = new Cluster({
      dir: join(root, `cluster-${clients}`),
      basePort: Number(args['base-port']),
      snapshotInterval: 100_000,
      storage: args.storage as StorageKind,
      nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profDir],
    });
    let measured: Awaited<ReturnType<typeof drive>>;
    let leader: string;
    const pids = new Map<number, string>();
    try {
      await cluster.bootstrap(3);
      leader = (await cluster.waitForLeader()).id;
      for (const [id, child] of cluster.processes) if (child.pid) pids.set(child.pid, id);
      measured = await drive(
        {
          endpoint: cluster.httpAddress(leader),
          method: 'PUT',
          path: (key) => `/kv/${key}`,
          body: (_key, seq, client) => JSON.stringify({ value: VALUE, client: `p-${client}`, seq }),
        },
        clients,
        { warmupMs: Number(args['warmup-seconds']) * 1000, durationMs: Number(args.seconds) * 1000 },
      );
      await cluster.stop();
    } finally {
      await cluster.destroy();
    }
    // One file per thread: CPU.<date>.<time>.<pid>.<tid>.<seq>.cpuprofile. A member's main thread is
    // its busiest (the others are tsx's module loader).
    const roles: Record<string, Summary> = {};
    for (const file of readdirSync(profDir)) {
      const id = pids.get(Number(file.split('.')[3]));
      if (id === undefined) continue;
      const role = id === leader ? 'leader' : `follower-${id}`;
      const summary = summarize(join(profDir, file), Number(args.top), Number(args.seconds) * 1000);
      const seen = roles[role];
      if (!seen || summary.busy_pct > seen.busy_pct) roles[role] = summary;
    }
    console.log(JSON.stringify({ bench: 'raft-kv-profile', clients, ...measured, profiles: roles }));
  }
} finally {
  if (!args.keep) rmSync(root, { recursive: true, force: true });
}
