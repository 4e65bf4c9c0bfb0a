#!/usr/bin/env node
// The `swarm` CLI (and `swarm daemon`). The code lives in ../dist (run `pnpm build` first).
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
