#!/usr/bin/env node
// API reference with TypeDoc, one site per package (artifacts/docs/<name>/), from the TSDoc comments
// of what each package exports (every entry of its exports map). Warnings are errors, and an
// exported class, interface, enum, type, constant, function or method without a comment is a
// warning. `pnpm docs [name...]` (default: every package under packages/).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const REQUIRED = ['Class', 'Interface', 'Enum', 'TypeAlias', 'Variable', 'Function'];

/** The TypeDoc command line for packages/<name>. */
export function typedocArgs(name, out = join(root, 'artifacts', 'docs', name)) {
  const dir = join(root, 'packages', name);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const entryPoints = Object.values(manifest.exports)
    .filter((v) => typeof v === 'object')
    .map((v) => join(dir, v.import.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts')));
  return [
    join(root, 'node_modules', 'typedoc', 'bin', 'typedoc'),
    ...entryPoints.flatMap((e) => ['--entryPoints', e]),
    '--tsconfig',
    join(dir, 'tsconfig.json'),
    '--readme',
    join(dir, 'README.md'),
    '--name',
    manifest.name,
    '--out',
    out,
    '--treatWarningsAsErrors',
    '--validation.notDocumented',
    '--validation.invalidLink',
    // Internal types that public signatures mention (a class's private collaborators) are not
    // listed: the check is that every export is documented.
    '--validation.notExported',
    'false',
    ...REQUIRED.flatMap((k) => ['--requiredToBeDocumented', k]),
    '--ignoredHighlightLanguages',
    'output',
    '--excludeInternal',
    '--disableSources',
    '--logLevel',
    'Warn',
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = process.argv.slice(2);
  const all = readdirSync(join(root, 'packages')).filter((n) =>
    existsSync(join(root, 'packages', n, 'package.json')),
  );
  let failed = 0;
  for (const name of names.length > 0 ? names : all) {
    const res = spawnSync(process.execPath, typedocArgs(name), {
      cwd: join(root, 'packages', name),
      stdio: 'inherit',
    });
    if (res.status !== 0) {
      failed++;
      console.error(`docs: ${name} failed`);
    }
  }
  process.exit(failed > 0 ? 1 : 0);
}
