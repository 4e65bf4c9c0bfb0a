import { seededRandom } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { type EngineInfo, parseStrategy, place, rank, type StrategyName } from '../src/index.js';
import { container, engine, request } from './helpers.js';

const GiB = 1024 ** 3;

/** Places `n` containers one after the other, each one seen by the next placement. */
function run(strategy: StrategyName, pool: EngineInfo[], n: number, req = request(), seed = 7): string[] {
  const random = seededRandom(seed);
  const out: string[] = [];
  let engines = pool;
  for (let i = 0; i < n; i++) {
    const chosen = place(engines, req, { strategy, random })[0]!;
    out.push(chosen.name);
    engines = engines.map((e) =>
      e === chosen
        ? { ...e, containers: [...e.containers, container({ cpus: req.cpus, memory: req.memory })] }
        : e,
    );
  }
  return out;
}

describe('strategies', () => {
  const three = () => [
    engine('node-1', { memory: 2 * GiB, cpus: 2 }),
    engine('node-2', { memory: 2 * GiB, cpus: 2 }),
    engine('node-3', { memory: 2 * GiB, cpus: 2 }),
  ];

  it('spread puts each container on the least loaded engine', () => {
    expect(run('spread', three(), 6)).toEqual(['node-1', 'node-2', 'node-3', 'node-1', 'node-2', 'node-3']);
    // With -m, the reserved memory decides: node-1 already holds 1 GiB.
    const pool = three();
    pool[0] = { ...pool[0]!, containers: [container({ memory: GiB })] };
    expect(run('spread', pool, 2, request({ memory: GiB / 2 }))).toEqual(['node-2', 'node-3']);
  });

  it('binpack fills the most loaded engine that still has room, then the next', () => {
    // Swarm's binpack example: 2 GiB engines, 1 GiB containers.
    expect(run('binpack', three(), 6, request({ memory: GiB }))).toEqual([
      'node-1',
      'node-1',
      'node-2',
      'node-2',
      'node-3',
      'node-3',
    ]);
    expect(() => run('binpack', three(), 7, request({ memory: GiB }))).toThrow(
      /no resources available to schedule container/,
    );
  });

  it('binpack without reservations keeps to one engine; spread does not', () => {
    expect(new Set(run('binpack', three(), 5))).toEqual(new Set(['node-1']));
    expect(new Set(run('spread', three(), 3)).size).toBe(3);
  });

  it('counts -c as CPUs and refuses an engine without room', () => {
    const pool = [engine('small', { cpus: 1 }), engine('big', { cpus: 8 })];
    expect(
      rank(pool, request({ cpus: 4 }), { strategy: 'spread', random: seededRandom(1) }).map((e) => e.name),
    ).toEqual(['big']);
    // 5% overcommit by default: 1.05 CPUs fit on a 1-CPU engine, 1.1 do not.
    expect(
      rank([engine('small', { cpus: 1 })], request({ cpus: 1.05 }), {
        strategy: 'binpack',
        random: seededRandom(1),
      }),
    ).toHaveLength(1);
    expect(() =>
      rank([engine('small', { cpus: 1 })], request({ cpus: 1.1 }), {
        strategy: 'binpack',
        random: seededRandom(1),
      }),
    ).toThrow();
  });

  it('random follows the injected source and reaches every engine', () => {
    const a = run('random', three(), 30, request(), 42);
    const b = run('random', three(), 30, request(), 42);
    expect(a).toEqual(b);
    expect(new Set(a)).toEqual(new Set(['node-1', 'node-2', 'node-3']));
    expect(run('random', three(), 30, request(), 43)).not.toEqual(a);
  });

  it('names are checked', () => {
    expect(parseStrategy('binpack')).toBe('binpack');
    expect(() => parseStrategy('roundrobin')).toThrow(
      /unknown strategy "roundrobin": use one of spread, binpack, random/,
    );
  });
});
