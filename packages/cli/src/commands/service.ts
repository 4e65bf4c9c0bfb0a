/** `swarm service create|ls|ps|inspect|logs|scale|update|rollback|rm` (`logs` in ./service-logs.ts). */

import type { Json, ServiceView, TaskView } from '@swarm/node/control';
import type { FlagSpec } from '../args.js';
import type { Command, Context } from '../command.js';
import {
  eachArg,
  FILTER,
  FORMAT,
  labelMatches,
  matchesFilters,
  NO_TRUNC,
  PRETTY,
  parseFilters,
  printFormatted,
  QUIET,
} from '../command.js';
import { UsageError } from '../errors.js';
import { ellipsis, json, labelsLine, naturalCompare, shellQuote, table, title, truncId } from '../format.js';
import { showProgress } from '../progress.js';
import { applyServiceUpdate, buildServiceSpec, type FlagValues } from '../spec.js';
import { taskFilter } from '../task-filters.js';
import { formatBytes, formatDuration, formatNanoCpus, humanDuration } from '../units.js';
import { logsCommand } from './service-logs.js';

const f = (name: string, kind: FlagSpec['kind'], help: string, value?: string, short?: string): FlagSpec => ({
  name,
  kind,
  help,
  ...(value === undefined ? {} : { value }),
  ...(short === undefined ? {} : { short }),
});

/** Flags `service create` and `service update` share (the scalar ones). */
const COMMON_FLAGS: FlagSpec[] = [
  f('replicas', 'string', 'Number of tasks (replicated-job: the number of completions)', 'uint'),
  f(
    'max-concurrent',
    'string',
    'Number of job tasks to run concurrently (replicated-job only; default equal to --replicas)',
    'uint',
  ),
  f('replicas-max-per-node', 'string', 'Maximum number of tasks per node (default 0 = unlimited)', 'uint'),
  f('reserve-cpu', 'string', 'Reserve CPUs', 'decimal'),
  f('reserve-memory', 'string', 'Reserve Memory', 'bytes'),
  f('limit-cpu', 'string', 'Limit CPUs', 'decimal'),
  f('limit-memory', 'string', 'Limit Memory', 'bytes'),
  f(
    'restart-condition',
    'string',
    'Restart when condition is met ("none", "on-failure", "any") (default "any")',
    'string',
  ),
  f('restart-delay', 'string', 'Delay between restart attempts (ns|us|ms|s|m|h) (default 5s)', 'duration'),
  f('restart-max-attempts', 'string', 'Maximum number of restarts before giving up', 'uint'),
  f('restart-window', 'string', 'Window used to evaluate the restart policy (ns|us|ms|s|m|h)', 'duration'),
  f(
    'update-parallelism',
    'string',
    'Maximum number of tasks updated simultaneously (0 to update all at once) (default 1)',
    'uint',
  ),
  f('update-delay', 'string', 'Delay between updates (ns|us|ms|s|m|h) (default 0s)', 'duration'),
  f(
    'update-failure-action',
    'string',
    'Action on update failure ("pause", "continue", "rollback") (default "pause")',
    'string',
  ),
  f(
    'update-monitor',
    'string',
    'Duration after each task update to monitor for failure (ns|us|ms|s|m|h) (default 5s)',
    'duration',
  ),
  f('update-max-failure-ratio', 'string', 'Failure rate to tolerate during an update', 'float'),
  f('update-order', 'string', 'Update order ("start-first", "stop-first") (default "stop-first")', 'string'),
  f(
    'rollback-parallelism',
    'string',
    'Maximum number of tasks rolled back simultaneously (0 to roll back all at once) (default 1)',
    'uint',
  ),
  f('rollback-delay', 'string', 'Delay between task rollbacks (ns|us|ms|s|m|h) (default 0s)', 'duration'),
  f(
    'rollback-failure-action',
    'string',
    'Action on rollback failure ("pause", "continue") (default "pause")',
    'string',
  ),
  f(
    'rollback-monitor',
    'string',
    'Duration after each task rollback to monitor for failure (ns|us|ms|s|m|h) (default 5s)',
    'duration',
  ),
  f('rollback-max-failure-ratio', 'string', 'Failure rate to tolerate during a rollback', 'float'),
  f(
    'rollback-order',
    'string',
    'Rollback order ("start-first", "stop-first") (default "stop-first")',
    'string',
  ),
  f('workdir', 'string', 'Working directory inside the task', 'string', 'w'),
  f('user', 'string', 'Username or UID', 'string', 'u'),
  f('hostname', 'string', 'Task hostname', 'string'),
  f('stop-grace-period', 'string', 'Time to wait before force killing a task (ns|us|ms|s|m|h)', 'duration'),
  f('health-cmd', 'string', 'Command to run to check health (run by the shell inside the task)', 'string'),
  f('health-interval', 'string', 'Time between running the check (ms|s|m|h) (default 30s)', 'duration'),
  f(
    'health-timeout',
    'string',
    'Maximum time to allow one check to run (ms|s|m|h) (default 30s)',
    'duration',
  ),
  f('health-retries', 'string', 'Consecutive failures needed to report unhealthy (default 3)', 'int'),
  f(
    'health-start-period',
    'string',
    'Start period for the task to initialize before failures count towards retries (ms|s|m|h) (default 0s)',
    'duration',
  ),
  f('no-healthcheck', 'bool', "Disable any container-specified HEALTHCHECK (the image's)"),
  f('detach', 'bool', 'Exit immediately instead of waiting for the service to converge', undefined, 'd'),
  f('quiet', 'bool', 'Suppress progress output', undefined, 'q'),
  f('no-resolve-image', 'bool', 'Do not query the registry to pin the image tag to a digest'),
];

