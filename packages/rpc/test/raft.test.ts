// Raft over GrpcRaftTransport: three RaftNodes on 127.0.0.64-66 with real mTLS servers, and the
// chunking of messages above the gRPC size limit.
import { randomBytes } from 'node:crypto';
import { noopLogger, seededRandom, swarm, systemClock } from '@swarm/api';
import { emptyConfState, type Message, MessageType } from '@swarm/raft';
import { memoryRaftStorage, RaftNode, type RaftStorage, type StateMachine } from '@swarm/raft/driver';
import { afterEach, describe, expect, it } from 'vitest';
import { GrpcRaftTransport, RAFT_CHUNK_BYTES, raftFrames, raftHandlers } from '../src/raft-transport.js';
import type { CallContext } from '../src/server.js';
import { Cleanup, eventually, newClients, newServer, realTimeCA } from './fixtures/rpc-helpers.js';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

/** A state machine that keeps every applied payload; snapshots are length-prefixed payloads. */
class LogMachine implements StateMachine<number> {
  readonly log: Uint8Array[] = [];
  restores: number[] = [];
  apply(data: Uint8Array): number {
    this.log.push(Uint8Array.from(data));
    return this.log.length;
  }
  snapshot(): Uint8Array {
    const parts: Buffer[] = [];
    for (const e of this.log) {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(e.length);
      parts.push(len, Buffer.from(e));
    }
    return Buffer.concat(parts);
  }
  restore(data: Uint8Array): void {
    this.restores.push(data.length);
    this.log.length = 0;
    const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    for (let at = 0; at < b.length; ) {
      const n = b.readUInt32BE(at);
      this.log.push(Uint8Array.from(b.subarray(at + 4, at + 4 + n)));
      at += 4 + n;
    }
  }
  strings(): string[] {
    return this.log.filter((e) => e.length < 100).map((e) => Buffer.from(e).toString());
  }
}

const ctx: CallContext = { identity: undefined, peer: 'test', path: '/swarm.Raft/StreamRaftMessage' };

function bigSnapshotMessage(size: number): Message {
  return {
    type: MessageType.Snap,
    to: 2n,
    from: 1n,
    term: 3n,
    logTerm: 0n,
    index: 0n,
    entries: [],
    commit: 0n,
    reject: false,
    rejectHint: 0n,
    context: new Uint8Array(),
    snapshot: {
      data: randomBytes(size),
      metadata: { index: 99n, term: 3n, confState: { ...emptyConfState(), voters: [1n, 2n, 3n] } },
    },
  };
}

/** Frames as the server decodes them (through the wire codec). */
const wire = (frames: swarm.StreamRaftMessageRequest.$Properties[]) =>
  frames.map((f) => swarm.StreamRaftMessageRequest.decode(swarm.StreamRaftMessageRequest.encode(f).finish()));

