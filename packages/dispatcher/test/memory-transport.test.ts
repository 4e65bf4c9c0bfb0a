import { SwarmError, swarm } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import type { DispatcherService, MessageSink } from '../src/index.js';
import { MemoryTransport } from '../src/testing.js';
import { Collector, drain, rejection } from './harness.js';

function recordingService() {
  const calls: string[] = [];
  const sinks: MessageSink<swarm.SessionMessage>[] = [];
  let cancelled = 0;
  const service: DispatcherService = {
    session(nodeId, _req, sink) {
      calls.push(`session:${nodeId}`);
      sinks.push(sink);
      return { cancel: () => void cancelled++ };
    },
    async heartbeat(nodeId) {
      calls.push(`heartbeat:${nodeId}`);
      return swarm.HeartbeatResponse.create({ periodMs: 5000 as never });
    },
    async updateTaskStatus(nodeId) {
      calls.push(`status:${nodeId}`);
      throw new SwarmError('TASK_NOT_ASSIGNED', 'not yours', { taskId: 'x' });
    },
    assignments(_n, _r, sink) {
      sink.end(new SwarmError('INVALID_SESSION', 'no'));
      return { cancel() {} };
    },
  };
  return { service, calls, sinks, cancelled: () => cancelled };
}

describe('MemoryTransport', () => {
  it('passes the connector identity as the caller on every call, whatever the request says', async () => {
    const t = new MemoryTransport();
    const r = recordingService();
    t.listen('m', r.service);
    const c = t.connector('node-a')('m');
    c.session({ sessionId: 'node-b' }, new Collector<swarm.SessionMessage>().sink);
    await c.heartbeat({ sessionId: 'node-b' });
    expect(r.calls).toEqual(['session:node-a', 'heartbeat:node-a']);
  });

  it('delivers stream messages later, in order, as copies', async () => {
    const t = new MemoryTransport();
    const r = recordingService();
    t.listen('m', r.service);
    const got = new Collector<swarm.SessionMessage>();
    t.connector('n')('m').session({}, got.sink);
    const msg = swarm.SessionMessage.create({ sessionId: 'one' });
    r.sinks[0]!.send(msg);
    r.sinks[0]!.send(swarm.SessionMessage.create({ sessionId: 'two' }));
    msg.sessionId = 'changed after send';
    expect(got.messages).toHaveLength(0); // never re-entrant
    await drain();
    expect(got.messages.map((m) => m.sessionId)).toEqual(['one', 'two']);
  });

  it('carries errors as SwarmErrors with their code and details', async () => {
    const t = new MemoryTransport();
    t.listen('m', recordingService().service);
    const c = t.connector('n')('m');
    const err = await rejection(c.updateTaskStatus({ sessionId: 's' }));
    expect(err.code).toBe('TASK_NOT_ASSIGNED');
    expect(err.details).toEqual({ taskId: 'x' });
    const stream = new Collector<swarm.AssignmentsMessage>();
    c.assignments({ sessionId: 's' }, stream.sink);
    await drain();
    expect(stream.error?.code).toBe('INVALID_SESSION');
  });

  it('ends open streams and fails calls when the manager goes away', async () => {
    const t = new MemoryTransport();
    const r = recordingService();
    t.listen('m', r.service);
    const c = t.connector('n')('m');
    const got = new Collector<swarm.SessionMessage>();
    c.session({}, got.sink);
    t.shutdown('m');
    await drain();
    expect(got.error?.code).toBe('MANAGER_UNAVAILABLE');
    expect(r.cancelled()).toBe(1);
    expect((await rejection(c.heartbeat({ sessionId: 's' }))).code).toBe('MANAGER_UNAVAILABLE');
    const late = new Collector<swarm.SessionMessage>();
    t.connector('n')('m').session({}, late.sink);
    await drain();
    expect(late.error?.code).toBe('MANAGER_UNAVAILABLE');
  });

  it('stops delivering to a stream the client cancelled', async () => {
    const t = new MemoryTransport();
    const r = recordingService();
    t.listen('m', r.service);
    const got = new Collector<swarm.SessionMessage>();
    const handle = t.connector('n')('m').session({}, got.sink);
    handle.cancel();
    r.sinks[0]!.send(swarm.SessionMessage.create({ sessionId: 'late' }));
    await drain();
    expect(got.messages).toHaveLength(0);
    expect(r.cancelled()).toBe(1);
  });
});
