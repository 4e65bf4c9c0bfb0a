/**
 * Raft over gRPC. Each destination member gets one long-lived `Raft.StreamRaftMessage` client
 * stream, so messages to a member arrive in the order they were sent; `send` only queues (it never
 * throws and never waits), and a bounded queue drops and reports the member unreachable when a
 * peer cannot keep up. A failed stream reports the member unreachable and the next send opens a
 * new one.
 *
 * Chunking. gRPC refuses messages over 4 MiB by default and a store snapshot can be much larger,
 * so any message whose encoding exceeds `chunkBytes` (3 MiB) is sent as consecutive chunk frames
 * on the same stream. A chunk frame is a `swarm.Message` that raft itself never sends over the
 * wire: type MSG_HUP (a local message) and `context` = "swarm-raft-chunk/1"; its `index` is the
 * chunk's position (0-based), `commit` the number of chunks, `logTerm` the total length, and
 * `entries[0].data` the slice of the full message's encoding. `to`, `from` and `term` are copied
 * for diagnostics. The receiver concatenates the slices of one stream in order and decodes the
 * result; a gap, a size mismatch or an interleaved message discards the partial message (raft
 * resends what it needs).
 */
import { fromLong, type Logger, SwarmError, swarm, toLong } from '@swarm/api';
import type { NodeIdentity } from '@swarm/ca';
import { decodeMessage, encodeMessage, type MemberId, type Message, MessageType } from '@swarm/raft';
import type { Receiver, Transport } from '@swarm/raft/driver';
import { messageFromWire, messageToWire } from '@swarm/raft/wire';
import type { ClientStreamCall, RpcClients } from './client.js';
import type { CallContext, ClientStreamReceiver, ServiceHandlers } from './server.js';

/** Raft messages larger than this travel in chunks. */
export const RAFT_CHUNK_BYTES = 3 * 1024 * 1024;
const CHUNK_MARKER = new TextEncoder().encode('swarm-raft-chunk/1');

/** Options of the gRPC raft transport: the clients and who the members are. */
export interface GrpcRaftTransportOptions {
  clients: RpcClients;
  /** The address (`host:port`) of a raft member, or undefined when unknown. */
  resolve: (memberId: bigint) => string | undefined;
  logger: Logger;
  /** Messages queued per destination before new ones are dropped. Default 4,096. */
  maxQueuedMessages?: number;
  /** Bytes queued per destination before new messages are dropped. Default 64 MiB. */
  maxQueuedBytes?: number;
  /** Messages whose encoding is larger are chunked; each chunk carries at most this many bytes. Default 3 MiB. */
  chunkBytes?: number;
}

type Frame = swarm.StreamRaftMessageRequest.$Properties;

interface PeerStream {
  readonly addr: string;
  readonly call: ClientStreamCall<Frame, swarm.StreamRaftMessageResponse>;
  queuedMessages: number;
  queuedBytes: number;
  dead: boolean;
}

/** A cheap upper-bound guess of a message's encoded size (exact encoding only when it is near the limit). */
function estimateSize(m: Message): number {
  let n = 128 + m.context.length;
  for (const e of m.entries) n += 48 + e.data.length;
  if (m.snapshot !== undefined)
    n +=
      64 +
      m.snapshot.data.length +
      11 *
        (m.snapshot.metadata.confState.voters.length +
          m.snapshot.metadata.confState.learners.length +
          m.snapshot.metadata.confState.votersOutgoing.length +
          m.snapshot.metadata.confState.learnersNext.length);
  return n;
}

/** The frames of one message: itself, or its chunks when its encoding is over `chunkBytes`. */
export function raftFrames(m: Message, chunkBytes = RAFT_CHUNK_BYTES): { frames: Frame[]; bytes: number } {
  const estimate = estimateSize(m);
  if (estimate <= chunkBytes / 2) return { frames: [{ message: messageToWire(m) }], bytes: estimate };
  const full = encodeMessage(m);
  if (full.length <= chunkBytes)
    return { frames: [{ message: swarm.Message.decode(full) }], bytes: full.length };
  const count = Math.ceil(full.length / chunkBytes);
  const frames: Frame[] = [];
  for (let i = 0; i < count; i++) {
    frames.push({
      message: {
        type: swarm.MessageType.MSG_HUP,
        to: toLong(m.to),
        from: toLong(m.from),
        term: toLong(m.term),
        index: toLong(BigInt(i)),
        commit: toLong(BigInt(count)),
        logTerm: toLong(BigInt(full.length)),
        context: CHUNK_MARKER,
        entries: [{ data: full.subarray(i * chunkBytes, Math.min(full.length, (i + 1) * chunkBytes)) }],
      },
    });
  }
  return { frames, bytes: full.length };
}

