// The task -> container mapping, without an engine.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { swarm, toLong } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import {
  checkConfigs,
  configArchive,
  Demuxer,
  DockerExecutor,
  dockerOptions,
  engineMessage,
  healthConfig,
  LABELS,
  planContainer,
  probeEngine,
  pullMessage,
  registryOf,
  splitImage,
} from '../src/index.js';

const ctx = {
  nodeId: 'n'.repeat(25),
  clusterId: 'c'.repeat(25),
  network: 'bridge',
  hostAddress: '10.0.0.5',
  secretsDir: undefined,
};

function task(
  container: swarm.ContainerSpec.$Properties,
  extra: Partial<swarm.Task.$Properties> = {},
): swarm.Task {
  return swarm.Task.create({
    id: 't'.repeat(25),
    serviceId: 's'.repeat(25),
    slot: toLong(3n),
    serviceAnnotations: { name: 'web' },
    spec: { container },
    ...extra,
  });
}

describe('planContainer', () => {
  it('names, labels and configures the container of a task', () => {
    const plan = planContainer(
      task(
        {
          image: '127.0.0.1:5000/busybox:1',
          command: ['httpd', '-f'],
          args: ['-p', '80'],
          env: ['A=1'],
          dir: '/srv',
          user: 'nobody',
          hostname: 'h',
          labels: { team: 'x', [LABELS.node]: 'forged' },
          stopGracePeriodMs: toLong(3000n),
        },
        {
          spec: {
            container: { image: 'i', command: ['c'] },
            resources: {
              limits: { memoryBytes: toLong(64n << 20n), nanoCpus: toLong(500_000_000n) },
              reservations: { memoryBytes: toLong(16n << 20n) },
            },
          },
        },
      ),
      ctx,
    );
    expect(plan.name).toBe(`web.3.${'t'.repeat(25)}`);
    const o = plan.options;
    expect(o.Image).toBe('i');
    expect(o.Cmd).toEqual(['c']);
    expect(o.Labels).toMatchObject({
      [LABELS.node]: 'n'.repeat(25),
      [LABELS.cluster]: 'c'.repeat(25),
      [LABELS.task]: 't'.repeat(25),
      [LABELS.service]: 's'.repeat(25),
      [LABELS.slot]: '3',
      [LABELS.secrets]: '0',
    });
    expect(o.HostConfig).toMatchObject({
      NetworkMode: 'bridge',
      Memory: 64 << 20,
      MemorySwap: 64 << 20,
      NanoCpus: 500_000_000,
      MemoryReservation: 16 << 20,
      SecurityOpt: ['no-new-privileges'],
    });
    expect(o.Env).toEqual(expect.arrayContaining([`SWARM_TASK_ID=${'t'.repeat(25)}`, 'SWARM_TASK_SLOT=3']));
  });

  it('keeps user labels but never lets them forge the ownership labels', () => {
    const plan = planContainer(task({ image: 'i', labels: { team: 'x', [LABELS.node]: 'forged' } }), ctx);
    expect(plan.options.Labels?.team).toBe('x');
    expect(plan.options.Labels?.[LABELS.node]).toBe('n'.repeat(25));
    expect(plan.options.Cmd).toBeUndefined(); // the image's own command
  });

  it('binds the secret directory read-only at /run/secrets and names no secret anywhere else', () => {
    const t = task({
      image: 'i',
      secrets: [{ secretId: 'x'.repeat(25), secretName: 'db', target: 'db-pass' }],
    });
    expect(() => planContainer(t, ctx)).toThrow(/none were delivered/);
    const plan = planContainer(t, { ...ctx, secretsDir: '/dev/shm/swarm-n/t' });
    expect(plan.options.HostConfig?.Binds).toEqual(['/dev/shm/swarm-n/t:/run/secrets:ro']);
    expect(plan.secretTargets).toEqual(['db-pass']);
    expect(plan.options.Labels?.[LABELS.secrets]).toBe('1');
    expect(JSON.stringify(plan.options.Env)).not.toContain('db');
    for (const bad of ['../x', 'a/b', '.', '..']) {
      const tt = task({ image: 'i', secrets: [{ secretId: 'x'.repeat(25), target: bad, secretName: bad }] });
      expect(() => planContainer(tt, { ...ctx, secretsDir: '/dev/shm/x' }), bad).toThrow(/plain file name/);
    }
  });

  it('publishes ingress ports on any host port of the node address, host-mode ports on their own', () => {
    const plan = planContainer(
      task(
        { image: 'i' },
        {
          endpoint: {
            spec: {
              ports: [
                { targetPort: 80, publishedPort: 8080, publishMode: swarm.PortConfig.PublishMode.INGRESS },
                {
                  targetPort: 53,
                  publishedPort: 5353,
                  protocol: swarm.PortConfig.Protocol.UDP,
                  publishMode: swarm.PortConfig.PublishMode.HOST,
                },
              ],
            },
          },
        },
      ),
      ctx,
    );
    expect(plan.options.ExposedPorts).toEqual({ '80/tcp': {}, '53/udp': {} });
    expect(plan.options.HostConfig?.PortBindings).toEqual({
      '80/tcp': [{ HostIp: '10.0.0.5', HostPort: '' }],
      '53/udp': [{ HostIp: '10.0.0.5', HostPort: '5353' }],
    });
    expect(() =>
      planContainer(task({ image: 'i' }, { endpoint: { spec: { ports: [{ targetPort: 80 }] } } }), {
        ...ctx,
        network: 'none',
      }),
    ).toThrow(/no network/);
  });

  it('refuses what the engine would refuse, naming the fix', () => {
    expect(() => planContainer(task({ command: ['x'] }), ctx)).toThrow(/no image/);
    expect(() => planContainer(task({ image: 'i', dir: 'rel' }), ctx)).toThrow(/absolute/);
    expect(() => planContainer(task({ image: 'i', env: ['NOEQ'] }), ctx)).toThrow(/KEY=VALUE/);
  });
});

