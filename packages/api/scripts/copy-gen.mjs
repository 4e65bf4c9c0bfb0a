#!/usr/bin/env node
// tsc does not copy the generated JavaScript; place it (and its declarations) beside the build.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(pkg, 'dist', 'gen'), { recursive: true });
for (const f of ['proto.js', 'proto.d.ts'])
  copyFileSync(join(pkg, 'src', 'gen', f), join(pkg, 'dist', 'gen', f));
