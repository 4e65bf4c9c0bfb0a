import { defineProject } from 'vitest/config';

// No aliases here: the setup installs the packed @swarm/api into this example's node_modules with
// npm (the example is not in the pnpm workspace), and the tests import it exactly as an embedder's
// project would.
export default defineProject({
  test: {
    name: 'example-api-roundtrip',
    include: ['test/**/*.test.ts'],
    globalSetup: ['../../packaging/src/example-setup.ts'],
  },
});
