/** Dispatcher options, their defaults and checks. */

export interface DispatcherInit {
  /** Heartbeat period told to workers, in ms. Default 5,000. */
  heartbeatPeriodMs?: number;
  /** Each period is drawn uniformly from period ± this, in ms. Default 500. */
  heartbeatJitterMs?: number;
  /** A node that misses this many periods is marked DOWN and its session ends. Default 3. */
  missedHeartbeats?: number;
  /** After `start()` (a leader change), nodes are UNKNOWN and get this long to report before DOWN, in ms. Default 30,000. */
  leaderChangeGraceMs?: number;
  /** Task status updates wait at most this long before they are written, in ms. Default 100. */
  statusBatchMs?: number;
  /** A status write starts at once when this many task updates are waiting. Default 100. */
  statusBatchSize?: number;
  /** Assignment changes wait at most this long before they are sent, in ms. Default 100. */
  assignmentBatchMs?: number;
  /** Assignment changes are sent at once when this many task or secret changes are waiting. Default 100. */
  assignmentBatchSize?: number;
  /** Retries of a store write that lost an optimistic-concurrency race. Default 5. */
  writeRetries?: number;
  /**
   * Host ports a task may report (inclusive): the range executors allocate task ports from.
   * Anything else is refused, except a host-mode port the task's spec publishes explicitly.
   * Default [30000, 32767].
   */
  taskPortRange?: readonly [number, number];
  /** Ports never accepted as a task's host port (the daemons' own ports). Default none. */
  reservedPorts?: readonly number[];
  /** A session whose node description encodes to more bytes is refused. Default 64 KiB. */
  maxDescriptionBytes?: number;
  /** A task status update that encodes to more bytes is refused. Default 16 KiB. */
  maxStatusBytes?: number;
}

/** Every Dispatcher option, resolved. */
export type DispatcherOptions = Required<DispatcherInit>;

/** The default task port range: below Linux's ephemeral ports (32768-60999), so a task port never collides with an outgoing connection. */
export const DEFAULT_TASK_PORT_RANGE: readonly [number, number] = Object.freeze([30000, 32767] as const);

/** The Dispatcher's defaults (heartbeat period 5 s with jitter, 3 missed periods, batches of about 100 ms). */
export const DISPATCHER_DEFAULTS: DispatcherOptions = Object.freeze({
  heartbeatPeriodMs: 5_000,
  heartbeatJitterMs: 500,
  missedHeartbeats: 3,
  leaderChangeGraceMs: 30_000,
  statusBatchMs: 100,
  statusBatchSize: 100,
  assignmentBatchMs: 100,
  assignmentBatchSize: 100,
  writeRetries: 5,
  taskPortRange: DEFAULT_TASK_PORT_RANGE,
  reservedPorts: Object.freeze([]) as readonly number[],
  maxDescriptionBytes: 64 * 1024,
  maxStatusBytes: 16 * 1024,
});

export function dispatcherOptions(init: DispatcherInit = {}): DispatcherOptions {
  const o = { ...DISPATCHER_DEFAULTS, ...definedOnly(init) };
  positiveInteger('heartbeatPeriodMs', o.heartbeatPeriodMs);
  nonNegativeInteger('heartbeatJitterMs', o.heartbeatJitterMs);
  if (o.heartbeatJitterMs >= o.heartbeatPeriodMs)
    throw new RangeError(
      `heartbeatJitterMs (${o.heartbeatJitterMs}) must be smaller than heartbeatPeriodMs (${o.heartbeatPeriodMs})`,
    );
  positiveInteger('missedHeartbeats', o.missedHeartbeats);
  positiveInteger('leaderChangeGraceMs', o.leaderChangeGraceMs);
  nonNegativeInteger('statusBatchMs', o.statusBatchMs);
  positiveInteger('statusBatchSize', o.statusBatchSize);
  nonNegativeInteger('assignmentBatchMs', o.assignmentBatchMs);
  positiveInteger('assignmentBatchSize', o.assignmentBatchSize);
  nonNegativeInteger('writeRetries', o.writeRetries);
  checkPortRange('taskPortRange', o.taskPortRange);
  if (!Array.isArray(o.reservedPorts)) throw new TypeError('reservedPorts must be an array of ports');
  for (const p of o.reservedPorts) port('reservedPorts[]', p);
  positiveInteger('maxDescriptionBytes', o.maxDescriptionBytes);
  positiveInteger('maxStatusBytes', o.maxStatusBytes);
  return o;
}

export function definedOnly<T extends object>(init: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(init)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

export function positiveInteger(name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw new TypeError(`${name} must be an integer, got ${String(value)}`);
  if (value < 1) throw new RangeError(`${name} must be at least 1, got ${value}`);
}

export function nonNegativeInteger(name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw new TypeError(`${name} must be an integer, got ${String(value)}`);
  if (value < 0) throw new RangeError(`${name} must be 0 or more, got ${value}`);
}

function port(name: string, value: unknown): void {
  positiveInteger(name, value);
  if ((value as number) > 65535) throw new RangeError(`${name} must be a port (1-65535), got ${value}`);
}

/** Checks an inclusive [low, high] port range. */
export function checkPortRange(name: string, range: unknown): readonly [number, number] {
  if (!Array.isArray(range) || range.length !== 2)
    throw new TypeError(`${name} must be [low, high], got ${JSON.stringify(range)}`);
  port(`${name}[0]`, range[0]);
  port(`${name}[1]`, range[1]);
  if (range[0] > range[1])
    throw new RangeError(`${name} must have low <= high, got [${range[0]}, ${range[1]}]`);
  return range as unknown as readonly [number, number];
}
