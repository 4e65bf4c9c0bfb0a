#!/usr/bin/env node
// The examples consume the packages as an embedder does: from the packed tarballs, installed with
// npm into the example's own node_modules (examples/ is not part of the pnpm workspace, so nothing
// links them to the sources). `node scripts/install-example.mjs examples/raft-kv` packs every
// package (build first) and installs the ones the example depends on, with their own @swarm
// dependencies; vitest's setup for the examples and `pnpm bench` do the same.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packAll } from './release.mjs';

/** The @swarm packages `names` need, themselves included (read from the packed manifests). */
function closure(names, tarballs) {
  const need = new Set();
  const visit = (name) => {
    if (need.has(name)) return;
    if (!tarballs[name]) throw new Error(`install-example: no package ${name} in packages/`);
    need.add(name);
    const m = JSON.parse(
      spawnSync('tar', ['-xzOf', tarballs[name], 'package/package.json'], { encoding: 'utf8' }).stdout,
    );
    for (const dep of Object.keys({ ...m.dependencies, ...m.peerDependencies })) {
      if (dep.startsWith('@swarm/')) visit(dep);
    }
  };
  for (const n of names) visit(n);
  return [...need].sort();
}

/**
 * Installs into `exampleDir` the tarballs of the @swarm packages its package.json names (and theirs),
 * plus its other dependencies from the usual registry. Leaves package.json as it is.
 */
export function installExample(exampleDir, tarballs) {
  // npm settings inherited from an `npm test` or `npm run` above (npm_config_local_prefix above all)
  // would make npm install somewhere else.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));
  const manifest = JSON.parse(readFileSync(join(exampleDir, 'package.json'), 'utf8'));
  const wanted = Object.keys(manifest.dependencies ?? {}).filter((d) => d.startsWith('@swarm/'));
  const files = closure(wanted, tarballs).map((n) => tarballs[n]);
  const res = spawnSync(
    'npm',
    ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', ...files],
    { cwd: exampleDir, encoding: 'utf8', env },
  );
  if (res.status !== 0) {
    throw new Error(
      `npm install in ${exampleDir} failed (exit ${res.status}):\n${res.stdout}\n${res.stderr}`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error('usage: node scripts/install-example.mjs examples/NAME...');
    process.exit(2);
  }
  const out = mkdtempSync(join(tmpdir(), 'swarm-packs-'));
  try {
    const tarballs = packAll(out);
    for (const d of dirs) installExample(resolve(d), tarballs);
  } catch (err) {
    console.error(err.message);
    process.exitCode = 1;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
