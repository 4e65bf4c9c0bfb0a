// Global setup of the packaging checks: one private registry with every package published.
import type { TestProject } from 'vitest/node';
import { acquireRegistry, type RegistryInfo, releaseRegistry } from './registry.js';

declare module 'vitest' {
  export interface ProvidedContext {
    registry: RegistryInfo;
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const info = await acquireRegistry();
  console.log(
    `packaging: packed in ${info.timings.packMs} ms, Verdaccio up in ${info.timings.startMs} ms, published in ${info.timings.publishMs} ms at ${info.url}`,
  );
  project.provide('registry', info);
  return releaseRegistry;
}
