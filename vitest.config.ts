import { defineConfig } from 'vitest/config';

// One root command runs every package's and example's tests; each keeps its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/*', 'packaging'],
  },
});
