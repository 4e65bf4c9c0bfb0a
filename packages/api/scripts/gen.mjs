#!/usr/bin/env node
// Regenerates the static protobuf code and its types from proto/swarm/*.proto:
//   src/gen/proto.js    static ES module (protobufjs-cli, static-module target)
//   src/gen/proto.d.ts  its TypeScript declarations
// The output is committed so that a clean clone builds without running the generator.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const protoDir = join(pkg, 'proto');
const files = readdirSync(join(protoDir, 'swarm'))
  .filter((f) => f.endsWith('.proto'))
  .sort()
  .map((f) => join(protoDir, 'swarm', f));
const bin = (name) => join(pkg, 'node_modules', '.bin', name);
const outJs = join(pkg, 'src', 'gen', 'proto.js');
const outDts = join(pkg, 'src', 'gen', 'proto.d.ts');
const tmp = mkdtempSync(join(tmpdir(), 'swarm-gen-'));

function pbjs(out, extra) {
  const args = ['-t', 'static-module', '-w', 'es6', '--es6', '--force-long', '-p', protoDir, '-o', out];
  execFileSync(bin('pbjs'), [...args, ...extra, ...files], { stdio: 'inherit' });
  // Node's ESM resolver needs the file extension: protobufjs has no exports map.
  writeFileSync(
    out,
    readFileSync(out, 'utf8').replace('from "protobufjs/minimal"', 'from "protobufjs/minimal.js"'),
  );
}

try {
  // pbts reads the JSDoc of a commented build; the shipped module leaves the comments out.
  const commented = join(tmp, 'proto.js');
  pbjs(commented, []);
  execFileSync(bin('pbts'), ['-o', outDts, commented], { stdio: 'inherit' });
  writeFileSync(
    outDts,
    readFileSync(outDts, 'utf8').replace('from "protobufjs"', 'from "protobufjs/minimal.js"'),
  );
  pbjs(outJs, ['--no-comments']);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`generated src/gen/proto.js and src/gen/proto.d.ts from ${files.length} .proto files`);