const CREATE_FLAGS: FlagSpec[] = [
  f('name', 'string', 'Service name', 'string'),
  f(
    'mode',
    'string',
    'Service mode ("replicated", "global", "replicated-job", "global-job") (default "replicated")',
    'string',
  ),
  f('constraint', 'list', 'Placement constraints', 'list'),
  f('placement-pref', 'list', 'Add a placement preference (spread=node.labels.NAME)', 'pref'),
  f('secret', 'list', 'Specify secrets to expose to the service', 'secret'),
  f('config', 'list', 'Specify configurations to expose to the service', 'config'),
  f('publish', 'list', 'Publish a port as a node port', 'port', 'p'),
  f('network', 'list', 'Network attachments (NAME[,alias=ALIAS...])', 'network'),
  f('endpoint-mode', 'string', 'Endpoint mode (vip or dnsrr) (default "vip")', 'string'),
  f('env', 'list', 'Set environment variables', 'list', 'e'),
  f('label', 'list', 'Service labels', 'list', 'l'),
  ...COMMON_FLAGS,
];

const UPDATE_FLAGS: FlagSpec[] = [
  f('image', 'string', 'Service image tag', 'string'),
  f('args', 'string', 'Service command args', 'command'),
  f('force', 'bool', 'Force update even if no changes require it'),
  f('rollback', 'bool', 'Rollback to previous specification'),
  f('env-add', 'list', 'Add or update an environment variable', 'list'),
  f('env-rm', 'list', 'Remove an environment variable', 'list'),
  f('constraint-add', 'list', 'Add or update a placement constraint', 'list'),
  f('constraint-rm', 'list', 'Remove a constraint', 'list'),
  f('placement-pref-add', 'list', 'Add a placement preference', 'pref'),
  f('placement-pref-rm', 'list', 'Remove a placement preference', 'pref'),
  f('secret-add', 'list', 'Add or update a secret on a service', 'secret'),
  f('secret-rm', 'list', 'Remove a secret', 'list'),
  f('config-add', 'list', 'Add or update a config file on a service', 'config'),
  f('config-rm', 'list', 'Remove a configuration file', 'list'),
  f('publish-add', 'list', 'Add or update a published port', 'port'),
  f('publish-rm', 'list', 'Remove a published port by its target port', 'port'),
  f('network-add', 'list', 'Add a network (NAME[,alias=ALIAS...])', 'network'),
  f('network-rm', 'list', 'Remove a network', 'network'),
  f('endpoint-mode', 'string', 'Endpoint mode (vip or dnsrr)', 'string'),
  f('label-add', 'list', 'Add or update a service label', 'list'),
  f('label-rm', 'list', 'Remove a label by its key', 'list'),
  // Docker's create-style names, accepted as aliases of the -add forms.
  f('env', 'list', 'Same as --env-add', 'list', 'e'),
  f('constraint', 'list', 'Same as --constraint-add', 'list'),
  f('secret', 'list', 'Same as --secret-add', 'secret'),
  f('config', 'list', 'Same as --config-add', 'config'),
  f('publish', 'list', 'Same as --publish-add', 'port', 'p'),
  f('placement-pref', 'list', 'Same as --placement-pref-add', 'pref'),
  ...COMMON_FLAGS,
];

