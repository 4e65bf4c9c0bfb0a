/**
 * The commands that secrets, configs and networks share, built once: `ls` of named, labelled
 * objects, `inspect` (JSON, `--format`, or a `--pretty` page) and `rm`, each over one control
 * method. Docker's CLI words them the same way for every kind.
 */
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
import { json, labelsLine, naturalCompare, table } from '../format.js';
import { ago } from '../units.js';

/** What a named, labelled cluster object shows in `ls` and in the head of `inspect --pretty`. */
export interface NamedObjectView {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  labels: Record<string, string>;
}

/** `ls` for secrets and configs: sorted by name, `--filter id=|name=|label=`, `-q`, `--format`. */
export function namedObjectLs<T extends NamedObjectView>(
  plural: string,
  list: (ctx: Context) => Promise<readonly T[]>,
): Command {
  return {
    name: 'ls',
    aliases: ['list'],
    usage: '[OPTIONS]',
    short: `List ${plural}`,
    flags: [QUIET, FORMAT, FILTER],
    maxArgs: 0,
    async run(ctx) {
      const filters = parseFilters(ctx, ['id', 'label', 'name']);
      const found = [...(await list(ctx))]
        .sort((a, b) => naturalCompare(a.name, b.name))
        .filter((o) =>
          matchesFilters(filters, (key, v) =>
            key === 'id'
              ? o.id.startsWith(v)
              : key === 'name'
                ? o.name.startsWith(v)
                : labelMatches(o.labels, v),
          ),
        );
      if (ctx.flags.bool('quiet')) {
        for (const o of found) ctx.out(`${o.id}\n`);
        return 0;
      }
      if (printFormatted(ctx, found, true)) return 0;
      const now = ctx.now();
      ctx.out(
        table(
          ['ID', 'NAME', 'CREATED', 'UPDATED'],
          found.map((o) => [o.id, o.name, ago(o.createdAt, now), ago(o.updatedAt, now)]),
        ),
      );
      return 0;
    },
  };
}

/** The head of an `inspect --pretty` page: ID, name, labels, creation and update times. */
export function prettyHead(o: NamedObjectView): string {
  const row = (k: string, v: string) => `${`${k}:`.padEnd(22)}${v}\n`;
  const labels = labelsLine(o.labels);
  return (
    row('ID', o.id) +
    row('Name', o.name) +
    (labels.length > 0 ? `Labels:\n${labels.map((l) => ` - ${l}\n`).join('')}` : '') +
    row('Created at', new Date(o.createdAt).toISOString()) +
    row('Updated at', new Date(o.updatedAt).toISOString())
  );
}

/**
 * `inspect NOUN [NOUN...]`: each argument looked up (an unknown one is reported and the command
 * goes on, exit 1), printed as JSON, with `--format`, or with `pretty` when given and asked for.
 */
export function inspectCommand<T>(
  noun: string,
  plural: string,
  inspect: (ctx: Context, idOrName: string) => Promise<T>,
  pretty?: (o: T) => string,
): Command {
  return {
    name: 'inspect',
    usage: `[OPTIONS] ${noun} [${noun}...]`,
    short: `Display detailed information on one or more ${plural}`,
    flags: pretty === undefined ? [FORMAT] : [PRETTY, FORMAT],
    minArgs: 1,
    async run(ctx) {
      const found: T[] = [];
      const code = await eachArg(ctx, ctx.args, async (a) => {
        found.push(await inspect(ctx, a));
      });
      if (pretty !== undefined && ctx.flags.bool('pretty')) ctx.out(found.map(pretty).join('\n'));
      else if (!printFormatted(ctx, found, true)) ctx.out(json(found));
      return code;
    },
  };
}

/** `rm NOUN [NOUN...]`: removes each, printing what it was given, as Docker does. */
export function removeCommand(
  noun: string,
  plural: string,
  remove: (ctx: Context, idOrName: string) => Promise<unknown>,
): Command {
  return {
    name: 'rm',
    aliases: ['remove'],
    usage: `${noun} [${noun}...]`,
    short: `Remove one or more ${plural}`,
    minArgs: 1,
    run: (ctx) =>
      eachArg(ctx, ctx.args, async (a) => {
        await remove(ctx, a);
        ctx.out(`${a}\n`);
      }),
  };
}
