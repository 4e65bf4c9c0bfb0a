#!/usr/bin/env node
// Publishes every package under packages/* to the registry named on the command line, and nowhere
// else. The public registry's @swarm scope belongs to another project, so there is no default:
//
//   pnpm release --registry https://npm.example.org/ [--snapshot ci.42] [--tag next] [--dry-run]
//
// Each package is packed with pnpm (which turns `workspace:^` into a caret range on the version of
// the dependency), optionally given a snapshot version (`<version>-<snapshot>`, with its internal
// ranges moved along), then published with npm. Credentials come from npm's own configuration
// (`//host/:_authToken=...` in an .npmrc, or `npm_config_userconfig`). Build first (`pnpm build`).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM = ['-y', 'pnpm@10.34.9'];
const PUBLIC = /^https?:\/\/registry\.(npmjs\.org|yarnpkg\.com)(\/|$)/;

function run(cmd, args, options = {}) {
  const res = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  if (res.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
  }
  return res.stdout;
}

/** Workspace packages that are published: packages/* with a package.json that is not private. */
export function publishablePackages() {
  return readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(root, 'packages', d.name))
    .filter((dir) => {
      try {
        return !JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).private;
      } catch {
        return false;
      }
    })
    .sort();
}

/** Packs every package into `outDir` with pnpm. Returns the tarball paths by package name. */
export function packAll(outDir) {
  mkdirSync(outDir, { recursive: true });
  const dirs = publishablePackages();
  run(
    'npx',
    [
      ...PNPM,
      '-r',
      ...dirs.flatMap((d) => ['--filter', `./${relative(root, d)}`]),
      'pack',
      '--pack-destination',
      outDir,
    ],
    {
      cwd: root,
    },
  );
  const tarballs = {};
  for (const d of dirs) {
    const m = JSON.parse(readFileSync(join(d, 'package.json'), 'utf8'));
    tarballs[m.name] = join(outDir, `${m.name.replace('@', '').replace('/', '-')}-${m.version}.tgz`);
  }
  return tarballs;
}

/**
 * Copies of `tarballs` with the version `<version>-<snapshot>`, and ranges on each other moved to
 * match (`^0.1.0` becomes `^0.1.0-ci.7`), written to `outDir`.
 */
export function snapshotTarballs(tarballs, snapshot, outDir) {
  mkdirSync(outDir, { recursive: true });
  const names = new Set(Object.keys(tarballs));
  return Object.fromEntries(
    Object.entries(tarballs).map(([name, file]) => [name, withSnapshot(file, snapshot, names, outDir)]),
  );
}

function withSnapshot(file, snapshot, names, outDir) {
  const work = mkdtempSync(join(tmpdir(), 'swarm-release-'));
  try {
    run('tar', ['-xzf', file, '-C', work]);
    const path = join(work, 'package', 'package.json');
    const m = JSON.parse(readFileSync(path, 'utf8'));
    m.version = `${m.version}-${snapshot}`;
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const [dep, range] of Object.entries(m[field] ?? {})) {
        if (!names.has(dep)) continue;
        const exact = /^[\^~]?(\d+\.\d+\.\d+)$/.exec(range);
        if (!exact) throw new Error(`${m.name}: cannot move ${field}.${dep} (${range}) to a snapshot`);
        m[field][dep] = `^${exact[1]}-${snapshot}`;
      }
    }
    writeFileSync(path, `${JSON.stringify(m, null, 2)}\n`);
    const out = join(outDir, `${m.name.replace('@', '').replace('/', '-')}-${m.version}.tgz`);
    run('tar', ['-czf', out, '-C', work, 'package']);
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Publishes tarballs with npm, a few at a time (a registry takes them in any order). */
export async function publishAll(tarballs, { registry, tag = 'latest', dryRun = false, env = process.env }) {
  if (!registry) throw new Error('release: --registry URL is required (there is no default registry)');
  if (PUBLIC.test(registry)) {
    throw new Error(
      `release: refusing ${registry}: the public registry's @swarm scope belongs to another project`,
    );
  }
  const queue = Object.values(tarballs);
  const publishOne = (file) =>
    new Promise((resolve, reject) => {
      const args = ['publish', file, '--registry', registry, `--@swarm:registry=${registry}`, '--tag', tag];
      args.push('--access', 'public', '--no-audit', ...(dryRun ? ['--dry-run'] : []));
      const child = spawn('npm', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.stderr.on('data', (d) => {
        out += d;
      });
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`npm publish ${file} failed (exit ${code}):\n${out}`)),
      );
    });
  const worker = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) await publishOne(file);
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      registry: { type: 'string' },
      snapshot: { type: 'string' },
      tag: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
  });
  let out;
  try {
    if (!values.registry)
      throw new Error('release: --registry URL is required (there is no default registry)');
    if (PUBLIC.test(values.registry)) await publishAll({}, { registry: values.registry }); // refuses
    out = mkdtempSync(join(tmpdir(), 'swarm-packs-'));
    const packed = packAll(out);
    const tarballs =
      values.snapshot === undefined
        ? packed
        : snapshotTarballs(packed, values.snapshot, join(out, 'snapshot'));
    await publishAll(tarballs, {
      registry: values.registry,
      ...(values.tag ? { tag: values.tag } : {}),
      dryRun: values['dry-run'] === true,
    });
    console.log(`published ${Object.keys(tarballs).length} packages to ${values.registry}`);
  } catch (err) {
    console.error(err.message);
    process.exitCode = 1;
  } finally {
    if (out) rmSync(out, { recursive: true, force: true });
  }
}