describe('health config', () => {
  it('maps milliseconds to the engine nanoseconds and keeps the image check when nothing is set', () => {
    expect(healthConfig(undefined)).toBeUndefined();
    expect(healthConfig({})).toBeUndefined();
    expect(healthConfig({ test: ['NONE'] })).toEqual({ Test: ['NONE'] });
    expect(
      healthConfig({
        test: ['CMD-SHELL', 'true'],
        intervalMs: toLong(250n),
        timeoutMs: toLong(1000n),
        retries: 2,
        startPeriodMs: toLong(5000n),
      }),
    ).toEqual({ Test: ['CMD-SHELL', 'true'], Interval: 250e6, Timeout: 1e9, Retries: 2, StartPeriod: 5e9 });
  });
});

describe('image references and engine addresses', () => {
  it('finds the registry of an image and splits repository and tag', () => {
    expect(registryOf('127.0.0.1:5000/a/b:1')).toBe('127.0.0.1:5000');
    expect(registryOf('localhost/x')).toBe('localhost');
    expect(registryOf('busybox')).toBe('docker.io');
    expect(registryOf('library/busybox:1')).toBe('docker.io');
    expect(splitImage('127.0.0.1:5000/a/b:1')).toEqual({ fromImage: '127.0.0.1:5000/a/b', tag: '1' });
    expect(splitImage('127.0.0.1:5000/a/b')).toEqual({ fromImage: '127.0.0.1:5000/a/b', tag: 'latest' });
    expect(splitImage('a@sha256:00')).toEqual({ fromImage: 'a@sha256:00', tag: '' });
  });

  it('parses --docker-host forms and refuses others', () => {
    expect(dockerOptions('unix:///var/run/docker.sock')).toMatchObject({
      socketPath: '/var/run/docker.sock',
    });
    expect(dockerOptions('tcp://127.0.0.1:2375')).toMatchObject({
      host: '127.0.0.1',
      port: 2375,
      protocol: 'http',
    });
    for (const bad of ['unix://relative', 'http://x:1', 'tcp://x', 'tcp://x:99999', '/var/run/docker.sock'])
      expect(() => dockerOptions(bad), bad).toThrow(expect.objectContaining({ code: 'INVALID_DOCKER_HOST' }));
  });

  it("words the engine's errors as swarm does", () => {
    const err = Object.assign(
      new Error('(HTTP code 404) unexpected - manifest for x:1 not found: manifest unknown'),
      {
        statusCode: 404,
      },
    );
    expect(engineMessage(err)).toBe('manifest for x:1 not found: manifest unknown');
    expect(engineMessage({ json: { message: 'port is already allocated' } })).toBe(
      'port is already allocated',
    );
    expect(pullMessage('x:1', err)).toMatch(/^No such image: x:1 /);
    expect(pullMessage('x:1', new Error('unauthorized: authentication required'))).toMatch(
      /^pulling x:1 failed: unauthorized/,
    );
  });
});

