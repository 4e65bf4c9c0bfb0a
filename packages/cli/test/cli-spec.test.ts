import { swarm } from '@swarm/api';
import { JSON_OPTIONS } from '@swarm/node/control';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/args.js';
import { UsageError } from '../src/errors.js';
import { naturalCompare } from '../src/format.js';
import {
  applyServiceUpdate,
  buildServiceSpec,
  parsePublish,
  parseSecretRef,
  splitArgs,
} from '../src/spec.js';
import {
  formatBytes,
  formatDuration,
  humanDuration,
  parseDuration,
  parseMemory,
  parseNanoCpus,
  parseRebalance,
  parseStrategy,
} from '../src/units.js';

/** Encodes and decodes the spec as protobuf: what the daemon will see. */
function roundTrip(spec: Record<string, unknown>): Record<string, unknown> {
  const msg = swarm.ServiceSpec.fromObject(spec);
  const bytes = swarm.ServiceSpec.encode(msg).finish();
  return swarm.ServiceSpec.toObject(swarm.ServiceSpec.decode(bytes), JSON_OPTIONS);
}

describe('units', () => {
  it('parses rebalancing budgets and placement strategies', () => {
    expect(parseRebalance('2/30s', '--rebalance')).toEqual({ maxMoves: 2, intervalMs: 30_000 });
    expect(parseRebalance('5', '--rebalance')).toEqual({ maxMoves: 5, intervalMs: 60_000 });
    expect(parseRebalance('off', '--rebalance').maxMoves).toBe(0);
    expect(parseRebalance('0', '--rebalance').maxMoves).toBe(0);
    for (const bad of ['', 'x', '-1/10s', '2/', '2/0', '2/10', '1/-5s', '10000000/1s']) {
      expect(() => parseRebalance(bad, '--rebalance'), bad).toThrow(/"--rebalance" flag/);
    }
    expect(parseStrategy('Binpack', '--placement-strategy')).toBe('binpack');
    expect(parseStrategy('spread', '--placement-strategy')).toBe('spread');
    expect(() => parseStrategy('random', '--placement-strategy')).toThrow(/expected spread or binpack/);
  });

  it('parses Go durations into milliseconds', () => {
    expect(parseDuration('10s', 'x')).toBe(10_000);
    expect(parseDuration('1m30s', 'x')).toBe(90_000);
    expect(parseDuration('500ms', 'x')).toBe(500);
    expect(parseDuration('2160h', 'x')).toBe(2160 * 3_600_000);
    expect(parseDuration('1.5h', 'x')).toBe(5_400_000);
    expect(parseDuration('0', 'x')).toBe(0);
    expect(parseDuration('1500us', 'x')).toBe(2);
    for (const bad of ['', '10', '-5s', 's', '5x', '1h-2m', '.s']) {
      expect(() => parseDuration(bad, '--restart-delay'), bad).toThrow(UsageError);
    }
    expect(() => parseDuration('10', '--restart-delay')).toThrow(/"--restart-delay" flag/);
  });

  it('formats durations as Go does', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(500)).toBe('500ms');
    expect(formatDuration(5000)).toBe('5s');
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(2160 * 3_600_000)).toBe('2160h0m0s');
  });

  it('parses memory sizes and CPUs as Docker does', () => {
    expect(parseMemory('64M', 'x')).toBe(64 * 2 ** 20);
    expect(parseMemory('1g', 'x')).toBe(2 ** 30);
    expect(parseMemory('512MiB', 'x')).toBe(512 * 2 ** 20);
    expect(parseMemory('1024', 'x')).toBe(1024);
    expect(() => parseMemory('64Q', 'x')).toThrow(UsageError);
    expect(parseNanoCpus('0.5', 'x')).toBe(500_000_000);
    expect(parseNanoCpus('2', 'x')).toBe(2_000_000_000);
    expect(parseNanoCpus('0.1', 'x')).toBe(100_000_000);
    expect(() => parseNanoCpus('-1', 'x')).toThrow(UsageError);
    expect(() => parseNanoCpus('0.1234567891', 'x')).toThrow(UsageError);
  });

  it('prints sizes as Docker', () => {
    expect(formatBytes(64 * 2 ** 20)).toBe('64MiB');
    expect(formatBytes(1.5 * 2 ** 30)).toBe('1.5GiB');
    expect(formatBytes(25_276_000_000)).toBe('23.54GiB');
    expect(formatBytes(512)).toBe('512B');
  });

  it('prints human durations as go-units', () => {
    expect(humanDuration(500)).toBe('Less than a second');
    expect(humanDuration(1000)).toBe('1 second');
    expect(humanDuration(5000)).toBe('5 seconds');
    expect(humanDuration(90_000)).toBe('About a minute');
    expect(humanDuration(30 * 60_000)).toBe('30 minutes');
    expect(humanDuration(3_600_000)).toBe('About an hour');
    expect(humanDuration(2160 * 3_600_000)).toBe('3 months');
  });
});

