import { fileURLToPath } from 'node:url';
import type { UserWorkspaceConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Test configuration shared by every package. Workspace packages are resolved to their
 * TypeScript sources, so unit tests never depend on a previous build: `@swarm/x` maps to
 * `packages/x/src/index.ts` and a subpath export `@swarm/x/y` maps to `packages/x/src/y.ts`.
 * (Examples do not use this: they import the built packages, exactly as an embedder would.)
 */
export function swarmProject(name: string, extra: { testTimeout?: number } = {}): UserWorkspaceConfig {
  return {
    resolve: {
      alias: [
        { find: /^@swarm\/([a-z-]+)$/, replacement: `${root}packages/$1/src/index.ts` },
        { find: /^@swarm\/([a-z-]+)\/([a-z-]+)$/, replacement: `${root}packages/$1/src/$2.ts` },
      ],
    },
    test: {
      name,
      // `*.netns.test.ts` files change the network namespace they run in (bridges, addresses,
      // iptables chains): they run only in a second pass inside a private one (`npm test` does it,
      // with SWARM_NETNS=1 under `unshare -n`), never in the machine's own namespace.
      include: process.env.SWARM_NETNS === '1' ? ['test/**/*.netns.test.ts'] : ['test/**/*.test.ts'],
      exclude: process.env.SWARM_NETNS === '1' ? [] : ['test/**/*.netns.test.ts', '**/node_modules/**'],
      testTimeout: extra.testTimeout ?? 20_000,
    },
  };
}
