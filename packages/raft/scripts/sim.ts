// Runs the deterministic simulator over a range of seeds:
//   pnpm --filter @swarm/raft sim --seeds N --from S [--jobs J] [--trace] [--ack-before-sync]
//     [--removal-crashes] [--members M]
// --removal-crashes forces the "removal then survivor crashes" fault schedule on every seed.
// --jobs splits the seeds over J processes (default: 2, the machine's cores).
// Prints each failing seed with a one-line replay command, and as its last line one JSON object:
//   {"seeds":N,"violations":V,"linearizable":true|false,"liveness_failures":L,...}
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runSimulation } from '../src/sim/simulator.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const seeds = Number(arg('seeds', '20'));
const from = Number(arg('from', '1'));
const traceOn = flag('trace');
const ackBeforeSync = flag('ack-before-sync');
const removalCrashes = flag('removal-crashes');
const membersArg = arg('members', '');
if (!Number.isSafeInteger(seeds) || seeds < 1 || !Number.isSafeInteger(from)) {
  console.error('usage: sim --seeds N --from S [--trace] [--ack-before-sync]');
  process.exit(2);
}

const jobs = flag('child')
  ? 1
  : Math.max(1, Math.min(Number(arg('jobs', String(availableParallelism()))), seeds));
if (jobs > 1) await parent();

async function parent(): Promise<never> {
  const started = Date.now();
  const per = Math.ceil(seeds / jobs);
  const extra = process.argv
    .slice(2)
    .filter(
      (a, i, all) =>
        !['--seeds', '--from', '--jobs'].includes(a) &&
        !['--seeds', '--from', '--jobs'].includes(all[i - 1] ?? ''),
    );
  const runs: Promise<string>[] = [];
  for (let s = from; s < from + seeds; s += per) {
    const n = Math.min(per, from + seeds - s);
    runs.push(
      new Promise((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            fileURLToPath(import.meta.url),
            '--seeds',
            String(n),
            '--from',
            String(s),
            '--child',
            ...extra,
          ],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        );
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
        });
        child.on('error', reject);
        child.on('close', () => resolve(out));
      }),
    );
  }
  const outs = await Promise.all(runs);
  const total = {
    seeds,
    from,
    violations: 0,
    linearizable: true,
    non_linearizable_runs: 0,
    liveness_failures: 0,
    failing_seeds: [] as number[],
    operations: 0,
    seconds: 0,
  };
  for (const out of outs) {
    const lines = out.trimEnd().split('\n');
    const last = JSON.parse(lines.pop() ?? '{}') as typeof total;
    for (const l of lines) console.log(l);
    total.violations += last.violations;
    total.linearizable &&= last.linearizable;
    total.non_linearizable_runs += last.non_linearizable_runs;
    total.liveness_failures += last.liveness_failures;
    total.failing_seeds.push(...last.failing_seeds);
    total.operations += last.operations;
  }
  total.seconds = Math.round((Date.now() - started) / 100) / 10;
  console.log(JSON.stringify(total));
  process.exit(total.failing_seeds.length > 0 ? 1 : 0);
}

let violations = 0;
let nonLinearizable = 0;
let livenessFailures = 0;
const failing: number[] = [];
const started = Date.now();
let operations = 0;
for (let seed = from; seed < from + seeds; seed++) {
  const r = await runSimulation({
    seed,
    ackBeforeSync,
    ...(removalCrashes ? { removalCrashes: true } : {}),
    ...(membersArg !== '' ? { members: Number(membersArg) } : {}),
    ...(traceOn ? { trace: (l: string) => console.log(`[seed ${seed}] ${l}`) } : {}),
  });
  operations += r.stats.operations;
  const bad = r.violations.length > 0 || !r.linearizable || r.livenessFailure !== undefined;
  violations += r.violations.length;
  if (!r.linearizable) nonLinearizable++;
  if (r.livenessFailure !== undefined) livenessFailures++;
  if (bad) {
    failing.push(seed);
    console.log(
      `seed ${seed}: ${r.violations.length} violations${r.linearizable ? '' : ', not linearizable'}` +
        `${r.livenessFailure ? `, liveness: ${r.livenessFailure}` : ''}`,
    );
    for (const v of r.violations.slice(0, 5)) console.log(`  ${v}`);
    console.log(
      `  replay: pnpm --filter @swarm/raft sim --seeds 1 --from ${seed} --trace${ackBeforeSync ? ' --ack-before-sync' : ''}${removalCrashes ? ' --removal-crashes' : ''}${membersArg !== '' ? ` --members ${membersArg}` : ''}`,
    );
  }
}
console.log(
  JSON.stringify({
    seeds,
    from,
    violations,
    linearizable: nonLinearizable === 0,
    non_linearizable_runs: nonLinearizable,
    liveness_failures: livenessFailures,
    failing_seeds: failing.slice(0, 50),
    operations,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  }),
);
process.exit(failing.length > 0 ? 1 : 0);
