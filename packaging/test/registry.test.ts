// The install line, tested literally: every package installs from a private registry into an empty
// directory outside the workspace, its README's install commands run as written, its README's
// TypeScript examples compile with `tsc --strict --module nodenext` and run (printing what the README
// says they print); then @swarm/ca and @swarm/node are added to the same directory (they bring
// @grpc/grpc-js, whose proto loader hoists another protobufjs) and the examples run again.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
// The built test bench (npm test builds every package first): a private Docker Engine for the README
// examples that run containers.
import { Testbed } from '../../packages/testbed/dist/index.js';
import { readmeContract } from '../src/readme.js';
import { npmEnv } from '../src/registry.js';
import { mustRun, run } from '../src/run.js';
import { root, workspacePackages } from '../src/workspace.js';

const registry = inject('registry');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const timings: Record<string, number> = {};

/**
 * A README example that reads DOCKER_HOST runs containers: it gets a private dockerd (in a network
 * namespace of its own, with its bridge there) and a busybox image named by EXAMPLE_IMAGE, started
 * once for the run and only when some README asks for it.
 */
let engineEnv: Promise<{ env: NodeJS.ProcessEnv; bed: Testbed }> | undefined;
function dockerEnv(): Promise<{ env: NodeJS.ProcessEnv; bed: Testbed }> {
  engineEnv ??= (async () => {
    const bed = await Testbed.create({ prefix: 'swpk' });
    const ns = await bed.namespace('readme');
    const engine = await bed.engine({ name: 'readme', netns: ns });
    await bed.busyboxImage(engine, 'busybox:readme');
    return { env: { DOCKER_HOST: engine.host, EXAMPLE_IMAGE: 'busybox:readme' }, bed };
  })();
  return engineEnv;
}
afterAll(async () => {
  if (engineEnv !== undefined) await (await engineEnv.catch(() => undefined))?.bed.cleanup();
}, 120_000);

/** An empty consumer project whose .npmrc maps the @swarm scope to the private registry. */
function consumer(label: string): string {
  const base = join(registry.scratch, 'consumers');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, `${label}-`));
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: `consumer-${label}`, private: true, type: 'module' }, null, 2)}\n`,
  );
  writeFileSync(join(dir, '.npmrc'), `@swarm:registry=${registry.url}\n`);
  return dir;
}

const sh = (dir: string, command: string) =>
  mustRun('sh', ['-c', command], { cwd: dir, env: npmEnv(), timeoutMs: 240_000 });

describe.concurrent('each package, installed from the registry as its README says', () => {
  for (const pkg of workspacePackages()) {
    it(`${pkg.name}: installs into an empty directory and runs its README examples, also beside @swarm/ca and @swarm/node`, async () => {
      const started = Date.now();
      const readme = readmeContract(readFileSync(join(pkg.dir, 'README.md'), 'utf8'));
      expect(readme.install, `${pkg.name}: README needs an "## Install" section with a sh block`).not.toEqual(
        [],
      );
      expect(readme.install.some((c) => c.startsWith('npm install') && c.includes(pkg.name))).toBe(true);
      const dir = consumer(pkg.short);
      for (const command of readme.install) await sh(dir, command);
      const installed = JSON.parse(
        readFileSync(join(dir, 'node_modules', ...pkg.name.split('/'), 'package.json'), 'utf8'),
      );
      expect(installed.version).toBe(registry.versions[pkg.name]);

      const files = readme.examples.map((e, i) => {
        const file = `readme-${i + 1}.ts`;
        writeFileSync(join(dir, file), e.code);
        return file;
      });
      if (files.length > 0) {
        // @types/node is in scope only when the install brought it (declared by the package, or
        // installed by the README's commands): a package whose types need it must say so.
        const hasNodeTypes = (() => {
          try {
            readFileSync(join(dir, 'node_modules/@types/node/package.json'));
            return true;
          } catch {
            return false;
          }
        })();
        writeFileSync(
          join(dir, 'tsconfig.json'),
          JSON.stringify({
            compilerOptions: {
              strict: true,
              module: 'nodenext',
              target: 'es2022',
              skipLibCheck: false,
              types: hasNodeTypes ? ['node'] : [],
              outDir: 'out',
              rootDir: '.',
            },
            files,
          }),
        );
        await mustRun(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, timeoutMs: 240_000 });
      }
      const needsEngine = readme.examples.some((e) => e.code.includes('process.env.DOCKER_HOST'));
      const env = needsEngine ? { ...process.env, ...(await dockerEnv()).env } : process.env;
      const runExamples = async (when: string) => {
        for (const [i, e] of readme.examples.entries()) {
          const r = await run(process.execPath, [`out/readme-${i + 1}.js`], {
            cwd: dir,
            env,
            timeoutMs: 120_000,
          });
          const where = `${pkg.name} README example at line ${e.line} (${when})`;
          expect(r.code, `${where} exited ${r.code}\n${r.stdout}\n${r.stderr}`).toBe(0);
          if (e.output !== undefined) expect(r.stdout, `${where}: output`).toBe(e.output);
        }
      };
      await runExamples('alone');
      await sh(dir, 'npm install @swarm/ca @swarm/node');
      await runExamples('beside @swarm/ca and @swarm/node');
      timings[pkg.name] = Date.now() - started;
    });
  }
});

describe('the protobufjs trap', () => {
  it('@swarm/api decodes with its own protobufjs when @grpc/grpc-js has hoisted protobufjs 7', async () => {
    const dir = consumer('trap');
    await sh(dir, 'npm install @swarm/ca');
    await sh(dir, 'npm install @swarm/api');
    const hoisted = JSON.parse(readFileSync(join(dir, 'node_modules/protobufjs/package.json'), 'utf8'));
    const api = JSON.parse(readFileSync(join(dir, 'node_modules/@swarm/api/package.json'), 'utf8'));
    const check = [
      "import { createRequire } from 'node:module';",
      "import { swarm, toLong, fromLong } from '@swarm/api';",
      "const own = createRequire(import.meta.resolve('@swarm/api'))('protobufjs/package.json').version;",
      "const t = swarm.Task.decode(swarm.Task.encode({ id: 'x'.repeat(25), slot: toLong(7n) }).finish());",
      'console.log(own, t.id.length, fromLong(t.slot));',
    ].join('\n');
    const r = await mustRun(process.execPath, ['--input-type=module', '-e', check], { cwd: dir });
    expect(r.stdout.trim()).toBe(`${api.dependencies.protobufjs} 25 7n`);
    // The trap is armed only if something else really hoisted another major version.
    expect(hoisted.version.split('.')[0]).not.toBe(api.dependencies.protobufjs.split('.')[0]);
  });
});

describe('publishing', () => {
  it('refuses the public registry, and the workspace maps @swarm to no registry at all', async () => {
    const r = await run(process.execPath, [
      join(root, 'scripts/release.mjs'),
      '--registry',
      'https://registry.npmjs.org/',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing https:\/\/registry\.npmjs\.org\/: the public registry's @swarm scope/);
    const none = await run(process.execPath, [join(root, 'scripts/release.mjs')]);
    expect(none.stderr).toMatch(/--registry URL is required/);
    expect(readFileSync(join(root, '.npmrc'), 'utf8')).toMatch(
      /^@swarm:registry=https:\/\/[a-z-]+\.invalid\/$/m,
    );
  });
});

afterAll(() => {
  console.log(`packaging: install + README examples per package (ms): ${JSON.stringify(timings)}`);
});
