import { defineProject } from 'vitest/config';

// No aliases: the setup installs the packed @swarm/raft and @swarm/api into this example's
// node_modules with npm (the example is not in the pnpm workspace; build first), and the example
// imports them exactly as an embedder's project would.
// The tests start real member processes, so they get minutes, not seconds.
export default defineProject({
  test: {
    name: 'example-raft-kv',
    globalSetup: ['../../packaging/src/example-setup.ts'],
    include: ['test/**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 60_000,
    // The files start member processes; one at a time keeps them from starving each other.
    fileParallelism: false,
  },
});
