// Every export a package declares portable (`"swarm": { "portable": [...] }` in its package.json)
// bundles for a browser with esbuild: no Node builtin, no native addon. The raft core's size is
// measured and must match what its README says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserBundle } from '../src/bundle.js';
import { root, workspacePackages } from '../src/workspace.js';

const NATIVE = /(^|\/)(classic-level|node-gyp-build|abstract-level)\/|\.node$/;

describe('portable entry points bundle for a browser', () => {
  for (const pkg of workspacePackages()) {
    for (const entry of pkg.manifest.swarm?.portable ?? []) {
      const spec = entry === '.' ? pkg.name : `${pkg.name}${entry.slice(1)}`;
      it(`${spec}: no Node builtin, no native addon`, async () => {
        // esbuild fails on any Node builtin (node:zlib, fs, events...) when the platform is a browser.
        const b = await browserBundle(`export * from '${spec}';`, root);
        const native = Object.values(b.metafile.outputs)
          .flatMap((o) => Object.keys(o.inputs))
          .filter((f) => NATIVE.test(f));
        expect(native, `${spec} pulls in native code`).toEqual([]);
        expect(b.minified).toBeGreaterThan(0);
      });
    }
  }
});

describe('the raft core', () => {
  it("`import { RawNode } from '@swarm/raft'` is as small as the README says (within 10%)", async () => {
    const b = await browserBundle("export { RawNode } from '@swarm/raft';", root);
    const all = await browserBundle("export * from '@swarm/raft';", root);
    const kb = (n: number) => (n / 1000).toFixed(1);
    console.log(
      `packaging: RawNode bundle ${kb(b.minified)} KB minified, ${kb(b.gzipped)} KB gzipped; whole root ${kb(all.gzipped)} KB gzipped`,
    );
    const readme = readFileSync(join(root, 'packages/raft/README.md'), 'utf8');
    const m = /\*\*([\d.]+) KB, ([\d.]+) KB gzipped\*\* \(the whole root entry: ([\d.]+) KB gzipped\)/.exec(
      readme,
    );
    expect(m, 'the raft README states the measured size').not.toBeNull();
    const [minified, gzipped, whole] = [Number(m![1]), Number(m![2]), Number(m![3])];
    expect(Math.abs(b.minified / 1000 - minified) / minified).toBeLessThan(0.1);
    expect(Math.abs(b.gzipped / 1000 - gzipped) / gzipped).toBeLessThan(0.1);
    expect(Math.abs(all.gzipped / 1000 - whole) / whole).toBeLessThan(0.1);
    // What the codec used to pull in stays out.
    const inputs = Object.values(b.metafile.outputs)
      .flatMap((o) => Object.keys(o.inputs))
      .join('\n');
    expect(inputs).not.toMatch(/protobufjs|\/long\/|gen\/proto/);
  });
});
