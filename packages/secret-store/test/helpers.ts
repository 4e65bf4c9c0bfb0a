import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const TMPFS = 0x01021994;

/** A fresh directory on a real disk (not tmpfs), removed by the returned cleanup. */
export function diskDir(prefix = 'swarm-ss-'): { dir: string; cleanup: () => void } {
  let base = tmpdir();
  if (Number(statfsSync(base).type) === TMPFS) {
    base = new URL('../.test-tmp/', import.meta.url).pathname;
    mkdirSync(base, { recursive: true });
  }
  const dir = mkdtempSync(join(base, prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every file under `dir` (recursively), by relative path. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** SHA-256 of every file under `dir`, keyed by relative path. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of listFiles(dir))
    out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
  return out;
}

/** True when `needle` occurs anywhere in `haystack`. */
export function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(needle) !== -1;
}
