import { type Random, seededRandom } from '@swarm/api';
import type { KvInput, KvOp, KvOutput } from '../../src/linearizability/index.js';

/** Parameters of one simulated run against an atomic (hence linearizable) key-value store. */
export interface SimulationOptions {
  seed: number;
  operations: number;
  keys: number;
  clients: number;
  /** Chance that a client gives up on an operation and records its outcome as unknown. */
  unknownRate?: number;
}

interface InFlight {
  clientId: number;
  input: KvInput;
  call: number;
  applied: boolean;
  output: KvOutput;
}

/**
 * Runs `clients` clients against a sequential map. Each operation is called, takes effect at one
 * moment (its linearization point), and returns later; a random client moves at each time step, so
 * the concurrency windows are random. A client that gives up records `return: Infinity`, whether
 * or not its operation took effect. The history is linearizable by construction.
 */
export function simulateKv(options: SimulationOptions): KvOp[] {
  const random = seededRandom(options.seed);
  const store = new Map<string, string>();
  const written: string[] = [];
  const inFlight: (InFlight | undefined)[] = new Array(options.clients).fill(undefined);
  const history: KvOp[] = [];
  let started = 0;
  let serial = 0;
  for (let time = 0; started < options.operations || inFlight.some((f) => f !== undefined); time++) {
    const clientId = random.int(options.clients);
    const flight = inFlight[clientId];
    if (flight === undefined) {
      if (started >= options.operations) continue;
      started++;
      inFlight[clientId] = {
        clientId,
        input: randomInput(random, options.keys, written, clientId, serial++),
        call: time,
        applied: false,
        output: undefined,
      };
    } else if (random.float() < (options.unknownRate ?? 0)) {
      // The client gives up, before or after the operation took effect.
      if (random.int(2) === 0 && !flight.applied) apply(store, flight);
      history.push({ clientId, call: flight.call, return: Infinity, input: flight.input });
      inFlight[clientId] = undefined;
    } else if (!flight.applied) {
      apply(store, flight);
    } else {
      history.push({ clientId, call: flight.call, return: time, input: flight.input, output: flight.output });
      inFlight[clientId] = undefined;
    }
  }
  return history.sort((a, b) => a.call - b.call);
}

function apply(store: Map<string, string>, flight: InFlight): void {
  const input = flight.input;
  flight.applied = true;
  switch (input.kind) {
    case 'put':
      store.set(input.key, input.value);
      flight.output = {};
      return;
    case 'delete':
      store.delete(input.key);
      flight.output = {};
      return;
    case 'get': {
      const value = store.get(input.key);
      flight.output = value === undefined ? {} : { value };
      return;
    }
    case 'cas': {
      const ok = store.get(input.key) === (input.expected ?? undefined);
      if (ok) store.set(input.key, input.value);
      flight.output = { ok };
      return;
    }
  }
}

function randomInput(
  random: Random,
  keys: number,
  written: string[],
  clientId: number,
  serial: number,
): KvInput {
  const key = `k${random.int(keys)}`;
  const roll = random.int(10);
  const value = `v${clientId}.${serial}`;
  if (roll < 4) return { kind: 'get', key };
  if (roll < 7) {
    written.push(value);
    return { kind: 'put', key, value };
  }
  if (roll < 8) return { kind: 'delete', key };
  const expected =
    written.length === 0 || random.int(5) === 0
      ? null
      : written[written.length - 1 - random.int(Math.min(written.length, 4))]!;
  written.push(value);
  return { kind: 'cas', key, expected, value };
}

/** A copy of the history where one completed get returns a value no operation ever wrote. */
export function corruptOneRead(history: readonly KvOp[], pick: number): KvOp[] | undefined {
  const reads = history.flatMap((op, i) => (op.input.kind === 'get' && op.return !== Infinity ? [i] : []));
  if (reads.length === 0) return undefined;
  const victim = reads[pick % reads.length]!;
  return history.map((op, i) => (i === victim ? { ...op, output: { value: 'never-written' } } : op));
}
