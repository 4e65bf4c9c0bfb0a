#!/usr/bin/env node
// The README's test command. Installs and builds (see bootstrap.mjs), runs every workspace test with
// vitest, runs `pnpm lint` on a full run, and ends with one line "N passed, N failed" counted from
// vitest's JSON report (plus the lint, as one test).
// Extra arguments go to vitest (for example a file filter).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrap, CONTAINER_PACKAGES } from './bootstrap.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
bootstrap({
  debian: [
    'bubblewrap',
    'slirp4netns',
    'chromium',
    'gnupg',
    'skopeo',
    'umoci',
    'etcd-server',
    ...CONTAINER_PACKAGES,
  ],
  optional: [],
});

const report = join(root, 'artifacts', 'vitest-results.json');
mkdirSync(dirname(report), { recursive: true });
rmSync(report, { force: true });
const vitest = join(root, 'node_modules', '.bin', 'vitest');
const args = (out) => ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
const res = spawnSync(vitest, [...args(report), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
// Second pass: the `*.netns.test.ts` files (they add bridges, addresses and iptables chains to the
// namespace they run in) inside a private network namespace, never the machine's own.
const netnsReport = join(root, 'artifacts', 'vitest-netns-results.json');
rmSync(netnsReport, { force: true });
console.log('\n== tests in a private network namespace (*.netns.test.ts)');
// Only the projects that have such files (others' global setups, e.g. packaging's registry, need
// the network this namespace does not have).
const netnsProjects = readdirSync(join(root, 'packages')).filter((name) => {
  const dir = join(root, 'packages', name, 'test');
  return (
    existsSync(dir) && readdirSync(dir, { recursive: true }).some((f) => `${f}`.endsWith('.netns.test.ts'))
  );
});
const inner = [
  vitest,
  ...args(netnsReport),
  '--passWithNoTests',
  ...netnsProjects.flatMap((p) => ['--project', p]),
  ...process.argv.slice(2),
]
  .map((a) => `'${a.replaceAll("'", "'\\''")}'`)
  .join(' ');
const netns = spawnSync('unshare', ['-n', 'sh', '-c', `ip link set lo up && exec ${inner}`], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SWARM_NETNS: '1' },
});

let passed = 0;
let failed = 0;
for (const [file, run] of [
  [report, res],
  [netnsReport, netns],
]) {
  try {
    const results = JSON.parse(readFileSync(file, 'utf8'));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    // A test file that failed without a failed test of its own (it failed to load, or a hook such as
    // beforeAll threw and its tests were skipped) counts as one failure.
    for (const f of results.testResults ?? []) {
      const ownFailures = (f.assertionResults ?? []).filter((a) => a.status === 'failed').length;
      if (f.status === 'failed' && ownFailures === 0) failed++;
    }
  } catch (err) {
    console.error(`test: no readable vitest report at ${file}: ${err.message}`);
    failed = Math.max(failed, 1);
  }
  if (run.status !== 0 && failed === 0) failed = 1;
}
// A full run (no filter) also runs `pnpm lint` (biome, the build's type check, the tests' type check
// and the import boundaries) and counts it as one more test, so that CI enforces it.
if (process.argv.length <= 2) {
  console.log('\n== pnpm lint (counted as one test)');
  const lint = spawnSync('npm', ['run', '--silent', 'lint'], { cwd: root, stdio: 'inherit' });
  if (lint.status === 0) passed++;
  else {
    console.error(`test: \`pnpm lint\` failed (exit ${lint.status}); run it for the details`);
    failed++;
  }
}
const status = res.status === 0 && netns.status === 0 && failed === 0 && passed > 0 ? 0 : 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(status);
