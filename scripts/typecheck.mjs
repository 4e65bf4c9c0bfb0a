#!/usr/bin/env node
// Type-checks every package's tests (and its source with them): `tsc -p packages/<p>/tsconfig.test.json`
// for each package that has one, two at a time. The packages must be built first (`tsc -b`): tests
// import the other packages through their declarations. Run by `pnpm lint`; exit 1 on any error.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules', '.bin', 'tsc');
const projects = readdirSync(join(root, 'packages'))
  .sort()
  .map((p) => join('packages', p, 'tsconfig.test.json'))
  .filter((p) => existsSync(join(root, p)));
const packagesWithTests = readdirSync(join(root, 'packages')).filter((p) =>
  existsSync(join(root, 'packages', p, 'test')),
);
const missing = packagesWithTests.filter(
  (p) => !projects.includes(join('packages', p, 'tsconfig.test.json')),
);
if (missing.length > 0) {
  console.error(`typecheck: packages with tests but no tsconfig.test.json: ${missing.join(', ')}`);
  process.exit(1);
}

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(tsc, ['-p', project, '--pretty', 'false'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    child.on('close', (code) => resolve({ project, code, out }));
  });
}

const queue = [...projects];
const failed = [];
await Promise.all(
  Array.from({ length: 2 }, async () => {
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
      const r = await check(p);
      if (r.code !== 0) {
        failed.push(r.project);
        process.stderr.write(r.out);
      }
    }
  }),
);
if (failed.length > 0) {
  console.error(`typecheck: type errors in ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`typecheck: ${projects.length} packages' tests type-check`);
