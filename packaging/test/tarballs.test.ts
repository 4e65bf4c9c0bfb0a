// What `npm publish` would ship, checked per package on the tarball pnpm packs: publint --strict and
// arethetypeswrong (attw, with the repository's .attw.json: the packages are ES modules only) report
// nothing; no build leftovers or duplicated generated code; a LICENSE; no `workspace:` range left.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { run } from '../src/run.js';
import { root, workspacePackages } from '../src/workspace.js';

const registry = inject('registry');
const bin = (name: string) => join(root, 'node_modules/.bin', name);
const timings: Record<string, number> = {};

function listing(tarball: string): string[] {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.replace(/^package\//, ''));
}

function packedManifest(tarball: string): Record<string, unknown> {
  return JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
}

describe.concurrent('published tarballs', () => {
  for (const pkg of workspacePackages()) {
    const tarball = () => registry.tarballs[pkg.name]!;

    it(`${pkg.name}: publint --strict reports nothing`, async () => {
      const r = await run(bin('publint'), ['--strict', tarball()], { cwd: root, timeoutMs: 120_000 });
      timings[`publint ${pkg.short}`] = r.ms;
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/All good!/);
    });

    it(`${pkg.name}: attw reports nothing (ES modules only: the esm-only profile of .attw.json)`, async () => {
      // The same analysis as `npx attw --pack packages/<name>` from the repository root, on the
      // tarball that is published (attw --pack would pack it again with npm).
      const r = await run(bin('attw'), [tarball(), '--format', 'json'], { cwd: root, timeoutMs: 120_000 });
      timings[`attw ${pkg.short}`] = r.ms;
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const problems = (JSON.parse(r.stdout).analysis?.problems ?? []) as Array<{ resolutionKind?: string }>;
      // Only what the profile leaves out may appear: CommonJS require() and node10 resolution.
      const counted = problems.filter((p) => !['node10', 'node16-cjs'].includes(p.resolutionKind ?? ''));
      expect(counted, JSON.stringify(counted)).toEqual([]);
    });

    it(`${pkg.name}: ships dist, README and LICENSE, no build leftovers, ranges instead of workspace links`, () => {
      const files = listing(tarball());
      expect(files).toContain('LICENSE');
      expect(files).toContain('README.md');
      expect(files).toContain('dist/index.js');
      expect(files).toContain('dist/index.d.ts');
      expect(files.filter((f) => f.endsWith('.tsbuildinfo') || f.startsWith('test/'))).toEqual([]);
      // Generated code ships once (dist), not also as a source copy.
      expect(files.filter((f) => f.startsWith('src/gen/'))).toEqual([]);
      const m = packedManifest(tarball());
      expect(JSON.stringify(m)).not.toMatch(/workspace:/);
      for (const field of ['dependencies', 'peerDependencies'] as const) {
        for (const [dep, range] of Object.entries((m[field] ?? {}) as Record<string, string>)) {
          if (dep.startsWith('@swarm/')) expect(range, `${field}.${dep}`).toMatch(/^\^\d+\.\d+\.\d+$/);
        }
      }
      expect(m.license).toBe('MIT');
      for (const k of ['repository', 'homepage', 'bugs', 'keywords', 'engines'])
        expect(m[k], k).toBeDefined();
    });
  }
});

describe('timings', () => {
  it('records how long publint and attw took', () => {
    console.log(`packaging: publint/attw per package (ms): ${JSON.stringify(timings)}`);
    expect(Object.keys(timings).length).toBeGreaterThan(0);
  });
});
