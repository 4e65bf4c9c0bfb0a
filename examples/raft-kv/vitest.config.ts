import { defineProject } from 'vitest/config';

// No aliases: the example resolves @swarm/raft and @swarm/api through node_modules to their built
// dist/ (run `npx tsc -b` in packages/raft first), exactly as an embedder's project would.
// The tests start real member processes, so they get minutes, not seconds.
export default defineProject({
  test: {
    name: 'example-raft-kv',
    include: ['test/**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 60_000,
    // The files start member processes; one at a time keeps them from starving each other.
    fileParallelism: false,
  },
});