function flagValues(ctx: Context): FlagValues {
  return Object.fromEntries(ctx.flags.parsed.flags) as FlagValues;
}

const create: Command = {
  name: 'create',
  usage: '[OPTIONS] [IMAGE] [--] COMMAND [ARG...]',
  short: 'Create a new service',
  flags: CREATE_FLAGS,
  interspersed: false,
  minArgs: 1,
  async run(ctx) {
    // `--name web -- node server.js` (no image), `--name web IMAGE -- cmd`, or Docker's `IMAGE cmd args`.
    const hasImage = ctx.dashDashAt !== 0;
    const image = hasImage ? ctx.args[0] : undefined;
    const command = hasImage ? ctx.args.slice(1) : ctx.args;
    const spec = buildServiceSpec(
      flagValues(ctx),
      { ...(image === undefined ? {} : { image }), command },
      ctx.io.env,
    );
    const view = await ctx.api().serviceCreate({
      spec,
      ...(ctx.flags.bool('no-resolve-image') ? { resolveImage: false } : {}),
    });
    for (const w of view.warnings ?? []) ctx.err(`${w}\n`);
    ctx.out(`${view.id}\n`);
    if (ctx.flags.bool('detach')) return 0;
    return showProgress(ctx, view.id);
  },
};

/** The image (if any) and the command on one line (a multi-line `node -e` script shows as one line). */
function imageAndCommand(s: ServiceView): string {
  const image = (((s.raw.spec as Json | undefined)?.task as Json | undefined)?.container as Json | undefined)
    ?.image;
  return [...(typeof image === 'string' && image !== '' ? [image] : []), ...s.command.map(shellQuote)]
    .join(' ')
    .replace(/\s+/g, ' ');
}

function modeColumn(s: ServiceView): string {
  return s.mode;
}

function replicasColumn(s: ServiceView): string {
  const max = Number(
    ((((s.raw.spec as Json | undefined)?.task as Json | undefined)?.placement as Json | undefined)
      ?.maxReplicas as string | undefined) ?? 0,
  );
  const job = s.completed === undefined ? '' : ` (${s.completed}/${s.desired} completed)`;
  return `${s.running}/${s.desired}${max > 0 ? ` (max ${max} per node)` : ''}${job}`;
}

