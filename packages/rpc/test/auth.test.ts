// Authorization of every call by role, over real gRPC servers with mutual TLS on 127.0.0.60-62.
import * as grpc from '@grpc/grpc-js';
import { noopLogger, SwarmError, swarm, toLong } from '@swarm/api';
import {
  certificatesToPem,
  createKeyAndCSR,
  createRootCA,
  crossSign,
  DenyList,
  issueCertificate,
} from '@swarm/ca';
import { nativeBackend, nativeVerifier } from '@swarm/ca/native';
import { CredentialStore, grpcChannelCredentials } from '@swarm/ca/tls';
import type { DispatcherService, MessageSink, StreamHandle } from '@swarm/dispatcher';
import type { Message } from '@swarm/raft';
import type { Receiver } from '@swarm/raft/driver';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchRootCA, joinerClient, RpcClients } from '../src/client.js';
import { dispatcherHandlers, grpcConnector } from '../src/dispatcher-binding.js';
import { fromServiceError } from '../src/errors.js';
import { raftHandlers } from '../src/raft-transport.js';
import { RPC_ROLES } from '../src/roles.js';
import { RpcServer } from '../src/server.js';
import { type ServiceName, serviceDefinition } from '../src/services.js';
import { Cleanup, newClients, newServer, realTimeCA, rejection } from './fixtures/rpc-helpers.js';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

type TestCA = Awaited<ReturnType<typeof realTimeCA>>;
type TestNode = Awaited<ReturnType<TestCA['issueNode']>>;

/** A dispatcher double that records the authenticated caller of each call. */
class RecordingDispatcher implements DispatcherService {
  readonly callers: string[] = [];
  readonly cancelled: string[] = [];
  session(nodeId: string, _r: unknown, sink: MessageSink<swarm.SessionMessage>): StreamHandle {
    this.callers.push(nodeId);
    sink.send(swarm.SessionMessage.create({ sessionId: `s-${nodeId}` }));
    return { cancel: () => this.cancelled.push(nodeId) };
  }
  async heartbeat(nodeId: string) {
    this.callers.push(nodeId);
    return swarm.HeartbeatResponse.create({ periodMs: toLong(5000n) as never });
  }
  async updateTaskStatus(nodeId: string): Promise<swarm.UpdateTaskStatusResponse> {
    this.callers.push(nodeId);
    throw new SwarmError('TASK_NOT_ASSIGNED', `node ${nodeId} may not update task x`, {
      nodeId,
      taskId: 'x',
    });
  }
  assignments(nodeId: string, _r: unknown, sink: MessageSink<swarm.AssignmentsMessage>): StreamHandle {
    this.callers.push(nodeId);
    sink.end(new SwarmError('NODE_DENIED', `node ${nodeId} is denied`, { nodeId }));
    return { cancel() {} };
  }
}

/** Serves every service with small handlers that say who called. */
function serveAll(server: RpcServer, rootsPem: string, dispatcher: DispatcherService) {
  const raftReceived: Message[] = [];
  const receiver: Receiver = { receive: (m) => raftReceived.push(m) };
  const who = (ctx: { identity?: { nodeId: string } | undefined }) => ctx.identity?.nodeId ?? 'anonymous';
  server.addService('CA', {
    getRootCACertificate: () => ({ certificate: Buffer.from(rootsPem) }),
    getUnlockKey: (_r, ctx) => ({ unlockKey: Buffer.from(`key-for-${who(ctx)}`) }),
  });
  server.addService('NodeCA', {
    issueNodeCertificate: (_r, ctx) => ({ nodeId: who(ctx) }),
    nodeCertificateStatus: (r) => {
      if (r.nodeId === 'boom') throw new Error('secret internal detail');
      if (r.nodeId === 'huge')
        throw new SwarmError('NODE_NOT_FOUND', 'node huge is unknown', {
          ids: Array(2000).fill('x'.repeat(25)),
        });
      throw new SwarmError('NODE_NOT_FOUND', `node ${r.nodeId} is unknown; join first`, { nodeId: r.nodeId });
    },
  });
  server.addService(
    'Dispatcher',
    dispatcherHandlers(() => dispatcher),
  );
  server.addService(
    'Raft',
    raftHandlers(() => receiver, { resolveAddress: (id) => (id === 7n ? 'm7:2377' : undefined) }),
  );
  server.addService('RaftMembership', {
    join: (r, ctx) => ({ raftId: toLong(42n), members: [{ nodeId: who(ctx), addr: r.addr }] }),
    leave: () => ({}),
  });
  server.addService('LogBroker', {
    publishLogs: () => ({}),
    listLogs: () => ({}),
  });
  server.addService('Ingress', { endpoints: () => ({}) });
  return { raftReceived };
}

