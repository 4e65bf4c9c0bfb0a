/**
 * Placement: the filters in order, then the strategy. Pure: engines and a request in, the ranked
 * engines out.
 */
import type { Random } from '@swarm/api';
import { ClassicError } from './errors.js';
import { FILTER_NAMES, FILTERS, type FilterName, validateRequest } from './filters.js';
import { rank, type StrategyName } from './strategy.js';
import type { ContainerRequest, EngineInfo } from './types.js';

/** Options of `place`. */
export interface PlaceOptions {
  readonly strategy: StrategyName;
  readonly random: Random;
  /** The filters to apply, in order (default all: health, constraint, affinity, port, dependency). */
  readonly filters?: readonly FilterName[];
  /** See `RankOptions.overcommit`. */
  readonly overcommit?: number;
}

/** Checks `--filter` names; throws `CLASSIC_BAD_OPTION`. */
export function parseFilters(names: readonly string[]): FilterName[] {
  for (const n of names)
    if (!(FILTER_NAMES as readonly string[]).includes(n))
      throw new ClassicError(
        'CLASSIC_BAD_OPTION',
        `unknown filter ${JSON.stringify(n)}: use some of ${FILTER_NAMES.join(', ')}`,
        { filter: n },
      );
  return names as FilterName[];
}

/**
 * The engines the container may go to, best first. Throws `CLASSIC_BAD_EXPRESSION` for an
 * expression that does not parse, and `CLASSIC_NO_ENGINE` when the pool is empty, a filter leaves
 * no engine, or none has room.
 */
export function place(engines: readonly EngineInfo[], req: ContainerRequest, o: PlaceOptions): EngineInfo[] {
  validateRequest(req);
  if (engines.length === 0)
    throw new ClassicError(
      'CLASSIC_NO_ENGINE',
      'no node available in the cluster: no engine has been discovered yet (check the discovery URL and swarm join)',
      {},
    );
  let left: EngineInfo[] = [...engines];
  for (const name of o.filters ?? FILTER_NAMES) left = FILTERS[name](left, req);
  return rank(left, req, {
    strategy: o.strategy,
    random: o.random,
    ...(o.overcommit !== undefined ? { overcommit: o.overcommit } : {}),
  });
}