describe('natural order', () => {
  it('sorts numbers inside names by value', () => {
    expect(['node10', 'node2', 'node1', 'alpha', 'node'].sort(naturalCompare)).toEqual([
      'alpha',
      'node',
      'node1',
      'node2',
      'node10',
    ]);
  });
});

describe('argument parser', () => {
  const specs = [
    { name: 'quiet', short: 'q', kind: 'bool' as const, help: '' },
    { name: 'all', short: 'a', kind: 'bool' as const, help: '' },
    { name: 'env', short: 'e', kind: 'list' as const, help: '' },
    { name: 'name', kind: 'string' as const, help: '' },
  ];

  it('handles long, short, grouped, = and list forms', () => {
    const p = parseArgs(['--name', 'web', '-qa', '-e', 'A=1', '-eB=2', '--env=C=3', 'x', '--', '-y'], specs);
    expect(p.flags.get('name')).toBe('web');
    expect(p.flags.get('quiet')).toBe(true);
    expect(p.flags.get('all')).toBe(true);
    expect(p.flags.get('env')).toEqual(['A=1', 'B=2', 'C=3']);
    expect(p.args).toEqual(['x', '-y']);
    expect(p.dashDashAt).toBe(1);
  });

  it('parses bool values and stops at the first positional when not interspersed', () => {
    const p = parseArgs(['--quiet=false', 'img', '--name', 'x'], specs, { interspersed: false });
    expect(p.flags.get('quiet')).toBe(false);
    expect(p.args).toEqual(['img', '--name', 'x']);
    const q = parseArgs(['img', '--', 'cmd', '--name'], specs, { interspersed: false });
    expect(q.args).toEqual(['img', 'cmd', '--name']);
    expect(q.dashDashAt).toBe(1);
  });

  it('refuses unknown flags and missing values', () => {
    expect(() => parseArgs(['--nope'], specs)).toThrow('unknown flag: --nope');
    expect(() => parseArgs(['-z'], specs)).toThrow(/unknown shorthand flag: 'z'/);
    expect(() => parseArgs(['--name'], specs)).toThrow('flag needs an argument: --name');
    expect(() => parseArgs(['--quiet=maybe'], specs)).toThrow(UsageError);
  });
});

