// Docker's swarm requests in the core's terms (what cannot be honoured is refused, 501), and the
// log stream a backend builds from repeated reads while the client follows.
import { ManualClock } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import type { DockerApiError, SwarmSpec } from '../src/index.js';
import {
  followLogMessages,
  type SequencedLogMessage,
  swarmInitFromDocker,
  swarmJoinFromDocker,
  swarmSpecChangesFromDocker,
} from '../src/swarm.js';

const HOUR_NS = 3600 * 1_000_000_000;

const statusOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DockerApiError).status;
  }
  return 0;
};

describe('swarm init, join and update requests', () => {
  it('init: durations in ms, autolock from either field, and no forced new cluster', () => {
    expect(
      swarmInitFromDocker({
        ListenAddr: '10.0.0.1:2377',
        Spec: { CAConfig: { NodeCertExpiry: 2 * HOUR_NS }, EncryptionConfig: { AutoLockManagers: true } },
        Availability: 'drain',
      }),
    ).toEqual({
      listenAddr: '10.0.0.1:2377',
      autolock: true,
      certExpiryMs: 2 * 3600 * 1000,
      availability: 'drain',
    });
    expect(swarmInitFromDocker({ AutoLockManagers: true })).toEqual({ autolock: true });
    expect(swarmInitFromDocker({})).toEqual({});
    expect(statusOf(() => swarmInitFromDocker({ ForceNewCluster: true }))).toBe(501);
  });

  it('join: the first remote address, port 2377 when it names none; none is a 400', () => {
    expect(swarmJoinFromDocker({ RemoteAddrs: ['10.0.0.1', '10.0.0.2'], JoinToken: 'SWMTKN-1-x' })).toEqual({
      remoteAddr: '10.0.0.1:2377',
      token: 'SWMTKN-1-x',
    });
    expect(swarmJoinFromDocker({ RemoteAddrs: ['10.0.0.1:4000'] }).remoteAddr).toBe('10.0.0.1:4000');
    expect(statusOf(() => swarmJoinFromDocker({ RemoteAddrs: [] }))).toBe(400);
  });

  it('update: applies autolock and a changed certificate lifetime, refuses what the core keeps fixed', () => {
    const current: SwarmSpec = {
      Name: 'default',
      Labels: {},
      Orchestration: { TaskHistoryRetentionLimit: 5 },
      Dispatcher: { HeartbeatPeriod: 5_000_000_000 },
      CAConfig: { NodeCertExpiry: 90 * 24 * HOUR_NS },
    };
    expect(swarmSpecChangesFromDocker({ ...current }, current)).toEqual({});
    expect(
      swarmSpecChangesFromDocker(
        {
          ...current,
          CAConfig: { NodeCertExpiry: 24 * HOUR_NS },
          EncryptionConfig: { AutoLockManagers: false },
        },
        current,
      ),
    ).toEqual({ autolock: false, certExpiryMs: 24 * 3600 * 1000 });
    expect(statusOf(() => swarmSpecChangesFromDocker({ ...current, Name: 'other' }, current))).toBe(501);
    expect(statusOf(() => swarmSpecChangesFromDocker({ ...current, Labels: { a: 'b' } }, current))).toBe(501);
    expect(
      statusOf(() => swarmSpecChangesFromDocker({ ...current, Dispatcher: { HeartbeatPeriod: 1 } }, current)),
    ).toBe(501);
  });
});

describe('followLogMessages', () => {
  const line = (taskId: string, seq: number): SequencedLogMessage => ({
    timestamp: seq,
    stream: 'stdout',
    line: `${taskId} ${seq}`,
    nodeId: 'n',
    serviceId: 's',
    taskId,
    seq: String(seq),
  });

  it('yields the first lines, then each new line once per poll, until aborted', async () => {
    const clock = new ManualClock(0);
    const abort = new AbortController();
    let reads = 0;
    const stream = followLogMessages(
      [line('a', 1)],
      async () => {
        reads++;
        return [line('a', 1), line('a', 2), line('b', 1)];
      },
      { follow: true, signal: abort.signal, clock },
    );
    const it = stream[Symbol.asyncIterator]();
    const first = await it.next();
    expect(first.value).toEqual({
      timestamp: 1,
      stream: 'stdout',
      line: 'a 1',
      nodeId: 'n',
      serviceId: 's',
      taskId: 'a',
    });
    const second = it.next();
    await new Promise((r) => setImmediate(r));
    expect(reads).toBe(0);
    clock.advance(250);
    expect(((await second).value as { line: string }).line).toBe('a 2');
    expect(((await it.next()).value as { line: string }).line).toBe('b 1');
    const third = it.next();
    clock.advance(250);
    await new Promise((r) => setImmediate(r));
    abort.abort();
    expect(await third).toEqual({ done: true, value: undefined });
    expect(reads).toBe(2);
  });

  it('ends without following, and when a read fails', async () => {
    const signal = new AbortController().signal;
    const once = [];
    for await (const m of followLogMessages([line('a', 1)], async () => [], { follow: false, signal }))
      once.push(m.line);
    expect(once).toEqual(['a 1']);
    const clock = new ManualClock(0);
    const failing = followLogMessages(
      [],
      async () => {
        throw new Error('service gone');
      },
      { follow: true, signal, clock, pollMs: 10 },
    );
    const end = failing.next();
    clock.advance(10);
    expect(await end).toEqual({ done: true, value: undefined });
  });
});
