// @swarm/node composes the libraries and holds no logic of its own that an embedder would need
// (issue 21). Mechanically: every module of the node must be node-specific, where the
// NODE-SPECIFIC modules are the smallest set such that
//
//   (1) a module that only declares the node's own contract is node-specific: each of its runtime
//       exports is an error class (a subclass of SwarmError) or a constant (not a function, not
//       another class); its types are free. These are the node's vocabulary (errors.ts, the
//       control API's types), which by nature import nothing of the node;
//   (2) a module that imports a node-specific module is node-specific (a relative import that
//       resolves inside packages/node/src, or @swarm/node itself; type-only imports, re-exports
//       and import() included).
//
// So a module, or a group of modules importing one another, that reaches nothing of the node but
// through other such modules imports only libraries (workspace packages, npm packages, Node
// builtins), or nothing, and holds logic: it belongs in a library, which the node then imports.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SwarmError } from '@swarm/api';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const ENTRIES: Record<string, string> = { '@swarm/node': 'index.ts', '@swarm/node/control': 'control.ts' };

/** Every hand-written module of the package, as a path relative to src/ (`daemon/daemon.ts`). */
function modules(): string[] {
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort();
}

/** Every module specifier a file names: static imports, re-exports, `import()`, type-only ones too. */
function specifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** The module of @swarm/node that `spec`, imported from `file`, names (relative to src/); else undefined. */
function nodeModule(file: string, spec: string): string | undefined {
  if (spec in ENTRIES) return ENTRIES[spec];
  if (!spec.startsWith('.')) return undefined;
  const target = resolve(src, dirname(file), spec);
  if (relative(src, target).startsWith('..')) return undefined;
  for (const candidate of [target.replace(/\.js$/, '.ts'), `${target}.ts`, join(target, 'index.ts')])
    if (existsSync(candidate)) return relative(src, candidate);
  throw new Error(`${file}: cannot resolve ${spec}`);
}

/** Whether a module only declares the contract: its runtime exports are error classes and constants. */
async function declaresOnlyContract(file: string): Promise<boolean> {
  const exported = Object.values(await import(/* @vite-ignore */ join(src, file)));
  return exported.every((v) => typeof v !== 'function' || v.prototype instanceof SwarmError);
}

/** The modules of the node that are not node-specific, each with the node modules it imports. */
async function libraryOnly(): Promise<Map<string, string[]>> {
  const imports = new Map<string, string[]>();
  for (const file of modules()) {
    const own = specifiers(readFileSync(join(src, file), 'utf8'))
      .map((s) => nodeModule(file, s))
      .filter((m): m is string => m !== undefined);
    imports.set(file, own);
  }
  const specific = new Set<string>();
  for (const file of imports.keys()) if (await declaresOnlyContract(file)) specific.add(file);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [file, own] of imports)
      if (!specific.has(file) && own.some((m) => specific.has(m))) {
        specific.add(file);
        grew = true;
      }
  }
  return new Map([...imports].filter(([file]) => !specific.has(file)));
}

describe('@swarm/node has no module that imports only libraries', () => {
  it('tells node modules from libraries by where an import resolves', () => {
    expect(nodeModule('daemon/run.ts', './paths.js')).toBe('daemon/paths.ts');
    expect(nodeModule('daemon/run.ts', '../control/http.js')).toBe('control/http.ts');
    expect(nodeModule('index.ts', '@swarm/node/control')).toBe('control.ts');
    expect(nodeModule('index.ts', '../package.json')).toBeUndefined();
    expect(nodeModule('daemon/run.ts', '@swarm/cli')).toBeUndefined();
    expect(nodeModule('daemon/run.ts', '@swarm/web')).toBeUndefined();
    expect(nodeModule('daemon/run.ts', 'node:fs')).toBeUndefined();
    expect(
      specifiers("import type { A } from './a.js';\nexport * from '../b.js';\nconst c = import('./c.js');"),
    ).toEqual(['./a.js', '../b.js', './c.js']);
  });

  it('finds the contract modules: error classes and constants only', async () => {
    expect(await declaresOnlyContract('control/api.ts')).toBe(true);
    expect(await declaresOnlyContract('control/errors.ts')).toBe(true);
    expect(await declaresOnlyContract('errors.ts')).toBe(true);
    expect(await declaresOnlyContract('daemon/paths.ts')).toBe(false);
  });

  it('every module is node-specific (it declares the contract, or imports a node-specific module)', async () => {
    const offenders = [...(await libraryOnly())].map(([f, own]) =>
      own.length === 0 ? f : `${f} (imports only ${own.join(', ')} of the node)`,
    );
    expect(offenders, 'modules that import only libraries: move their logic into a library').toEqual([]);
  });
});
