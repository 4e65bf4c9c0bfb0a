/**
 * The executor contract, as tests every executor runs unchanged: `executorConformance(harness)`
 * registers one vitest `describe` with the behaviour `@swarm/dispatcher`'s agent and a swarm node
 * rely on. A harness supplies the bench (an engine, a network namespace, an image) and a few
 * probes; the tests themselves are the same for the Docker executor and the sandbox.
 */
import { generateId, type swarm, toLong, swarm as wire } from '@swarm/api';
import type { ManagedExecutor, TaskStatusReport } from '@swarm/dispatcher';
import { createSecretWriter, type SecretWriter } from '@swarm/secret-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialer } from './dialer.js';
import { poll } from './process.js';

const S = wire.TaskState;

/** Each test's own limit: generous, the machine may be loaded (the tests poll, never sleep). */
const TEST_TIMEOUT_MS = 120_000;

/** What a harness gives the suite once its bench is up. */
export interface ConformanceEnv {
  /** The node address published ports bind to (reached through `dialer`). */
  hostAddress: string;
  /** The image every task names (for the sandbox it is informational). */
  image: string;
  /** Reaches `hostAddress` where the executor publishes ports. */
  dialer: Dialer;
  /** A tmpfs directory for the node's secret writer. */
  secretsRoot: string;
  /** A new executor for the node `nodeId` (a second one for the same ID is that node restarted). */
  executor(nodeId: string): Promise<ManagedExecutor>;
  /**
   * Ends an executor as a crash of the node's daemon would. Docker: the containers keep running
   * (`survivesRestart`); sandbox: the tasks die with their daemon.
   */
  crash(executor: ManagedExecutor): Promise<void>;
  readonly survivesRestart: boolean;
  /** IDs of the tasks of `nodeId` that still have something alive (a process, a container). */
  liveTasks(nodeId: string): Promise<string[]>;
  /** Everything the engine stores about a running task (env, labels, mounts, command), as text. */
  describeTask(nodeId: string, taskId: string): Promise<string>;
  /** A TCP service on the node's loopback (127.0.0.1) that tasks must not reach; returns its port. */
  loopbackService(): Promise<number>;
}

export interface ConformanceHarness {
  /** `docker`, `sandbox`, ... (names the describe block). */
  name: string;
  setup(): Promise<ConformanceEnv>;
  teardown(): Promise<void>;
}

/** The reports of one task, with waits that poll (never sleep a fixed time). */
export class TaskRecord {
  readonly reports: TaskStatusReport[] = [];
  readonly report = (r: TaskStatusReport): void => {
    this.reports.push(r);
  };

  get last(): TaskStatusReport | undefined {
    return this.reports.at(-1);
  }

  states(): string[] {
    return this.reports.map((r) => wire.TaskState[r.state] as string);
  }

  /** Waits for a report in `state` (or any final state when `state` is 'final'). */
  async until(state: swarm.TaskState | 'final', timeoutMs = 60_000): Promise<TaskStatusReport> {
    return poll(
      `a ${state === 'final' ? 'final' : wire.TaskState[state]} report (so far: ${this.states().join(' ')})`,
      () =>
        this.reports.find((r) => (state === 'final' ? r.state > S.RUNNING : r.state === state)) ??
        (state !== 'final' && this.reports.some((r) => r.state > S.RUNNING)
          ? Promise.reject(new Error(`the task ended: ${JSON.stringify(this.last)}`))
          : undefined),
      timeoutMs,
      25,
    );
  }
}

export interface TaskOptions {
  command: string[];
  env?: string[];
  serviceId?: string;
  serviceName?: string;
  slot?: number;
  /** Target ports published (ingress mode: any host port). */
  ports?: number[];
  secrets?: { name: string; target?: string }[];
  memoryBytes?: number;
  health?: { test: string[]; intervalMs: number; retries: number; timeoutMs?: number };
  stopGraceMs?: number;
  /** Status the manager reports (a restarted node is handed its running tasks with this). */
  status?: swarm.TaskState;
}

function long(n: number) {
  return toLong(BigInt(n));
}

