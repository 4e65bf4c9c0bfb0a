// The everyday commands against a fake daemon: `service logs` (Docker's flags, the follow loop
// over the cursor), `service ps` / `node ps` history rows and filters, `swarm info` settings.
import type { LogLineView } from '@swarm/node/control';
import { describe, expect, it } from 'vitest';
import { parseSince } from '../src/commands/service-logs.js';
import { NODE1, NODE2, SERVICE1, TASK1, TASK2, useFakeDaemon } from './fixtures/fake-daemon.js';

const { api, run } = useFakeDaemon();

const line = (
  taskId: string,
  nodeId: string,
  taskName: string,
  text: string,
  timestamp = 0,
): LogLineView => ({
  taskId,
  serviceId: SERVICE1,
  seq: '1',
  taskName,
  nodeId,
  timestamp,
  stream: 'stdout',
  text,
});

describe('swarm service logs', () => {
  it('--help lists what docker service logs has, plus the node filter', async () => {
    const h = (await run(['service', 'logs', '--help'])).stdout;
    expect(h).toMatch(
      /^Usage: {2}swarm service logs \[OPTIONS\] SERVICE\|TASK\n\nFetch the logs of a service or task\n/,
    );
    for (const flag of [
      '  -f, --follow ',
      '      --no-resolve ',
      '      --no-task-ids ',
      '      --no-trunc ',
      '      --raw ',
      '      --since string ',
      '  -n, --tail string ',
      '  -t, --timestamps ',
      '      --filter filter   Only show the logs of tasks on a node ("node=<hostname|ID>")',
    ])
      expect(h).toContain(flag);
  });

  it('-f prints the first page, then follows the cursor until the service is removed', async () => {
    api.followPages = [
      { lines: [line(TASK1, NODE1, 'web.1', 'first')], cursor: 'c1' },
      { lines: [], cursor: 'c1' },
      { lines: [line(TASK2, NODE2, 'web.2', 'second')], cursor: 'c2' },
      // The same line again (a retried publish that reached a second manager) prints once.
      {
        lines: [line(TASK2, NODE2, 'web.2', 'second'), { ...line(TASK2, NODE2, 'web.2', 'last'), seq: '2' }],
        cursor: 'c3',
        ended: true,
      },
    ];
    const r = await run(['service', 'logs', '-f', '--tail', '5', '--since', '10m', 'web']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        `web.1.${TASK1.slice(0, 12)}@host1    | first`,
        `web.2.${TASK2.slice(0, 12)}@host2    | second`,
        `web.2.${TASK2.slice(0, 12)}@host2    | last`,
        '',
      ].join('\n'),
    );
    expect(api.callsOf('serviceLogsFollow')).toEqual([
      { id: 'web', tail: 5, sinceMs: api.now - 600_000 },
      { id: 'web', cursor: 'c1' },
      { id: 'web', cursor: 'c1' },
      { id: 'web', cursor: 'c2' },
    ]);
    expect(api.callsOf('serviceLogs')).toEqual([]);
  });

  it('--no-task-ids, --no-resolve, --timestamps and --raw shape the prefix as Docker does', async () => {
    const at = Date.parse('2026-12-07T10:00:00.000Z');
    api.overrides.set('serviceLogs', () => [line(TASK1, NODE1, 'web.1', 'hi', at)]);
    expect((await run(['service', 'logs', '--no-task-ids', 'web'])).stdout).toBe('web.1@host1    | hi\n');
    expect((await run(['service', 'logs', '--no-resolve', 'web'])).stdout).toBe(
      `${SERVICE1.slice(0, 12)}.1.${TASK1.slice(0, 12)}@${NODE1.slice(0, 12)}    | hi\n`,
    );
    expect((await run(['service', 'logs', '-t', 'web'])).stdout).toBe(
      `web.1.${TASK1.slice(0, 12)}@host1    | 2026-12-07T10:00:00.000Z hi\n`,
    );
    expect((await run(['service', 'logs', '--raw', '-t', 'web'])).stdout).toBe(
      '2026-12-07T10:00:00.000Z hi\n',
    );
    expect((await run(['service', 'logs', '--no-trunc', 'web'])).stdout).toBe(
      `web.1.${TASK1}@host1    | hi\n`,
    );
  });

  it('a task ID, a node filter and an RFC 3339 --since go to the daemon', async () => {
    await run(['service', 'logs', '--filter', 'node=host2', '--since', '2026-12-07T09:00:00Z', TASK1]);
    expect(api.callsOf('serviceLogs')).toEqual([
      { id: TASK1, sinceMs: Date.parse('2026-12-07T09:00:00Z'), node: 'host2' },
    ]);
  });

  it('refuses bad flags before calling the daemon, with usage errors', async () => {
    const twoNodes = await run(['service', 'logs', '--filter', 'node=a', '--filter', 'node=b', 'web']);
    expect(twoNodes.code).toBe(2);
    expect(twoNodes.stderr).toMatch(/only one "node" filter/);
    const badKey = await run(['service', 'logs', '--filter', 'name=x', 'web']);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain("invalid filter 'name': use one of node");
    const badSince = await run(['service', 'logs', '--since', 'yesterday', 'web']);
    expect(badSince.code).toBe(2);
    expect(badSince.stderr).toContain(
      'invalid value for "since": failed to parse value as time or duration: "yesterday"',
    );
    const badTail = await run(['service', 'logs', '--tail', 'x', 'web']);
    expect(badTail.code).toBe(2);
    expect(api.calls.filter((c) => c.method.startsWith('serviceLogs'))).toEqual([]);
  });

  it('a service that does not exist is an error naming it', async () => {
    api.fail('serviceLogs', 'NOT_FOUND', 'no such task or service: nope');
    const r = await run(['service', 'logs', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no such task or service: nope');
  });
});

describe('parseSince', () => {
  it('reads RFC 3339 times, dates, Unix seconds and durations back from now', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    expect(parseSince('2026-12-07T11:00:00Z', now)).toBe(now - 3_600_000);
    expect(parseSince('2026-12-07T13:00:00+02:00', now)).toBe(now - 3_600_000);
    expect(parseSince('2026-12-07', now)).toBe(now - 12 * 3_600_000);
    expect(parseSince('1700000000.5', now)).toBe(1_700_000_000_500);
    expect(parseSince('1h30m', now)).toBe(now - 5_400_000);
  });
});

