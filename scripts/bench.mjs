#!/usr/bin/env node
// `pnpm bench NAME [args]` runs the `bench` script of packages/NAME (or examples/NAME), after a
// build; a package's `swarmBench` field may name its benchmark, or map several names to scripts.
// Each benchmark prints one JSON line of results. With no NAME it lists what exists.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrap, pnpm } from './bootstrap.mjs';
import { installExample } from './install-example.mjs';
import { packAll } from './release.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function benches() {
  const found = new Map();
  for (const dir of ['packages', 'examples']) {
    for (const name of readdirSync(join(root, dir))) {
      const manifest = join(root, dir, name, 'package.json');
      if (!existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      // `swarmBench`: the benchmark's name (default the directory's), or { name: script } for several.
      const named =
        typeof pkg.swarmBench === 'object' && pkg.swarmBench !== null
          ? Object.entries(pkg.swarmBench)
          : [[pkg.swarmBench ?? name, 'bench']];
      for (const [target, script] of named)
        if (pkg.scripts?.[script] && !found.has(target))
          found.set(target, { name: pkg.name, dir, path: join(root, dir, name), script });
    }
  }
  return found;
}

const [name, ...rest] = process.argv.slice(2);

const all = benches();
if (!name || !all.has(name)) {
  const list = [...all.keys()].sort().join(', ') || '(none yet)';
  console.error(
    name
      ? `bench: no benchmark named "${name}". Available: ${list}`
      : `usage: pnpm bench NAME. Available: ${list}`,
  );
  process.exit(2);
}
bootstrap();
const bench = all.get(name);
if (bench.dir === 'packages')
  process.exit(pnpm(['--filter', bench.name, '--silent', 'run', bench.script, ...rest]));
// An example is not in the pnpm workspace: it runs on the packed packages, installed with npm.
const packs = mkdtempSync(join(tmpdir(), 'swarm-packs-'));
try {
  installExample(bench.path, packAll(packs));
} finally {
  rmSync(packs, { recursive: true, force: true });
}
// npm settings inherited from `pnpm bench` (the workspace's prefix) would run the wrong package.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));
const res = spawnSync('npm', ['run', '--silent', bench.script, '--', ...rest], {
  cwd: bench.path,
  stdio: 'inherit',
  env,
});
process.exit(res.status ?? 1);