/** A task as the agent hands it to an executor. */
export function makeTask(image: string, o: TaskOptions): swarm.Task {
  const id = generateId();
  return wire.Task.create({
    id,
    serviceId: o.serviceId ?? generateId(),
    slot: toLong(BigInt(o.slot ?? 1)),
    serviceAnnotations: { name: o.serviceName ?? 'conf' },
    desiredState: S.RUNNING,
    status: { state: o.status ?? S.ASSIGNED },
    spec: {
      container: {
        image,
        command: o.command,
        ...(o.env ? { env: o.env } : {}),
        ...(o.stopGraceMs ? { stopGracePeriodMs: long(o.stopGraceMs) } : {}),
        ...(o.secrets
          ? {
              secrets: o.secrets.map((s) => ({
                secretId: generateId(),
                secretName: s.name,
                target: s.target ?? s.name,
                mode: 0o400,
              })),
            }
          : {}),
        ...(o.health
          ? {
              healthcheck: {
                test: o.health.test,
                intervalMs: long(o.health.intervalMs),
                timeoutMs: long(o.health.timeoutMs ?? 2_000),
                retries: o.health.retries,
              },
            }
          : {}),
      },
      ...(o.memoryBytes ? { resources: { limits: { memoryBytes: long(o.memoryBytes) } } } : {}),
    },
    ...(o.ports
      ? {
          endpoint: {
            spec: {
              ports: o.ports.map((p) => ({
                targetPort: p,
                publishedPort: 30000 + p,
                protocol: wire.PortConfig.Protocol.TCP,
                publishMode: wire.PortConfig.PublishMode.INGRESS,
              })),
            },
          },
        }
      : {}),
  });
}

function text(lines: swarm.LogLine.$Properties[], stream?: swarm.LogLine.Stream): string[] {
  return lines
    .filter((l) => stream === undefined || l.stream === stream)
    .map((l) => Buffer.from(l.data ?? new Uint8Array()).toString('utf8'));
}