describe('buildServiceSpec', () => {
  it('builds the minimal spec with Docker defaults', () => {
    const spec = buildServiceSpec({ name: 'web' }, { command: ['node', 'server.js'] });
    expect(spec).toEqual({
      annotations: { name: 'web' },
      task: {
        container: { command: ['node', 'server.js'] },
        restart: { condition: 'ANY', delayMs: '5000' },
      },
      replicated: { replicas: '1' },
      mode: 'replicated',
      update: { parallelism: '1', monitorMs: '5000', failureAction: 'PAUSE', order: 'STOP_FIRST' },
      rollback: { parallelism: '1', monitorMs: '5000', failureAction: 'PAUSE', order: 'STOP_FIRST' },
    });
  });

  it('maps every flag to its field', () => {
    const spec = buildServiceSpec(
      {
        name: 'web',
        replicas: '3',
        label: ['tier=front'],
        publish: ['8080:80', 'published=9090,target=90,protocol=udp,mode=host'],
        secret: ['db-password', 'source=api-key,target=key.txt'],
        env: ['A=1', 'FROM_ENV'],
        constraint: ['node.labels.swarm.zone==pci', 'node.role!=manager'],
        'placement-pref': ['spread=node.labels.dc'],
        'replicas-max-per-node': '2',
        'reserve-cpu': '0.5',
        'reserve-memory': '64M',
        'restart-condition': 'on-failure',
        'restart-delay': '10s',
        'restart-max-attempts': '3',
        'update-parallelism': '2',
        'update-delay': '1m30s',
        'update-failure-action': 'rollback',
        'update-order': 'start-first',
        'update-monitor': '500ms',
        'rollback-parallelism': '0',
      },
      { image: 'node:20', command: ['node', 'server.js'] },
      { FROM_ENV: 'x y' },
    );
    expect(spec).toEqual({
      annotations: { name: 'web', labels: { tier: 'front' } },
      task: {
        container: {
          image: 'node:20',
          command: ['node', 'server.js'],
          env: ['A=1', 'FROM_ENV=x y'],
          secrets: [
            { secretName: 'db-password', target: 'db-password', mode: 256 },
            { secretName: 'api-key', target: 'key.txt', mode: 256 },
          ],
        },
        resources: { reservations: { nanoCpus: '500000000', memoryBytes: String(64 * 2 ** 20) } },
        restart: { condition: 'ON_FAILURE', delayMs: '10000', maxAttempts: '3' },
        placement: {
          constraints: ['node.labels.swarm.zone==pci', 'node.role!=manager'],
          preferences: [{ spread: { spreadDescriptor: 'node.labels.dc' } }],
          maxReplicas: '2',
        },
      },
      replicated: { replicas: '3' },
      mode: 'replicated',
      update: {
        parallelism: '2',
        delayMs: '90000',
        monitorMs: '500',
        failureAction: 'ROLLBACK',
        order: 'START_FIRST',
      },
      rollback: { parallelism: '0', monitorMs: '5000', failureAction: 'PAUSE', order: 'STOP_FIRST' },
      endpoint: {
        ports: [
          { protocol: 'TCP', targetPort: 80, publishedPort: 8080, publishMode: 'INGRESS' },
          { protocol: 'UDP', targetPort: 90, publishedPort: 9090, publishMode: 'HOST' },
        ],
      },
    });
  });

  it('round-trips through swarm.ServiceSpec', () => {
    const spec = buildServiceSpec(
      {
        name: 'web',
        replicas: '3',
        publish: ['8080:80'],
        secret: ['source=db,target=pw'],
        'reserve-memory': '1G',
        'restart-delay': '0s',
        'update-order': 'start-first',
      },
      { command: ['sh', '-c', 'echo hi'] },
    );
    const back = roundTrip(spec);
    // Zero values (TCP, INGRESS, delay 0, PAUSE...) are omitted by toObject(defaults: false).
    expect(back).toEqual({
      annotations: { name: 'web' },
      task: {
        container: {
          command: ['sh', '-c', 'echo hi'],
          secrets: [{ secretName: 'db', target: 'pw', mode: 256 }],
        },
        resources: { reservations: { memoryBytes: String(2 ** 30) } },
        restart: { condition: 'ANY' },
      },
      replicated: { replicas: '3' },
      mode: 'replicated',
      update: { parallelism: '1', monitorMs: '5000', order: 'START_FIRST' },
      rollback: { parallelism: '1', monitorMs: '5000' },
      endpoint: { ports: [{ targetPort: 80, publishedPort: 8080 }] },
    });
    expect(roundTrip(buildServiceSpec({ mode: 'global' }, { command: ['x'] }))).toMatchObject({
      global: {},
      mode: 'global',
    });
  });

  it('builds job modes as Docker does: --replicas is the completions, --max-concurrent defaults to it', () => {
    expect(
      roundTrip(
        buildServiceSpec(
          { mode: 'replicated-job', replicas: '5', 'max-concurrent': '2' },
          { command: ['x'] },
        ),
      ),
    ).toMatchObject({ replicatedJob: { maxConcurrent: '2', totalCompletions: '5' }, mode: 'replicatedJob' });
    expect(
      roundTrip(buildServiceSpec({ mode: 'replicated-job', replicas: '3' }, { command: ['x'] })),
    ).toMatchObject({
      replicatedJob: { maxConcurrent: '3', totalCompletions: '3' },
    });
    const one = roundTrip(buildServiceSpec({ mode: 'replicated-job' }, { command: ['x'] }));
    expect(one).toMatchObject({ replicatedJob: { maxConcurrent: '1', totalCompletions: '1' } });
    expect(one.replicated).toBeUndefined();
    const global = roundTrip(buildServiceSpec({ mode: 'global-job' }, { command: ['x'] }));
    expect(global).toMatchObject({ globalJob: {}, mode: 'globalJob' });
    expect(global.replicated).toBeUndefined();
    // service update: --replicas and --max-concurrent change the job, not a replicated mode.
    const updated = applyServiceUpdate(
      { replicatedJob: { maxConcurrent: '1', totalCompletions: '1' }, mode: 'replicatedJob' },
      { replicas: '4', 'max-concurrent': '2' },
    );
    expect(roundTrip(updated)).toMatchObject({
      replicatedJob: { maxConcurrent: '2', totalCompletions: '4' },
    });
    expect(updated.replicated).toBeUndefined();
    expect(() => applyServiceUpdate({ replicated: { replicas: '1' } }, { 'max-concurrent': '2' })).toThrow(
      /replicated-job mode/,
    );
  });

  it('validates constraints with the scheduler and prints its message', () => {
    expect(() => buildServiceSpec({ constraint: ['node.labels.zone=pci'] }, { command: ['x'] })).toThrow(
      /invalid placement constraint "node.labels.zone=pci": it has no == or != operator/,
    );
    expect(() => buildServiceSpec({ constraint: ['bogus.key==1'] }, { command: ['x'] })).toThrow(UsageError);
  });

  it('refuses bad values with the flag name', () => {
    const bad: [Record<string, string | string[]>, RegExp][] = [
      [{ publish: ['80:http'] }, /--publish/],
      [{ publish: ['8080:70000'] }, /1-65535/],
      [{ publish: ['published=8080'] }, /no target port/],
      [{ secret: ['source=db,target=../etc/passwd'] }, /plain file name/],
      [{ secret: ['source=db,target=/etc/passwd'] }, /plain file name/],
      [{ env: ['=x'] }, /--env/],
      [{ env: ['UNSET_VAR'] }, /not set in this environment/],
      [{ 'restart-condition': 'sometimes' }, /none, on-failure, any/],
      [{ 'update-failure-action': 'explode' }, /pause, continue, rollback/],
      [{ 'rollback-failure-action': 'rollback' }, /pause or continue/],
      [{ 'placement-pref': ['node.labels.dc'] }, /spread=node.labels.NAME/],
      [{ mode: 'global', replicas: '3' }, /replicated mode/],
      [{ mode: 'sometimes' }, /expected replicated, global, replicated-job or global-job/],
      [{ mode: 'global-job', replicas: '3' }, /replicated mode or replicated-job mode/],
      [{ 'max-concurrent': '2' }, /max-concurrent can only be used with replicated-job mode/],
      [{ mode: 'global-job', 'max-concurrent': '2' }, /replicated-job mode/],
      [{ mode: 'replicated-job', 'max-concurrent': '0' }, /at least 1/],
      [{ replicas: '-1' }, /whole number/],
      [{ name: 'bad name' }, /invalid service name/],
    ];
    for (const [flags, re] of bad) {
      expect(() => buildServiceSpec(flags, { command: ['x'] }), JSON.stringify(flags)).toThrow(re);
    }
  });

  it('parses publish and secret forms', () => {
    expect(parsePublish('80')).toEqual({ protocol: 'TCP', targetPort: 80, publishMode: 'INGRESS' });
    expect(parsePublish('53:53/udp')).toEqual({
      protocol: 'UDP',
      targetPort: 53,
      publishedPort: 53,
      publishMode: 'INGRESS',
    });
    expect(parseSecretRef('src=a,target=b,mode=0440,uid=1000,gid=1000')).toEqual({
      secretName: 'a',
      target: 'b',
      uid: 1000,
      gid: 1000,
      mode: 0o440,
    });
  });
});

