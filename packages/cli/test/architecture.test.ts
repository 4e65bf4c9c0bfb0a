// @swarm/cli is a client of the node's control API (docs/architecture.md §2): its commands load
// only `@swarm/node/control` (the contract and the client, nothing of the daemon); the daemon
// itself (`@swarm/node`) is loaded by a dynamic import in the commands that run it in this process
// (`swarm daemon`, `swarm restore`), and no file reaches into the node's sources.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

/** The module specifiers a file loads when it is imported: static imports and re-exports, not type-only ones. */
function staticImports(file: string): string[] {
  const text = readFileSync(`${src}${file}`, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
  const out: string[] = [];
  for (const s of sf.statements) {
    if (ts.isImportDeclaration(s) && !s.importClause?.isTypeOnly && ts.isStringLiteral(s.moduleSpecifier))
      out.push(s.moduleSpecifier.text);
    if (
      ts.isExportDeclaration(s) &&
      !s.isTypeOnly &&
      s.moduleSpecifier &&
      ts.isStringLiteral(s.moduleSpecifier)
    )
      out.push(s.moduleSpecifier.text);
  }
  return out;
}

describe('@swarm/cli reaches the node only through its public entries', () => {
  it('reads static imports, not type-only ones', () => {
    expect(staticImports('main.ts')).toContain('@swarm/node/control');
    expect(staticImports('main.ts')).not.toContain('@swarm/node');
  });

  it('loads @swarm/node/control statically and the daemon (@swarm/node) only by a dynamic import', () => {
    const offenders = files.flatMap((f) =>
      staticImports(f)
        .filter((m) => m === '@swarm/node' || (m.startsWith('@swarm/node/') && m !== '@swarm/node/control'))
        .map((m) => `${f} imports ${m}`),
    );
    expect(offenders).toEqual([]);
  });

  it("never imports a file outside its own sources by a relative path (the node's, say)", () => {
    const offenders = files.flatMap((f) =>
      ts
        .preProcessFile(readFileSync(`${src}${f}`, 'utf8'), true, true)
        .importedFiles.map((i) => i.fileName)
        .filter((m) => m.startsWith('.') && relative(src, resolve(src, dirname(f), m)).startsWith('..'))
        .map((m) => `${f} imports ${m}`),
    );
    expect(offenders).toEqual([]);
  });
});