const ls: Command = {
  name: 'ls',
  aliases: ['list'],
  usage: '[OPTIONS]',
  short: 'List services',
  flags: [QUIET, FORMAT, NO_TRUNC, FILTER],
  maxArgs: 0,
  async run(ctx) {
    const filters = parseFilters(ctx, ['id', 'label', 'mode', 'name']);
    const services = [...(await ctx.api().serviceList())]
      .sort((a, b) => naturalCompare(a.name, b.name))
      .filter((s) =>
        matchesFilters(filters, (key, v) => {
          switch (key) {
            case 'id':
              return s.id.startsWith(v);
            case 'name':
              return s.name.startsWith(v);
            case 'mode':
              return s.mode === v.toLowerCase();
            default: {
              const labels = ((
                s.raw.spec as { annotations?: { labels?: Record<string, string> } } | undefined
              )?.annotations?.labels ?? {}) as Record<string, string>;
              return labelMatches(labels, v);
            }
          }
        }),
      );
    if (ctx.flags.bool('quiet')) {
      for (const s of services) ctx.out(`${s.id}\n`);
      return 0;
    }
    if (printFormatted(ctx, services, true)) return 0;
    ctx.out(
      table(
        ['ID', 'NAME', 'MODE', 'REPLICAS', 'IMAGE/COMMAND', 'PORTS'],
        services.map((s) => [
          truncId(s.id, false),
          s.name,
          modeColumn(s),
          replicasColumn(s),
          ctx.flags.bool('no-trunc') ? imageAndCommand(s) : ellipsis(imageAndCommand(s), 40),
          s.ports.join(', '),
        ]),
      ),
    );
    return 0;
  },
};

/**
 * Orders tasks as Docker's `service ps`: by slot (or node), the newest first within it. With
 * `noResolve`, names use the service ID and the NODE column the node ID (`--no-resolve`).
 */
export function psRows(
  tasks: readonly TaskView[],
  now: number,
  noTrunc: boolean,
  noResolve = false,
): string[][] {
  const groupOf = (t: TaskView) =>
    t.slot > 0 ? `${t.serviceId}:${String(t.slot).padStart(10, '0')}` : `${t.serviceId}:n:${t.nodeId}`;
  const sorted = [...tasks].sort((a, b) => {
    const ga = groupOf(a);
    const gb = groupOf(b);
    if (ga !== gb) return ga < gb ? -1 : 1;
    return b.since - a.since;
  });
  let prev = '';
  return sorted.map((t) => {
    const g = groupOf(t);
    const shown = noResolve ? `${t.serviceId}.${t.name.slice(t.name.lastIndexOf('.') + 1)}` : t.name;
    const name = g === prev ? ` \\_ ${shown}` : shown;
    prev = g;
    const error = t.error === '' ? '' : JSON.stringify(noTrunc ? t.error : ellipsis(t.error, 30));
    return [
      truncId(t.id, noTrunc),
      name,
      noResolve ? t.nodeId : t.nodeHostname || t.nodeId,
      title(t.desiredState),
      `${title(t.currentState)} ${humanDuration(Math.max(0, now - t.since)).toLowerCase()} ago`,
      error,
      t.ports.join(','),
    ];
  });
}

const ps: Command = {
  name: 'ps',
  // `tasks` is what early swarm-mode tutorials call it.
  aliases: ['tasks'],
  usage: '[OPTIONS] SERVICE [SERVICE...]',
  short: 'List the tasks of one or more services',
  flags: [
    FILTER,
    QUIET,
    NO_TRUNC,
    f('no-resolve', 'bool', 'Do not map IDs to Names'),
    FORMAT,
    f(
      'all',
      'bool',
      'Show all tasks (the default: every task in the history, failed and rejected ones too)',
      undefined,
      'a',
    ),
  ],
  minArgs: 1,
  async run(ctx) {
    const keep = taskFilter(ctx);
    const tasks: TaskView[] = [];
    const code = await eachArg(ctx, ctx.args, async (a) => {
      const found = await ctx.api().servicePs({ id: a, ...(ctx.flags.bool('all') ? { all: true } : {}) });
      tasks.push(...found.filter(keep));
    });
    if (ctx.flags.bool('quiet')) {
      for (const t of tasks) ctx.out(`${t.id}\n`);
      return code;
    }
    if (printFormatted(ctx, tasks, true)) return code;
    ctx.out(
      table(
        ['ID', 'NAME', 'NODE', 'DESIRED STATE', 'CURRENT STATE', 'ERROR', 'PORTS'],
        psRows(tasks, ctx.now(), ctx.flags.bool('no-trunc'), ctx.flags.bool('no-resolve')),
      ),
    );
    return code;
  },
};

