import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The workspace's own contract: every package is publishable the same way, and the arrows of the
// design (cli -> node -> libraries -> raft -> api, never back) are visible in manifests and tsconfigs.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const names = readdirSync(`${root}packages`).filter((n) => existsSync(`${root}packages/${n}/package.json`));
const read = (p: string) => JSON.parse(readFileSync(`${root}${p}`, 'utf8'));

const allowed: Record<string, string[]> = {
  api: [],
  raft: ['api'],
  store: ['api', 'raft', 'secret-store'],
  ca: ['api'],
  'secret-store': ['api', 'raft'],
  scheduler: ['api'],
  dispatcher: ['api', 'raft', 'store', 'secret-store', 'ca'],
  'image-trust': ['api'],
  'docker-api': ['api'],
  'executor-docker': ['api', 'dispatcher'],
  'executor-sandbox': ['api', 'dispatcher', 'secret-store'],
  ingress: ['api'],
  // Service networking: IPAM, the resolver, the VIP balancer and the mutual-TLS relay between nodes.
  network: ['api', 'ca'],
  rpc: ['api', 'raft', 'ca', 'dispatcher'],
  web: ['api', 'store'],
  // Standalone Swarm 0.2: its own placement over a pool of engines, served through docker-api.
  classic: ['api', 'docker-api', 'scheduler'],
  node: [
    'api',
    'raft',
    'store',
    'ca',
    'secret-store',
    'scheduler',
    'dispatcher',
    'image-trust',
    'docker-api',
    'executor-docker',
    'executor-sandbox',
    'ingress',
    'network',
    'rpc',
    'web',
  ],
  // The `swarm` command: a client of the node's control API (and `swarm daemon`, which runs one);
  // standalone Swarm 0.2's commands are @swarm/classic's. The node never imports it.
  cli: ['api', 'node', 'scheduler', 'classic'],
  // Test benches (private, never published): engines, registries, namespaces, conformance suites.
  testbed: ['api', 'dispatcher', 'secret-store'],
};

describe('workspace packages', () => {
  it('are exactly the packages of the design', () => {
    expect(names.sort()).toEqual(Object.keys(allowed).sort());
  });

  for (const name of Object.keys(allowed)) {
    describe(`@swarm/${name}`, () => {
      const pkg = read(`packages/${name}/package.json`);

      it('is an ES module without side effects, with typed exports and a files list', () => {
        expect(pkg.name).toBe(`@swarm/${name}`);
        expect(pkg.type).toBe('module');
        expect(pkg.sideEffects).toBe(false);
        expect(pkg.exports['.'].types).toBe('./dist/index.d.ts');
        expect(pkg.exports['.'].import).toBe('./dist/index.js');
        expect(pkg.files).toContain('dist');
        expect(existsSync(`${root}packages/${name}/src/index.ts`)).toBe(true);
        expect(readFileSync(`${root}packages/${name}/README.md`, 'utf8').length).toBeGreaterThan(100);
      });

      it('depends only on the packages the design allows, and references exactly those in tsconfig', () => {
        const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })
          .filter((d) => d.startsWith('@swarm/'))
          .map((d) => d.slice('@swarm/'.length));
        for (const d of deps) expect(allowed[name], `@swarm/${name} -> @swarm/${d}`).toContain(d);
        const refs = (read(`packages/${name}/tsconfig.json`).references ?? []).map((r: { path: string }) =>
          r.path.replace('../', ''),
        );
        expect(refs.sort()).toEqual(deps.sort());
      });

      it('never imports a workspace package it does not declare', () => {
        const src = `${root}packages/${name}/src`;
        const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) =>
          f.endsWith('.ts'),
        );
        const declared = new Set(Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }));
        for (const f of files) {
          const text = readFileSync(`${src}/${f}`, 'utf8');
          for (const m of text.matchAll(/from '(@swarm\/[a-z-]+)/g))
            expect(declared, `${f} imports ${m[1]}`).toContain(m[1]);
        }
      });
    });
  }

  it('pins the crypto dependencies to exact versions', () => {
    for (const name of names) {
      const deps = read(`packages/${name}/package.json`).dependencies ?? {};
      for (const d of ['@noble/curves', 'pkijs', 'asn1js', '@grpc/grpc-js', 'openpgp']) {
        if (deps[d]) expect(deps[d], `${name}: ${d}`).toMatch(/^\d+\.\d+\.\d+$/);
      }
    }
  });
});
