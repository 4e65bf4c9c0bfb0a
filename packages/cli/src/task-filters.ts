/** `--filter` of `service ps` and `node ps`: Docker's task filters. */
import type { TaskView } from '@swarm/node/control';
import { type Context, matchesFilters, parseFilters } from './command.js';
import { UsageError } from './errors.js';

/** The keys `service ps` and `node ps` take. */
export const TASK_FILTER_KEYS = ['desired-state', 'id', 'name', 'node'] as const;

/** What `desired-state=VALUE` matches: a task to run, to stop (or remove), or only accepted. */
const DESIRED: Record<string, readonly string[]> = {
  running: ['running'],
  shutdown: ['shutdown', 'remove'],
  accepted: ['accepted'],
};

/**
 * A predicate for the `--filter` flags of a task listing (usage error for an unknown key or
 * desired state): `id` (ID prefix), `name` (task name, e.g. `web` or `web.1`), `node` (hostname or
 * ID prefix), `desired-state` (`running`, `shutdown`, `accepted`).
 */
export function taskFilter(ctx: Context): (t: TaskView) => boolean {
  const filters = parseFilters(ctx, TASK_FILTER_KEYS);
  for (const v of filters.get('desired-state') ?? [])
    if (DESIRED[v.toLowerCase()] === undefined)
      throw new UsageError(`invalid filter 'desired-state=${v}': use running, shutdown or accepted`);
  return (t) =>
    matchesFilters(filters, (key, v) => {
      switch (key) {
        case 'id':
          return v !== '' && t.id.startsWith(v);
        case 'name':
          return t.name === v || t.name.startsWith(`${v}.`);
        case 'node':
          return t.nodeHostname === v || (v !== '' && t.nodeId.startsWith(v));
        default:
          return DESIRED[v.toLowerCase()]!.includes(t.desiredState);
      }
    });
}
