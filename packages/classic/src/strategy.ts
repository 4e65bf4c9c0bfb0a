/**
 * Swarm 0.2's placement strategies over the engines the filters left. Each engine's load is the
 * share of its CPUs and memory the containers on it reserve (`-c`, `-m`) plus what the new
 * container asks for; an engine where either would exceed its capacity (times 1 + overcommit) is
 * out. `spread` takes the least loaded engine (then the one with fewest containers), `binpack` the
 * most loaded that still fits (then the one with most containers), `random` any that fits.
 */
import type { Random } from '@swarm/api';
import { ClassicError } from './errors.js';
import type { ContainerRequest, EngineInfo } from './types.js';

/** The strategies, by the names `--strategy` takes. */
export type StrategyName = 'spread' | 'binpack' | 'random';

/** Every strategy name. */
export const STRATEGY_NAMES: readonly StrategyName[] = ['spread', 'binpack', 'random'];

/** Checks a strategy name; throws `CLASSIC_BAD_OPTION` naming the choices. */
export function parseStrategy(name: string): StrategyName {
  if ((STRATEGY_NAMES as readonly string[]).includes(name)) return name as StrategyName;
  throw new ClassicError(
    'CLASSIC_BAD_OPTION',
    `unknown strategy ${JSON.stringify(name)}: use one of ${STRATEGY_NAMES.join(', ')}`,
    { strategy: name },
  );
}

/** An engine with what its containers reserve. */
export interface EngineLoad {
  readonly engine: EngineInfo;
  readonly usedCpus: number;
  readonly usedMemory: number;
  /** CPU share plus memory share, in percent each (0-200), with the new container counted. */
  readonly score: number;
}

/** What the containers of an engine reserve. */
export function engineLoad(engine: EngineInfo, req: ContainerRequest): EngineLoad {
  let usedCpus = 0;
  let usedMemory = 0;
  for (const c of engine.containers) {
    usedCpus += c.cpus;
    usedMemory += c.memory;
  }
  const cpuScore = engine.cpus > 0 ? ((usedCpus + req.cpus) * 100) / engine.cpus : 0;
  const memScore = engine.memory > 0 ? ((usedMemory + req.memory) * 100) / engine.memory : 0;
  return { engine, usedCpus, usedMemory, score: cpuScore + memScore };
}

function fits(l: EngineLoad, req: ContainerRequest, overcommit: number): boolean {
  const e = l.engine;
  if (req.cpus > 0 && l.usedCpus + req.cpus > e.cpus * (1 + overcommit)) return false;
  if (req.memory > 0 && l.usedMemory + req.memory > e.memory * (1 + overcommit)) return false;
  return true;
}

/** Options of `rank`. */
export interface RankOptions {
  readonly strategy: StrategyName;
  /** For `random`. */
  readonly random: Random;
  /** How far beyond its capacity an engine may be reserved, a ratio (default 0.05, 5%). */
  readonly overcommit?: number;
}

/**
 * The engines in the strategy's order of preference, those without room for the container left
 * out. Throws `CLASSIC_NO_ENGINE` ("no resources available to schedule container") when none has
 * room.
 */
export function rank(engines: readonly EngineInfo[], req: ContainerRequest, o: RankOptions): EngineInfo[] {
  const overcommit = o.overcommit ?? 0.05;
  const loads = engines.map((e) => engineLoad(e, req)).filter((l) => fits(l, req, overcommit));
  if (loads.length === 0)
    throw new ClassicError('CLASSIC_NO_ENGINE', 'no resources available to schedule container', {
      cpus: req.cpus,
      memory: req.memory,
    });
  const byName = (a: EngineLoad, b: EngineLoad) =>
    a.engine.name < b.engine.name ? -1 : a.engine.name > b.engine.name ? 1 : 0;
  switch (o.strategy) {
    case 'spread':
      loads.sort(
        (a, b) =>
          a.score - b.score || a.engine.containers.length - b.engine.containers.length || byName(a, b),
      );
      break;
    case 'binpack':
      loads.sort(
        (a, b) =>
          b.score - a.score || b.engine.containers.length - a.engine.containers.length || byName(a, b),
      );
      break;
    case 'random':
      // Fisher-Yates on the injected source.
      loads.sort(byName);
      for (let i = loads.length - 1; i > 0; i--) {
        const j = o.random.int(i + 1);
        [loads[i], loads[j]] = [loads[j]!, loads[i]!];
      }
      break;
  }
  return loads.map((l) => l.engine);
}
