import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSwarmError, MemoryLogger, SwarmError } from '@swarm/api';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTROL_METHODS, LOCAL_ONLY_METHODS } from '../src/control/api.js';
import { ControlClient, parseControlHost } from '../src/control/client.js';
import { MAX_BODY_BYTES, serveControl, statusForCode } from '../src/control/http.js';
import { ensureControlTls, readClientTls } from '../src/control/tcp-guard.js';
import { FakeControlApi, NODE1, startFakeDaemon } from './fixtures/fake-control-api.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function daemon() {
  const d = await startFakeDaemon();
  cleanups.push(d.close);
  return d;
}

function tmp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'swarm-ctl-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A raw HTTP call, to see statuses and bodies the client hides. */
function raw(
  socketPath: string,
  method: string,
  path: string,
  body = '',
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { socketPath, method, path, headers: { 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('control transport over a unix socket', () => {
  it('returns results and passes requests through', async () => {
    const d = await daemon();
    const client = new ControlClient(d.host);
    const info = await client.info();
    expect(info.nodeId).toBe(NODE1);
    const token = await client.joinToken({ role: 'manager', rotate: true });
    expect(token.token).toMatch(/^SWMTKN-1-/);
    expect(d.api.callsOf('joinToken')).toEqual([{ role: 'manager', rotate: true }]);
  });

  it('routes every control method, and the client has each one', async () => {
    const d = await daemon();
    const client = new ControlClient(d.host);
    for (const m of CONTROL_METHODS) {
      expect(typeof client[m], m).toBe('function');
      d.api.overrides.set(m, () => ({ echo: m }));
      const r = await (client[m] as (req: object) => Promise<unknown>).call(client, { id: 'x' });
      expect(r, m).toEqual({ echo: m });
    }
    expect(d.api.calls.map((c) => c.method)).toEqual([...CONTROL_METHODS]);
  });

  it('rebuilds SwarmErrors with their code, message and details', async () => {
    const d = await daemon();
    d.api.overrides.set('serviceInspect', () => {
      throw new SwarmError('NOT_FOUND', 'service nope not found', { id: 'nope' });
    });
    const err = await new ControlClient(d.host).serviceInspect({ id: 'nope' }).catch((e: unknown) => e);
    expect(isSwarmError(err, 'NOT_FOUND')).toBe(true);
    expect((err as SwarmError).message).toBe('service nope not found');
    expect((err as SwarmError).details).toEqual({ id: 'nope' });
    const r = await raw(d.socketPath, 'POST', '/v1/serviceInspect', '{"id":"nope"}');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({
      error: {
        name: 'SwarmError',
        code: 'NOT_FOUND',
        message: 'service nope not found',
        details: { id: 'nope' },
      },
    });
  });

  it('maps error codes to HTTP statuses', async () => {
    const d = await daemon();
    const cases: [string, number][] = [
      ['INVALID_ARGUMENT', 400],
      ['NOT_FOUND', 404],
      ['ALREADY_IN_SWARM', 409],
      ['SEQUENCE_CONFLICT', 409],
      ['SWARM_LOCKED', 423],
      ['NOT_A_MANAGER', 503],
      ['SOMETHING_ELSE', 500],
    ];
    for (const [code, status] of cases) {
      expect(statusForCode(code)).toBe(status);
      d.api.fail('info', code, `m ${code}`);
      expect((await raw(d.socketPath, 'POST', '/v1/info')).status).toBe(status);
    }
  });

  it('turns a plain Error into INTERNAL with its message', async () => {
    const d = await daemon();
    d.api.overrides.set('nodeList', () => {
      throw new Error('boom');
    });
    const err = await new ControlClient(d.host).nodeList().catch((e: unknown) => e);
    expect(isSwarmError(err, 'INTERNAL')).toBe(true);
    expect((err as Error).message).toBe('boom');
  });

  it('answers unknown methods, prototype names and GETs with errors', async () => {
    const d = await daemon();
    const unknown = await raw(d.socketPath, 'POST', '/v1/dropTables');
    expect(unknown.status).toBe(404);
    expect((unknown.body as { error: { code: string } }).error.code).toBe('UNKNOWN_METHOD');
    expect((await raw(d.socketPath, 'POST', '/v1/constructor')).status).toBe(404);
    expect((await raw(d.socketPath, 'POST', '/v1/toString')).status).toBe(404);
    expect((await raw(d.socketPath, 'GET', '/v1/info')).status).toBe(405);
    const client = new ControlClient(d.host);
    const err = await client.call('dropTables' as never).catch((e: unknown) => e);
    expect(isSwarmError(err, 'UNKNOWN_METHOD')).toBe(true);
  });

  it('refuses bad JSON, non-object bodies and bodies over the limit', async () => {
    const d = await daemon();
    expect((await raw(d.socketPath, 'POST', '/v1/info', '{nope')).status).toBe(400);
    expect((await raw(d.socketPath, 'POST', '/v1/info', '[1]')).status).toBe(400);
    const big = JSON.stringify({ name: 's', dataBase64: 'A'.repeat(MAX_BODY_BYTES) });
    const err = await new ControlClient(d.host)
      .call('secretCreate', JSON.parse(big) as object)
      .catch((e: unknown) => e);
    expect(isSwarmError(err, 'PAYLOAD_TOO_LARGE')).toBe(true);
    expect(d.api.callsOf('secretCreate')).toEqual([]);
    // Streamed (chunked, no length): refused once read.
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          socketPath: d.socketPath,
          method: 'POST',
          path: '/v1/secretCreate',
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write(`{"name":"s","dataBase64":"${'A'.repeat(MAX_BODY_BYTES / 2)}`);
      req.write('A'.repeat(MAX_BODY_BYTES / 2));
      req.end('"}');
    });
    expect(streamed).toBe(413);
    // A 600 KiB secret (base64) still fits.
    const ok = await new ControlClient(d.host).secretCreate({
      name: 's',
      dataBase64: 'A'.repeat(700 * 1024),
    });
    expect(ok.name).toBe('s');
  });

  it('never logs request bodies (secrets, unlock keys)', async () => {
    const dir = tmp();
    const logger = new MemoryLogger();
    const api = new FakeControlApi();
    const s = await serveControl(api, { socketPath: join(dir, 'swarm.sock') }, logger);
    cleanups.push(() => s.close());
    const client = new ControlClient(s.address);
    const secret = Buffer.from('hunter2-very-secret').toString('base64');
    await client.secretCreate({ name: 'pw', dataBase64: secret });
    api.fail('unlock', 'INVALID_UNLOCK_KEY', 'invalid key, unable to unlock swarm');
    await client.unlock({ unlockKey: 'SWMKEY-1-topsecret' }).catch(() => undefined);
    api.overrides.set('info', () => {
      throw new Error('crash');
    });
    await client.info().catch(() => undefined);
    const text = JSON.stringify(logger.entries);
    expect(logger.entries.some((e) => e.msg === 'control call')).toBe(true);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('SWMKEY-1-topsecret');
  });

  it('creates the socket with mode 0600', async () => {
    const d = await daemon();
    expect(statSync(d.socketPath).mode & 0o777).toBe(0o600);
  });

  it('replaces a stale socket file but not a live one or a regular file', async () => {
    const dir = tmp();
    const path = join(dir, 'swarm.sock');
    // A socket file whose owner died: a real process listens, then is killed (nothing unlinks the file).
    const child = spawn(process.execPath, [
      '-e',
      `require('net').createServer().listen(${JSON.stringify(path)}, () => console.log('up'))`,
    ]);
    await new Promise<void>((r) => child.stdout.once('data', () => r()));
    child.kill('SIGKILL');
    await new Promise<void>((r) => child.once('exit', () => r()));
    expect(statSync(path).isSocket()).toBe(true);
    const s1 = await serveControl(new FakeControlApi(), { socketPath: path });
    cleanups.push(() => s1.close());
    expect((await new ControlClient(s1.address).info()).nodeId).toBe(NODE1);

    const again = await serveControl(new FakeControlApi(), { socketPath: path }).catch((e: unknown) => e);
    expect(isSwarmError(again, 'DAEMON_ALREADY_RUNNING')).toBe(true);

    const file = join(dir, 'plain');
    writeFileSync(file, 'x');
    const onFile = await serveControl(new FakeControlApi(), { socketPath: file }).catch((e: unknown) => e);
    expect(isSwarmError(onFile, 'SOCKET_PATH_IN_USE')).toBe(true);
  });

  it('says how to start the daemon when nothing listens', async () => {
    const dir = tmp();
    const client = new ControlClient(`unix://${join(dir, 'swarm.sock')}`);
    const err = await client.info().catch((e: unknown) => e);
    expect(isSwarmError(err, 'DAEMON_UNREACHABLE')).toBe(true);
    expect((err as Error).message).toBe(
      `Cannot connect to the swarm daemon at unix://${dir}/swarm.sock: is \`swarm daemon --data-dir ${dir}\` running?`,
    );
  });

  it('refuses requests a web page could send: any Origin, and bodies that are not JSON', async () => {
    const d = await daemon();
    const send = (headers: Record<string, string>, body = '{}') =>
      new Promise<{ status: number; code: string }>((resolve, reject) => {
        const req = request(
          { socketPath: d.socketPath, method: 'POST', path: '/v1/joinToken', headers },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                code:
                  (JSON.parse(Buffer.concat(chunks).toString()) as { error?: { code: string } }).error
                    ?.code ?? '',
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    expect(await send({ 'content-type': 'text/plain' }, '{"role":"manager"}')).toEqual({
      status: 415,
      code: 'CONTROL_CONTENT_TYPE_REFUSED',
    });
    expect(await send({ 'content-type': 'application/json', origin: 'http://evil.example' })).toEqual({
      status: 403,
      code: 'CONTROL_ORIGIN_REFUSED',
    });
    expect(d.api.callsOf('joinToken')).toEqual([]);
    expect(
      (await send({ 'content-type': 'application/json; charset=utf-8' }, '{"role":"worker"}')).status,
    ).toBe(200);
  });

  it('on TCP: mutual TLS with the daemon-issued client certificate, the bound Host only, no Origin, JSON only', async () => {
    const dir = tmp();
    const tls = await ensureControlTls(dir, '127.0.1.203');
    expect(statSync(join(tls.clientDir, 'key.pem')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'control-tls', 'ca-key.pem')).mode & 0o777).toBe(0o600);
    const api = new FakeControlApi();
    const s = await serveControl(api, { host: '127.0.1.203', port: 0, tls });
    cleanups.push(() => s.close());
    expect(s.address).toMatch(/^tcp:\/\/127\.0\.1\.203:\d+$/);
    const port = Number(s.address.split(':').pop());
    // The CLI with the client certificate works.
    expect((await new ControlClient(s.address, { certDir: tls.clientDir }).info()).nodeId).toBe(NODE1);
    // Without it: no certificate configured, or a TLS client without one (the handshake fails).
    const none = await new ControlClient(s.address).info().catch((e: unknown) => e);
    expect(isSwarmError(none, 'CONTROL_TLS_MISSING')).toBe(true);
    const client = readClientTls(tls.clientDir);
    const call = (o: { cert?: boolean; headers?: Record<string, string>; body?: string }) =>
      new Promise<{ status: number; code: string }>((resolve, reject) => {
        const req = httpsRequest(
          {
            host: '127.0.1.203',
            port,
            method: 'POST',
            path: '/v1/joinToken',
            ca: client.caPem,
            ...(o.cert === false ? {} : { cert: client.certPem, key: client.keyPem }),
            // A rebinding page's Host names its own domain; the server's certificate is still ours.
            checkServerIdentity: () => undefined,
            headers: { 'content-type': 'application/json', ...o.headers },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                code:
                  (JSON.parse(Buffer.concat(chunks).toString() || '{}') as { error?: { code: string } }).error
                    ?.code ?? '',
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(o.body ?? '{"role":"manager"}');
      });
    await expect(call({ cert: false })).rejects.toThrow();
    expect(await call({ headers: { origin: 'http://127.0.1.203' } })).toMatchObject({
      status: 403,
      code: 'CONTROL_ORIGIN_REFUSED',
    });
    expect(await call({ headers: { host: 'rebound.example:80' } })).toMatchObject({
      status: 403,
      code: 'CONTROL_HOST_REFUSED',
    });
    expect(await call({ headers: { 'content-type': 'text/plain' } })).toMatchObject({
      status: 415,
      code: 'CONTROL_CONTENT_TYPE_REFUSED',
    });
    expect(api.callsOf('joinToken')).toEqual([]);
    expect(await call({})).toMatchObject({ status: 200 });
    expect(api.callsOf('joinToken')).toEqual([{ role: 'manager' }]);
    // A second start keeps the CA and the client certificate (the CLI's copy stays valid).
    const again = await ensureControlTls(dir, '127.0.1.203');
    expect(again.caPem).toBe(tls.caPem);
    expect(readClientTls(tls.clientDir).certPem).toBe(client.certPem);
  });

  it('serves local-only methods (the image policy update) on the unix socket only, never on TCP', async () => {
    const dir = tmp();
    const tls = await ensureControlTls(dir, '127.0.1.204');
    const api = new FakeControlApi();
    const s = await serveControl(api, { host: '127.0.1.204', port: 0, tls });
    cleanups.push(() => s.close());
    expect(LOCAL_ONLY_METHODS.has('imagePolicyUpdate')).toBe(true);
    // The daemon's own client certificate does not make a TCP caller local.
    const err = await new ControlClient(s.address, { certDir: tls.clientDir })
      .imagePolicyUpdate({ signedBase64: 'AA==' })
      .catch((e: unknown) => e);
    expect(isSwarmError(err, 'CONTROL_LOCAL_SOCKET_REQUIRED')).toBe(true);
    expect((err as SwarmError).message).toContain('local unix socket only');
    expect(api.callsOf('imagePolicyUpdate')).toEqual([]);
    // A backup carries the CA key and every secret under the caller's passphrase: local only too.
    const backup = await new ControlClient(s.address, { certDir: tls.clientDir })
      .swarmBackup({ passphrase: 'chosen by the caller' })
      .catch((e: unknown) => e);
    expect(isSwarmError(backup, 'CONTROL_LOCAL_SOCKET_REQUIRED')).toBe(true);
    expect(api.callsOf('swarmBackup')).toEqual([]);
    // Reads are not local-only.
    expect((await new ControlClient(s.address, { certDir: tls.clientDir }).imagePolicyShow()).digest).toMatch(
      /^sha256:/,
    );
    const d = await daemon();
    await new ControlClient(d.host).imagePolicyUpdate({ signedBase64: 'AA==' });
    expect(d.api.callsOf('imagePolicyUpdate')).toEqual([{ signedBase64: 'AA==' }]);
  });

  it('applies an optional per-call timeout', async () => {
    const d = await daemon();
    d.api.overrides.set('serviceCreate', () => new Promise(() => {}));
    const err = await new ControlClient(d.host)
      .call('serviceCreate', { spec: {} }, { timeoutMs: 50 })
      .catch((e: unknown) => e);
    expect(isSwarmError(err, 'DEADLINE_EXCEEDED')).toBe(true);
  });

  it('parses host URLs', () => {
    expect(parseControlHost('unix:///a/b.sock')).toEqual({ socketPath: '/a/b.sock' });
    expect(parseControlHost('tcp://127.0.0.1:2375')).toEqual({ host: '127.0.0.1', port: 2375 });
    expect(parseControlHost('tcp://[::1]:2375')).toEqual({ host: '::1', port: 2375 });
    for (const bad of ['unix://rel.sock', 'tcp://127.0.0.1', 'tcp://h:0', 'http://x:1', '/a.sock']) {
      expect(() => parseControlHost(bad)).toThrow(/invalid --host/);
    }
  });
});
