/**
 * Runs the real docker CLI against a node's Docker API socket. Debian's docker.io (20.10, API 1.41)
 * is at /usr/bin/docker; a newer client, when the machine has one, at /usr/local/bin/docker (it
 * negotiates down to 1.41 through /_ping).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const DEBIAN_DOCKER = '/usr/bin/docker';
export const NEWER_DOCKER = '/usr/local/bin/docker';

/** The clients to verify with: Debian's (required), and a newer one where the machine has it. */
export function dockerClients(): string[] {
  if (!existsSync(DEBIAN_DOCKER))
    throw new Error(`${DEBIAN_DOCKER} is missing: install Debian's docker.io (apt-get install docker.io)`);
  return [DEBIAN_DOCKER, ...(existsSync(NEWER_DOCKER) ? [NEWER_DOCKER] : [])];
}

export interface DockerResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class DockerCli {
  readonly env: NodeJS.ProcessEnv;
  constructor(
    readonly bin: string,
    readonly host: string,
    configDir: string,
    extraEnv: NodeJS.ProcessEnv = {},
  ) {
    mkdirSync(configDir, { recursive: true });
    this.env = {
      PATH: process.env.PATH,
      HOME: configDir,
      DOCKER_HOST: host,
      DOCKER_CONFIG: join(configDir, '.docker'),
      DOCKER_CLI_HINTS: 'false',
      ...extraEnv,
    };
  }

  run(args: string[], input?: string, cwd?: string): Promise<DockerResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.bin, args, {
        env: this.env,
        stdio: ['pipe', 'pipe', 'pipe'],
        ...(cwd ? { cwd } : {}),
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (b: Buffer) => {
        stdout += b.toString();
      });
      child.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      child.stdin.end(input ?? '');
    });
  }

  /** Runs and fails unless the command exits 0; returns stdout. */
  async ok(args: string[], input?: string, cwd?: string): Promise<string> {
    const r = await this.run(args, input, cwd);
    if (r.code !== 0)
      throw new Error(`${this.bin} ${args.join(' ')} exited ${r.code}:\n${r.stderr}${r.stdout}`);
    return r.stdout;
  }

  /** Runs and expects a failure; returns stderr. */
  async fails(args: string[], input?: string): Promise<string> {
    const r = await this.run(args, input);
    if (r.code === 0) throw new Error(`${this.bin} ${args.join(' ')} succeeded:\n${r.stdout}`);
    return r.stderr;
  }
}
