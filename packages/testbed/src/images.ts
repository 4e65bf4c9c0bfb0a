/**
 * Tiny images without any download: a busybox image imported from Debian's static busybox
 * (`busybox-static`), images built `FROM` it with a few Dockerfile lines, and pushes to a
 * registry. Talks to the engine's API directly (progress streams are checked for errors).
 */
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { CommandFailedError, MissingToolError } from './errors.js';
import { run, which } from './process.js';

export interface RegistryAuth {
  username: string;
  password: string;
  serveraddress: string;
}

/** Calls the Engine API on `socket`; resolves with the JSON lines of the answer. */
export function engineCall(
  socket: string,
  method: string,
  path: string,
  options: { body?: Readable; contentType?: string; headers?: Record<string, string> } = {},
): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        socketPath: socket,
        method,
        path,
        headers: {
          ...(options.body === undefined
            ? {}
            : { 'Content-Type': options.contentType ?? 'application/x-tar' }),
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          text += d;
        });
        res.on('end', () => {
          const lines: unknown[] = [];
          for (const l of text.split(/\r?\n/)) {
            if (l.trim() === '') continue;
            try {
              lines.push(JSON.parse(l));
            } catch {
              lines.push({ raw: l });
            }
          }
          const failed = lines.find((l) => typeof (l as { error?: unknown }).error === 'string') as
            | { error: string }
            | undefined;
          if ((res.statusCode ?? 500) >= 400 || failed !== undefined) {
            const msg = failed?.error ?? (lines[0] as { message?: string })?.message ?? text;
            reject(new Error(`${method} ${path}: ${res.statusCode} ${msg}`));
          } else resolve(lines);
        });
      },
    );
    req.on('error', reject);
    if (options.body === undefined) req.end();
    else options.body.pipe(req);
  });
}

/** A tar stream of `dir` (numeric owners). */
function tarOf(dir: string): Readable {
  const child = spawn(which('tar'), ['--numeric-owner', '-C', dir, '-c', '.'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  child.on('close', (code) => {
    if (code !== 0) child.stdout?.destroy(new CommandFailedError(['tar', '-C', dir, '-c', '.'], code, err));
  });
  return child.stdout as Readable;
}

/** Lays out a busybox root file system in `dir`: /bin/busybox, one link per applet, passwd, group, /tmp. */
export async function busyboxRootfs(dir: string): Promise<void> {
  const busybox = which('busybox');
  // A dynamic busybox would need the host's libraries inside the image.
  const ldd = await run(['ldd', busybox], { check: false }).catch(() => ({ stdout: '', stderr: '' }));
  if (!/not a dynamic|statically linked/.test(`${ldd.stdout}${ldd.stderr}`))
    throw new MissingToolError(`a static busybox (${busybox} is dynamically linked)`, 'busybox-static');
  const applets = (await run([busybox, '--list'])).stdout.split('\n').filter((a) => /^[\w.[-]+$/.test(a));
  for (const d of ['bin', 'etc', 'tmp', 'proc', 'sys', 'dev', 'run', 'root', 'var/www'])
    mkdirSync(join(dir, d), { recursive: true });
  copyFileSync(busybox, join(dir, 'bin', 'busybox'));
  chmodSync(join(dir, 'bin', 'busybox'), 0o755);
  for (const a of applets) if (a !== 'busybox') symlinkSync('busybox', join(dir, 'bin', a));
  writeFileSync(
    join(dir, 'etc', 'passwd'),
    'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n',
  );
  writeFileSync(join(dir, 'etc', 'group'), 'root:x:0:\nnogroup:x:65534:\n');
  writeFileSync(join(dir, 'etc', 'hosts'), '127.0.0.1 localhost\n');
  writeFileSync(join(dir, 'var', 'www', 'index.html'), 'hello from busybox\n');
  chmodSync(join(dir, 'tmp'), 0o1777);
}

/** Splits `repo[:tag]` (a registry host may carry a port). */
export function splitRef(ref: string): { repo: string; tag: string } {
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > slash) return { repo: ref.slice(0, colon), tag: ref.slice(colon + 1) };
  return { repo: ref, tag: 'latest' };
}

/**
 * Imports a busybox image into the engine as `ref` (default command `sh`). `changes` are extra
 * Dockerfile instructions `docker import --change` accepts (CMD, ENV, EXPOSE, WORKDIR, ...).
 */
export async function importBusybox(
  socket: string,
  ref: string,
  scratch: string,
  changes: readonly string[] = [],
): Promise<void> {
  const dir = mkdtempSync(join(scratch, 'rootfs-'));
  try {
    await busyboxRootfs(dir);
    const { repo, tag } = splitRef(ref);
    const q = new URLSearchParams({ fromSrc: '-', repo, tag });
    for (const c of ['CMD ["sh"]', ...changes]) q.append('changes', c);
    await engineCall(socket, 'POST', `/images/create?${q}`, { body: tarOf(dir) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Builds `ref` from a Dockerfile (its lines) with an otherwise empty context; `files` are added to the context. */
export async function buildImage(
  socket: string,
  ref: string,
  dockerfile: readonly string[],
  scratch: string,
  files: Readonly<Record<string, string>> = {},
): Promise<void> {
  const dir = mkdtempSync(join(scratch, 'context-'));
  try {
    writeFileSync(join(dir, 'Dockerfile'), `${dockerfile.join('\n')}\n`);
    // Files keep their mode through COPY: make them executable so scripts need no RUN chmod.
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text, { mode: 0o755 });
    const q = new URLSearchParams({ t: ref, rm: '1', forcerm: '1' });
    await engineCall(socket, 'POST', `/build?${q}`, { body: tarOf(dir) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Adds the tag `target` to the image `source`. */
export async function tagImage(socket: string, source: string, target: string): Promise<void> {
  const { repo, tag } = splitRef(target);
  await engineCall(
    socket,
    'POST',
    `/images/${encodeURIComponent(source)}/tag?${new URLSearchParams({ repo, tag })}`,
  );
}

function authHeader(auth: RegistryAuth | undefined): Record<string, string> {
  // URL-safe base64 *with* padding: the engine decodes it with Go's base64.URLEncoding.
  const b64 = Buffer.from(JSON.stringify(auth ?? {})).toString('base64');
  return { 'X-Registry-Auth': b64.replace(/\+/g, '-').replace(/\//g, '_') };
}

/** Pushes `ref` (which names its registry) from the engine. */
export async function pushImage(socket: string, ref: string, auth?: RegistryAuth): Promise<void> {
  const { repo, tag } = splitRef(ref);
  await engineCall(socket, 'POST', `/images/${repo}/push?${new URLSearchParams({ tag })}`, {
    headers: authHeader(auth),
  });
}

/** Pulls `ref` into the engine. */
export async function pullImage(socket: string, ref: string, auth?: RegistryAuth): Promise<void> {
  const { repo, tag } = splitRef(ref);
  await engineCall(socket, 'POST', `/images/create?${new URLSearchParams({ fromImage: repo, tag })}`, {
    headers: authHeader(auth),
  });
}

/** Removes `ref` from the engine (a no-op when absent). */
export async function removeImage(socket: string, ref: string): Promise<void> {
  await engineCall(socket, 'DELETE', `/images/${encodeURIComponent(ref)}?force=1`).catch((err: Error) => {
    if (!/404/.test(err.message)) throw err;
  });
}
