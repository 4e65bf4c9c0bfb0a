// What only the Docker executor does, on a private engine in its own namespace: pulls with and
// without registry credentials, the engine's own errors for a missing image and a taken port, the
// image's HEALTHCHECK and turning it off, a node without a network, and several nodes sharing one
// engine without touching each other's containers. Registry on 127.0.2.2:5000.
import { swarm } from '@swarm/api';
import { makeTask, TaskRecord } from '@swarm/testbed/conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerExecutor, type DockerExecutorOptions, probeEngine } from '../src/index.js';
import { type DockerBench, dockerBench, HOST, IMAGE } from './harness.js';

const S = swarm.TaskState;
const REGISTRY = '127.0.2.2:5000';
const PRIVATE = `${REGISTRY}/private/busybox:1`;
const CHECKED = 'checked:local';
const AUTH = { username: 'swarm', password: 'pull-only' };

describe('DockerExecutor on a private engine', () => {
  let b: DockerBench;
  const executors: DockerExecutor[] = [];
  const make = async (nodeId: string, extra: Partial<DockerExecutorOptions> = {}) => {
    const ex = await b.executor(nodeId, extra);
    executors.push(ex);
    return ex;
  };
  const start = (ex: DockerExecutor, task: swarm.Task) => {
    const rec = new TaskRecord();
    ex.start(task, { secretsDir: undefined, report: rec.report });
    return rec;
  };

  beforeAll(async () => {
    b = await dockerBench('dy');
    await b.tb.registry({ name: 'dy', addr: REGISTRY, netns: b.ns, auth: AUTH });
    await b.tb.tagImage(b.engine, IMAGE, PRIVATE);
    await b.tb.pushImage(b.engine, PRIVATE, { ...AUTH, serveraddress: REGISTRY });
    await b.engine.docker.getImage(PRIVATE).remove();
    await b.tb.buildImage(b.engine, CHECKED, [
      `FROM ${IMAGE}`,
      'HEALTHCHECK --interval=1s --retries=30 CMD test -f /tmp/ok',
    ]);
  }, 180_000);

  afterAll(async () => {
    for (const ex of executors) await ex.close().catch(() => {});
    await b?.tb.cleanup();
  }, 120_000);

  it('reads the engine version and picks its bridge network', async () => {
    expect((await probeEngine(b.engine.host)).apiVersion).toMatch(/^1\.4\d$/);
    const ex = await make('a'.repeat(25));
    expect(ex.info).toMatchObject({ kind: 'docker', network: 'bridge' });
    expect(ex.info.version).toMatch(/^20\.10\./);
  });

  it('pulls from a registry that wants credentials only when it has them, never logging the password', async () => {
    const logged: string[] = [];
    const logger = {
      debug: () => {},
      info: (m: string, f?: object) => logged.push(`${m} ${JSON.stringify(f)}`),
      warn: (m: string, f?: object) => logged.push(`${m} ${JSON.stringify(f)}`),
      error: (m: string, f?: object) => logged.push(`${m} ${JSON.stringify(f)}`),
      child() {
        return this;
      },
    };
    const anonymous = await make('b'.repeat(25));
    const denied = await start(anonymous, makeTask(PRIVATE, { command: ['true'] })).until('final');
    expect(denied.state).toBe(S.REJECTED);
    expect(denied.err).toMatch(
      /^pulling 127\.0\.2\.2:5000\/private\/busybox:1 failed: .*(no basic auth credentials|unauthorized)/,
    );

    const secret = { reveal: () => new TextEncoder().encode(AUTH.password) };
    const withCreds = await make('c'.repeat(25), {
      registryAuth: (registry) =>
        registry === REGISTRY ? { username: AUTH.username, password: secret } : undefined,
      logger,
    });
    const ok = await start(withCreds, makeTask(PRIVATE, { command: ['sh', '-c', 'echo pulled'] })).until(
      'final',
    );
    expect(ok).toMatchObject({ state: S.COMPLETE });
    expect(withCreds.stats.pulls).toBe(1);
    // Known to be there: no new pull. Removed behind its back: pulled again.
    expect((await start(withCreds, makeTask(PRIVATE, { command: ['true'] })).until('final')).state).toBe(
      S.COMPLETE,
    );
    expect(withCreds.stats.pulls).toBe(1);
    await b.engine.docker.getImage(PRIVATE).remove({ force: true });
    expect((await start(withCreds, makeTask(PRIVATE, { command: ['true'] })).until('final')).state).toBe(
      S.COMPLETE,
    );
    expect(withCreds.stats.pulls).toBe(2);
    expect(logged.join('\n')).toContain('withCredentials":true');
    expect(logged.join('\n')).not.toContain(AUTH.password);
  });

  it("rejects a task with the engine's own words: a missing image, a host port already taken", async () => {
    const ex = await make('d'.repeat(25), { registryAuth: () => ({ ...AUTH }) });
    const missing = await start(ex, makeTask(`${REGISTRY}/nothing/here:1`, { command: ['true'] })).until(
      'final',
    );
    expect(missing.state).toBe(S.REJECTED);
    expect(missing.err).toMatch(/^No such image: 127\.0\.2\.2:5000\/nothing\/here:1/);

    const hostPort = (slot: number) =>
      swarm.Task.create({
        ...makeTask(IMAGE, { command: ['sh', '-c', 'exec sleep 600'], slot }),
        endpoint: {
          spec: {
            ports: [{ targetPort: 80, publishedPort: 18080, publishMode: swarm.PortConfig.PublishMode.HOST }],
          },
        },
      });
    const first = start(ex, hostPort(1));
    expect((await first.until(S.RUNNING)).ports?.[0]?.publishedPort).toBe(18080);
    const second = await start(ex, hostPort(2)).until('final');
    expect(second.state).toBe(S.REJECTED);
    expect(second.err).toMatch(
      /^starting container failed: .*(port is already allocated|address already in use)/,
    );
    expect((await b.containersOf('d'.repeat(25))).length).toBe(1);
  });

  it('takes host ports for ingress ports from its port range, skips a port held outside, and says when the range is full', async () => {
    const node = 'r'.repeat(25);
    // Something else holds the first port of the range: the engine refuses it and the task moves on.
    const holder = await start(
      await make('h'.repeat(25)),
      swarm.Task.create({
        ...makeTask(IMAGE, { command: ['sh', '-c', 'exec sleep 600'], slot: 9 }),
        endpoint: {
          spec: {
            ports: [{ targetPort: 81, publishedPort: 31700, publishMode: swarm.PortConfig.PublishMode.HOST }],
          },
        },
      }),
    ).until(S.RUNNING);
    expect(holder.ports?.[0]?.publishedPort).toBe(31700);
    const ex = await make(node, { portRange: [31700, 31702] });
    const ingress = (slot: number) =>
      swarm.Task.create({
        ...makeTask(IMAGE, { command: ['sh', '-c', 'exec sleep 600'], slot }),
        endpoint: { spec: { ports: [{ targetPort: 80 }] } },
      });
    const a = await start(ex, ingress(1)).until(S.RUNNING);
    const b2 = await start(ex, ingress(2)).until(S.RUNNING);
    const ports = [a.ports?.[0]?.publishedPort, b2.ports?.[0]?.publishedPort];
    expect(new Set(ports).size).toBe(2);
    for (const p of ports) expect([31701, 31702]).toContain(p);
    const full = await start(ex, ingress(3)).until('final');
    expect(full.state).toBe(S.REJECTED);
    expect(full.err).toMatch(/no free tcp host port in the task port range 31700-31702/);
    expect((await b.containersOf(node)).length).toBe(2);
    expect(() => new DockerExecutor({ nodeId: node, hostAddress: '127.0.0.1', portRange: [10, 5] })).toThrow(
      /portRange must be \[min, max\]/,
    );
  });

  it("waits for the image's HEALTHCHECK, and runs at once when the service turns it off", async () => {
    const ex = await make('e'.repeat(25));
    const checked = start(
      ex,
      makeTask(CHECKED, { command: ['sh', '-c', 'sleep 1; touch /tmp/ok; exec sleep 600'] }),
    );
    await checked.until(S.RUNNING);
    expect(checked.states()).toContain('STARTING');
    expect(
      checked.reports.find((r) => r.state === S.STARTING && /health/.test(r.message ?? '')),
    ).toBeDefined();

    const off = swarm.Task.create(makeTask(CHECKED, { command: ['sh', '-c', 'exec sleep 600'] }));
    off.spec!.container!.healthcheck = swarm.HealthConfig.create({ test: ['NONE'] });
    const rec = start(ex, off);
    await rec.until(S.RUNNING);
    expect(rec.reports.some((r) => /health/.test(r.message ?? ''))).toBe(false);
  });

  it('copies a task its configs at their targets with owner and mode; another task sees none', async () => {
    const ex = await make('g'.repeat(25));
    const task = swarm.Task.create(
      makeTask(IMAGE, {
        command: ['sh', '-c', 'cat /etc/app/app.conf; stat -c %a:%u:%g /etc/app/app.conf /top.conf'],
      }),
    );
    task.spec!.container!.configs = [
      swarm.ConfigReference.create({
        configId: 'c'.repeat(25),
        configName: 'app',
        target: '/etc/app/app.conf',
      }),
      swarm.ConfigReference.create({ configId: 'd'.repeat(25), configName: 'top', target: '/top.conf' }),
    ];
    const rec = new TaskRecord();
    ex.start(task, {
      secretsDir: undefined,
      configs: [
        {
          name: 'app',
          target: '/etc/app/app.conf',
          data: Buffer.from('port=80\n'),
          uid: 101,
          gid: 102,
          mode: 0o440,
        },
        { name: 'top', target: '/top.conf', data: Buffer.from('x'), uid: 0, gid: 0, mode: 0o444 },
      ],
      report: rec.report,
    });
    expect((await rec.until('final')).state).toBe(S.COMPLETE);
    const out = ex.logs(task.id).map((l) => Buffer.from(l.data ?? []).toString('utf8'));
    expect(out).toEqual(['port=80', '440:101:102', '444:0:0']);
    const other = swarm.Task.create(makeTask(IMAGE, { command: ['sh', '-c', 'cat /etc/app/app.conf'] }));
    const orec = start(ex, other);
    expect((await orec.until('final')).state).toBe(S.FAILED);
    // A task handed fewer configs than it references is refused (fail closed).
    const short = swarm.Task.create({ ...task, id: 'h'.repeat(25) });
    const srec = new TaskRecord();
    ex.start(short, { secretsDir: undefined, configs: [], report: srec.report });
    expect(await srec.until('final')).toMatchObject({
      state: S.REJECTED,
      err: expect.stringMatching(/not delivered/),
    });
  });

  it('on a node without a network: runs tasks without ports, rejects published ones with the fix', async () => {
    const ex = await make('f'.repeat(25), { network: 'none' });
    expect(ex.network).toBe('none');
    expect((await start(ex, makeTask(IMAGE, { command: ['true'] })).until('final')).state).toBe(S.COMPLETE);
    const ported = await start(ex, makeTask(IMAGE, { command: ['true'], ports: [80] })).until('final');
    expect(ported).toMatchObject({ state: S.REJECTED, err: expect.stringMatching(/no network \(none\)/) });
    await expect(
      DockerExecutor.connect({
        nodeId: 'g'.repeat(25),
        hostAddress: HOST,
        dockerHost: b.engine.host,
        network: 'nope',
      }),
    ).rejects.toMatchObject({
      code: 'UNKNOWN_NETWORK',
    });
  });

  it('shares one engine between nodes: each adopts, reconciles and removes only its own containers', async () => {
    const n1 = 'h'.repeat(25);
    const n2 = 'i'.repeat(25);
    const a = await make(n1);
    const c = await make(n2);
    const ta = makeTask(IMAGE, { command: ['sh', '-c', 'exec sleep 600'] });
    const tc = makeTask(IMAGE, { command: ['sh', '-c', 'exec sleep 600'] });
    await start(a, ta).until(S.RUNNING);
    await start(c, tc).until(S.RUNNING);
    // Node 1 restarts and is assigned nothing: it removes its own container, not node 2's.
    a.detach();
    const a2 = await make(n1);
    a2.reconcile([]);
    const deadline = Date.now() + 20_000;
    while ((await b.containersOf(n1)).length > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(await b.containersOf(n1)).toEqual([]);
    expect((await b.containersOf(n2)).map((x) => x.Labels['io.swarm-core.task.id'])).toEqual([tc.id]);
  });

  it('stops a task that is stopped while its image is still being pulled', async () => {
    const ex = await make('j'.repeat(25), {
      registryAuth: () => ({ username: AUTH.username, password: AUTH.password }),
      pull: 'always',
    });
    const t = makeTask(PRIVATE, { command: ['sh', '-c', 'exec sleep 600'], stopGraceMs: 1000 });
    const rec = start(ex, t);
    ex.stop(t.id);
    const end = await rec.until('final');
    expect(end.state).toBe(S.SHUTDOWN);
    expect(rec.states()).not.toContain('RUNNING');
    expect(await b.containersOf('j'.repeat(25))).toEqual([]);
  });
});
