// Browser bundles with esbuild, resolving `@swarm/*` the way a consumer does: through each
// package's exports map (a self-reference from the package's own directory), to the built dist/.
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { workspacePackages } from './workspace.js';

const swarmResolver: Plugin = {
  name: 'swarm-packages',
  setup(b) {
    const dirs = new Map(workspacePackages().map((p) => [p.name, p.dir]));
    b.onResolve({ filter: /^@swarm\/[a-z-]+/ }, async (args) => {
      if (args.pluginData === 'self') return undefined;
      const name = /^@swarm\/[a-z-]+/.exec(args.path)![0];
      const dir = dirs.get(name);
      if (dir === undefined) return undefined;
      const r = await b.resolve(args.path, { kind: args.kind, resolveDir: dir, pluginData: 'self' });
      return r.errors.length > 0 ? { errors: r.errors } : { path: r.path };
    });
  },
};

export interface BrowserBundle {
  code: string;
  minified: number;
  gzipped: number;
  metafile: Metafile;
}

/** Bundles `contents` (an ES module) for a browser, minified; `format` iife needs a global name. */
export async function browserBundle(
  contents: string,
  resolveDir: string,
  options: { format?: 'esm' | 'iife'; globalName?: string } = {},
): Promise<BrowserBundle> {
  const r = await build({
    stdin: { contents, resolveDir, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    format: options.format ?? 'esm',
    ...(options.globalName === undefined ? {} : { globalName: options.globalName }),
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [swarmResolver],
  });
  const code = r.outputFiles[0]!.text;
  return {
    code,
    minified: Buffer.byteLength(code),
    gzipped: gzipSync(code, { level: 9 }).length,
    metafile: r.metafile,
  };
}