describe('swarm service ps: history rows, errors and --filter', () => {
  const OLD = 'x'.repeat(25);
  const older = () => ({
    ...api.tasks[0]!,
    id: OLD,
    desiredState: 'shutdown',
    currentState: 'failed',
    since: api.now - 60_000,
    error: 'starting task: listen tcp 127.0.12.2:18300: bind: address already in use',
    ports: [],
  });

  it('shows failed tasks with their ERROR under the current one as "\\_" rows', async () => {
    api.overrides.set('servicePs', () => [api.tasks[0]!, older(), api.tasks[1]!]);
    const r = await run(['service', 'ps', 'web']);
    const rows = r.stdout.split('\n');
    expect(rows[0]).toMatch(/^ID +NAME +NODE +DESIRED STATE +CURRENT STATE +ERROR +PORTS$/);
    expect(rows[1]).toMatch(
      new RegExp(`^${TASK1.slice(0, 12)} +web\\.1 +host1 +Running +Running 5 seconds ago`),
    );
    expect(rows[2]).toMatch(
      new RegExp(
        `^${OLD.slice(0, 12)} +\\\\_ web\\.1 +host1 +Shutdown +Failed about a minute ago +"starting task: listen tcp 127…"`,
      ),
    );
    expect(rows[3]).toMatch(/^\w{12} +web\.2 +host2 +Running +Pending/);
    const full = await run(['service', 'ps', '--no-trunc', 'web']);
    expect(full.stdout).toMatch(new RegExp(`\\n${OLD} +\\\\_ web\\.1 `));
    expect(full.stdout).toContain(
      '"starting task: listen tcp 127.0.12.2:18300: bind: address already in use"',
    );
  });

  it('--filter desired-state, node, name and id; -q prints the IDs that pass', async () => {
    api.overrides.set('servicePs', () => [api.tasks[0]!, older(), api.tasks[1]!]);
    const ids = async (...filters: string[]) =>
      (await run(['service', 'ps', '-q', ...filters.flatMap((f) => ['--filter', f]), 'web'])).stdout
        .trim()
        .split('\n');
    expect(await ids('desired-state=running')).toEqual([TASK1, TASK2]);
    expect(await ids('desired-state=shutdown')).toEqual([OLD]);
    expect(await ids('desired-state=accepted')).toEqual(['']);
    expect(await ids('node=host2')).toEqual([TASK2]);
    expect(await ids(`node=${NODE1.slice(0, 5)}`, 'desired-state=running')).toEqual([TASK1]);
    expect(await ids('name=web.2')).toEqual([TASK2]);
    expect(await ids('name=web')).toEqual([TASK1, OLD, TASK2]);
    expect(await ids(`id=${OLD.slice(0, 4)}`)).toEqual([OLD]);
    const bad = await run(['service', 'ps', '--filter', 'desired-state=sleeping', 'web']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      "invalid filter 'desired-state=sleeping': use running, shutdown or accepted",
    );
    const badKey = await run(['service', 'ps', '--filter', 'label=x', 'web']);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain("invalid filter 'label': use one of desired-state, id, name, node");
  });

  it('--no-resolve shows the service and node IDs', async () => {
    api.overrides.set('servicePs', () => [api.tasks[0]!, older()]);
    const rows = (await run(['service', 'ps', '--no-resolve', 'web'])).stdout.split('\n');
    expect(rows[1]).toMatch(new RegExp(`^${TASK1.slice(0, 12)} +${SERVICE1}\\.1 +${NODE1} +Running`));
    expect(rows[2]).toMatch(new RegExp(`^${OLD.slice(0, 12)} +\\\\_ ${SERVICE1}\\.1 +${NODE1} +Shutdown`));
  });

  it('node ps takes the same filters', async () => {
    api.overrides.set('taskList', () => [api.tasks[0]!, older(), api.tasks[1]!]);
    const r = await run(['node', 'ps', '-q', '--filter', 'desired-state=shutdown', 'host1']);
    expect(r.stdout).toBe(`${OLD}\n`);
  });
});

