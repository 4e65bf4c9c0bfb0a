import type { Constraint } from './constraint.js';

/**
 * Why a node cannot take a task, as small integer codes in filter order (static filters first,
 * then the dynamic ones, then one code per constraint from FIXED_REASONS on), and the phrasing of
 * the pending reason that counts nodes per code.
 */
export const NOT_READY = 0;
export const NOT_ACTIVE = 1;
export const CHANGING_ZONE = 2;
export const ZONED = 3;
export const PLATFORM = 4;
export const CPU = 5;
export const MEMORY = 6;
export const PORT = 7;
export const MAX_REPLICAS = 8;
export const FIXED_REASONS = 9;

export const PHRASES: ReadonlyArray<readonly [string, string]> = [
  ['node not ready', 'nodes not ready'],
  ['node not active (paused or drained)', 'nodes not active (paused or drained)'],
  ['node changing security zone', 'nodes changing security zone'],
  ['node in a security zone the task does not name', 'nodes in a security zone the task does not name'],
  ['node has an unsupported platform', 'nodes have an unsupported platform'],
  ['node has insufficient CPU', 'nodes have insufficient CPU'],
  ['node has insufficient memory', 'nodes have insufficient memory'],
  ['node has a host port in use', 'nodes have a host port in use'],
  [
    'node already runs the maximum replicas of the service',
    'nodes already run the maximum replicas of the service',
  ],
];

/**
 * `no suitable node (2 nodes not active (paused or drained); 1 node fails constraint X; ...)`:
 * node counts per static reason (then one per constraint) and per dynamic reason, in filter order.
 */
export function explain(
  filter: { readonly counts: Int32Array; readonly constraints: readonly Constraint[] },
  dynamic: Int32Array,
  noNodes: boolean,
): string {
  const parts: string[] = [];
  const add = (count: number, phrase: readonly [string, string]): void => {
    if (count > 0) parts.push(`${count} ${count === 1 ? phrase[0] : phrase[1]}`);
  };
  for (const r of [NOT_READY, NOT_ACTIVE, CHANGING_ZONE, ZONED]) add(filter.counts[r]!, PHRASES[r]!);
  filter.constraints.forEach((c, k) => {
    add(filter.counts[FIXED_REASONS + k]!, [
      `node fails constraint ${c.expression}`,
      `nodes fail constraint ${c.expression}`,
    ]);
  });
  add(filter.counts[PLATFORM]!, PHRASES[PLATFORM]!);
  for (const r of [CPU, MEMORY, PORT, MAX_REPLICAS]) add(dynamic[r]!, PHRASES[r]!);
  if (parts.length === 0) parts.push(noNodes ? 'no nodes in the cluster' : 'no nodes available');
  return `no suitable node (${parts.join('; ')})`;
}