function kv(indent: number, key: string, value: string | number): string {
  return `${' '.repeat(indent)}${key}:`.padEnd(22) + `${value}\n`;
}

function ms(v: unknown): number {
  return Number(v ?? 0);
}

function updateBlock(name: string, c: Json | undefined): string {
  if (c === undefined) return '';
  let s = `${name}:\n`;
  s += kv(1, 'Parallelism', ms(c.parallelism));
  if (ms(c.delayMs) > 0) s += kv(1, 'Delay', formatDuration(ms(c.delayMs)));
  s += kv(1, 'On failure', String(c.failureAction ?? 'PAUSE').toLowerCase());
  s += kv(1, 'Monitoring Period', formatDuration(ms(c.monitorMs)));
  s += kv(1, 'Max failure ratio', Number(c.maxFailureRatio ?? 0));
  s += kv(
    1,
    'Update order',
    String(c.order ?? 'STOP_FIRST')
      .toLowerCase()
      .replace('_', '-'),
  );
  return s;
}

export function servicePretty(v: ServiceView): string {
  const spec = (v.raw.spec ?? {}) as Json;
  const task = (spec.task ?? {}) as Json;
  const container = (task.container ?? {}) as Json;
  const placement = (task.placement ?? {}) as Json;
  const labels = ((spec.annotations as Json | undefined)?.labels ?? {}) as Record<string, string>;
  let s = kv(0, 'ID', v.id) + kv(0, 'Name', v.name);
  const l = labelsLine(labels);
  if (l.length > 0) s += `Labels:\n${l.map((x) => ` ${x}\n`).join('')}`;
  s += kv(0, 'Service Mode', title(v.mode));
  if (v.mode === 'replicated') s += kv(1, 'Replicas', v.desired);
  if (v.updateState !== '') {
    s += 'UpdateStatus:\n';
    s += kv(1, 'State', v.updateState);
    if (v.updateMessage !== '') s += kv(1, 'Message', v.updateMessage);
  }
  const constraints = (placement.constraints ?? []) as string[];
  const prefs = ((placement.preferences ?? []) as Json[]).map(
    (p) => (p.spread as Json | undefined)?.spreadDescriptor,
  );
  if (constraints.length > 0 || prefs.length > 0 || ms(placement.maxReplicas) > 0) {
    s += 'Placement:\n';
    if (constraints.length > 0) s += kv(1, 'Constraints', `[${constraints.join(' ')}]`);
    for (const p of prefs) s += kv(1, 'Preferences', `spread=${p}`);
    if (ms(placement.maxReplicas) > 0) s += kv(1, 'Max Replicas Per Node', ms(placement.maxReplicas));
  }
  s += updateBlock('UpdateConfig', spec.update as Json | undefined);
  s += updateBlock('RollbackConfig', spec.rollback as Json | undefined);
  s += 'ContainerSpec:\n';
  if (typeof container.image === 'string') s += kv(1, 'Image', container.image);
  const command = (container.command ?? []) as string[];
  if (command.length > 0) s += kv(1, 'Command', command.map(shellQuote).join(' '));
  const args = (container.args ?? []) as string[];
  if (args.length > 0) s += kv(1, 'Args', args.map(shellQuote).join(' '));
  const env = (container.env ?? []) as string[];
  if (env.length > 0) s += kv(1, 'Env', env.join(' '));
  if (typeof container.dir === 'string') s += kv(1, 'Dir', container.dir);
  if (typeof container.user === 'string') s += kv(1, 'User', container.user);
  const restart = task.restart as Json | undefined;
  if (restart !== undefined) {
    s += 'RestartPolicy:\n';
    s += kv(
      1,
      'Condition',
      String(restart.condition ?? 'NONE')
        .toLowerCase()
        .replace('_', '-'),
    );
    s += kv(1, 'Delay', formatDuration(ms(restart.delayMs)));
    if (ms(restart.maxAttempts) > 0) s += kv(1, 'Max attempts', ms(restart.maxAttempts));
    if (ms(restart.windowMs) > 0) s += kv(1, 'Window', formatDuration(ms(restart.windowMs)));
  }
  const resources = (task.resources ?? {}) as Json;
  if (resources.reservations !== undefined || resources.limits !== undefined) {
    s += 'Resources:\n';
    for (const [name, key] of [
      ['Reservations', 'reservations'],
      ['Limits', 'limits'],
    ] as const) {
      const r = resources[key] as Json | undefined;
      if (r === undefined) continue;
      s += ` ${name}:\n`;
      if (ms(r.nanoCpus) > 0) s += kv(2, 'CPU', formatNanoCpus(ms(r.nanoCpus)));
      if (ms(r.memoryBytes) > 0) s += kv(2, 'Memory', formatBytes(ms(r.memoryBytes)));
    }
  }
  const secrets = (container.secrets ?? []) as Json[];
  if (secrets.length > 0) {
    s += 'Secrets:\n';
    for (const sec of secrets) {
      s += kv(1, 'Target', String(sec.target ?? ''));
      s += kv(2, 'Source', String(sec.secretName ?? sec.secretId ?? ''));
    }
  }
  const configs = (container.configs ?? []) as Json[];
  if (configs.length > 0) {
    s += 'Configs:\n';
    for (const c of configs) {
      s += kv(1, 'Target', String(c.target ?? ''));
      s += kv(2, 'Source', String(c.configName ?? c.configId ?? ''));
    }
  }
  const ports = ((spec.endpoint as Json | undefined)?.ports ?? []) as Json[];
  if (ports.length > 0) {
    s += 'Ports:\n';
    for (const p of ports) {
      s += ` PublishedPort = ${p.publishedPort ?? '(any)'}\n`;
      s += `  Protocol = ${String(p.protocol ?? 'TCP').toLowerCase()}\n`;
      s += `  TargetPort = ${p.targetPort}\n`;
      s += `  PublishMode = ${String(p.publishMode ?? 'INGRESS').toLowerCase()}\n`;
    }
  }
  return s;
}

