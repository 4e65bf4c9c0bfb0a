/** `swarm node ls|inspect|update|promote|demote|rm`. */
import type { Json, NodeRoleName, NodeView, TaskView } from '@swarm/node/control';
import type { Command, Context } from '../command.js';
import {
  eachArg,
  FILTER,
  FORMAT,
  labelMatches,
  matchesFilters,
  PRETTY,
  parseFilters,
  printFormatted,
  QUIET,
} from '../command.js';
import { UsageError } from '../errors.js';
import { json, labelsLine, naturalCompare, table, title } from '../format.js';
import { taskFilter } from '../task-filters.js';
import { formatBytes, formatNanoCpus } from '../units.js';
import { psRows } from './service.js';
import { availability } from './swarm.js';

function byHostname(a: NodeView, b: NodeView): number {
  return naturalCompare(a.hostname, b.hostname) || naturalCompare(a.id, b.id);
}

const ls: Command = {
  name: 'ls',
  aliases: ['list'],
  usage: '[OPTIONS]',
  short: 'List nodes in the swarm',
  flags: [QUIET, FORMAT, FILTER],
  maxArgs: 0,
  async run(ctx) {
    const filters = parseFilters(ctx, ['id', 'label', 'node.label', 'membership', 'name', 'role']);
    const nodes = [...(await ctx.api().nodeList())].sort(byHostname).filter((n) =>
      matchesFilters(filters, (key, v) => {
        switch (key) {
          case 'id':
            return n.id.startsWith(v);
          case 'name':
            return n.hostname.startsWith(v);
          case 'role':
            return n.role === v.toLowerCase();
          case 'membership':
            return (
              String(
                (n.raw.spec as { membership?: string } | undefined)?.membership ?? 'ACCEPTED',
              ).toLowerCase() === v.toLowerCase()
            );
          case 'label':
            return labelMatches(n.engineLabels, v);
          default:
            return labelMatches(n.labels, v);
        }
      }),
    );
    if (ctx.flags.bool('quiet')) {
      for (const n of nodes) ctx.out(`${n.id}\n`);
      return 0;
    }
    if (printFormatted(ctx, nodes, true)) return 0;
    ctx.out(
      table(
        ['ID', 'HOSTNAME', 'STATUS', 'AVAILABILITY', 'MANAGER STATUS', 'ZONE'],
        nodes.map((n) => [
          n.self ? `${n.id} *` : n.id,
          n.hostname,
          title(n.status),
          title(n.availability),
          n.managerStatus,
          n.zone,
        ]),
      ),
    );
    for (const n of nodes)
      for (const w of n.warnings ?? []) ctx.err(`Warning: node ${n.hostname || n.id}: ${w}\n`);
    const stale = nodes.find((n) => n.stale !== undefined)?.stale;
    if (stale !== undefined) ctx.err(`Warning: ${stale}\n`);
    return 0;
  },
};

