/** `swarm secret create|ls|inspect|rm`. Secret data goes to the daemon once and is never printed. */
import { readFile } from 'node:fs/promises';
import { SwarmError } from '@swarm/api';
import type { Command } from '../command.js';
import { readAll } from '../read.js';
import { parseKeyValue } from '../spec.js';
import { inspectCommand, namedObjectLs, prettyHead, removeCommand } from './objects.js';

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

const ls = namedObjectLs('secrets', (ctx) => ctx.api().secretList());

const inspect = inspectCommand('SECRET', 'secrets', (ctx, id) => ctx.api().secretInspect({ id }), prettyHead);

const rm = removeCommand('SECRET', 'secrets', (ctx, id) => ctx.api().secretRemove({ id }));

export const secretCommand: Command = {
  name: 'secret',
  short: 'Manage Swarm secrets',
  commands: [create, inspect, ls, rm],
};