const inspect: Command = {
  name: 'inspect',
  usage: '[OPTIONS] SERVICE [SERVICE...]',
  short: 'Display detailed information on one or more services',
  flags: [PRETTY, FORMAT],
  minArgs: 1,
  async run(ctx) {
    const found: ServiceView[] = [];
    const code = await eachArg(ctx, ctx.args, async (a) => {
      found.push(await ctx.api().serviceInspect({ id: a }));
    });
    if (ctx.flags.bool('pretty')) ctx.out(found.map(servicePretty).join('\n'));
    else {
      // As Docker's inspect: the service's VIPs under Endpoint.VirtualIPs (kept with the networks).
      const shown = found.map((s) =>
        (s.virtualIps ?? []).length === 0
          ? s.raw
          : {
              ...s.raw,
              endpoint: { ...((s.raw.endpoint as Json | undefined) ?? {}), virtualIps: s.virtualIps },
            },
      );
      if (!printFormatted(ctx, shown, true)) ctx.out(json(shown));
    }
    return code;
  },
};

const scale: Command = {
  name: 'scale',
  usage: 'SERVICE=REPLICAS [SERVICE=REPLICAS...]',
  short: 'Scale one or multiple replicated services',
  flags: [
    f('detach', 'bool', 'Exit immediately instead of waiting for the service to converge', undefined, 'd'),
  ],
  minArgs: 1,
  async run(ctx) {
    // Check every specifier before scaling anything.
    const targets = new Map(
      ctx.args.map((a) => {
        const eq = a.indexOf('=');
        if (eq <= 0) throw new UsageError(`invalid scale specifier '${a}': expected SERVICE=REPLICAS`);
        const value = a.slice(eq + 1);
        if (!/^\d+$/.test(value))
          throw new UsageError(`invalid replicas value ${value}: expected a whole number`);
        return [a, { name: a.slice(0, eq), replicas: Number(value) }] as const;
      }),
    );
    const scaled: string[] = [];
    const code = await eachArg(ctx, ctx.args, async (a) => {
      const t = targets.get(a)!;
      const view = await ctx.api().serviceScale({ id: t.name, replicas: t.replicas });
      ctx.out(`${t.name} scaled to ${t.replicas}\n`);
      scaled.push(view.id);
    });
    if (ctx.flags.bool('detach')) return code;
    let worst = code;
    for (const id of scaled) worst = Math.max(worst, await showProgress(ctx, id));
    return worst;
  },
};

