// What people type every day, on real daemons (127.0.12.2-5): `service logs` with its filters and
// `-f` (followed from a follower manager across every manager, ending when the service is
// removed), `service ps` showing a task that fails on "address already in use" with its error and
// the `\_` history rows between restarts, `service update --force` replacing every task in the
// configured order and parallelism, and `swarm update --cert-expiry` reaching the certificates
// the running daemons renew next, with `swarm info` showing the swarm's settings as Docker does.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import type { InfoResult, Json, TaskView } from '@swarm/node/control';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, SWARM_BIN, waitFor } from '../src/testing.js';
import { dumpLogsOnFailure, formCluster, startNodes } from './e2e/helpers.js';

const BUSY_PORT = 18300;
const TALKER = `let n = 0; setInterval(() => console.log('tick ' + n++), 200);`;
const IDLE = `setInterval(() => {}, 1000);`;

interface LogRow {
  task: string;
  node: string;
  text: string;
}

/** `NAME.SLOT.TASKID@NODE    | TEXT` lines of `service logs --no-trunc`. */
function parseLogs(out: string): LogRow[] {
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const m = /^\S+\.([a-z0-9]{25})@(\S+) {4}\| (.*)$/.exec(l);
      if (m === null) throw new Error(`not a service logs line: ${JSON.stringify(l)}`);
      return { task: m[1]!, node: m[2]!, text: m[3]! };
    });
}

const num = (v: unknown) => Number(v ?? 0);

