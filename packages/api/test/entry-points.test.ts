import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The workspace's packaging contract, read from every packages/* manifest at run time (so a package
// added later is held to it too):
// - each export declares how it may load, in `"swarm"` of its package.json: `portable` (no Node
//   builtin, no Node global, no native addon, anywhere in what it imports: it bundles for a
//   browser), `native` (may load a native addon), or neither (Node builtins are fine, but a native
//   addon only through a dynamic import, so importing the entry never loads one);
// - runtime dependencies are declared exactly where they are imported;
// - the manifest carries what a registry page and a consumer need.
// packaging/test/bundle.test.ts proves the portable entries by bundling them for a browser.
const root = fileURLToPath(new URL('../../../', import.meta.url));

interface Manifest {
  name: string;
  private?: boolean;
  license?: string;
  exports: Record<string, string | { types: string; import: string }>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  swarm?: { portable?: string[]; native?: string[] };
  [key: string]: unknown;
}

const packages = readdirSync(join(root, 'packages'))
  .filter((n) => existsSync(join(root, 'packages', n, 'package.json')))
  .map((n) => ({
    short: n,
    dir: join(root, 'packages', n),
    manifest: JSON.parse(readFileSync(join(root, 'packages', n, 'package.json'), 'utf8')) as Manifest,
  }))
  .filter((p) => p.manifest.private !== true);
const byName = new Map(packages.map((p) => [p.manifest.name, p]));

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isBuiltin = (spec: string) => spec.startsWith('node:') || BUILTINS.has(spec.split('/')[0]!);
const packageOf = (spec: string) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