function isChunk(w: swarm.Message.$Properties): boolean {
  const ctx = w.context;
  return (
    (w.type ?? 0) === swarm.MessageType.MSG_HUP &&
    ctx !== undefined &&
    ctx !== null &&
    ctx.length === CHUNK_MARKER.length &&
    ctx.every((b, i) => b === CHUNK_MARKER[i])
  );
}

/** Sends raft messages over gRPC streams; see the file comment for ordering and chunking. */
export class GrpcRaftTransport implements Transport {
  readonly #o: Required<Omit<GrpcRaftTransportOptions, 'clients' | 'resolve' | 'logger'>> &
    Pick<GrpcRaftTransportOptions, 'clients' | 'resolve' | 'logger'>;
  readonly #streams = new Map<MemberId, PeerStream>();
  readonly #unsubscribe: () => void;
  #receiver: Receiver | undefined;
  #closed = false;

  constructor(options: GrpcRaftTransportOptions) {
    for (const k of ['clients', 'resolve', 'logger'] as const)
      if (options[k] === undefined) throw new TypeError(`GrpcRaftTransport: options.${k} is required`);
    this.#o = {
      clients: options.clients,
      resolve: options.resolve,
      logger: options.logger,
      maxQueuedMessages: options.maxQueuedMessages ?? 4096,
      maxQueuedBytes: options.maxQueuedBytes ?? 64 * 1024 * 1024,
      chunkBytes: options.chunkBytes ?? RAFT_CHUNK_BYTES,
    };
    // New credentials: finish the streams on the old channels; the next send opens fresh ones.
    this.#unsubscribe = options.clients.onRenewed(() => {
      for (const [to, s] of [...this.#streams]) this.#retire(to, s);
    });
  }

  /** The local raft node: told when a member is unreachable. */
  setReceiver(receiver: Receiver): void {
    this.#receiver = receiver;
  }

  send(messages: readonly Message[]): void {
    for (const m of messages) {
      try {
        this.#send(m);
      } catch (err) {
        this.#o.logger.warn('raft send failed', { to: m.to.toString(), error: String(err) });
        this.#unreachable(m.to);
      }
    }
  }

  /** Ends every stream (messages already queued are still flushed). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#unsubscribe();
    for (const [to, s] of [...this.#streams]) this.#retire(to, s);
  }

  #send(m: Message): void {
    if (this.#closed) return;
    const addr = this.#o.resolve(m.to);
    if (addr === undefined) {
      this.#unreachable(m.to);
      return;
    }
    let s = this.#streams.get(m.to);
    if (s !== undefined && s.addr !== addr) {
      this.#retire(m.to, s);
      s = undefined;
    }
    const { frames, bytes } = raftFrames(m, this.#o.chunkBytes);
    if (s === undefined) s = this.#open(m.to, addr);
    // An empty queue takes any one message, so a snapshot above the byte cap still goes out.
    const full =
      s.queuedMessages > 0 &&
      (s.queuedMessages + frames.length > this.#o.maxQueuedMessages ||
        s.queuedBytes + bytes > this.#o.maxQueuedBytes);
    if (full) {
      this.#o.logger.warn('raft queue full: message dropped', {
        to: m.to.toString(),
        type: MessageType[m.type] ?? m.type,
        queuedMessages: s.queuedMessages,
        queuedBytes: s.queuedBytes,
      });
      this.#unreachable(m.to);
      return;
    }
    const stream = s;
    stream.queuedMessages += frames.length;
    stream.queuedBytes += bytes;
    frames.forEach((frame, i) => {
      const last = i === frames.length - 1;
      stream.call.write(frame, () => {
        stream.queuedMessages -= 1;
        if (last) stream.queuedBytes -= bytes;
      });
    });
  }

  #open(to: MemberId, addr: string): PeerStream {
    const call = this.#o.clients.get(addr).Raft.streamRaftMessage();
    const s: PeerStream = { addr, call, queuedMessages: 0, queuedBytes: 0, dead: false };
    this.#streams.set(to, s);
    call.response.then(
      () => this.#ended(to, s, undefined),
      (err: unknown) => this.#ended(to, s, err),
    );
    return s;
  }

  #ended(to: MemberId, s: PeerStream, err: unknown): void {
    const current = this.#streams.get(to) === s;
    if (current) this.#streams.delete(to);
    if (s.dead) return; // retired on purpose
    s.dead = true;
    if (err !== undefined) {
      this.#o.logger.info('raft stream failed', {
        to: to.toString(),
        addr: s.addr,
        code: (err as { code?: unknown }).code ?? 'UNKNOWN',
      });
      this.#unreachable(to);
    }
  }

  #retire(to: MemberId, s: PeerStream): void {
    if (this.#streams.get(to) === s) this.#streams.delete(to);
    s.dead = true;
    s.call.end();
  }

  // Reported on a later microtask: send() runs inside the raft driver's Ready handling.
  #unreachable(to: MemberId): void {
    queueMicrotask(() => this.#receiver?.unreachable?.(to));
  }
}

/** Options of the raft RPC handlers: where messages go and who may send them. */
export interface RaftHandlersOptions {
  /** Answers Raft.ResolveAddress. Without it every lookup is RAFT_MEMBER_NOT_FOUND. */
  resolveAddress?: (memberId: bigint) => string | undefined;
  /**
   * Checks that the authenticated manager may speak for raft member `from` (e.g. against the
   * membership list). Default: any manager of the cluster may.
   */
  checkSender?: (from: bigint, identity: NodeIdentity) => boolean;
  /** Largest reassembled message. Default 512 MiB. */
  maxMessageBytes?: number;
  logger?: Logger;
}

