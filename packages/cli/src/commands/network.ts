import type { Command } from '../command.js';
import { FILTER, FORMAT, matchesFilters, parseFilters, printFormatted, QUIET } from '../command.js';
import { UsageError } from '../errors.js';
import { naturalCompare, table } from '../format.js';
import { parseKeyValue } from '../spec.js';
import { inspectCommand, removeCommand } from './objects.js';

const create: Command = {
  name: 'create',
  usage: '[OPTIONS] NETWORK',
  short: 'Create a network',
  flags: [
    {
      name: 'driver',
      short: 'd',
      kind: 'string',
      value: 'string',
      help: 'Driver to manage the Network (only "overlay")',
    },
    { name: 'attachable', kind: 'bool', help: 'Enable manual container attachment' },
    {
      name: 'opt',
      short: 'o',
      kind: 'list',
      value: 'map',
      help: 'Set driver specific options ("encrypted": traffic between nodes is always encrypted)',
    },
    {
      name: 'subnet',
      kind: 'list',
      value: 'strings',
      help: 'Subnet in CIDR format (default: a free /20 of 10.128.0.0/9)',
    },
    { name: 'label', kind: 'list', value: 'list', help: 'Set metadata on a network' },
    { name: 'internal', kind: 'bool', help: 'Restrict external access to the network' },
  ],
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const [name] = ctx.args as [string];
    const driver = ctx.flags.str('driver') ?? 'overlay';
    if (driver !== 'overlay')
      throw new UsageError(
        `network driver ${JSON.stringify(driver)} is not supported: cluster networks use "overlay"`,
      );
    const options: Record<string, string> = {};
    for (const o of ctx.flags.list('opt')) {
      const [k, v] = o.includes('=') ? parseKeyValue(o, 'opt') : [o, ''];
      options[k] = v;
    }
    const labels: Record<string, string> = {};
    for (const l of ctx.flags.list('label')) {
      const [k, v] = parseKeyValue(l, 'label');
      labels[k] = v;
    }
    const subnets = ctx.flags.list('subnet');
    if (subnets.length > 1) throw new UsageError('a cluster network takes one "--subnet"');
    const view = await ctx.api().networkCreate({
      spec: {
        annotations: { name, ...(Object.keys(labels).length > 0 ? { labels } : {}) },
        driverConfig: { name: driver, ...(Object.keys(options).length > 0 ? { options } : {}) },
        ...(ctx.flags.bool('attachable') ? { attachable: true } : {}),
        ...(ctx.flags.bool('internal') ? { internal: true } : {}),
        ...(subnets.length > 0 ? { ipam: { configs: [{ subnet: subnets[0] }] } } : {}),
      },
    });
    ctx.out(`${view.id}\n`);
    return 0;
  },
};

const ls: Command = {
  name: 'ls',
  aliases: ['list'],
  usage: '[OPTIONS]',
  short: 'List networks',
  flags: [QUIET, FORMAT, FILTER],
  maxArgs: 0,
  async run(ctx) {
    const filters = parseFilters(ctx, ['id', 'name', 'driver']);
    const networks = [...(await ctx.api().networkList())]
      .sort((a, b) => naturalCompare(a.name, b.name))
      .filter((n) =>
        matchesFilters(filters, (key, v) =>
          key === 'id' ? n.id.startsWith(v) : key === 'name' ? n.name.includes(v) : n.driver === v,
        ),
      );
    if (ctx.flags.bool('quiet')) {
      for (const n of networks) ctx.out(`${n.id}\n`);
      return 0;
    }
    if (printFormatted(ctx, networks, true)) return 0;
    ctx.out(
      table(
        ['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE', 'SUBNET'],
        networks.map((n) => [n.id.slice(0, 12), n.name, n.driver, 'swarm', n.subnet ?? '']),
      ),
    );
    return 0;
  },
};

const inspect = inspectCommand('NETWORK', 'networks', (ctx, id) => ctx.api().networkInspect({ id }));

const rm = removeCommand('NETWORK', 'networks', (ctx, id) => ctx.api().networkRemove({ id }));

/** `swarm network`. */
export const networkCommand: Command = {
  name: 'network',
  short: 'Manage networks',
  commands: [create, inspect, ls, rm],
};