describe('health check flags', () => {
  it('map --health-* to the container health config, and it round-trips', () => {
    const spec = buildServiceSpec(
      {
        'health-cmd': 'wget -q -O- localhost:80 || exit 1',
        'health-interval': '2s',
        'health-timeout': '500ms',
        'health-retries': '4',
        'health-start-period': '10s',
      },
      { image: 'busybox', command: ['httpd', '-f'] },
    );
    const want = {
      test: ['CMD-SHELL', 'wget -q -O- localhost:80 || exit 1'],
      intervalMs: '2000',
      timeoutMs: '500',
      retries: 4,
      startPeriodMs: '10000',
    };
    expect((spec.task as { container: { healthcheck: unknown } }).container.healthcheck).toEqual(want);
    const back = roundTrip(spec) as { task: { container: { healthcheck: unknown } } };
    expect(back.task.container.healthcheck).toEqual(want);
  });

  it('turns the image check off with --no-healthcheck, and refuses it together with --health-*', () => {
    const spec = buildServiceSpec({ 'no-healthcheck': true }, { image: 'busybox' });
    expect((spec.task as { container: { healthcheck: unknown } }).container.healthcheck).toEqual({
      test: ['NONE'],
    });
    expect(() => buildServiceSpec({ 'no-healthcheck': true, 'health-cmd': 'true' }, { image: 'b' })).toThrow(
      /conflicts/,
    );
    expect(() => buildServiceSpec({ 'health-interval': '0s' }, { image: 'b' })).toThrow(/at least 1ms/);
    expect(() => buildServiceSpec({ 'health-retries': 'x' }, { image: 'b' })).toThrow(/--health-retries/);
  });

  it('updates a check in place and replaces a NONE test', () => {
    const created = buildServiceSpec({ 'no-healthcheck': true }, { image: 'busybox' });
    const updated = applyServiceUpdate(created, { 'health-cmd': 'true', 'health-retries': '2' });
    expect((updated.task as { container: { healthcheck: unknown } }).container.healthcheck).toEqual({
      test: ['CMD-SHELL', 'true'],
      retries: 2,
    });
    const again = applyServiceUpdate(updated, { 'health-interval': '1s' });
    expect((again.task as { container: { healthcheck: unknown } }).container.healthcheck).toMatchObject({
      test: ['CMD-SHELL', 'true'],
      intervalMs: '1000',
    });
  });
});