/** A raw grpc-js client for any service, with the given credentials (to see gRPC statuses). */
function rawCall(
  addr: string,
  creds: grpc.ChannelCredentials,
  service: ServiceName,
  method: string,
  request: unknown,
): Promise<{ ok: true; value: unknown } | { ok: false; error: grpc.ServiceError }> {
  const Ctor = grpc.makeGenericClientConstructor(serviceDefinition(service), service);
  const client = new Ctor(addr, creds, {
    'grpc.ssl_target_name_override': 'swarm-manager',
    'grpc.default_authority': 'swarm-manager',
  });
  cleanup.add(() => client.close());
  return new Promise((resolve) => {
    (
      client as unknown as Record<
        string,
        (r: unknown, cb: (e: grpc.ServiceError | null, v: unknown) => void) => void
      >
    )[method]!(request, (e, v) => resolve(e ? { ok: false, error: e } : { ok: true, value: v }));
  });
}

describe('RPC authorization over mutual TLS', () => {
  let t: TestCA;
  let manager: TestNode;
  let worker: TestNode;
  let otherManager: TestNode;

  beforeAll(async () => {
    t = await realTimeCA(601);
    manager = await t.issueNode({ role: 'manager' });
    worker = await t.issueNode({ role: 'worker' });
    otherManager = await t.issueNode({ role: 'manager' });
  });

  async function start(host: string) {
    const s = newServer(t, manager, cleanup);
    const dispatcher = new RecordingDispatcher();
    const { raftReceived } = serveAll(s.server, t.ca.certPem, dispatcher);
    const port = await s.server.listen(`${host}:0`);
    return { ...s, dispatcher, raftReceived, addr: `${host}:${port}` };
  }

  it('without a certificate only the insecure methods work (UNAUTHENTICATED otherwise)', async () => {
    const { addr } = await start('127.0.0.60');
    const joiner = joinerClient(addr, t.ca.certPem);
    cleanup.add(() => joiner.close());
    const root = await joiner.CA.getRootCACertificate({});
    expect(Buffer.from(root.certificate).toString()).toBe(t.ca.certPem);
    expect((await joiner.NodeCA.issueNodeCertificate({ csr: Buffer.from('x') })).nodeId).toBe('anonymous');

    const anon = grpc.credentials.createSsl(Buffer.from(t.ca.certPem));
    for (const [service, method, request] of [
      ['Dispatcher', 'heartbeat', {}],
      ['CA', 'getUnlockKey', {}],
      ['Raft', 'processRaftMessage', { message: {} }],
      ['RaftMembership', 'join', { addr: 'x:1' }],
      ['LogBroker', 'publishLogs', {}],
      ['Ingress', 'endpoints', {}],
    ] as const) {
      const res = await rawCall(addr, anon, service, method, request);
      expect(res.ok, `${service}.${method}`).toBe(false);
      if (res.ok) continue;
      expect(res.error.code).toBe(grpc.status.UNAUTHENTICATED);
      expect(fromServiceError(res.error, addr, method).code).toBe('AUTH_NO_CERTIFICATE');
    }
  });

  it('a worker may use the dispatcher but not raft (PERMISSION_DENIED, AUTH_ROLE_NOT_ALLOWED)', async () => {
    const { addr, dispatcher } = await start('127.0.0.60');
    const { clients } = newClients(t, worker, cleanup);
    const stubs = clients.get(addr);
    const hb = await stubs.Dispatcher.heartbeat({ sessionId: 's' });
    expect(Number(hb.periodMs)).toBe(5000);
    expect(dispatcher.callers).toEqual([worker.nodeId]);
    expect((await stubs.Ingress.endpoints({})).constructor).toBe(swarm.EndpointsResponse);
    await stubs.LogBroker.publishLogs({});

    for (const call of [
      () => stubs.Raft.processRaftMessage({ message: {} }),
      () => stubs.RaftMembership.join({ addr: 'x:1' }),
      () => stubs.CA.getUnlockKey({}),
      () => stubs.LogBroker.listLogs({}),
    ]) {
      const err = await rejection(call());
      expect(err).toBeInstanceOf(SwarmError);
      expect(err.code).toBe('AUTH_ROLE_NOT_ALLOWED');
      expect(err.details).toMatchObject({ role: 'swarm-worker', nodeId: worker.nodeId });
    }
    // the same refusal as gRPC sees it
    const raw = await rawCall(
      addr,
      grpcChannelCredentials(
        new CredentialStore({ keyPem: worker.keyPem, chainPem: worker.chainPem, rootsPem: t.ca.certPem }),
      ),
      'Raft',
      'processRaftMessage',
      { message: {} },
    );
    expect(raw.ok).toBe(false);
    if (!raw.ok) expect(raw.error.code).toBe(grpc.status.PERMISSION_DENIED);
    // an insecure method still sees who the worker is
    expect((await stubs.NodeCA.issueNodeCertificate({})).nodeId).toBe(worker.nodeId);
  });

  it('a manager may call everything', async () => {
    const { addr, raftReceived, dispatcher } = await start('127.0.0.60');
    const { clients } = newClients(t, otherManager, cleanup);
    const s = clients.get(addr);
    expect(Buffer.from((await s.CA.getUnlockKey({})).unlockKey).toString()).toBe(
      `key-for-${otherManager.nodeId}`,
    );
    expect((await s.NodeCA.issueNodeCertificate({})).nodeId).toBe(otherManager.nodeId);
    await s.Raft.processRaftMessage({
      message: { type: swarm.MessageType.MSG_HEARTBEAT, to: toLong(1n), from: toLong(2n) },
    });
    expect(raftReceived.map((m) => [m.to, m.from])).toEqual([[1n, 2n]]);
    expect((await s.Raft.resolveAddress({ raftId: toLong(7n) })).addr).toBe('m7:2377');
    expect((await rejection(s.Raft.resolveAddress({ raftId: toLong(8n) }))).code).toBe(
      'RAFT_MEMBER_NOT_FOUND',
    );
    const joined = await s.RaftMembership.join({ addr: '127.0.0.9:2377' });
    expect(joined.members[0]?.nodeId).toBe(otherManager.nodeId);
    await s.RaftMembership.leave({});
    await s.LogBroker.listLogs({});
    await s.LogBroker.publishLogs({});
    await s.Ingress.endpoints({});
    await s.Dispatcher.heartbeat({});
    expect(dispatcher.callers).toEqual([otherManager.nodeId]);
    const stream = s.Raft.streamRaftMessage();
    stream.write({ message: { type: swarm.MessageType.MSG_APP, to: toLong(3n), from: toLong(4n) } });
    stream.end();
    await stream.response;
    expect(raftReceived.at(-1)?.from).toBe(4n);
  });

  it('a denied node is refused at once when the deny list changes (AUTH_NODE_DENIED)', async () => {
    const { addr, deny } = await start('127.0.0.60');
    const { clients } = newClients(t, worker, cleanup);
    await clients.get(addr).Dispatcher.heartbeat({});
    deny.deny(worker.nodeId, Date.now() + 3_600_000);
    const err = await rejection(clients.get(addr).Dispatcher.heartbeat({}));
    expect(err.code).toBe('AUTH_NODE_DENIED');
    // an insecure RPC still answers, but anonymously
    expect((await clients.get(addr).NodeCA.issueNodeCertificate({})).nodeId).toBe('anonymous');
  });

  it('a certificate from another root looks anonymous (UNAUTHENTICATED)', async () => {
    const { addr } = await start('127.0.0.61');
    const other = await realTimeCA(602);
    const stranger = await other.issueNode({ role: 'manager', clusterId: t.clusterId });
    const { clients } = newClients(other, stranger, cleanup, t.ca.certPem);
    const err = await rejection(clients.get(addr).Raft.processRaftMessage({ message: {} }));
    expect(err.code).toBe('AUTH_NO_CERTIFICATE');
    expect((await clients.get(addr).NodeCA.issueNodeCertificate({})).nodeId).toBe('anonymous');
  });

  it('a node of another cluster under the same root is refused (AUTH_WRONG_CLUSTER)', async () => {
    const { addr } = await start('127.0.0.61');
    const foreign = await t.issueNode({ role: 'manager', clusterId: 'z'.repeat(25) });
    const { clients } = newClients(t, foreign, cleanup);
    const err = await rejection(clients.get(addr).Dispatcher.heartbeat({}));
    expect(err.code).toBe('AUTH_WRONG_CLUSTER');
  });

  it('handler errors cross the wire with their code, message and details; others stay private', async () => {
    const { addr } = await start('127.0.0.61');
    const { clients } = newClients(t, worker, cleanup);
    const s = clients.get(addr);
    const err = await rejection(s.NodeCA.nodeCertificateStatus({ nodeId: 'n1' }));
    expect(err).toBeInstanceOf(SwarmError);
    expect(err.toJSON()).toEqual({
      name: 'SwarmError',
      code: 'NODE_NOT_FOUND',
      message: 'node n1 is unknown; join first',
      details: { nodeId: 'n1' },
    });
    const task = await rejection(s.Dispatcher.updateTaskStatus({ sessionId: 's', updates: [] }));
    expect(task.code).toBe('TASK_NOT_ASSIGNED');
    expect(task.details).toEqual({ nodeId: worker.nodeId, taskId: 'x' });
    const huge = await rejection(s.NodeCA.nodeCertificateStatus({ nodeId: 'huge' }));
    expect(huge.code).toBe('NODE_NOT_FOUND');
    expect(huge.details).toEqual({ truncated: true });
    const internal = await rejection(s.NodeCA.nodeCertificateStatus({ nodeId: 'boom' }));
    expect(internal.code).toBe('RPC_FAILED');
    expect(internal.message).not.toContain('secret internal detail');
  });

  it('server streams carry messages, errors and cancellation both ways', async () => {
    const { addr, dispatcher } = await start('127.0.0.62');
    const { clients } = newClients(t, worker, cleanup);
    const conn = grpcConnector(clients)(addr);
    const got: swarm.SessionMessage[] = [];
    const handle = conn.session({}, { send: (m) => got.push(m), end: () => got.push(null as never) });
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = () =>
        got.length > 0
          ? resolve()
          : Date.now() - started > 10_000
            ? reject(new Error('no message'))
            : setTimeout(poll, 10);
      poll();
    });
    expect(got[0]?.sessionId).toBe(`s-${worker.nodeId}`);
    handle.cancel();
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = () =>
        dispatcher.cancelled.length > 0
          ? resolve()
          : Date.now() - started > 10_000
            ? reject(new Error('no cancel'))
            : setTimeout(poll, 10);
      poll();
    });
    expect(dispatcher.cancelled).toEqual([worker.nodeId]);

    const ended = await new Promise<Error | undefined>((resolve) =>
      conn.assignments({}, { send() {}, end: (e) => resolve(e) }),
    );
    expect((ended as SwarmError).code).toBe('NODE_DENIED');
    conn.close();
  });

  it('a node accepts messages above 4 MiB from a verified manager (large assignment sets)', async () => {
    const s = newServer(t, manager, cleanup);
    const big = Buffer.alloc(6 * 1024 * 1024, 7);
    s.server.addService('Dispatcher', {
      session: (_r, _ctx, sink) => {
        sink.send({ sessionId: 'big', rootCa: big });
        sink.end();
        return { cancel() {} };
      },
      heartbeat: () => ({}),
      updateTaskStatus: () => ({}),
      assignments: (_r, _ctx, sink) => {
        sink.end();
        return { cancel() {} };
      },
    });
    const addr = `127.0.0.62:${await s.server.listen('127.0.0.62:0')}`;
    const { clients } = newClients(t, worker, cleanup);
    const got: swarm.SessionMessage[] = [];
    const end = await new Promise<Error | undefined>((resolve) =>
      clients.get(addr).Dispatcher.session({}, { send: (m) => got.push(m), end: resolve }),
    );
    expect(end).toBeUndefined();
    expect(got[0]?.rootCa.length).toBe(big.length);
  });

  it('a manager without a dispatcher answers DISPATCHER_UNAVAILABLE', async () => {
    const s = newServer(t, manager, cleanup);
    s.server.addService(
      'Dispatcher',
      dispatcherHandlers(() => undefined),
    );
    const addr = `127.0.0.62:${await s.server.listen('127.0.0.62:0')}`;
    const { clients } = newClients(t, worker, cleanup);
    expect((await rejection(clients.get(addr).Dispatcher.heartbeat({}))).code).toBe('DISPATCHER_UNAVAILABLE');
    const ended = await new Promise<Error | undefined>((resolve) =>
      clients.get(addr).Dispatcher.session({}, { send() {}, end: (e) => resolve(e) }),
    );
    expect((ended as SwarmError).code).toBe('DISPATCHER_UNAVAILABLE');
  });

  it('refuses to serve a method without a handler or without a declared role', () => {
    const s = newServer(t, manager, cleanup);
    expect(() => s.server.addService('Ingress', {} as never)).toThrow(
      expect.objectContaining({ code: 'RPC_HANDLER_MISSING' }),
    );
    const undeclared = new RpcServer({
      credentials: s.credentials,
      clusterId: () => t.clusterId,
      denyList: () => s.deny,
      logger: noopLogger,
      roles: { '/swarm.CA/GetRootCACertificate': 'insecure' },
    });
    expect(() => undeclared.addService('Ingress', { endpoints: () => ({}) })).toThrow(
      expect.objectContaining({ code: 'AUTH_RPC_UNDECLARED' }),
    );
  });

  it('has no default role table: the embedder names one', () => {
    const s = newServer(t, manager, cleanup);
    const { roles: _, ...withoutRoles } = {
      credentials: s.credentials,
      clusterId: () => t.clusterId,
      denyList: () => s.deny,
      logger: noopLogger,
      roles: RPC_ROLES,
    };
    expect(() => new RpcServer(withoutRoles as never)).toThrow(/options\.roles is required/);
  });

  it('the client refuses a server that is not a manager, and reports the unreachable', async () => {
    const ws = newServer(t, worker, cleanup);
    ws.server.addService('Ingress', { endpoints: () => ({}) });
    const addr = `127.0.0.62:${await ws.server.listen('127.0.0.62:0')}`;
    const { clients } = newClients(t, otherManager, cleanup);
    expect((await rejection(clients.get(addr).Ingress.endpoints({}, { timeoutMs: 5000 }))).code).toBe(
      'MANAGER_UNAVAILABLE',
    );
    expect(
      (await rejection(clients.get('127.0.0.62:1').Ingress.endpoints({}, { timeoutMs: 5000 }))).code,
    ).toBe('MANAGER_UNAVAILABLE');
  });

  it('a call past its deadline fails with RPC_DEADLINE_EXCEEDED', async () => {
    const s = newServer(t, manager, cleanup);
    s.server.addService('Ingress', { endpoints: () => new Promise(() => {}) });
    const addr = `127.0.0.62:${await s.server.listen('127.0.0.62:0')}`;
    const { clients } = newClients(t, worker, cleanup);
    expect((await rejection(clients.get(addr).Ingress.endpoints({}, { timeoutMs: 300 }))).code).toBe(
      'RPC_DEADLINE_EXCEEDED',
    );
  });
});

