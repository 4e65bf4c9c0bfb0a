import { defineProject } from 'vitest/config';

// The packaging checks: tarballs (publint, attw, contents), installs from a private registry with
// the README examples run as written, browser bundles of the portable entries, and API docs.
// They use the built packages (dist/), which `npm test` builds first.
export default defineProject({
  test: {
    name: 'packaging',
    include: ['test/**/*.test.ts'],
    globalSetup: ['./src/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