describe('applyServiceUpdate', () => {
  const base = () =>
    roundTrip(
      buildServiceSpec(
        {
          name: 'web',
          replicas: '3',
          env: ['A=1', 'B=2'],
          publish: ['8080:80', '9090:90'],
          secret: ['db', 'api'],
          constraint: ['node.role==worker'],
          label: ['x=1'],
          'restart-delay': '0s',
          'update-monitor': '0s',
          'update-parallelism': '0',
        },
        { command: ['node', 'server.js', '--port', '80'] },
      ),
    );

  it('adds, replaces and removes list entries and keeps the rest', () => {
    const spec = base();
    const next = applyServiceUpdate(spec, {
      'env-add': ['B=3', 'C=4'],
      'env-rm': ['A'],
      'publish-add': ['8081:81'],
      'publish-rm': ['9090:90'],
      'secret-add': ['source=cert,target=tls.crt'],
      'secret-rm': ['api'],
      'constraint-add': ['node.labels.swarm.zone==pci'],
      'constraint-rm': ['node.role==worker'],
      'label-add': ['y=2'],
      'label-rm': ['x'],
      replicas: '5',
      image: 'node:22',
      args: '--port "8 0" --verbose',
    });
    expect(spec).toEqual(base()); // not modified
    const task = next.task as Record<string, Record<string, unknown>>;
    expect(task.container).toEqual({
      image: 'node:22',
      command: ['node', '--port', '8 0', '--verbose'],
      env: ['B=3', 'C=4'],
      secrets: [
        { secretName: 'db', target: 'db', mode: 256 },
        { secretName: 'cert', target: 'tls.crt', mode: 256 },
      ],
    });
    expect(task.placement).toEqual({ constraints: ['node.labels.swarm.zone==pci'] });
    expect(next.annotations).toEqual({ name: 'web', labels: { y: '2' } });
    expect(next.replicated).toEqual({ replicas: '5' });
    expect((next.endpoint as { ports: unknown[] }).ports).toEqual([
      { targetPort: 80, publishedPort: 8080 },
      { protocol: 'TCP', targetPort: 81, publishedPort: 8081, publishMode: 'INGRESS' },
    ]);
    // Zeros the user chose earlier (omitted by protobuf's JSON) stay zeros.
    expect(task.restart).toEqual({ condition: 'ANY' });
    expect(next.update).toEqual({});
  });

  it('forces an update by bumping forceUpdate', () => {
    const once = applyServiceUpdate(base(), { force: true });
    expect((once.task as Record<string, unknown>).forceUpdate).toBe('1');
    const twice = applyServiceUpdate(roundTrip(once), { force: true });
    expect((twice.task as Record<string, unknown>).forceUpdate).toBe('2');
  });

  it('changes scalars and refuses replicas on a global service', () => {
    const next = applyServiceUpdate(base(), {
      'restart-condition': 'none',
      'update-delay': '10s',
      'reserve-cpu': '1.5',
    });
    expect((next.task as Record<string, unknown>).restart).toEqual({ condition: 'NONE' });
    expect((next.update as Record<string, unknown>).delayMs).toBe('10000');
    expect((next.task as Record<string, Record<string, unknown>>).resources).toEqual({
      reservations: { nanoCpus: '1500000000' },
    });
    const global = roundTrip(buildServiceSpec({ mode: 'global' }, { command: ['x'] }));
    expect(() => applyServiceUpdate(global, { replicas: '2' })).toThrow(/replicated mode/);
  });

  it('splits --args as a shell would', () => {
    expect(splitArgs(`a "b c" 'd e' f\\ g ""`)).toEqual(['a', 'b c', 'd e', 'f g', '']);
    expect(() => splitArgs('"open')).toThrow(/unterminated/);
  });
});