const ps: Command = {
  name: 'ps',
  usage: '[OPTIONS] [NODE...]',
  short: 'List tasks running on one or more nodes, defaults to current node',
  flags: [
    FILTER,
    QUIET,
    FORMAT,
    { name: 'no-resolve', kind: 'bool', help: 'Do not map IDs to Names' },
    { name: 'no-trunc', kind: 'bool', help: 'Do not truncate output' },
  ],
  async run(ctx) {
    const keep = taskFilter(ctx);
    const refs = ctx.args.length === 0 ? ['self'] : ctx.args;
    const all = await ctx.api().taskList({});
    const tasks: TaskView[] = [];
    const code = await eachArg(ctx, refs, async (ref) => {
      const node = await ctx.api().nodeInspect({ id: await resolveNodeId(ctx, ref) });
      tasks.push(...all.filter((t) => t.nodeId === node.id && keep(t)));
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

/** "self" names the local node, as in Docker. */
async function resolveNodeId(ctx: Context, id: string): Promise<string> {
  if (id !== 'self') return id;
  const info = await ctx.api().info();
  if (info.nodeId === undefined) throw new UsageError('"self" needs a node that is part of a swarm');
  return info.nodeId;
}

function get(raw: Json, path: string): unknown {
  let cur: unknown = raw;
  for (const p of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Json)[p];
  }
  return cur;
}

function kv(indent: number, key: string, value: string | number): string {
  return `${' '.repeat(indent)}${key}:`.padEnd(22) + `${value}\n`;
}

function labelsBlock(name: string, labels: Record<string, string>): string {
  const l = labelsLine(labels);
  return l.length === 0 ? '' : `${name}:\n${l.map((x) => ` - ${x}\n`).join('')}`;
}

export function nodePretty(n: NodeView): string {
  const raw = n.raw;
  let s = kv(0, 'ID', n.id);
  const labels = labelsBlock('Labels', n.labels);
  if (labels !== '') s += labels;
  s += kv(0, 'Hostname', n.hostname);
  const created = Number(get(raw, 'meta.createdAt') ?? 0);
  if (created > 0) s += kv(0, 'Joined at', new Date(created).toISOString());
  s += 'Status:\n';
  s += kv(1, 'State', title(n.status));
  const message = get(raw, 'status.message');
  if (typeof message === 'string' && message !== '') s += kv(1, 'Message', message);
  s += kv(1, 'Availability', title(n.availability));
  s += kv(1, 'Address', n.addr);
  for (const w of n.warnings ?? []) s += kv(1, 'Warning', w);
  if (n.role === 'manager') {
    s += 'Manager Status:\n';
    const addr = get(raw, 'managerStatus.addr');
    if (typeof addr === 'string' && addr !== '') s += kv(1, 'Address', addr);
    s += kv(1, 'Raft Status', n.managerStatus === 'Leader' ? 'Reachable' : n.managerStatus || 'Unknown');
    s += kv(1, 'Leader', n.managerStatus === 'Leader' ? 'Yes' : 'No');
  }
  s += kv(0, 'Security Zone', n.zone === '' ? '(none)' : n.zone);
  const policy = get(raw, 'description.imagePolicyDigest');
  s += kv(0, 'Image Policy', typeof policy === 'string' && policy !== '' ? policy : '(none)');
  const os = get(raw, 'description.platform.os');
  const arch = get(raw, 'description.platform.architecture');
  if (os !== undefined || arch !== undefined) {
    s += 'Platform:\n';
    s += kv(1, 'Operating System', String(os ?? ''));
    s += kv(1, 'Architecture', String(arch ?? ''));
  }
  const cpus = Number(get(raw, 'description.resources.nanoCpus') ?? 0);
  const mem = Number(get(raw, 'description.resources.memoryBytes') ?? 0);
  if (cpus > 0 || mem > 0) {
    s += 'Resources:\n';
    s += kv(1, 'CPUs', formatNanoCpus(cpus));
    s += kv(1, 'Memory', formatBytes(mem));
  }
  const executor = get(raw, 'description.engine.executor');
  if (executor !== undefined && executor !== '') {
    s += 'Engine:\n';
    s += kv(1, 'Executor', String(executor));
    const version = get(raw, 'description.engine.engineVersion');
    if (version) s += kv(1, 'Engine Version', String(version));
    const network = get(raw, 'description.engine.network');
    if (network) s += kv(1, 'Task Network', String(network));
  }
  s += labelsBlock('Engine Labels', n.engineLabels);
  return s;
}

const inspect: Command = {
  name: 'inspect',
  usage: '[OPTIONS] self|NODE [NODE...]',
  short: 'Display detailed information on one or more nodes',
  flags: [PRETTY, FORMAT],
  minArgs: 1,
  async run(ctx) {
    const found: NodeView[] = [];
    const code = await eachArg(ctx, ctx.args, async (a) => {
      found.push(await ctx.api().nodeInspect({ id: await resolveNodeId(ctx, a) }));
    });
    if (ctx.flags.bool('pretty')) ctx.out(found.map(nodePretty).join('\n'));
    else if (
      !printFormatted(
        ctx,
        found.map((n) => n.raw),
        true,
      )
    )
      ctx.out(json(found.map((n) => n.raw)));
    return code;
  },
};

const update: Command = {
  name: 'update',
  usage: '[OPTIONS] NODE',
  short: 'Update a node',
  flags: [
    {
      name: 'availability',
      kind: 'string',
      value: 'string',
      help: 'Availability of the node ("active", "pause", "drain")',
    },
    { name: 'label-add', kind: 'list', value: 'list', help: 'Add or update a node label (key=value)' },
    { name: 'label-rm', kind: 'list', value: 'list', help: 'Remove a node label if exists' },
    { name: 'role', kind: 'string', value: 'string', help: 'Role of the node ("worker", "manager")' },
  ],
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const labelAdd: Record<string, string> = {};
    for (const l of ctx.flags.list('label-add')) {
      const eq = l.indexOf('=');
      const k = eq < 0 ? l : l.slice(0, eq);
      if (k === '')
        throw new UsageError(
          `invalid argument ${JSON.stringify(l)} for "--label-add" flag: expected key=value`,
        );
      labelAdd[k] = eq < 0 ? '' : l.slice(eq + 1);
    }
    const labelRm = ctx.flags.list('label-rm');
    const role = ctx.flags.str('role');
    if (role !== undefined && role !== 'worker' && role !== 'manager') {
      throw new UsageError(
        `invalid argument ${JSON.stringify(role)} for "--role" flag: expected worker or manager`,
      );
    }
    const avail = availability(ctx);
    const id = await resolveNodeId(ctx, ctx.args[0]!);
    await ctx.api().nodeUpdate({
      id,
      ...(Object.keys(labelAdd).length > 0 ? { labelAdd } : {}),
      ...(labelRm.length > 0 ? { labelRm } : {}),
      ...(avail === undefined ? {} : { availability: avail }),
      ...(role === undefined ? {} : { role: role as NodeRoleName }),
    });
    ctx.out(`${ctx.args[0]}\n`);
    return 0;
  },
};

function roleChange(role: NodeRoleName): Command {
  const promote = role === 'manager';
  return {
    name: promote ? 'promote' : 'demote',
    usage: 'NODE [NODE...]',
    short: promote
      ? 'Promote one or more nodes to manager in the swarm'
      : 'Demote one or more nodes from manager in the swarm',
    minArgs: 1,
    run: (ctx) =>
      eachArg(ctx, ctx.args, async (a) => {
        const id = await resolveNodeId(ctx, a);
        const node = await ctx.api().nodeInspect({ id });
        if (node.role === role) {
          ctx.out(promote ? `Node ${a} is already a manager.\n` : `Node ${a} is already a worker.\n`);
          return;
        }
        await ctx.api().nodeUpdate({ id: node.id, role });
        ctx.out(
          promote
            ? `Node ${a} promoted to a manager in the swarm.\n`
            : `Manager ${a} demoted in the swarm.\n`,
        );
      }),
  };
}

const rm: Command = {
  name: 'rm',
  aliases: ['remove'],
  usage: '[OPTIONS] NODE [NODE...]',
  short: 'Remove one or more nodes from the swarm',
  flags: [{ name: 'force', short: 'f', kind: 'bool', help: 'Force remove a node from the swarm' }],
  minArgs: 1,
  run: (ctx) =>
    eachArg(ctx, ctx.args, async (a) => {
      await ctx.api().nodeRemove({ id: a, ...(ctx.flags.bool('force') ? { force: true } : {}) });
      ctx.out(`${a}\n`);
    }),
};

export const nodeCommand: Command = {
  name: 'node',
  short: 'Manage Swarm nodes',
  commands: [roleChange('worker'), inspect, ls, roleChange('manager'), ps, rm, update],
};