describe('raft message chunking', () => {
  it('splits a message above the limit into chunks of at most 3 MiB and reassembles it', () => {
    const m = bigSnapshotMessage(7 * 1024 * 1024 + 123);
    const { frames } = raftFrames(m);
    expect(frames.length).toBe(3);
    for (const f of wire(frames)) {
      expect(f.message?.type).toBe(swarm.MessageType.MSG_HUP);
      expect(f.message?.entries?.[0]?.data?.length ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(
        RAFT_CHUNK_BYTES,
      );
      expect(swarm.StreamRaftMessageRequest.encode(f).finish().length).toBeLessThan(4 * 1024 * 1024);
    }
    const got: Message[] = [];
    const r = raftHandlers(() => ({ receive: (x) => got.push(x) })).streamRaftMessage(ctx);
    const { snapshot: _drop, ...rest } = bigSnapshotMessage(10);
    const small: Message = { ...rest, type: MessageType.Heartbeat };
    for (const f of wire(raftFrames(small).frames)) r.onMessage(f);
    for (const f of wire(frames)) r.onMessage(f);
    expect(got.length).toBe(2);
    expect(got[0]?.type).toBe(MessageType.Heartbeat);
    expect(got[1]?.type).toBe(MessageType.Snap);
    expect(Buffer.compare(Buffer.from(got[1]!.snapshot!.data), Buffer.from(m.snapshot!.data))).toBe(0);
    expect(got[1]?.snapshot?.metadata.index).toBe(99n);
  });

  it('discards a chunked message with a gap, and goes on with the next one', () => {
    const m = bigSnapshotMessage(4 * 1024 * 1024);
    const frames = wire(raftFrames(m).frames);
    const got: Message[] = [];
    const r = raftHandlers(() => ({ receive: (x) => got.push(x) })).streamRaftMessage(ctx);
    r.onMessage(frames[0]!);
    r.onMessage(frames[0]!); // out of order: a second start discards the first
    expect(got).toEqual([]);
    for (const f of frames.slice(1)) r.onMessage(f);
    expect(got.length).toBe(1);
    const lost: Message[] = [];
    const r2 = raftHandlers(() => ({ receive: (x) => lost.push(x) })).streamRaftMessage(ctx);
    r2.onMessage(frames[1]!); // a continuation without its start
    expect(lost).toEqual([]);
  });
});

describe('GrpcRaftTransport delivery', () => {
  const msg = (index: bigint, to = 2n): Message => ({
    ...bigSnapshotMessage(0),
    snapshot: undefined as never,
    type: MessageType.App,
    to,
    index,
  });

  it('keeps the order of messages to one member, chunked ones included', async () => {
    const t = await realTimeCA(650);
    const a = await t.issueNode({ role: 'manager' });
    const b = await t.issueNode({ role: 'manager' });
    const got: Message[] = [];
    const { server } = newServer(t, b, cleanup);
    server.addService(
      'Raft',
      raftHandlers(() => ({ receive: (m) => got.push(m) })),
    );
    const addr = `127.0.0.67:${await server.listen('127.0.0.67:0')}`;
    const { clients } = newClients(t, a, cleanup);
    const unreachable: bigint[] = [];
    const transport = new GrpcRaftTransport({ clients, resolve: () => addr, logger: noopLogger });
    transport.setReceiver({ receive() {}, unreachable: (to) => unreachable.push(to) });
    cleanup.add(() => transport.close());
    const sent: bigint[] = [];
    for (let i = 1n; i <= 300n; i++) {
      const m = i % 100n === 0n ? { ...bigSnapshotMessage(5 * 1024 * 1024), index: i } : msg(i);
      transport.send([m]);
      sent.push(i);
    }
    await eventually(() => got.length === sent.length, 20_000, 'every message');
    expect(got.map((m) => m.index)).toEqual(sent);
    expect(got.filter((m) => m.type === MessageType.Snap).length).toBe(3);
    expect(unreachable).toEqual([]);
  });

  it('sends one message above the byte cap when its queue is empty', async () => {
    const t = await realTimeCA(652);
    const a = await t.issueNode({ role: 'manager' });
    const b = await t.issueNode({ role: 'manager' });
    const got: Message[] = [];
    const { server } = newServer(t, b, cleanup);
    server.addService(
      'Raft',
      raftHandlers(() => ({ receive: (m) => got.push(m) })),
    );
    const addr = `127.0.0.68:${await server.listen('127.0.0.68:0')}`;
    const { clients } = newClients(t, a, cleanup);
    const transport = new GrpcRaftTransport({
      clients,
      resolve: () => addr,
      logger: noopLogger,
      maxQueuedBytes: 1024,
    });
    cleanup.add(() => transport.close());
    transport.send([bigSnapshotMessage(5 * 1024 * 1024)]);
    await eventually(() => got.length === 1, 20_000, 'the snapshot');
    expect(got[0]?.snapshot?.data.length).toBe(5 * 1024 * 1024);
  });

  it('reopens its streams with the new certificate after a renewal; checkSender binds members', async () => {
    const t = await realTimeCA(653);
    const a = await t.issueNode({ role: 'manager' });
    const b = await t.issueNode({ role: 'manager' });
    const got: Message[] = [];
    const serials: bigint[] = [];
    const { server } = newServer(t, b, cleanup);
    server.addService(
      'Raft',
      raftHandlers(() => ({ receive: (m) => got.push(m) }), {
        checkSender: (from, identity) => {
          serials.push(identity.certificate.serial);
          return from === 1n && identity.nodeId === a.nodeId;
        },
      }),
    );
    const addr = `127.0.0.68:${await server.listen('127.0.0.68:0')}`;
    const { clients, credentials } = newClients(t, a, cleanup);
    const unreachable: bigint[] = [];
    const transport = new GrpcRaftTransport({ clients, resolve: () => addr, logger: noopLogger });
    transport.setReceiver({ receive() {}, unreachable: (to) => unreachable.push(to) });
    cleanup.add(() => transport.close());
    transport.send([msg(1n)]);
    await eventually(() => got.length === 1, 10_000, 'the first message');
    const renewed = await t.issueNode({ role: 'manager', nodeId: a.nodeId });
    credentials.update({ keyPem: renewed.keyPem, chainPem: renewed.chainPem });
    transport.send([msg(2n)]);
    await eventually(() => got.length === 2, 10_000, 'the second message');
    expect(serials.at(0)).toBe(BigInt(`0x${a.serial}`));
    expect(serials.at(-1)).toBe(BigInt(`0x${renewed.serial}`));
    expect(unreachable).toEqual([]);
    // a manager speaking as another member is refused; the stream fails and the member is reported
    transport.send([{ ...msg(3n), from: 5n }]);
    await eventually(() => unreachable.includes(2n), 10_000, 'the refusal reported');
    expect(got.map((m) => m.index)).toEqual([1n, 2n]);
  });

  it('reports unreachable members: unknown address, nobody listening, queue full', async () => {
    const t = await realTimeCA(651);
    const a = await t.issueNode({ role: 'manager' });
    const { clients } = newClients(t, a, cleanup);
    const unreachable: bigint[] = [];
    const transport = new GrpcRaftTransport({
      clients,
      resolve: (id) => (id === 2n ? '127.0.0.67:1' : id === 3n ? '127.0.0.68:1' : undefined),
      logger: noopLogger,
      maxQueuedMessages: 10,
    });
    transport.setReceiver({ receive() {}, unreachable: (to) => unreachable.push(to) });
    cleanup.add(() => transport.close());
    expect(() => transport.send([msg(1n, 9n)])).not.toThrow();
    await eventually(() => unreachable.includes(9n), 5_000, 'unknown member reported');
    transport.send([msg(1n, 2n)]);
    await eventually(() => unreachable.includes(2n), 10_000, 'closed port reported');
    transport.send(Array.from({ length: 20 }, (_, i) => msg(BigInt(i + 1), 3n)));
    await eventually(() => unreachable.filter((x) => x === 3n).length >= 10, 10_000, 'full queue reported');
  });
});

describe('raft over gRPC with mutual TLS', () => {
  it('elects a leader, commits proposals, and sends a snapshot above 4 MiB to a lagging follower', async () => {
    const t = await realTimeCA(640);
    const ids = [1n, 2n, 3n];
    const hosts = new Map([
      [1n, '127.0.0.64'],
      [2n, '127.0.0.65'],
      [3n, '127.0.0.66'],
    ]);
    const addrs = new Map<bigint, string>();
    const storages = new Map<bigint, RaftStorage>(ids.map((id) => [id, memoryRaftStorage()]));
    const machines = new Map<bigint, LogMachine>();
    const nodes = new Map<bigint, RaftNode<number>>();
    const certs = new Map(
      await Promise.all(ids.map(async (id) => [id, await t.issueNode({ role: 'manager' })] as const)),
    );

    /** Starts member `id` (again): its server, clients, transport and RaftNode on its storage. */
    async function startMember(id: bigint): Promise<() => Promise<void>> {
      const cert = certs.get(id)!;
      const machine = new LogMachine();
      machines.set(id, machine);
      const { clients } = newClients(t, cert, cleanup);
      const transport = new GrpcRaftTransport({
        clients,
        resolve: (to) => addrs.get(to),
        logger: noopLogger,
      });
      const node = new RaftNode<number>({
        id,
        storage: storages.get(id)!,
        transport,
        stateMachine: machine,
        clock: systemClock,
        random: seededRandom(Number(id) * 7),
        tickMs: 20,
        bootstrap: ids,
        snapshotInterval: 4,
        keepEntries: 1,
      });
      transport.setReceiver(node);
      const { server } = newServer(t, cert, cleanup);
      server.addService(
        'Raft',
        raftHandlers(() => node, { resolveAddress: (x) => addrs.get(x) }),
      );
      const port = await server.listen(`${hosts.get(id)}:0`);
      addrs.set(id, `${hosts.get(id)}:${port}`);
      nodes.set(id, node);
      await node.start();
      return async () => {
        await node.stop();
        transport.close();
        await server.close();
        clients.close();
      };
    }

    const stops = new Map<bigint, () => Promise<void>>();
    for (const id of ids) stops.set(id, await startMember(id));
    cleanup.add(async () => {
      for (const stop of stops.values()) await stop();
    });

    const leader = () => ids.find((id) => nodes.get(id)!.isLeader);
    await eventually(() => leader() !== undefined, 15_000, 'a leader');
    const propose = async (data: Uint8Array) => {
      for (;;) {
        const l = leader();
        if (l !== undefined) {
          try {
            return await nodes.get(l)!.propose(data);
          } catch {
            // leadership moved: retry on the new leader
          }
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    for (const s of ['a', 'b', 'c']) await propose(Buffer.from(s));
    await eventually(
      () => ids.every((id) => machines.get(id)!.strings().join() === 'a,b,c'),
      15_000,
      'every member applies a,b,c',
    );

    // A follower goes away; the others commit 6 MiB and compact their logs past it.
    const lagging = ids.find((id) => id !== leader())!;
    await stops.get(lagging)!();
    stops.delete(lagging);
    const big: Uint8Array[] = [];
    for (let i = 0; i < 6; i++) {
      big.push(randomBytes(1024 * 1024));
      await propose(big[i]!);
    }
    for (const s of ['d', 'e', 'f', 'g', 'h', 'i']) await propose(Buffer.from(s));

    stops.set(lagging, await startMember(lagging));
    await eventually(
      () => machines.get(lagging)!.strings().join() === 'a,b,c,d,e,f,g,h,i',
      20_000,
      'the lagging member catches up',
    );
    const m = machines.get(lagging)!;
    // it caught up from a snapshot that could only cross gRPC in chunks
    expect(Math.max(...m.restores)).toBeGreaterThan(4 * 1024 * 1024 + 1024);
    const bigOnes = m.log.filter((e) => e.length === 1024 * 1024);
    expect(bigOnes.length).toBe(6);
    for (const [i, e] of bigOnes.entries())
      expect(Buffer.compare(Buffer.from(e), Buffer.from(big[i]!))).toBe(0);
  }, 90_000);
});
