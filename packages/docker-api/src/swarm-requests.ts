/**
 * Docker's swarm requests in the swarm core's terms, for a backend built on the core: what `init`,
 * `join` and `update` ask, with what the core cannot honour refused (501) rather than accepted and
 * ignored; and the log stream of `service logs` / `task logs` from a read that a backend repeats
 * while the client follows.
 */
import { type Clock, systemClock } from '@swarm/api';
import { DockerInvalidParameterError, DockerNotImplementedError } from './errors.js';
import type { LogMessage, SwarmInitRequest, SwarmJoinRequest, SwarmSpec } from './types.js';

const NS_PER_MS = 1_000_000;

/** A node's availability in the core's terms. */
type Availability = 'active' | 'pause' | 'drain';

/** What `swarm init` asks of the core. */
export interface SwarmInitOptions {
  listenAddr?: string;
  advertiseAddr?: string;
  autolock?: boolean;
  /** Node certificate lifetime (ms). */
  certExpiryMs?: number;
  availability?: Availability;
}

/** What `swarm join` asks of the core. */
export interface SwarmJoinOptions {
  /** The manager's `HOST:PORT` (port 2377 when the request names none). */
  remoteAddr: string;
  token: string;
  listenAddr?: string;
  advertiseAddr?: string;
  availability?: Availability;
}

/** The changes of `swarm update` the core applies. */
export interface SwarmSpecChanges {
  autolock?: boolean;
  /** A new node certificate lifetime (ms), when it changed. */
  certExpiryMs?: number;
}

/** `POST /swarm/init` in the core's terms; `ForceNewCluster` is refused. */
export function swarmInitFromDocker(req: SwarmInitRequest): SwarmInitOptions {
  if (req.ForceNewCluster)
    throw new DockerNotImplementedError('--force-new-cluster is not supported by this cluster');
  const expiry = req.Spec?.CAConfig?.NodeCertExpiry;
  return {
    ...(req.ListenAddr ? { listenAddr: req.ListenAddr } : {}),
    ...(req.AdvertiseAddr ? { advertiseAddr: req.AdvertiseAddr } : {}),
    ...(req.AutoLockManagers || req.Spec?.EncryptionConfig?.AutoLockManagers ? { autolock: true } : {}),
    ...(expiry ? { certExpiryMs: Math.floor(expiry / NS_PER_MS) } : {}),
    ...(req.Availability ? { availability: req.Availability } : {}),
  };
}

/** `POST /swarm/join` in the core's terms: the first remote address, with port 2377 by default. */
export function swarmJoinFromDocker(req: SwarmJoinRequest): SwarmJoinOptions {
  const remote = req.RemoteAddrs?.[0];
  if (!remote) throw new DockerInvalidParameterError('invalid RemoteAddrs: give the address of a manager');
  return {
    remoteAddr: /:\d+$/.test(remote) ? remote : `${remote}:2377`,
    token: req.JoinToken ?? '',
    ...(req.ListenAddr ? { listenAddr: req.ListenAddr } : {}),
    ...(req.AdvertiseAddr ? { advertiseAddr: req.AdvertiseAddr } : {}),
    ...(req.Availability ? { availability: req.Availability } : {}),
  };
}

/**
 * `POST /swarm/update`'s spec against the `current` one: the changes the core applies (autolock,
 * certificate lifetime). A change to a field the core keeps fixed (name, labels, task history,
 * heartbeat period, external or signing CAs) is refused, rather than accepted and ignored.
 */
export function swarmSpecChangesFromDocker(spec: SwarmSpec, current: SwarmSpec): SwarmSpecChanges {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const fixed: Array<[string, unknown, unknown]> = [
    ['Name', spec.Name ?? current.Name, current.Name],
    ['Labels', spec.Labels ?? {}, current.Labels ?? {}],
    [
      'Orchestration.TaskHistoryRetentionLimit',
      spec.Orchestration?.TaskHistoryRetentionLimit ?? current.Orchestration?.TaskHistoryRetentionLimit,
      current.Orchestration?.TaskHistoryRetentionLimit,
    ],
    [
      'Dispatcher.HeartbeatPeriod',
      spec.Dispatcher?.HeartbeatPeriod || current.Dispatcher?.HeartbeatPeriod,
      current.Dispatcher?.HeartbeatPeriod,
    ],
    ['CAConfig.ExternalCAs', spec.CAConfig?.ExternalCAs ?? [], []],
    ['CAConfig.SigningCACert', spec.CAConfig?.SigningCACert ?? '', ''],
  ];
  for (const [field, want, have] of fixed)
    if (!same(want, have))
      throw new DockerNotImplementedError(`changing ${field} is not supported by this cluster`);
  const expiry = spec.CAConfig?.NodeCertExpiry;
  const autolock = spec.EncryptionConfig?.AutoLockManagers;
  return {
    ...(autolock === undefined ? {} : { autolock }),
    ...(expiry && expiry !== current.CAConfig?.NodeCertExpiry
      ? { certExpiryMs: Math.floor(expiry / NS_PER_MS) }
      : {}),
  };
}

/** One log line as a backend reads it: a `LogMessage` and its sequence number within its task. */
export interface SequencedLogMessage extends LogMessage {
  /** Per task, from 1: a line seen once is not sent again. */
  seq: number | string;
}

/** Options of `followLogMessages`. */
export interface FollowLogOptions {
  /** Keep reading after the first lines, until `signal` aborts. */
  follow: boolean;
  /** Ends the stream. */
  signal: AbortSignal;
  /** How often `next` is read while following (ms). Default 250. */
  pollMs?: number;
  /** Default `systemClock`. */
  clock?: Clock;
}

/**
 * The lines of `first`, then, while following, the new lines of each `next()` read (a line is
 * known by its task and sequence number), every `pollMs`, until `signal` aborts or `next` fails (the
 * service is gone, or the node stopped being a manager).
 */
export async function* followLogMessages(
  first: readonly SequencedLogMessage[],
  next: () => Promise<readonly SequencedLogMessage[]>,
  options: FollowLogOptions,
): AsyncGenerator<LogMessage> {
  const clock = options.clock ?? systemClock;
  const { signal } = options;
  const key = (l: SequencedLogMessage) => `${l.taskId}/${l.seq}`;
  const message = ({ seq: _, ...m }: SequencedLogMessage): LogMessage => m;
  const seen = new Set(first.map(key));
  for (const l of first) yield message(l);
  while (options.follow && !signal.aborted) {
    await new Promise<void>((resolve) => {
      const timer = clock.setTimeout(done, options.pollMs ?? 250);
      function done() {
        timer.cancel();
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
    if (signal.aborted) return;
    let lines: readonly SequencedLogMessage[];
    try {
      lines = await next();
    } catch {
      return;
    }
    for (const l of lines) {
      if (seen.has(key(l))) continue;
      seen.add(key(l));
      yield message(l);
    }
  }
}
