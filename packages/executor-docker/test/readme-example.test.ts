// The README's example, extracted from the README itself and run as written against a private
// engine (DOCKER_HOST and EXAMPLE_IMAGE point it there); it must print what the README's output
// block says.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type DockerBench, dockerBench, IMAGE } from './harness.js';

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], body: m[2] }));
const example = blocks.findIndex((b) => b.lang === 'ts');

describe('README example', () => {
  let b: DockerBench;
  const file = join(import.meta.dirname, `.readme-example-${process.pid}.ts`);
  beforeAll(async () => {
    b = await dockerBench('dr');
  }, 120_000);
  afterAll(async () => {
    rmSync(file, { force: true });
    await b?.tb.cleanup();
  }, 60_000);

  it('runs a task to COMPLETE and prints what the README says', async () => {
    expect(example).toBeGreaterThanOrEqual(0);
    expect(blocks[example + 1]?.lang).toBe('output');
    writeFileSync(file, blocks[example]!.body!);
    const printed: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      printed.push(args.map(String).join(' '));
    });
    vi.stubEnv('DOCKER_HOST', b.engine.host);
    vi.stubEnv('EXAMPLE_IMAGE', IMAGE);
    try {
      await import(file);
    } finally {
      spy.mockRestore();
      vi.unstubAllEnvs();
    }
    expect(`${printed.join('\n')}\n`).toBe(blocks[example + 1]!.body);
    expect(await b.containersOf('n'.repeat(25))).toEqual([]);
  });
});
