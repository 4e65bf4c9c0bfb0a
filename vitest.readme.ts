import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatWithOptions } from 'node:util';
import { readmeContract } from './packaging/src/readme.js';

export interface ReadmeRun {
  /** Line of the example's opening fence in the README. */
  line: number;
  /** What the example printed with console.log. */
  printed: string;
  /** The README's ```output block after it, if any. */
  expected: string | undefined;
}

/**
 * Runs every ```ts example of a package README inside the package's own tests (so `@swarm/*`
 * resolves to the sources, as everywhere in unit tests) and returns what each printed. CI also
 * runs them as written in a fresh install from the registry (packaging/test/registry.test.ts).
 */
export async function runReadmeExamples(packageDir: URL): Promise<ReadmeRun[]> {
  const dir = fileURLToPath(packageDir);
  const { examples } = readmeContract(readFileSync(join(dir, 'README.md'), 'utf8'));
  const work = join(dir, 'test', '.readme-run');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const runs: ReadmeRun[] = [];
  const log = console.log;
  try {
    for (const [i, e] of examples.entries()) {
      const file = join(work, `example-${i + 1}.ts`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, e.code);
      let printed = '';
      console.log = (...args: unknown[]) => {
        printed += `${formatWithOptions({}, ...args)}\n`;
      };
      try {
        await import(/* @vite-ignore */ file);
      } finally {
        console.log = log;
      }
      runs.push({ line: e.line, printed, expected: e.output });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return runs;
}
