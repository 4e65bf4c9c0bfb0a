import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { MemoryLogger, swarm, toLong } from '@swarm/api';
import type { TaskConfigFile } from '@swarm/dispatcher';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SandboxExecutor } from '../src/index.js';
import { runTask } from './fixtures/run-task.js';

const { COMPLETE, FAILED, REJECTED, RUNNING, SHUTDOWN, ACCEPTED, PREPARING, STARTING } = swarm.TaskState;
const NODE = process.execPath;
const HOST = '127.0.0.41';
const NODE_ID = 'n'.repeat(25);

let counter = 0;
function taskId(): string {
  counter++;
  return `t${String(counter).padStart(3, '0')}`.padEnd(25, 'x');
}

function makeTask(
  container: swarm.ContainerSpec.$Properties,
  extra: Partial<swarm.Task.$Properties> = {},
): swarm.Task {
  return swarm.Task.create({
    id: taskId(),
    serviceId: 's'.repeat(25),
    slot: toLong(2n),
    serviceAnnotations: { name: 'web' },
    spec: { container },
    ...extra,
  });
}

function text(executor: SandboxExecutor, id: string, stream?: swarm.LogLine.Stream): string[] {
  return executor
    .logs(id)
    .filter((l) => stream === undefined || l.stream === stream)
    .map((l) => Buffer.from(l.data ?? []).toString('utf8'));
}

/** A node one-liner task. */
function nodeTask(script: string, extra: swarm.ContainerSpec.$Properties = {}): swarm.Task {
  return makeTask({ image: 'node', command: [NODE, '-e', script], ...extra });
}