/**
 * The Raft service handlers: decode each message and hand it to the local raft node. Messages that
 * arrive while no node runs (`receiver()` undefined) are dropped; raft resends.
 */
export function raftHandlers(
  receiver: () => Receiver | undefined,
  options: RaftHandlersOptions = {},
): ServiceHandlers<'Raft'> {
  const maxBytes = options.maxMessageBytes ?? 512 * 1024 * 1024;
  const deliver = (m: Message, ctx: CallContext) => {
    if (
      options.checkSender !== undefined &&
      ctx.identity !== undefined &&
      !options.checkSender(m.from, ctx.identity)
    )
      throw new SwarmError(
        'RAFT_SENDER_DENIED',
        `node ${ctx.identity.nodeId} may not send raft messages as member ${m.from}`,
        { nodeId: ctx.identity.nodeId, from: m.from.toString() },
      );
    receiver()?.receive(m);
  };
  const decode = (w: swarm.Message.$Properties | null | undefined): Message => {
    if (w === undefined || w === null)
      throw new SwarmError('RAFT_MESSAGE_MALFORMED', 'a raft request carried no message');
    return messageFromWire(w);
  };

  return {
    processRaftMessage: (request, ctx) => {
      deliver(decode(request.message), ctx);
      return {};
    },

    streamRaftMessage: (
      ctx,
    ): ClientStreamReceiver<swarm.StreamRaftMessageRequest, swarm.StreamRaftMessageResponse.$Properties> => {
      let parts: Uint8Array[] | undefined;
      let count = 0;
      let total = 0;
      let got = 0;
      const drop = (why: string) => {
        options.logger?.warn('raft chunk stream discarded', { peer: ctx.peer, why });
        parts = undefined;
      };
      return {
        onMessage(request) {
          const w = request.message;
          if (w === undefined || w === null) return;
          if (!isChunk(w)) {
            if (parts !== undefined) drop('a whole message arrived between chunks');
            deliver(decode(w), ctx);
            return;
          }
          const seq = Number(fromLong(w.index as never));
          const n = Number(fromLong(w.commit as never));
          const size = Number(fromLong(w.logTerm as never));
          const slice = w.entries?.[0]?.data ?? new Uint8Array();
          if (seq === 0) {
            if (parts !== undefined) drop('a new chunked message began before the last one ended');
            if (n < 1 || size < 1 || size > maxBytes) {
              drop(`bad chunk header (count ${n}, size ${size})`);
              return;
            }
            parts = [];
            count = n;
            total = size;
            got = 0;
          }
          if (parts === undefined) return; // the rest of a discarded message
          if (seq !== parts.length || n !== count || size !== total) {
            drop(`chunk ${seq} out of order`);
            return;
          }
          parts.push(slice);
          got += slice.length;
          if (got > total) {
            drop('chunks exceed the announced size');
            return;
          }
          if (seq === count - 1) {
            const done = parts;
            parts = undefined;
            if (got !== total) {
              drop('chunks fall short of the announced size');
              return;
            }
            deliver(decodeMessage(Buffer.concat(done, total)), ctx);
          }
        },
        onEnd: () => ({}),
        onCancel() {
          parts = undefined;
        },
      };
    },

    resolveAddress: (request) => {
      const id = fromLong(request.raftId as never);
      const addr = options.resolveAddress?.(id);
      if (addr === undefined)
        throw new SwarmError('RAFT_MEMBER_NOT_FOUND', `raft member ${id} has no known address`, {
          raftId: id.toString(),
        });
      return { addr };
    },
  };
}
