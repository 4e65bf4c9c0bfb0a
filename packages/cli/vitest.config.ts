import { defineProject } from 'vitest/config';
import { swarmProject } from '../../vitest.shared.js';

// Most of this project drives real daemons (e2e-*.test.ts): on a loaded CI machine a step that
// waits for tasks to run can pass 20 s; each test's own waits still bound it.
export default defineProject(swarmProject('cli', { testTimeout: 60_000 }));
