// The API reference builds for every package with TypeDoc, warnings as errors: an exported symbol
// without a TSDoc comment fails the build (scripts/docs.mjs, `pnpm docs`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { typedocArgs } from '../../scripts/docs.mjs';
import { run } from '../src/run.js';
import { workspacePackages } from '../src/workspace.js';

const out = mkdtempSync(join(tmpdir(), 'swarm-docs-'));
const timings: Record<string, number> = {};
afterAll(() => {
  console.log(`packaging: typedoc per package (ms): ${JSON.stringify(timings)}`);
  rmSync(out, { recursive: true, force: true });
});

describe.concurrent('API reference', () => {
  for (const pkg of workspacePackages()) {
    it(`${pkg.name}: TypeDoc builds with no warning (every export documented)`, async () => {
      const args: string[] = typedocArgs(pkg.short, join(out, pkg.short));
      const r = await run(process.execPath, args, { cwd: pkg.dir, timeoutMs: 240_000 });
      timings[pkg.short] = r.ms;
      expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
      expect(`${r.stdout}${r.stderr}`).not.toMatch(/\[warning\]|\[error\]/);
    });
  }
});
