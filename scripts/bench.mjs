#!/usr/bin/env node
// `pnpm bench NAME [args]` runs the `bench` script of packages/NAME (or examples/NAME), after a
// build. Each benchmark prints one JSON line of results. With no NAME it lists what exists.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrap, pnpm } from './bootstrap.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function benches() {
  const found = new Map();
  for (const dir of ['packages', 'examples']) {
    for (const name of readdirSync(join(root, dir))) {
      const manifest = join(root, dir, name, 'package.json');
      if (!existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      const target = pkg.swarmBench ?? name;
      if (pkg.scripts?.bench && !found.has(target)) found.set(target, pkg.name);
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
process.exit(pnpm(['--filter', all.get(name), '--silent', 'run', 'bench', ...rest]));