const update: Command = {
  name: 'update',
  usage: '[OPTIONS] SERVICE',
  short: 'Update a service',
  flags: UPDATE_FLAGS,
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const name = ctx.args[0]!;
    if (ctx.flags.bool('rollback')) {
      const rolled = await ctx.api().serviceRollback({ id: name });
      ctx.out(`${name}\n`);
      return ctx.flags.bool('detach') ? 0 : showProgress(ctx, rolled.id, { rollback: true });
    }
    const current = await ctx.api().serviceInspect({ id: name });
    const flags = flagValues(ctx);
    const networks =
      flags['network-add'] !== undefined || flags['network-rm'] !== undefined
        ? await ctx.api().networkList()
        : [];
    const networkId = (ref: string) =>
      (networks.find((n) => n.name === ref) ?? networks.find((n) => n.id.startsWith(ref)))?.id ?? ref;
    const spec = applyServiceUpdate((current.raw.spec ?? {}) as Json, flags, ctx.io.env, networkId);
    const version = String(
      (((current.raw.meta as Json | undefined)?.version as Json | undefined)?.index as string | undefined) ??
        '0',
    );
    const updated = await ctx.api().serviceUpdate({
      id: current.id,
      version,
      spec,
      ...(ctx.flags.bool('no-resolve-image') ? { resolveImage: false } : {}),
    });
    for (const w of updated.warnings ?? []) ctx.err(`${w}\n`);
    ctx.out(`${name}\n`);
    return ctx.flags.bool('detach') ? 0 : showProgress(ctx, current.id);
  },
};

const rollback: Command = {
  name: 'rollback',
  usage: '[OPTIONS] SERVICE',
  short: 'Revert changes to a service',
  flags: [
    f('detach', 'bool', 'Exit immediately instead of waiting for the service to converge', undefined, 'd'),
  ],
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const rolled = await ctx.api().serviceRollback({ id: ctx.args[0]! });
    ctx.out(`${ctx.args[0]}\n`);
    return ctx.flags.bool('detach') ? 0 : showProgress(ctx, rolled.id, { rollback: true });
  },
};

const rm: Command = {
  name: 'rm',
  aliases: ['remove'],
  usage: 'SERVICE [SERVICE...]',
  short: 'Remove one or more services',
  minArgs: 1,
  run: (ctx) =>
    eachArg(ctx, ctx.args, async (a) => {
      await ctx.api().serviceRemove({ id: a });
      ctx.out(`${a}\n`);
    }),
};

export const serviceCommand: Command = {
  name: 'service',
  short: 'Manage Swarm services',
  commands: [create, inspect, logsCommand, ls, ps, rollback, rm, scale, update],
};
