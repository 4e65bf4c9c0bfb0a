/** `swarm secret create|ls|inspect|rm`. Secret data goes to the daemon once and is never printed. */
import { readFile } from 'node:fs/promises';
import { SwarmError } from '@swarm/api';
import type { SecretView } from '../../control/api.js';
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

/** Swarm's limit on secret data. */
export const MAX_SECRET_BYTES = 500 * 1024;

const create: Command = {
  name: 'create',
  usage: '[OPTIONS] SECRET file|-',
  short: 'Create a secret from a file or STDIN as content',
  flags: [{ name: 'label', short: 'l', kind: 'list', value: 'list', help: 'Secret labels' }],
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
      data = await readAll(ctx.io.stdin, MAX_SECRET_BYTES);
    } else {
      try {
        data = await readFile(source);
      } catch (e) {
        throw new SwarmError(
          'INVALID_ARGUMENT',
          `cannot read the secret file ${source}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
          { file: source },
        );
      }
    }
    if (data.length === 0 || data.length > MAX_SECRET_BYTES) {
      throw new SwarmError(
        'INVALID_ARGUMENT',
        `secret data must be 1 byte to 500 KiB, ${source === '-' ? 'stdin' : source} has ${data.length} bytes`,
        { size: data.length },
      );
    }
    const view = await ctx.api().secretCreate({
      name,
      dataBase64: data.toString('base64'),
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
    });
    data.fill(0);
    ctx.out(`${view.id}\n`);
    return 0;
  },
};

const ls: Command = {
  name: 'ls',
  aliases: ['list'],
  usage: '[OPTIONS]',
  short: 'List secrets',
  flags: [QUIET, FORMAT, FILTER],
  maxArgs: 0,
  async run(ctx) {
    const filters = parseFilters(ctx, ['id', 'label', 'name']);
    const secrets = [...(await ctx.api().secretList())]
      .sort((a, b) => naturalCompare(a.name, b.name))
      .filter((s) =>
        matchesFilters(filters, (key, v) =>
          key === 'id'
            ? s.id.startsWith(v)
            : key === 'name'
              ? s.name.startsWith(v)
              : labelMatches(s.labels, v),
        ),
      );
    if (ctx.flags.bool('quiet')) {
      for (const s of secrets) ctx.out(`${s.id}\n`);
      return 0;
    }
    if (printFormatted(ctx, secrets, true)) return 0;
    const now = ctx.now();
    ctx.out(
      table(
        ['ID', 'NAME', 'CREATED', 'UPDATED'],
        secrets.map((s) => [s.id, s.name, ago(s.createdAt, now), ago(s.updatedAt, now)]),
      ),
    );
    return 0;
  },
};

function pretty(s: SecretView): string {
  const row = (k: string, v: string) => `${`${k}:`.padEnd(22)}${v}\n`;
  const labels = labelsLine(s.labels);
  return (
    row('ID', s.id) +
    row('Name', s.name) +
    (labels.length > 0 ? `Labels:\n${labels.map((l) => ` - ${l}\n`).join('')}` : '') +
    row('Created at', new Date(s.createdAt).toISOString()) +
    row('Updated at', new Date(s.updatedAt).toISOString())
  );
}

const inspect: Command = {
  name: 'inspect',
  usage: '[OPTIONS] SECRET [SECRET...]',
  short: 'Display detailed information on one or more secrets',
  flags: [PRETTY, FORMAT],
  minArgs: 1,
  async run(ctx) {
    const found: SecretView[] = [];
    const code = await eachArg(ctx, ctx.args, async (a) => {
      found.push(await ctx.api().secretInspect({ id: a }));
    });
    if (ctx.flags.bool('pretty')) ctx.out(found.map(pretty).join('\n'));
    else if (!printFormatted(ctx, found, true)) ctx.out(json(found));
    return code;
  },
};

const rm: Command = {
  name: 'rm',
  aliases: ['remove'],
  usage: 'SECRET [SECRET...]',
  short: 'Remove one or more secrets',
  minArgs: 1,
  run: (ctx) =>
    eachArg(ctx, ctx.args, async (a) => {
      await ctx.api().secretRemove({ id: a });
      ctx.out(`${a}\n`);
    }),
};

export const secretCommand: Command = {
  name: 'secret',
  short: 'Manage Swarm secrets',
  commands: [create, inspect, ls, rm],
};
