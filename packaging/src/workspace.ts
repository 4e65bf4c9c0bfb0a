// The workspace as the packaging checks see it: every directory under packages/ with a
// package.json, found at run time, so that a package added later is checked like the others.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  keywords?: string[];
  repository?: { type: string; url: string; directory?: string };
  homepage?: string;
  bugs?: { url: string };
  engines?: { node?: string };
  files?: string[];
  exports: Record<string, string | { types: string; import: string }>;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  devDependencies?: Record<string, string>;
  /** How each export may load: `portable` (a browser bundle), `native` (may load a native addon). */
  swarm?: { portable?: string[]; native?: string[] };
}

export interface WorkspacePackage {
  /** `raft` for @swarm/raft */
  short: string;
  name: string;
  dir: string;
  manifest: Manifest;
}

export function workspacePackages(): WorkspacePackage[] {
  const base = join(root, 'packages');
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(base, d.name, 'package.json')))
    .map((d) => {
      const dir = join(base, d.name);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
      return { short: d.name, name: manifest.name, dir, manifest };
    })
    .filter((p) => p.manifest.private !== true)
    .sort((a, b) => a.short.localeCompare(b.short));
}

/** The code export subpaths of a package (not `./package.json`, not file patterns). */
export function codeExports(m: Manifest): string[] {
  return Object.entries(m.exports)
    .filter(([k, v]) => k !== './package.json' && typeof v === 'object')
    .map(([k]) => k);
}