describe('swarm info: the swarm settings Docker shows', () => {
  it('one Orchestration block, raft settings, dispatcher, CA expiry and autolock', async () => {
    const base = await api.info();
    api.overrides.set('info', () => ({
      ...base,
      taskHistoryLimit: 3,
      dispatcherHeartbeatMs: 3000,
      autolock: true,
      certExpiryMs: 2 * 3_600_000,
      orchestration: { placementStrategy: 'spread' as const },
      raft: { ...base.raft!, snapshotInterval: 10000, heartbeatTick: 1, electionTick: 10, tickMs: 100 },
    }));
    const out = (await run(['info'])).stdout;
    expect(out).toContain(
      ' Orchestration:\n  Task History Retention Limit: 3\n  Placement Strategy: spread\n  Rebalance: off\n',
    );
    expect(out.split(' Orchestration:').length).toBe(2);
    expect(out).toContain(
      ' Raft Settings:\n  Snapshot Interval: 10000\n  Heartbeat Tick: 1\n  Election Tick: 10\n',
    );
    expect(out).toContain(' Dispatcher:\n  Heartbeat Period: 3 seconds\n');
    expect(out).toContain(' Autolock Managers: true\n');
    expect(out).toContain(' CA Configuration:\n  Expiry Duration: 2 hours (2h0m0s)\n');
  });
});
