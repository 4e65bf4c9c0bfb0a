/** `swarm service logs [OPTIONS] SERVICE|TASK`, with `-f` following new lines until interrupted. */
import type { ControlApi, LogLineView, ServiceLogsRequest } from '@swarm/node/control';
import type { FlagSpec } from '../args.js';
import { type Command, type Context, parseFilters } from '../command.js';
import { UsageError } from '../errors.js';
import { truncId } from '../format.js';
import { parseCount, parseDuration } from '../units.js';

const f = (name: string, kind: FlagSpec['kind'], help: string, value?: string, short?: string): FlagSpec => ({
  name,
  kind,
  help,
  ...(value === undefined ? {} : { value }),
  ...(short === undefined ? {} : { short }),
});

/**
 * `--since`: an RFC 3339 time ("2013-01-02T13:23:37Z", a date alone is midnight UTC), a Unix time
 * in seconds ("1613592000" or "1613592000.5"), or a duration back from `now` ("42m", "1h30m").
 */
export function parseSince(text: string, now: number): number {
  const s = text.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Math.floor(Number(s) * 1000);
  if (/^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/.test(s)) {
    const t = Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
    if (Number.isFinite(t)) return t;
  }
  try {
    return now - parseDuration(s, '--since');
  } catch {
    throw new UsageError(
      `invalid value for "since": failed to parse value as time or duration: ${JSON.stringify(text)} (use e.g. "2013-01-02T13:23:37Z" or "42m")`,
    );
  }
}

/** Writes log lines with Docker's prefix: `NAME.SLOT.TASKID@NODE    | `. */
class LogPrinter {
  readonly #hostnames = new Map<string, string>();
  readonly #asked = new Set<string>();

  constructor(
    readonly ctx: Context,
    readonly api: ControlApi,
  ) {}

  async #hostname(nodeId: string): Promise<string | undefined> {
    if (!this.#hostnames.has(nodeId) && !this.#asked.has(nodeId)) {
      // Node hostnames make the prefix readable; a node that joined later is looked up once.
      this.#asked.add(nodeId);
      try {
        for (const n of await this.api.nodeList()) this.#hostnames.set(n.id, n.hostname);
      } catch {
        // The IDs still identify.
      }
    }
    return this.#hostnames.get(nodeId);
  }

  async print(lines: readonly LogLineView[]): Promise<void> {
    const { ctx } = this;
    const noTrunc = ctx.flags.bool('no-trunc');
    const raw = ctx.flags.bool('raw');
    const resolveNames = !ctx.flags.bool('no-resolve');
    for (const l of lines) {
      let prefix = '';
      if (!raw) {
        let name = l.taskName;
        if (!resolveNames) {
          const slot = l.taskName.slice(l.taskName.lastIndexOf('.') + 1);
          name = `${truncId(l.serviceId, noTrunc)}.${slot}`;
        }
        const task = ctx.flags.bool('no-task-ids') ? '' : `.${truncId(l.taskId, noTrunc)}`;
        const node =
          (resolveNames ? await this.#hostname(l.nodeId) : undefined) ?? truncId(l.nodeId, noTrunc);
        prefix = `${name}${task}@${node}    | `;
      }
      if (ctx.flags.bool('timestamps')) prefix += `${new Date(l.timestamp).toISOString()} `;
      const text = `${prefix}${l.text}\n`;
      if (l.stream === 'stderr') ctx.err(text);
      else ctx.out(text);
    }
  }
}

export const logsCommand: Command = {
  name: 'logs',
  usage: '[OPTIONS] SERVICE|TASK',
  short: 'Fetch the logs of a service or task',
  flags: [
    f('filter', 'list', 'Only show the logs of tasks on a node ("node=<hostname|ID>")', 'filter'),
    f('follow', 'bool', 'Follow log output (until interrupted, or the service is removed)', undefined, 'f'),
    f('no-resolve', 'bool', 'Do not map IDs to Names in output'),
    f('no-task-ids', 'bool', 'Do not include task IDs in output'),
    f('no-trunc', 'bool', 'Do not truncate output'),
    f('raw', 'bool', 'Do not neatly format logs'),
    f(
      'since',
      'string',
      'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
      'string',
    ),
    f('tail', 'string', 'Number of lines to show from the end of the logs (default "all")', 'string', 'n'),
    f('timestamps', 'bool', 'Show timestamps', undefined, 't'),
  ],
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const tailText = ctx.flags.str('tail');
    const tail = tailText === undefined || tailText === 'all' ? undefined : parseCount(tailText, '--tail');
    const sinceText = ctx.flags.str('since');
    const sinceMs = sinceText === undefined ? undefined : parseSince(sinceText, ctx.now());
    const nodes = parseFilters(ctx, ['node']).get('node') ?? [];
    if (nodes.length > 1)
      throw new UsageError('only one "node" filter may be given to service logs: run it once per node');
    const req: ServiceLogsRequest = {
      id: ctx.args[0]!,
      ...(tail === undefined ? {} : { tail }),
      ...(sinceMs === undefined ? {} : { sinceMs }),
      ...(nodes.length === 1 ? { node: nodes[0]! } : {}),
    };
    const api = ctx.api();
    const printer = new LogPrinter(ctx, api);
    if (!ctx.flags.bool('follow')) {
      await printer.print(await api.serviceLogs(req));
      return 0;
    }
    // Each call waits on the managers for lines newer than the cursor (a long poll), so nothing
    // is read twice and nothing spins while the service is quiet.
    // A line a worker sent twice (its first manager took it, but answered too late) reaches two
    // managers: print it once.
    const seen = new Set<string>();
    const fresh = (lines: readonly LogLineView[]) =>
      lines.filter((l) => {
        const key = `${l.taskId}/${l.seq}`;
        if (seen.has(key)) return false;
        seen.add(key);
        if (seen.size > 100_000) seen.delete(seen.values().next().value!);
        return true;
      });
    let page = await api.serviceLogsFollow(req);
    await printer.print(fresh(page.lines));
    while (page.ended !== true) {
      page = await api.serviceLogsFollow({ id: req.id, cursor: page.cursor });
      await printer.print(fresh(page.lines));
    }
    return 0;
  },
};