describe('SandboxExecutor', () => {
  let executor: SandboxExecutor;
  const logged: swarm.LogLine.$Properties[] = [];
  const logger = new MemoryLogger();
  const shmDirs: string[] = [];

  beforeAll(() => {
    executor = new SandboxExecutor({
      nodeId: NODE_ID,
      hostAddress: HOST,
      defaultStopGraceMs: 5_000,
      logger,
      onLog: (line) => logged.push(line),
    });
  });

  afterEach(() => {
    for (const d of shmDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  afterAll(async () => {
    await executor.close();
    expect(executor.running()).toEqual([]);
  });

  it('finds a working sandbox on this machine', async () => {
    expect(await SandboxExecutor.checkSandbox()).toBeUndefined();
    expect(await SandboxExecutor.checkSandbox('/nonexistent/bwrap')).toMatch(/apt-get install bubblewrap/);
  });

  it('runs a task to COMPLETE and keeps its output lines in order', async () => {
    const task = nodeTask(
      'for (let i = 1; i <= 3; i++) console.log("out " + i); console.error("err 1"); process.stderr.write("err 2 no newline")',
    );
    const { reports, done } = runTask(executor, task);
    const final = await done;
    expect(final).toMatchObject({ state: COMPLETE, exitCode: 0 });
    expect(reports.map((r) => r.state)).toEqual([ACCEPTED, PREPARING, STARTING, RUNNING, COMPLETE]);
    const runningReport = reports.find((r) => r.state === RUNNING);
    expect(runningReport?.pid).toBeGreaterThan(0);
    expect(text(executor, task.id, swarm.LogLine.Stream.STDOUT)).toEqual(['out 1', 'out 2', 'out 3']);
    expect(text(executor, task.id, swarm.LogLine.Stream.STDERR)).toEqual(['err 1', 'err 2 no newline']);
    const lines = executor.logs(task.id);
    expect(lines.map((l) => Number(l.seq))).toEqual([1, 2, 3, 4, 5].slice(0, lines.length));
    expect(lines[0]).toMatchObject({ taskId: task.id, serviceId: 's'.repeat(25), nodeId: NODE_ID });
    expect(executor.logs(task.id, { tail: 2 })).toHaveLength(2);
    expect(logged.filter((l) => l.taskId === task.id)).toHaveLength(5);
    expect(executor.running()).not.toContain(task.id);
    executor.forget(task.id);
    expect(executor.logs(task.id)).toEqual([]);
  });

  it('reports a non-zero exit as FAILED with the exit code', async () => {
    const { done } = runTask(executor, nodeTask('process.exit(3)'));
    expect(await done).toMatchObject({ state: FAILED, exitCode: 3, err: 'task exited with code 3' });
  });

  it("reports a sandbox that cannot be set up as FAILED with bwrap's reason", async () => {
    const { done } = runTask(executor, nodeTask('0', { dir: '/nonexistent-dir' }));
    expect(await done).toMatchObject({
      state: FAILED,
      err: expect.stringMatching(/bwrap: .*nonexistent-dir/),
    });
  });

  it('reports a task killed by a signal', async () => {
    const { done } = runTask(executor, nodeTask('process.kill(process.pid, "SIGKILL")'));
    expect(await done).toMatchObject({ state: FAILED, err: expect.stringMatching(/killed by SIGKILL/) });
  });

  it('rejects a task without a command, and a missing bwrap names the fix', async () => {
    const { done } = runTask(executor, makeTask({ image: 'x' }));
    expect(await done).toMatchObject({
      state: REJECTED,
      err: expect.stringMatching(/no command.*after `--`/),
    });

    const broken = new SandboxExecutor({
      nodeId: NODE_ID,
      hostAddress: HOST,
      bwrapPath: '/nonexistent/bwrap',
    });
    const second = runTask(broken, nodeTask('0'));
    expect(await second.done).toMatchObject({
      state: REJECTED,
      err: expect.stringMatching(/apt-get install bubblewrap/),
    });
  });

  it('stops a running task: SHUTDOWN, and its whole process tree is gone', async () => {
    // The task starts a grandchild too; both must disappear.
    const task = nodeTask(
      'require("child_process").spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "inherit" }); console.log("up"); setInterval(() => {}, 1000)',
    );
    const { running, done } = runTask(executor, task);
    const r = await running;
    expect(r.state).toBe(RUNNING);
    const pid = r.pid!;
    expect(alive(pid)).toBe(true);
    await waitFor(() => text(executor, task.id).includes('up'));
    const tree = descendants(pid);
    expect(tree.length).toBeGreaterThanOrEqual(2);
    expect(executor.running()).toContain(task.id);
    executor.stop(task.id);
    executor.stop(task.id); // a second stop is a no-op
    expect(await done).toMatchObject({ state: SHUTDOWN });
    for (const p of [pid, ...tree]) expect(alive(p)).toBe(false);
    executor.stop(task.id); // finished: no-op
    executor.stop('unknown');
  });

  it('kills a task that ignores SIGTERM after the grace period', async () => {
    const task = nodeTask(
      'process.on("SIGTERM", () => console.log("ignoring")); console.log("up"); setInterval(() => {}, 1000)',
      {
        stopGracePeriodMs: toLong(300n),
      },
    );
    const { running, done } = runTask(executor, task);
    const pid = (await running).pid!;
    await waitFor(() => text(executor, task.id).includes('up'));
    executor.stop(task.id);
    expect(await done).toMatchObject({ state: SHUTDOWN });
    expect(text(executor, task.id)).toContain('ignoring');
    expect(alive(pid)).toBe(false);
  });

  it('isolates the task: own PID and network namespaces, unprivileged user, no host /root, read-only system', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exec-data-'));
    try {
      const task = nodeTask(
        `const fs = require("fs");
         const r = { pid: process.pid, uid: process.getuid(), gid: process.getgid(), hostname: require("os").hostname() };
         const probe = (p) => { try { fs.readdirSync(p); return "visible"; } catch (e) { return e.code; } };
         r.root = probe("/root"); r.data = probe(${JSON.stringify(dataDir)});
         try { fs.writeFileSync("/usr/x", "1"); r.usr = "writable"; } catch (e) { r.usr = e.code; }
         try { fs.writeFileSync("/etc/x", "1"); r.etc = "writable"; } catch (e) { r.etc = e.code; }
         r.cwd = process.cwd();
         r.procs = fs.readdirSync("/proc").filter((n) => /^[0-9]+$/.test(n)).length;
         r.shm = fs.existsSync("/dev/shm") ? fs.readdirSync("/dev/shm") : [];
         r.ifaces = Object.keys(require("os").networkInterfaces()).sort();
         r.env = { PATH: process.env.PATH, SWARM_TASK_ID: process.env.SWARM_TASK_ID, SWARM_SERVICE_NAME: process.env.SWARM_SERVICE_NAME, SWARM_TASK_SLOT: process.env.SWARM_TASK_SLOT, SWARM_NODE_ID: process.env.SWARM_NODE_ID, SWARM_SERVICE_ID: process.env.SWARM_SERVICE_ID, HOST: process.env.HOST, FOO: process.env.FOO, HOME: process.env.HOME };
         console.log(JSON.stringify(r));`,
        { env: ['FOO=bar=baz'], dir: '/tmp' },
      );
      const { done } = runTask(executor, task);
      expect(await done).toMatchObject({ state: COMPLETE });
      const r = JSON.parse(text(executor, task.id)[0]!);
      expect(r.pid).toBeLessThan(10);
      expect(r.uid).toBe(65534);
      expect(r.gid).toBe(65534);
      expect(r.root).toBe('ENOENT');
      expect(r.data).toBe('ENOENT');
      expect(r.usr).toMatch(/EROFS|EACCES/);
      expect(r.etc).toMatch(/EROFS|EACCES/);
      expect(r.cwd).toBe('/tmp');
      expect(r.procs).toBeLessThan(5); // only the sandbox's own processes
      expect(r.shm).toEqual([]); // the host's /dev/shm (where secrets live) is not there
      expect(r.hostname).toContain('web.2.');
      // Its own network: loopback and the slirp4netns link, none of the host's interfaces.
      expect(r.ifaces).toEqual(['lo', 'tap0']);
      expect(r.env).toEqual({
        PATH: '/usr/local/bin:/usr/bin:/bin',
        SWARM_TASK_ID: task.id,
        SWARM_SERVICE_NAME: 'web',
        SWARM_TASK_SLOT: '2',
        SWARM_NODE_ID: NODE_ID,
        SWARM_SERVICE_ID: 's'.repeat(25),
        HOST: '0.0.0.0', // in its own namespace the task listens on any address
        FOO: 'bar=baz',
      });
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('gives secrets on tmpfs to their task only, read-only at /run/secrets, mode 0400', async () => {
    const dir = fs.mkdtempSync('/dev/shm/exec-test-secrets-');
    shmDirs.push(dir);
    fs.writeFileSync(path.join(dir, 'db-password'), 'hunter2', { mode: 0o400 });
    const script = `const fs = require("fs");
      const p = "/run/secrets/db-password";
      const r = {};
      try { r.data = fs.readFileSync(p, "utf8"); r.mode = (fs.statSync(p).mode & 0o777).toString(8); } catch (e) { r.data = e.code; }
      try { fs.writeFileSync(p, "x"); r.write = "ok"; } catch (e) { r.write = e.code; }
      try { fs.writeFileSync("/run/secrets/new", "x"); r.create = "ok"; } catch (e) { r.create = e.code; }
      console.log(JSON.stringify(r));
      setTimeout(() => {}, 300);`;
    const withSecret = nodeTask(script, {
      secrets: [{ secretId: 'x'.repeat(25), secretName: 'db-password', target: 'db-password' }],
    });
    const other = nodeTask(
      'const fs = require("fs"); let r; try { r = fs.readdirSync("/run/secrets").join(","); } catch (e) { r = e.code; } console.log(r); setTimeout(() => {}, 300)',
    );
    const a = runTask(executor, withSecret, dir);
    const b = runTask(executor, other);
    expect(await a.done).toMatchObject({ state: COMPLETE });
    expect(await b.done).toMatchObject({ state: COMPLETE });
    expect(JSON.parse(text(executor, withSecret.id)[0]!)).toEqual({
      data: 'hunter2',
      mode: '400',
      write: expect.stringMatching(/EROFS|EACCES/),
      create: expect.stringMatching(/EROFS|EACCES/),
    });
    expect(text(executor, other.id)).toEqual(['ENOENT']);
    // The secret never appears in the executor's own log lines.
    expect(logger.text()).not.toContain('hunter2');
  });

  it('puts configs read-only at their target paths in their task only, with their mode', async () => {
    const script = `const fs = require("fs");
      const r = {};
      for (const p of ["/app.conf", "/srv/conf/nested.ini"]) {
        try { r[p] = { data: fs.readFileSync(p, "utf8"), mode: (fs.statSync(p).mode & 0o777).toString(8) }; } catch (e) { r[p] = e.code; }
      }
      try { fs.writeFileSync("/app.conf", "x"); r.write = "ok"; } catch (e) { r.write = e.code; }
      console.log(JSON.stringify(r));
      setTimeout(() => {}, 300);`;
    const configId = 'c'.repeat(25);
    const withConfig = nodeTask(script, {
      configs: [
        { configId, configName: 'app', target: '/app.conf', mode: 0o444 },
        { configId: 'd'.repeat(25), configName: 'nested', target: '/srv/conf/nested.ini', mode: 0o440 },
      ],
    });
    const other = nodeTask(
      'const fs = require("fs"); let r; try { r = fs.readFileSync("/app.conf", "utf8"); } catch (e) { r = e.code; } console.log(r); setTimeout(() => {}, 300)',
    );
    const files: TaskConfigFile[] = [
      { name: 'app', target: '/app.conf', data: Buffer.from('port=80\n'), uid: 0, gid: 0, mode: 0o444 },
      {
        name: 'nested',
        target: '/srv/conf/nested.ini',
        data: Buffer.from('[a]'),
        uid: 0,
        gid: 0,
        mode: 0o440,
      },
    ];
    const a = runTask(executor, withConfig, undefined, files);
    const b = runTask(executor, other);
    expect(await a.done).toMatchObject({ state: COMPLETE });
    expect(await b.done).toMatchObject({ state: COMPLETE });
    expect(JSON.parse(text(executor, withConfig.id)[0]!)).toEqual({
      '/app.conf': { data: 'port=80\n', mode: '444' },
      '/srv/conf/nested.ini': { data: '[a]', mode: '440' },
      write: expect.stringMatching(/EROFS|EACCES/),
    });
    expect(text(executor, other.id)).toEqual(['ENOENT']);
  });

  it('rejects a task whose config targets are not absolute file paths or were not delivered', async () => {
    const bad = nodeTask('console.log(1)', {
      configs: [{ configId: 'c'.repeat(25), configName: 'x', target: '/x' }],
    });
    const r1 = runTask(executor, bad, undefined, [
      { name: 'x', target: '/etc/../x', data: Buffer.from('1'), uid: 0, gid: 0, mode: 0o444 },
    ]);
    expect(await r1.done).toMatchObject({
      state: REJECTED,
      err: expect.stringContaining('not an absolute file path'),
    });
    const missing = nodeTask('console.log(1)', {
      configs: [
        { configId: 'c'.repeat(25), configName: 'x', target: '/x' },
        { configId: 'e'.repeat(25), configName: 'y', target: '/y' },
      ],
    });
    const r2 = runTask(executor, missing, undefined, [
      { name: 'x', target: '/x', data: Buffer.from('1'), uid: 0, gid: 0, mode: 0o444 },
    ]);
    expect(await r2.done).toMatchObject({ state: REJECTED, err: expect.stringContaining('not delivered') });
  });

  it('rejects a task whose secrets are not on an in-memory filesystem (fail closed)', async () => {
    const diskDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exec-secrets-'));
    try {
      fs.writeFileSync(path.join(diskDir, 'db-password'), 'hunter2');
      const ref = { secretId: 'x'.repeat(25), secretName: 'db-password', target: 'db-password' };
      const onDisk = fs.statfsSync(diskDir).type !== 0x01021994;
      // Where os.tmpdir() is itself a tmpfs, a probe seam plays the disk.
      const exec = onDisk
        ? executor
        : new SandboxExecutor({
            nodeId: NODE_ID,
            hostAddress: HOST,
            probe: { fsType: () => 0xef53, swapDevices: () => [] },
          });
      const { done } = runTask(exec, nodeTask('console.log(1)', { secrets: [ref] }), diskDir);
      expect(await done).toMatchObject({
        state: REJECTED,
        err: expect.stringMatching(/^secrets need an in-memory filesystem: .*\(fail closed\)$/),
      });
      const missing = runTask(executor, nodeTask('console.log(1)', { secrets: [ref] }));
      expect(await missing.done).toMatchObject({
        state: REJECTED,
        err: expect.stringMatching(/fail closed/),
      });
    } finally {
      fs.rmSync(diskDir, { recursive: true, force: true });
    }
  });

  it('rejects secrets while swap is on unless allowed', async () => {
    const dir = fs.mkdtempSync('/dev/shm/exec-test-secrets-');
    shmDirs.push(dir);
    fs.writeFileSync(path.join(dir, 's'), 'v');
    const exec = new SandboxExecutor({
      nodeId: NODE_ID,
      hostAddress: HOST,
      probe: { fsType: () => 0x01021994, swapDevices: () => ['/swapfile'] },
    });
    const { done } = runTask(
      exec,
      nodeTask('0', { secrets: [{ secretId: 'x'.repeat(25), target: 's' }] }),
      dir,
    );
    expect(await done).toMatchObject({ state: REJECTED, err: expect.stringMatching(/swap is on/) });
  });

  it('allocates host ports: PORT/HOST/SWARM_PORT_* are set and the task answers on HOST:PORT', async () => {
    const task = nodeTask(
      `require("http").createServer((req, res) => res.end("hello from " + process.env.SWARM_TASK_ID)).listen(Number(process.env.PORT), process.env.HOST, () => console.log("listening " + process.env.SWARM_PORT_8080));`,
    );
    task.endpoint = swarm.Endpoint.create({
      spec: { ports: [{ name: 'http', targetPort: 8080, protocol: swarm.PortConfig.Protocol.TCP }] },
    });
    const { running, done } = runTask(executor, task);
    const r = await running;
    expect(r.state).toBe(RUNNING);
    expect(r.ports).toHaveLength(1);
    const port = r.ports![0]!;
    expect(port).toMatchObject({
      name: 'http',
      targetPort: 8080,
      protocol: swarm.PortConfig.Protocol.TCP,
      publishMode: swarm.PortConfig.PublishMode.HOST,
    });
    await waitFor(() => text(executor, task.id).length > 0);
    expect(text(executor, task.id)).toEqual([`listening ${port.publishedPort}`]);
    const body = await get(HOST, port.publishedPort!);
    expect(body).toBe(`hello from ${task.id}`);
    executor.stop(task.id);
    expect(await done).toMatchObject({ state: SHUTDOWN });
  });

  it('stops a task that has not started yet, and close() stops everything', async () => {
    const exec = new SandboxExecutor({ nodeId: NODE_ID, hostAddress: HOST, defaultStopGraceMs: 2_000 });
    const early = nodeTask('setInterval(() => {}, 1000)');
    early.endpoint = swarm.Endpoint.create({ spec: { ports: [{ targetPort: 80 }] } });
    const a = runTask(exec, early);
    exec.stop(early.id); // still allocating its port
    expect(await a.done).toMatchObject({ state: SHUTDOWN });
    expect(a.reports.map((r) => r.state)).not.toContain(RUNNING);

    const b = runTask(exec, nodeTask('setInterval(() => {}, 1000)'));
    const pid = (await b.running).pid!;
    expect(exec.running()).toHaveLength(1);
    await exec.close();
    expect(await b.done).toMatchObject({ state: SHUTDOWN });
    expect(alive(pid)).toBe(false);
    expect(() => exec.start(nodeTask('0'), { secretsDir: undefined, report() {} })).toThrow(/closed/);
  });
});

async function waitFor(cond: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Whether a process still runs. The sandbox init is reparented to the host's PID 1 once bwrap's
 * monitor exits, so it can linger as a zombie (dead, not yet reaped) for a moment.
 */
function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Host PIDs of every descendant of `pid`. */
function descendants(pid: number): number[] {
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.shift()!;
    let kids: number[] = [];
    try {
      kids = fs
        .readFileSync(`/proc/${p}/task/${p}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
    } catch {
      kids = [];
    }
    out.push(...kids);
    queue.push(...kids);
  }
  return out;
}

function get(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host, port, path: '/', agent: false }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}