describe('the commands people type every day', () => {
  const cluster = new LocalCluster();
  let m1: LocalNode;
  let m2: LocalNode;
  let w1: LocalNode;
  let w2: LocalNode;

  const info = (n: LocalNode) => n.ok(['info', '--format', 'json']).then((s) => JSON.parse(s) as InfoResult);
  const ps = (svc: string) => m1.json<TaskView[]>(['service', 'ps', svc]);

  beforeAll(async () => {
    [m1, m2, w1, w2] = await startNodes(
      cluster,
      { name: 'm1', address: '127.0.12.2' },
      { name: 'm2', address: '127.0.12.3' },
      { name: 'w1', address: '127.0.12.4' },
      { name: 'w2', address: '127.0.12.5' },
    );
    // w2 joins later, in the certificate test.
    await formCluster(m1, [m2], [w1], [], 120_000);
  }, 240_000);

  afterAll(async () => {
    await cluster.destroy();
  }, 60_000);

  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster));

  it('service logs: tail per task, since, a task ID, a node filter, and -f until the service is removed', async () => {
    await m1.ok([
      'service',
      'create',
      '-d',
      '--name',
      'talker',
      '--mode',
      'global',
      '--',
      process.execPath,
      '-e',
      TALKER,
    ]);
    const tasks = await waitFor(
      'three running talker tasks',
      async () => {
        const r = (await ps('talker')).filter((t) => t.currentState === 'running');
        return r.length === 3 ? r : undefined;
      },
      120_000,
    );
    // Asked on the follower: every task's lines, wherever its worker published them.
    await waitFor(
      'three lines of each task',
      async () => {
        const rows = parseLogs(await m2.ok(['service', 'logs', '--no-trunc', 'talker']));
        return tasks.every((t) => rows.filter((r) => r.task === t.id).length >= 3);
      },
      60_000,
    );

    const tail = parseLogs(await m2.ok(['service', 'logs', '--no-trunc', '--tail', '2', 'talker']));
    expect(tail.length).toBe(6);
    for (const t of tasks) expect(tail.filter((r) => r.task === t.id)).toHaveLength(2);
    expect(await m2.ok(['service', 'logs', '--tail', '0', 'talker'])).toBe('');

    // --since: a time taken from -t output; every line shown is at or after it, and some are not shown.
    const stamped = (await m1.ok(['service', 'logs', '--raw', '-t', 'talker'])).trim().split('\n');
    const middle = stamped[Math.floor(stamped.length / 2)]!.split(' ')[0]!;
    const since = (await m1.ok(['service', 'logs', '--raw', '-t', '--since', middle, 'talker']))
      .trim()
      .split('\n');
    expect(since.length).toBeGreaterThan(0);
    expect(since.length).toBeLessThan(stamped.length);
    for (const l of since) expect(Date.parse(l.split(' ')[0]!)).toBeGreaterThanOrEqual(Date.parse(middle));

    const one = tasks[0]!;
    const ofTask = parseLogs(await m1.ok(['service', 'logs', '--no-trunc', one.id]));
    expect(ofTask.length).toBeGreaterThan(0);
    expect(new Set(ofTask.map((r) => r.task))).toEqual(new Set([one.id]));
    const onW1 = parseLogs(await m1.ok(['service', 'logs', '--no-trunc', '--filter', 'node=w1', 'talker']));
    expect(onW1.length).toBeGreaterThan(0);
    expect(new Set(onW1.map((r) => r.node))).toEqual(new Set(['w1']));
    const noIds = (await m1.ok(['service', 'logs', '--no-task-ids', '--tail', '1', 'talker']))
      .trim()
      .split('\n');
    expect(noIds.map((l) => l.replace(/ {4}\|.*$/, '')).sort()).toEqual(
      tasks.map((t) => `talker.${t.nodeId}@${t.nodeHostname}`).sort(),
    );

    // -f on the follower manager, from now on.
    const child = spawn(
      process.execPath,
      [SWARM_BIN, '--data-dir', m2.dataDir, 'service', 'logs', '-f', '--tail', '0', '--no-trunc', 'talker'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
    try {
      await waitFor(
        'followed lines of every task',
        async () => {
          const rows = parseLogs(out.slice(0, out.lastIndexOf('\n') + 1));
          return tasks.every((t) => rows.filter((r) => r.task === t.id).length >= 5);
        },
        60_000,
      );
      await m1.ok(['service', 'rm', 'talker']);
      const code = await Promise.race([
        exited,
        new Promise<string>((r) => setTimeout(() => r('still following 60 s after service rm'), 60_000)),
      ]);
      expect({ code, err }).toEqual({ code: 0, err: '' });
    } finally {
      child.kill();
    }
    // Each task's ticks arrive once each and in order, across the long polls.
    const rows = parseLogs(out);
    for (const t of tasks) {
      const ticks = rows.filter((r) => r.task === t.id).map((r) => Number(r.text.replace('tick ', '')));
      expect(ticks.length).toBeGreaterThanOrEqual(5);
      for (let i = 1; i < ticks.length; i++)
        expect(ticks[i], `task ${t.name}: ${ticks.join(',')}`).toBe(ticks[i - 1]! + 1);
    }
  }, 300_000);

  it('service ps shows a task failing on "address already in use" with its error and \\_ history rows', async () => {
    // Something else holds the host port on w1.
    const holder: Server = createServer();
    await new Promise<void>((resolve, reject) => {
      holder.once('error', reject);
      holder.listen({ host: w1.address, port: BUSY_PORT, exclusive: true }, resolve);
    });
    try {
      await m1.ok([
        'service',
        'create',
        '-d',
        '--name',
        'busy',
        '--publish',
        `mode=host,published=${BUSY_PORT},target=80`,
        '--constraint',
        'node.hostname==w1',
        '--restart-delay',
        '1s',
        '--',
        process.execPath,
        '-e',
        IDLE,
      ]);
      // The executor could not start them: Docker calls that Rejected (a task that ran and
      // exited non-zero is Failed); both are kept in the history.
      const failed = await waitFor(
        'two rejected busy tasks',
        async () => {
          const f = (await ps('busy')).filter(
            (t) => t.currentState === 'rejected' || t.currentState === 'failed',
          );
          return f.length >= 2 ? f : undefined;
        },
        120_000,
        500,
      );
      for (const t of failed) {
        expect(t.error).toMatch(/address already in use/);
        expect(t.desiredState).toBe('shutdown');
      }
      const table = (await m1.ok(['service', 'ps', '--no-trunc', 'busy'])).split('\n');
      expect(table[0]).toMatch(/^ID +NAME +NODE +DESIRED STATE +CURRENT STATE +ERROR +PORTS$/);
      // The newest task of the slot heads it (the next attempt, or during the restart delay the
      // last rejected one); every older one is a "\_" row below it, with its error.
      const rows = table.slice(1).filter((l) => l !== '');
      expect(rows[0]).toMatch(/^[a-z0-9]{25} +busy\.1 +w1 +/);
      expect(
        rows.slice(1).every((l) => /^[a-z0-9]{25} +\\_ busy\.1 +w1 +/.test(l)),
        table.join('\n'),
      ).toBe(true);
      const history = rows.filter((l) =>
        / {2}\\_ busy\.1 +w1 +Shutdown +(Rejected|Failed) .* ago +".*address already in use.*"/.test(l),
      );
      expect(history.length, table.join('\n')).toBeGreaterThanOrEqual(1);
      // -q with the desired-state filters: the history is desired Shutdown, at most one task Running.
      const listed = async (state: string) =>
        (await m1.ok(['service', 'ps', '-q', '--filter', `desired-state=${state}`, 'busy']))
          .split('\n')
          .filter((l) => l !== '');
      const old = await listed('shutdown');
      expect(old.length).toBeGreaterThanOrEqual(2);
      for (const t of failed) expect(old).toContain(t.id);
      const current = await listed('running');
      expect(current.length).toBeLessThanOrEqual(1);
      for (const id of current) expect(old).not.toContain(id);
    } finally {
      await new Promise((r) => holder.close(r));
    }
    // The port is free: a restart runs, with the failures kept below it.
    await waitFor(
      'busy running after the port is freed',
      async () =>
        (await ps('busy')).some((t) => t.currentState === 'running' && t.desiredState === 'running'),
      120_000,
    );
    const after = (await m1.ok(['service', 'ps', 'busy'])).split('\n');
    expect(after[1]).toMatch(/^[a-z0-9]{12} +busy\.1 +w1 +Running +Running /);
    expect(after.filter((l) => /\\_ busy\.1 .*(Rejected|Failed)/.test(l)).length).toBeGreaterThanOrEqual(2);
    await m1.ok(['service', 'rm', 'busy']);
  }, 300_000);

  it('service update --force replaces every task with the same spec, start-first, one at a time', async () => {
    await m1.ok([
      'service',
      'create',
      '-d',
      '--name',
      'steady',
      '--replicas',
      '3',
      '--update-parallelism',
      '1',
      '--update-delay',
      '2s',
      '--update-order',
      'start-first',
      '--',
      process.execPath,
      '-e',
      IDLE,
    ]);
    const running = async () =>
      (await ps('steady')).filter((t) => t.desiredState === 'running' && t.currentState === 'running');
    const before = await waitFor(
      'three running steady tasks',
      async () => ((await running()).length === 3 ? running() : undefined),
      120_000,
    );
    const svcBefore = (await m1.json<Json[]>(['service', 'inspect', 'steady']))[0]!;
    await m1.ok(['service', 'update', '--force', 'steady']);
    const replaced = await waitFor(
      'three new running tasks',
      async () => {
        const r = await running();
        return r.length === 3 && r.every((t) => !before.some((b) => b.id === t.id)) ? r : undefined;
      },
      180_000,
    );
    const svcAfter = (await m1.json<Json[]>(['service', 'inspect', 'steady']))[0]!;
    const version = (raw: typeof svcAfter) =>
      num((raw.meta as { version?: { index?: unknown } }).version?.index);
    expect(version(svcAfter)).toBeGreaterThan(version(svcBefore));
    const spec = (raw: typeof svcAfter) => raw.spec as { task: Record<string, unknown> };
    expect(num(spec(svcAfter).task.forceUpdate)).toBe(num(spec(svcBefore).task.forceUpdate) + 1);
    const { forceUpdate: _a, ...templateAfter } = spec(svcAfter).task;
    const { forceUpdate: _b, ...templateBefore } = spec(svcBefore).task;
    expect(templateAfter).toEqual(templateBefore);
    expect(new Set(replaced.map((t) => t.slot))).toEqual(new Set(before.map((t) => t.slot)));

    const all = await ps('steady');
    for (const t of replaced) {
      const old = all.find((o) => o.slot === t.slot && before.some((b) => b.id === o.id))!;
      // start-first: the new task ran before the old one stopped.
      expect(old.desiredState).toBe('shutdown');
      expect(t.since, `slot ${t.slot}`).toBeLessThanOrEqual(old.since);
    }
    // Parallelism 1 with a 2 s delay: the replacements started one by one, at least the delay apart.
    const starts = replaced.map((t) => t.since).sort((a, b) => a - b);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(1900);
    await m1.ok(['service', 'rm', 'steady']);
  }, 300_000);

  it('swarm update --cert-expiry reaches the next certificates; swarm info shows the settings', async () => {
    const day = 24 * 3_600_000;
    expect((await info(w1)).certNotAfter! - Date.now()).toBeGreaterThan(80 * day);
    await m1.ok([
      'update',
      '--cert-expiry',
      '2h',
      '--task-history-limit',
      '3',
      '--dispatcher-heartbeat',
      '3s',
    ]);
    // A node that joins now gets the new lifetime.
    await w2.ok([
      'join',
      '--token',
      (await m1.ok(['join-token', '-q', 'worker'])).trim(),
      '--listen-addr',
      w2.addr,
      m1.addr,
    ]);
    const lifetime = async (n: LocalNode) => (await info(n)).certNotAfter! - Date.now();
    const inTwoHours = (ms: number) => ms > 3_600_000 && ms <= 2 * 3_600_000 + 60_000;
    expect(inTwoHours(await lifetime(w2))).toBe(true);
    // Running daemons renew with it: a CA rotation reissues every node's certificate.
    await m1.ok(['ca', '--rotate']);
    for (const n of [m1, m2, w1])
      await waitFor(
        `${n.name}'s renewed certificate lives two hours`,
        async () => inTwoHours(await lifetime(n)),
        120_000,
      );

    for (const n of [m1, m2]) {
      const text = await n.ok(['info']);
      expect(text).toContain(' Orchestration:\n  Task History Retention Limit: 3\n');
      expect(text).toMatch(
        / Raft Settings:\n {2}Snapshot Interval: \d+\n {2}Heartbeat Tick: \d+\n {2}Election Tick: \d+\n/,
      );
      expect(text).toContain(' Dispatcher:\n  Heartbeat Period: 3 seconds\n');
      expect(text).toContain(' Autolock Managers: false\n');
      expect(text).toContain(' CA Configuration:\n  Expiry Duration: 2 hours (2h0m0s)\n');
    }
  }, 300_000);
});