describe('config archives', () => {
  it('writes a ustar archive that tar lists with each file, owner, mode and content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-tar-'));
    try {
      const deep = `/${'d'.repeat(120)}/${'f'.repeat(90)}.conf`;
      const file = join(dir, 'a.tar');
      writeFileSync(
        file,
        configArchive(
          [
            {
              name: 'a',
              target: '/etc/app/app.conf',
              data: Buffer.from('port=80\n'),
              uid: 101,
              gid: 102,
              mode: 0o440,
            },
            { name: 'b', target: deep, data: Buffer.alloc(513, 0x61), uid: 0, gid: 0, mode: 0o444 },
          ],
          1_700_000_000,
        ),
      );
      const list = execFileSync('tar', ['-tvnf', file, '--numeric-owner'], { encoding: 'utf8' })
        .trim()
        .split('\n');
      expect(list[0]).toMatch(/^-r--r----- 101\/102 +8 2023-11-1\d \d\d:\d\d etc\/app\/app\.conf$/);
      expect(list[1]).toMatch(new RegExp(`^-r--r--r-- 0/0 +513 .* ${deep.slice(1)}$`));
      const out = join(dir, 'out');
      mkdirSync(out);
      execFileSync('tar', ['-xf', file, '-C', out]);
      expect(readFileSync(join(out, 'etc/app/app.conf'), 'utf8')).toBe('port=80\n');
      expect(readFileSync(join(out, deep.slice(1))).length).toBe(513);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses configs the task does not reference, bad targets and targets used twice', () => {
    const task = swarm.Task.create({
      id: 't'.repeat(25),
      spec: { container: { image: 'x', configs: [{ configId: 'c'.repeat(25), target: '/a' }] } },
    });
    const file = (target: string) => ({
      name: 'c',
      target,
      data: Buffer.from('1'),
      uid: 0,
      gid: 0,
      mode: 0o444,
    });
    expect(() => checkConfigs(task, [file('/a')])).not.toThrow();
    expect(() => checkConfigs(task, [])).toThrow(/not delivered/);
    expect(() => checkConfigs(task, [file('/etc/../a')])).toThrow(/not an absolute file path/);
    expect(() => checkConfigs(task, [file('a')])).toThrow(/not an absolute file path/);
    expect(() => checkConfigs(task, [file('/run/secrets/a')])).toThrow(/secret directory/);
    task.spec!.container!.configs!.push(
      swarm.ConfigReference.create({ configId: 'd'.repeat(25), target: '/a' }),
    );
    expect(() => checkConfigs(task, [file('/a'), file('/a')])).toThrow(/two configs/);
  });
});

describe('Demuxer', () => {
  it('splits the engine multiplexed stream across chunk boundaries', () => {
    const frame = (type: number, text: string) => {
      const payload = Buffer.from(text);
      const h = Buffer.alloc(8);
      h[0] = type;
      h.writeUInt32BE(payload.length, 4);
      return Buffer.concat([h, payload]);
    };
    const all = Buffer.concat([frame(1, 'out1\n'), frame(2, 'err1\n'), frame(1, 'out2\n')]);
    const got: string[] = [];
    const d = new Demuxer((kind, p) => got.push(`${kind}:${p.toString()}`));
    for (let i = 0; i < all.length; i += 3) d.push(all.subarray(i, i + 3));
    expect(got).toEqual(['stdout:out1\n', 'stderr:err1\n', 'stdout:out2\n']);
    expect(d.pending).toBe(0);
  });
});

describe('without an engine', () => {
  it("rejects each task with the engine's error, and connect() says how to fix it", async () => {
    const dockerHost = 'unix:///nonexistent/sw17/docker.sock';
    await expect(probeEngine(dockerHost, 500)).rejects.toMatchObject({ code: 'ENGINE_UNREACHABLE' });
    await expect(probeEngine(dockerHost, 500)).rejects.toThrow(/start dockerd, or point --docker-host/);
    const ex = new DockerExecutor({ nodeId: 'n'.repeat(25), hostAddress: '127.0.0.1', dockerHost });
    const reports: { state: number; err?: string }[] = [];
    ex.start(task({ image: 'i', command: ['true'] }), {
      secretsDir: undefined,
      report: (r) => reports.push(r),
    });
    await new Promise<void>((resolve) => {
      const check = () =>
        reports.some((r) => r.state === swarm.TaskState.REJECTED) ? resolve() : setTimeout(check, 10);
      check();
    });
    expect(reports.at(-1)).toMatchObject({
      state: swarm.TaskState.REJECTED,
      err: expect.stringMatching(/ENOENT/),
    });
    // Bad options are refused at once, naming the option.
    expect(() => new DockerExecutor({ nodeId: '', hostAddress: 'x' })).toThrow(/options.nodeId/);
    expect(() => new DockerExecutor({ nodeId: 'n', hostAddress: 'x', maxConcurrentStarts: 0 })).toThrow(
      /maxConcurrentStarts/,
    );
    ex.detach();
  });
});