/** Source text without comments and string contents (so words in them are not code). */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ''))
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/`(?:\\.|[^`\\])*`/g, '``')
    .replace(/'(?:\\.|[^'\\\n])*'/g, "''")
    .replace(/"(?:\\.|[^"\\\n])*"/g, '""');
}

interface Import {
  spec: string;
  dynamic: boolean;
  typeOnly: boolean;
}

function importsOf(text: string): Import[] {
  const out: Import[] = [];
  const noComments = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');
  for (const m of noComments.matchAll(
    /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/g,
  ))
    out.push({ spec: m[4]!, dynamic: false, typeOnly: m[2] !== undefined });
  for (const m of noComments.matchAll(/(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g))
    out.push({ spec: m[1]!, dynamic: false, typeOnly: false });
  for (const m of noComments.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g))
    out.push({ spec: m[1]!, dynamic: true, typeOnly: false });
  return out;
}

function resolveRelative(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  for (const c of [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')])
    if (existsSync(c) && !c.endsWith('/')) return c;
  throw new Error(`${from}: cannot resolve ${spec}`);
}

/** The source file of an export: `./dist/x.js` is `src/x.ts`. */
function sourceOf(dir: string, target: { import: string }): string {
  return join(dir, target.import.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));
}

const nativeCache = new Map<string, boolean>();
/** A package that builds or loads a native addon (node-gyp, prebuilds). */
function isNative(fromDir: string, pkg: string): boolean {
  const key = `${fromDir}|${pkg}`;
  if (nativeCache.has(key)) return nativeCache.get(key)!;
  let result = false;
  const manifestPath = join(fromDir, 'node_modules', pkg, 'package.json');
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const deps = Object.keys({ ...m.dependencies, ...m.optionalDependencies });
    result =
      m.gypfile === true ||
      existsSync(join(fromDir, 'node_modules', pkg, 'binding.gyp')) ||
      deps.some((d) => ['node-gyp-build', 'prebuild-install', 'node-addon-api', 'bindings'].includes(d));
  }
  nativeCache.set(key, result);
  return result;
}

/** The export of another workspace package that `spec` names, as [package, subpath]. */
function swarmTarget(spec: string): [Manifest, string] | undefined {
  const name = packageOf(spec);
  const p = byName.get(name);
  if (p === undefined) return undefined;
  return [p.manifest, spec === name ? '.' : `.${spec.slice(name.length)}`];
}

interface Reach {
  file: string;
  imp: Import;
}

/** Every import reached from `entry` through the package's own files (static imports only, unless `dynamic`). */
function walk(entry: string, dynamic: boolean): { files: string[]; imports: Reach[] } {
  const seen = new Set<string>();
  const imports: Reach[] = [];
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imp of importsOf(readFileSync(file, 'utf8'))) {
      if (imp.typeOnly || (imp.dynamic && !dynamic)) continue;
      if (imp.spec.startsWith('.')) stack.push(resolveRelative(file, imp.spec));
      else imports.push({ file, imp });
    }
  }
  return { files: [...seen], imports };
}

const rel = (f: string) => f.slice(root.length);
const NODE_GLOBALS =
  /(?<![.\w$])(Buffer|process|setImmediate|clearImmediate|__dirname|__filename|require)\b(?!\??\s*:)/;

describe('entry points load only what they declare', () => {
  for (const { short, dir, manifest } of packages) {
    describe(manifest.name, () => {
      const exportsMap = Object.entries(manifest.exports).filter(([, v]) => typeof v === 'object') as Array<
        [string, { import: string }]
      >;
      const portable = new Set(manifest.swarm?.portable ?? []);
      const native = new Set(manifest.swarm?.native ?? []);

      it('classifies only exports it has, each at most once', () => {
        const names = new Set(exportsMap.map(([k]) => k));
        for (const e of [...portable, ...native]) expect(names, `swarm lists ${e}`).toContain(e);
        for (const e of portable) expect(native.has(e), `${e} is both portable and native`).toBe(false);
      });

      for (const [subpath, target] of exportsMap) {
        const spec = subpath === '.' ? manifest.name : `${manifest.name}${subpath.slice(1)}`;
        const src = sourceOf(dir, target);
        const kind = portable.has(subpath) ? 'portable' : native.has(subpath) ? 'native' : 'node';

        if (kind === 'portable') {
          it(`${spec} is portable: no Node builtin or global, no native addon, only portable @swarm entries`, () => {
            const { files, imports } = walk(src, true);
            for (const { file, imp } of imports) {
              const where = `${rel(file)} imports ${imp.spec}`;
              expect(isBuiltin(imp.spec), where).toBe(false);
              expect(isNative(dir, packageOf(imp.spec)), `${where}, a native addon`).toBe(false);
              const t = swarmTarget(imp.spec);
              if (t) expect(t[0].swarm?.portable ?? [], `${where}, which is not portable`).toContain(t[1]);
            }
            for (const f of files) {
              if (!f.endsWith('.ts')) continue;
              const lines = code(readFileSync(f, 'utf8')).split('\n');
              lines.forEach((line, i) => {
                const m = NODE_GLOBALS.exec(line);
                expect(m, `${rel(f)}:${i + 1} uses the Node global ${m?.[1]}`).toBeNull();
              });
            }
          });
        } else if (kind === 'node') {
          it(`${spec} never loads a native addon when imported (only through a dynamic import)`, () => {
            for (const { file, imp } of walk(src, false).imports) {
              const where = `${rel(file)} imports ${imp.spec}`;
              expect(isNative(dir, packageOf(imp.spec)), `${where}, a native addon`).toBe(false);
              const t = swarmTarget(imp.spec);
              if (t) expect(t[0].swarm?.native ?? [], `${where}, a native entry`).not.toContain(t[1]);
            }
          });
        }
      }

      it('declares exactly the runtime dependencies its sources import', () => {
        const srcDir = join(dir, 'src');
        const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
          .filter((f) => /\.(ts|js)$/.test(f))
          .map((f) => join(srcDir, f));
        const used = new Set<string>();
        for (const f of files)
          for (const imp of importsOf(readFileSync(f, 'utf8')))
            if (!imp.spec.startsWith('.') && !isBuiltin(imp.spec)) used.add(packageOf(imp.spec));
        const declared = new Set(
          Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).filter(
            (d) => !d.startsWith('@types/'),
          ),
        );
        expect(
          [...used].filter((d) => !declared.has(d)).sort(),
          `${short}: imported but not declared`,
        ).toEqual([]);
        // A dependency may also be there to satisfy an optional peer of a workspace dependency
        // (classic-level for @swarm/raft/level).
        const peersOfDeps = new Set(
          Object.keys(manifest.dependencies ?? {}).flatMap((d) =>
            Object.keys(byName.get(d)?.manifest.peerDependencies ?? {}),
          ),
        );
        expect(
          [...declared].filter((d) => !used.has(d) && !peersOfDeps.has(d)).sort(),
          `${short}: declared but never imported`,
        ).toEqual([]);
      });

      it('has a publishable manifest: MIT with a LICENSE file, repository, engines, ranges, no build leftovers', () => {
        expect(manifest.license).toBe('MIT');
        expect(existsSync(join(dir, 'LICENSE'))).toBe(true);
        for (const field of ['description', 'keywords', 'repository', 'homepage', 'bugs', 'engines'])
          expect(manifest[field], field).toBeDefined();
        expect((manifest.engines as { node?: string }).node).toMatch(/^>=\d+(\.\d+\.\d+)?$/);
        expect(manifest.files as string[]).toContain('!dist/.tsbuildinfo');
        for (const field of ['dependencies', 'peerDependencies', 'devDependencies'] as const)
          for (const [dep, range] of Object.entries(manifest[field] ?? {}))
            if (dep.startsWith('@swarm/')) expect(range, `${field}.${dep}`).toBe('workspace:^');
      });
    });
  }

  it('the root manifest says MIT, as LICENSE does', () => {
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).license).toBe('MIT');
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });
});