describe('root rotation', () => {
  it('a leaf of the new key is accepted by a node that trusts only the old root, given the cross-signed intermediate', async () => {
    const t = await realTimeCA(620);
    const manager = await t.issueNode({ role: 'manager' });
    // a root rotation's new root, cross-signed by the old one
    const newRoot = await createRootCA({ clock: t.ca.clock, backend: nativeBackend });
    const crossSignedPem = certificatesToPem([await crossSign(t.ca, newRoot)]);
    const { keyPem, csrPem } = createKeyAndCSR();
    const rotated = await issueCertificate({ ...newRoot, intermediatesPem: crossSignedPem }, csrPem, {
      nodeId: 'w'.repeat(25),
      role: 'worker',
      clusterId: t.clusterId,
      verifier: nativeVerifier,
    });
    const credentials = new CredentialStore({
      keyPem: manager.keyPem,
      chainPem: manager.chainPem,
      rootsPem: t.ca.certPem,
    });
    let intermediates: string | undefined;
    const server = new RpcServer({
      credentials,
      clusterId: () => t.clusterId,
      denyList: () => new DenyList(),
      logger: noopLogger,
      roles: RPC_ROLES,
      intermediatesPem: () => intermediates,
    });
    cleanup.add(() => server.close());
    server.addService('Ingress', {
      endpoints: (_r, ctx) => ({ endpoints: [{ serviceId: ctx.identity!.nodeId }] }),
    });
    const addr = `127.0.0.63:${await server.listen('127.0.0.63:0')}`;
    const clients = new RpcClients({
      credentials: new CredentialStore({
        keyPem,
        chainPem: rotated.chainPem,
        rootsPem: t.ca.certPem + newRoot.certPem,
      }),
      logger: noopLogger,
    });
    cleanup.add(() => clients.close());
    // grpc-js hands over only the leaf: without the intermediate the chain cannot be built
    expect((await rejection(clients.get(addr).Ingress.endpoints({}))).code).toBe('AUTH_UNTRUSTED_CHAIN');
    intermediates = crossSignedPem;
    const res = await clients.get(addr).Ingress.endpoints({});
    expect(res.endpoints[0]?.serviceId).toBe('w'.repeat(25));
  });
});

