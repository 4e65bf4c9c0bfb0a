/**
 * `swarm config create|ls|inspect|rm`. Configs are like secrets without the secrecy: `inspect`
 * shows their data (base64 in JSON, as text with `--pretty`).
 */
import { readFile } from 'node:fs/promises';
import { SwarmError } from '@swarm/api';
import type { ConfigView } from '@swarm/node/control';
import type { Command } from '../command.js';
import { readAll } from '../read.js';
import { parseKeyValue } from '../spec.js';
import { inspectCommand, namedObjectLs, prettyHead, removeCommand } from './objects.js';

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

const ls = namedObjectLs('configs', (ctx) => ctx.api().configList());

function pretty(c: ConfigView): string {
  const data = Buffer.from(c.dataBase64, 'base64').toString('utf8');
  return `${prettyHead(c)}Data:\n${data}${data.endsWith('\n') ? '' : '\n'}`;
}

const inspect = inspectCommand('CONFIG', 'configs', (ctx, id) => ctx.api().configInspect({ id }), pretty);

const rm = removeCommand('CONFIG', 'configs', (ctx, id) => ctx.api().configRemove({ id }));

/** `swarm config`: the config command group. */
export const configCommand: Command = {
  name: 'config',
  short: 'Manage Swarm configs',
  commands: [create, inspect, ls, rm],
};