/** Registers the conformance tests for one executor. */
export function executorConformance(harness: ConformanceHarness): void {
  describe(`executor conformance: ${harness.name}`, () => {
    let env: ConformanceEnv;
    let ex: ManagedExecutor;
    let nodeId: string;
    let writer: SecretWriter;

    beforeAll(async () => {
      env = await harness.setup();
      nodeId = generateId();
      ex = await env.executor(nodeId);
      writer = createSecretWriter({ root: env.secretsRoot });
    }, 180_000);

    afterAll(async () => {
      await ex?.close();
      writer?.removeAll();
      await harness.teardown();
    }, 120_000);

    const run = (o: TaskOptions, secretsDir?: string) => {
      const task = makeTask(env.image, o);
      const rec = new TaskRecord();
      ex.start(task, { secretsDir, report: rec.report });
      return { task, rec };
    };
    const logsOf = async (taskId: string, want: (lines: string[]) => boolean) =>
      poll(
        `logs of ${taskId}`,
        () => (want(text(ex.logs(taskId))) ? text(ex.logs(taskId)) : undefined),
        20_000,
      );

    it(
      'runs a task through ACCEPTED to RUNNING with a pid, and reports exit code 0 as COMPLETE',
      async () => {
        const long = run({ command: ['sh', '-c', 'echo up; exec sleep 600'] });
        const running = await long.rec.until(S.RUNNING);
        expect(running.pid).toBeGreaterThan(0);
        expect(long.rec.states()[0]).toBe('ACCEPTED');
        expect(ex.running()).toContain(long.task.id);
        const short = run({ command: ['sh', '-c', 'echo bye'] });
        const end = await short.rec.until('final');
        expect(end).toMatchObject({ state: S.COMPLETE, exitCode: 0 });
        ex.stop(long.task.id);
        expect((await long.rec.until('final')).state).toBe(S.SHUTDOWN);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'reports a non-zero exit as FAILED with the exit code',
      async () => {
        const t = run({ command: ['sh', '-c', 'echo failing >&2; exit 3'] });
        const end = await t.rec.until('final');
        expect(end.state).toBe(S.FAILED);
        expect(end.exitCode).toBe(3);
        expect(end.err).toMatch(/code 3/);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'stops with the stop signal first and kills after the grace period; a new task of the slot runs again',
      async () => {
        const polite = run({
          command: [
            'sh',
            '-c',
            'trap "echo got TERM; exit 0" TERM; echo ready; while true; do sleep 0.1; done',
          ],
        });
        await polite.rec.until(S.RUNNING);
        await logsOf(polite.task.id, (l) => l.includes('ready'));
        ex.stop(polite.task.id);
        expect((await polite.rec.until('final')).state).toBe(S.SHUTDOWN);
        await logsOf(polite.task.id, (l) => l.includes('got TERM'));

        const stubborn = run({
          command: ['sh', '-c', 'trap "" TERM; echo ready; while true; do sleep 0.1; done'],
          stopGraceMs: 1_000,
        });
        await stubborn.rec.until(S.RUNNING);
        await logsOf(stubborn.task.id, (l) => l.includes('ready'));
        ex.stop(stubborn.task.id);
        const end = await stubborn.rec.until('final');
        expect(end.state).toBe(S.SHUTDOWN);
        expect(end.exitCode).toBe(137);
        expect(await env.liveTasks(nodeId)).not.toContain(stubborn.task.id);

        // The orchestrator's restart: a new task for the same slot.
        const again = run({
          command: ['sh', '-c', 'exec sleep 600'],
          serviceId: stubborn.task.serviceId,
          slot: 1,
        });
        await again.rec.until(S.RUNNING);
        ex.stop(again.task.id);
        await again.rec.until('final');
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'keeps stdout and stderr apart, each in order',
      async () => {
        const t = run({ command: ['sh', '-c', 'echo out1; echo err1 >&2; echo out2; echo err2 >&2'] });
        await t.rec.until('final');
        await logsOf(t.task.id, (l) => l.length >= 4);
        expect(text(ex.logs(t.task.id), wire.LogLine.Stream.STDOUT)).toEqual(['out1', 'out2']);
        expect(text(ex.logs(t.task.id), wire.LogLine.Stream.STDERR)).toEqual(['err1', 'err2']);
        expect(ex.logs(t.task.id, { tail: 1 })).toHaveLength(1);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'shows a secret at /run/secrets/<target> inside its task only: not in its environment, not to another task',
      async () => {
        const secret = `s3cret-${generateId()}`;
        const holder = makeTask(env.image, {
          command: ['sh', '-c', 'cat /run/secrets/db-pass; echo; echo ENV; env; exec sleep 600'],
          secrets: [{ name: 'db', target: 'db-pass' }],
        });
        const ref = holder.spec!.container!.secrets![0]!;
        const dir = writer.writeTaskSecrets(holder.id, [
          { name: ref.target!, data: Buffer.from(secret), uid: 0, gid: 0 },
        ]);
        const rec = new TaskRecord();
        ex.start(holder, { secretsDir: dir, report: rec.report });
        await rec.until(S.RUNNING);
        const lines = await logsOf(
          holder.id,
          (l) => l.includes('ENV') && l.some((x) => x.startsWith('SWARM_TASK_ID=')),
        );
        expect(lines[0]).toBe(secret);
        const envLines = lines.slice(lines.indexOf('ENV') + 1);
        expect(envLines.join('\n')).not.toContain(secret);
        expect(await env.describeTask(nodeId, holder.id)).not.toContain(secret);

        const other = run({
          command: ['sh', '-c', 'ls -la /run/secrets 2>&1; cat /run/secrets/db-pass 2>&1; echo end'],
        });
        await other.rec.until('final');
        const seen = await logsOf(other.task.id, (l) => l.includes('end'));
        expect(seen.join('\n')).not.toContain(secret);
        ex.stop(holder.id);
        await rec.until('final');
        writer.removeTask(holder.id);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'enforces a memory limit: a task over it is OOM-killed and reported so; one within it completes',
      async () => {
        const within = run({
          command: ['sh', '-c', 'exec busybox dd if=/dev/zero of=/dev/null bs=1M count=4'],
          memoryBytes: 32 * 1024 * 1024,
        });
        expect(await within.rec.until('final')).toMatchObject({ state: S.COMPLETE });
        const over = run({
          command: ['sh', '-c', 'exec busybox dd if=/dev/zero of=/dev/null bs=64M count=1'],
          memoryBytes: 16 * 1024 * 1024,
        });
        const end = await over.rec.until('final');
        expect(end.state).toBe(S.FAILED);
        expect(end.exitCode).toBe(137);
        expect(end.err).toMatch(/OOM-killed.*memory limit of 16 MiB/);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'reports RUNNING only once the health check passes, and fails a task that turns unhealthy',
      async () => {
        const slow = run({
          command: ['sh', '-c', 'sleep 1; touch /tmp/ready; echo became-ready; exec sleep 600'],
          health: { test: ['CMD-SHELL', 'test -f /tmp/ready'], intervalMs: 250, retries: 30 },
        });
        await slow.rec.until(S.RUNNING);
        const states = slow.rec.states();
        expect(states.indexOf('STARTING')).toBeGreaterThanOrEqual(0);
        expect(states.indexOf('STARTING')).toBeLessThan(states.indexOf('RUNNING'));
        // Healthy means the check passed, which needs the file the task made.
        await logsOf(slow.task.id, (l) => l.includes('became-ready'));
        ex.stop(slow.task.id);
        await slow.rec.until('final');

        const sick = run({
          command: ['sh', '-c', 'touch /tmp/ok; sleep 1; rm /tmp/ok; exec sleep 600'],
          health: { test: ['CMD-SHELL', 'test -f /tmp/ok'], intervalMs: 250, retries: 2 },
        });
        const end = await sick.rec.until('final');
        expect(end.state).toBe(S.FAILED);
        expect(end.err).toMatch(/unhealthy/);
        expect(await env.liveTasks(nodeId)).not.toContain(sick.task.id);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'publishes ports: two replicas that bind the same port both run, each reachable on its own host port',
      async () => {
        const web = (slot: number) =>
          run({
            command: [
              'sh',
              '-c',
              `mkdir -p /tmp/w; echo task-${slot} > /tmp/w/index.html; exec busybox httpd -f -p 8000 -h /tmp/w`,
            ],
            ports: [8000],
            slot,
            serviceName: 'web',
          });
        const a = web(1);
        const b = web(2);
        const ra = await a.rec.until(S.RUNNING);
        const rb = await b.rec.until(S.RUNNING);
        const pa = ra.ports?.[0]?.publishedPort ?? 0;
        const pb = rb.ports?.[0]?.publishedPort ?? 0;
        expect(ra.ports?.[0]).toMatchObject({
          targetPort: 8000,
          publishMode: wire.PortConfig.PublishMode.HOST,
        });
        expect(pa).toBeGreaterThan(0);
        expect(pb).toBeGreaterThan(0);
        expect(pa).not.toBe(pb);
        for (const [port, body] of [
          [pa, 'task-1\n'],
          [pb, 'task-2\n'],
        ] as const) {
          const res = await poll(
            `GET :${port}`,
            () => env.dialer.get(env.hostAddress, port, '/index.html').catch(() => undefined),
            20_000,
          );
          expect(res.body).toBe(body);
        }

        // Each task has its own network: another task sees neither the node's loopback services
        // nor these tasks' ports.
        const hostPort = await env.loopbackService();
        const probe = run({
          command: [
            'sh',
            '-c',
            [
              `busybox nc -w 2 127.0.0.1 ${hostPort} </dev/null && echo host:reached || echo host:blocked`,
              'busybox nc -w 2 127.0.0.1 8000 </dev/null && echo task:reached || echo task:blocked',
              `busybox nc -w 2 ${env.hostAddress} ${pa} </dev/null && echo published:reached || echo published:blocked`,
            ].join('; '),
          ],
        });
        await probe.rec.until('final');
        const out = await logsOf(probe.task.id, (l) => l.some((x) => x.startsWith('published:')));
        expect(out).toEqual(expect.arrayContaining(['host:blocked', 'task:blocked', 'published:blocked']));
        ex.stop(a.task.id);
        ex.stop(b.task.id);
        await Promise.all([a.rec.until('final'), b.rec.until('final')]);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'after a restart of its node: re-adopts or restarts the tasks still assigned, removes the others',
      async () => {
        const node = generateId();
        const first = await env.executor(node);
        const keep = makeTask(env.image, { command: ['sh', '-c', 'exec sleep 600'], slot: 1 });
        const drop = makeTask(env.image, { command: ['sh', '-c', 'exec sleep 600'], slot: 2 });
        const k1 = new TaskRecord();
        const d1 = new TaskRecord();
        first.start(keep, { secretsDir: undefined, report: k1.report });
        first.start(drop, { secretsDir: undefined, report: d1.report });
        const before = await k1.until(S.RUNNING);
        await d1.until(S.RUNNING);
        await env.crash(first);
        if (env.survivesRestart)
          expect((await env.liveTasks(node)).sort()).toEqual([keep.id, drop.id].sort());

        const second = await env.executor(node);
        try {
          const k2 = new TaskRecord();
          // The manager hands the restarted node its task as RUNNING.
          second.start(wire.Task.create({ ...keep, status: { state: S.RUNNING } }), {
            secretsDir: undefined,
            report: k2.report,
          });
          second.reconcile?.([keep.id]);
          const after = await k2.until(S.RUNNING);
          if (env.survivesRestart) {
            expect(after.pid).toBe(before.pid);
            expect(k2.states()).not.toContain('PREPARING');
          }
          await poll(
            'only the kept task alive',
            async () => {
              const live = await env.liveTasks(node);
              return live.length === 1 && live[0] === keep.id;
            },
            30_000,
          );
          second.stop(keep.id);
          await k2.until('final');
        } finally {
          await second.close();
        }
        expect(await env.liveTasks(node)).toEqual([]);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'leaves nothing behind: stopped tasks and a closed executor have no process or container left',
      async () => {
        const node = generateId();
        const x = await env.executor(node);
        const recs = [1, 2, 3].map((slot) => {
          const t = makeTask(env.image, { command: ['sh', '-c', 'exec sleep 600'], slot });
          const r = new TaskRecord();
          x.start(t, { secretsDir: undefined, report: r.report });
          return { t, r };
        });
        await Promise.all(recs.map(({ r }) => r.until(S.RUNNING)));
        expect((await env.liveTasks(node)).length).toBe(3);
        x.stop(recs[0]!.t.id);
        expect((await recs[0]!.r.until('final')).state).toBe(S.SHUTDOWN);
        await x.close();
        for (const { r } of recs) expect(r.last?.state).toBe(S.SHUTDOWN);
        await poll('no task of the node alive', async () => (await env.liveTasks(node)).length === 0, 30_000);
      },
      TEST_TIMEOUT_MS,
    );
  });
}
