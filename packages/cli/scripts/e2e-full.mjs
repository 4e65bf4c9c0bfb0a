#!/usr/bin/env node
// The long tier of the end-to-end suite (`pnpm test:e2e:full`): builds the CLI and the node (the
// daemons run dist/), then runs every test/e2e-*.test.ts of both with SWARM_E2E_FULL=1, which makes the
// fault suite run many random rounds and the authorization property test random steps from a
// random seed (SWARM_E2E_ROUNDS to choose how many, SWARM_E2E_SEED to replay one). `--ci` runs the short tier instead. Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
// The packages whose tests drive daemons (the CLI's LocalCluster; the node's own e2e tests).
const projects = ['cli', 'node'];
const args = process.argv.slice(2);
const ci = args.includes('--ci');
const extra = args.filter((a) => a !== '--ci');

const run = (cmd, argv, env = {}) => {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
};

if (run('npx', ['tsc', '-b', 'packages/cli']) !== 0) {
  console.error('e2e: the build failed');
  process.exit(1);
}
const files = projects.flatMap((p) =>
  readdirSync(join(root, 'packages', p, 'test'))
    .filter((f) => /^e2e-.*\.test\.ts$/.test(f))
    .map((f) => `packages/${p}/test/${f}`),
);
const started = Date.now();
const status = run(
  join(root, 'node_modules', '.bin', 'vitest'),
  ['run', ...projects.flatMap((p) => ['--project', p]), ...files, ...extra],
  ci ? {} : { SWARM_E2E_FULL: '1' },
);
console.log(
  `e2e ${ci ? 'CI' : 'full'} tier: ${files.length} files, ${((Date.now() - started) / 1000).toFixed(0)} s, ${status === 0 ? 'passed' : 'FAILED'}`,
);
process.exit(status);
