/**
 * `swarm config create|ls|inspect|rm`. Configs are like secrets without the secrecy: `inspect`
 * shows their data (base64 in JSON, as text with `--pretty`).
 */
import { readFile } from 'node:fs/promises';
import { SwarmError } from '@swarm/api';
import type { ConfigView } from '../../control/api.js';
import type { Command } from '../command.js';
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
import { json, labelsLine, naturalCompare, table } from '../format.js';
import { readAll } from '../read.js';
import { parseKeyValue } from '../spec.js';
import { ago } from '../units.js';

/** Docker's limit on config data: 1000 KiB. */
export const MAX_CONFIG_BYTES = 1000 * 1024;

const create: Command = {
  name: 'create',
  usage: '[OPTIONS] CONFIG file|-',
  short: 'Create a config from a file or STDIN',
  flags: [{ name: 'label', short: 'l', kind: 'list', value: 'list', help: 'Config labels' }],
  minArgs: 2,
  maxArgs: 2,
  async run(ctx) {
    const [name, source] = ctx.args as [string, string];
    const labels: Record<string, string> = {};
    for (const l of ctx.flags.list('label')) {
      const [k, v] = parseKeyValue(l, 'label');
      labels[k] = v;
    }
    let data: Buffer;
    if (source === '-') {
      try {
        data = await readAll(ctx.io.stdin, MAX_CONFIG_BYTES);
      } catch (e) {
        if (e instanceof SwarmError && e.code === 'INVALID_ARGUMENT')
          throw new SwarmError('CONFIG_TOO_LARGE', `config data must be 1 byte to 1000 KiB, stdin has more`, {
            limit: MAX_CONFIG_BYTES,
          });
        throw e;
      }
    } else {
      try {
        data = await readFile(source);
      } catch (e) {
        throw new SwarmError(
          'INVALID_ARGUMENT',
          `cannot read the config file ${source}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
          { file: source },
        );
      }
    }
    if (data.length === 0 || data.length > MAX_CONFIG_BYTES) {
      throw new SwarmError(
        'CONFIG_TOO_LARGE',
        `config data must be 1 byte to 1000 KiB, ${source === '-' ? 'stdin' : source} has ${data.length} bytes`,
        { size: data.length, limit: MAX_CONFIG_BYTES },
      );
    }
    const view = await ctx.api().configCreate({
      name,
      dataBase64: data.toString('base64'),
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
    });
    ctx.out(`${view.id}\n`);
    return 0;
  },
};

const ls: Command = {
  name: 'ls',
  aliases: ['list'],
  usage: '[OPTIONS]',
  short: 'List configs',
  flags: [QUIET, FORMAT, FILTER],
  maxArgs: 0,
  async run(ctx) {
    const filters = parseFilters(ctx, ['id', 'label', 'name']);
    const configs = [...(await ctx.api().configList())]
      .sort((a, b) => naturalCompare(a.name, b.name))
      .filter((c) =>
        matchesFilters(filters, (key, v) =>
          key === 'id'
            ? c.id.startsWith(v)
            : key === 'name'
              ? c.name.startsWith(v)
              : labelMatches(c.labels, v),
        ),
      );
    if (ctx.flags.bool('quiet')) {
      for (const c of configs) ctx.out(`${c.id}\n`);
      return 0;
    }
    if (printFormatted(ctx, configs, true)) return 0;
    const now = ctx.now();
    ctx.out(
      table(
        ['ID', 'NAME', 'CREATED', 'UPDATED'],
        configs.map((c) => [c.id, c.name, ago(c.createdAt, now), ago(c.updatedAt, now)]),
      ),
    );
    return 0;
  },
};

function pretty(c: ConfigView): string {
  const row = (k: string, v: string) => `${`${k}:`.padEnd(22)}${v}\n`;
  const labels = labelsLine(c.labels);
  const data = Buffer.from(c.dataBase64, 'base64').toString('utf8');
  return (
    row('ID', c.id) +
    row('Name', c.name) +
    (labels.length > 0 ? `Labels:\n${labels.map((l) => ` - ${l}\n`).join('')}` : '') +
    row('Created at', new Date(c.createdAt).toISOString()) +
    row('Updated at', new Date(c.updatedAt).toISOString()) +
    `Data:\n${data}${data.endsWith('\n') ? '' : '\n'}`
  );
}

const inspect: Command = {
  name: 'inspect',
  usage: '[OPTIONS] CONFIG [CONFIG...]',
  short: 'Display detailed information on one or more configs',
  flags: [PRETTY, FORMAT],
  minArgs: 1,
  async run(ctx) {
    const found: ConfigView[] = [];
    const code = await eachArg(ctx, ctx.args, async (a) => {
      found.push(await ctx.api().configInspect({ id: a }));
    });
    if (ctx.flags.bool('pretty')) ctx.out(found.map(pretty).join('\n'));
    else if (!printFormatted(ctx, found, true)) ctx.out(json(found));
    return code;
  },
};

const rm: Command = {
  name: 'rm',
  aliases: ['remove'],
  usage: 'CONFIG [CONFIG...]',
  short: 'Remove one or more configs',
  minArgs: 1,
  run: (ctx) =>
    eachArg(ctx, ctx.args, async (a) => {
      await ctx.api().configRemove({ id: a });
      ctx.out(`${a}\n`);
    }),
};

/** `swarm config`: the config command group. */
export const configCommand: Command = {
  name: 'config',
  short: 'Manage Swarm configs',
  commands: [create, inspect, ls, rm],
};
