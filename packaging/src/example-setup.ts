// Global setup of each example's vitest project: installs the packed packages into the example's
// own node_modules with npm, as an embedder would (examples/ is not in the pnpm workspace).
import type { TestProject } from 'vitest/node';
import { installExample } from '../../scripts/install-example.mjs';
import { acquireTarballs, releaseTarballs } from './registry.js';

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { tarballs } = await acquireTarballs();
  const started = Date.now();
  installExample(project.config.root, tarballs);
  console.log(
    `packaging: installed the packed packages into ${project.config.root} in ${Date.now() - started} ms`,
  );
  return releaseTarballs;
}
