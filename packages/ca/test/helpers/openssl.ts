import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A scratch directory for openssl runs; `cleanup` removes it. */
export function scratch(): {
  dir: string;
  write(name: string, text: string | Uint8Array): string;
  read(name: string): Buffer;
  cleanup(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'swarm-ca-'));
  return {
    dir,
    write(name, text) {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
    read: (name) => readFileSync(join(dir, name)),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs openssl; returns stdout+stderr and the exit status (never throws on a non-zero status). */
export function openssl(args: string[], input?: string): { status: number; output: string } {
  try {
    const out = execFileSync('openssl', args, {
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(input === undefined ? {} : { input }),
    });
    return { status: 0, output: out };
  } catch (err) {
    const e = err as { status?: number; stdout?: string; stderr?: string };
    return { status: e.status ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}
