import net from 'node:net';
import { decodeMessage, encodeMessage, type MemberId, type Message } from '@swarm/raft';
import type { Receiver, Transport } from '@swarm/raft/driver';
import { decodeHello, encodeFrame, encodeHello, FrameDecoder, parseAddress } from './framing.js';

/** Bytes queued to one peer before further messages to it are dropped (raft retransmits). */
const MAX_QUEUED_BYTES = 32 * 1024 * 1024;
/** Minimum time between connection attempts to one peer. */
const RECONNECT_MS = 100;

interface Peer {
  address: string;
  socket?: net.Socket | undefined;
  connected: boolean;
  lastAttempt: number;
}

/**
 * Raft messages between members over TCP: one outbound connection per peer, opened on demand and
 * reopened after a failure; inbound connections are read only. A message that cannot be sent is
 * dropped and the peer reported unreachable (raft retransmits, and the leader probes it again).
 */
export class TcpTransport implements Transport {
  readonly #self: MemberId;
  readonly #peers = new Map<MemberId, Peer>();
  readonly #inbound = new Set<net.Socket>();
  readonly #unreachablePending = new Set<MemberId>();
  #receiver: Receiver | undefined;
  #server: net.Server | undefined;
  #closed = false;

  constructor(self: MemberId, addresses: ReadonlyMap<MemberId, string>) {
    this.#self = self;
    for (const [id, address] of addresses) this.setAddress(id, address);
  }

  attach(receiver: Receiver): void {
    this.#receiver = receiver;
  }

  /** Adds or changes where a peer is reached (a member added at runtime). */
  setAddress(id: MemberId, address: string): void {
    if (id === this.#self) return;
    parseAddress(address);
    const peer = this.#peers.get(id);
    if (peer?.address === address) return;
    peer?.socket?.destroy();
    this.#peers.set(id, { address, connected: false, lastAttempt: 0 });
  }

  addresses(): Map<MemberId, string> {
    return new Map([...this.#peers].map(([id, p]) => [id, p.address]));
  }

  async listen(address: string): Promise<void> {
    const { host, port } = parseAddress(address);
    const server = net.createServer((socket) => this.#accept(socket));
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  }

  send(messages: readonly Message[]): void {
    if (this.#closed) return;
    // One write per peer per call: a Ready's messages to a peer leave in one syscall.
    const batches = new Map<MemberId, Buffer[]>();
    for (const m of messages) {
      const frames = batches.get(m.to);
      if (frames) frames.push(encodeFrame(encodeMessage(m)));
      else batches.set(m.to, [encodeFrame(encodeMessage(m))]);
    }
    for (const [to, frames] of batches) {
      const peer = this.#peers.get(to);
      const socket = peer ? this.#socketFor(to, peer) : undefined;
      if (!socket || socket.writableLength > MAX_QUEUED_BYTES) {
        this.#unreachable(to);
        continue;
      }
      socket.write(frames.length === 1 ? (frames[0] as Buffer) : Buffer.concat(frames));
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const peer of this.#peers.values()) peer.socket?.destroy();
    for (const socket of this.#inbound) socket.destroy();
    const server = this.#server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  #socketFor(id: MemberId, peer: Peer): net.Socket | undefined {
    if (peer.socket) return peer.socket;
    const now = Date.now();
    if (now - peer.lastAttempt < RECONNECT_MS) return undefined;
    peer.lastAttempt = now;
    const { host, port } = parseAddress(peer.address);
    const socket = net.connect({ host, port });
    socket.setNoDelay(true);
    peer.socket = socket;
    // Written before the connection completes; node buffers it, so messages queue behind the hello.
    socket.write(encodeHello(this.#self));
    socket.on('connect', () => {
      peer.connected = true;
    });
    socket.on('data', () => {}); // peers never write on our outbound connection
    const drop = () => {
      if (peer.socket !== socket) return;
      peer.socket = undefined;
      peer.connected = false;
      this.#unreachable(id);
    };
    socket.on('error', drop);
    socket.on('close', drop);
    return socket;
  }

  #accept(socket: net.Socket): void {
    if (this.#closed) {
      socket.destroy();
      return;
    }
    this.#inbound.add(socket);
    socket.setNoDelay(true);
    const decoder = new FrameDecoder();
    let from: MemberId | undefined;
    socket.on('data', (chunk: Buffer) => {
      let frames: Buffer[];
      try {
        frames = decoder.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const frame of frames) {
        try {
          if (from === undefined) {
            from = decodeHello(frame);
            continue;
          }
          const message = decodeMessage(frame);
          // A connection speaks for the member that said hello on it, and no other.
          if (message.from !== from || message.to !== this.#self) continue;
          this.#receiver?.receive(message);
        } catch {
          socket.destroy();
          return;
        }
      }
    });
    const forget = () => this.#inbound.delete(socket);
    socket.on('error', forget);
    socket.on('close', forget);
  }

  #unreachable(id: MemberId): void {
    // Reported a moment later (once per peer): send() runs inside the driver's Ready handling,
    // which must not be re-entered.
    if (this.#unreachablePending.has(id)) return;
    this.#unreachablePending.add(id);
    setImmediate(() => {
      this.#unreachablePending.delete(id);
      if (!this.#closed) this.#receiver?.unreachable?.(id);
    });
  }
}
