import { defineProject } from 'vitest/config';

// No aliases here: this example resolves @swarm/api through node_modules to its built dist/,
// through the package's exports map, exactly as an embedder's project would.
export default defineProject({
  test: { name: 'example-api-roundtrip', include: ['test/**/*.test.ts'] },
});