describe('joining without a certificate', () => {
  it('fetchRootCA reads the root from a server it cannot verify', async () => {
    const t = await realTimeCA(611);
    const manager = await t.issueNode({ role: 'manager' });
    const s = newServer(t, manager, cleanup);
    s.server.addService('CA', {
      getRootCACertificate: () => ({ certificate: Buffer.from(t.ca.certPem) }),
      getUnlockKey: () => ({}),
    });
    const addr = `127.0.0.63:${await s.server.listen('127.0.0.63:0')}`;
    expect(await fetchRootCA(addr, { timeoutMs: 5000 })).toBe(t.ca.certPem);
    expect((await rejection(fetchRootCA('127.0.0.63:1', { timeoutMs: 3000 }))).code).toBe(
      'MANAGER_UNAVAILABLE',
    );
  });

  it('joinerClient refuses a server signed by another root', async () => {
    const t = await realTimeCA(612);
    const other = await realTimeCA(613);
    const manager = await t.issueNode({ role: 'manager' });
    const s = newServer(t, manager, cleanup);
    let called = false;
    s.server.addService('NodeCA', {
      issueNodeCertificate: () => {
        called = true;
        return { nodeId: 'n' };
      },
      nodeCertificateStatus: () => ({}),
    });
    const addr = `127.0.0.63:${await s.server.listen('127.0.0.63:0')}`;
    const joiner = joinerClient(addr, other.ca.certPem);
    cleanup.add(() => joiner.close());
    const err = await rejection(
      joiner.NodeCA.issueNodeCertificate({ token: 'SWMTKN-secret' }, { timeoutMs: 5000 }),
    );
    expect(err.code).toBe('MANAGER_UNAVAILABLE');
    expect(called).toBe(false);
    // the right root works
    const good = joinerClient(addr, t.ca.certPem);
    cleanup.add(() => good.close());
    expect((await good.NodeCA.issueNodeCertificate({})).nodeId).toBe('n');
  });
});
