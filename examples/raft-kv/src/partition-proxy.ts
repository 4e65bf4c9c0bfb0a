import net from 'node:net';
import { decodeHello, FrameDecoder, parseAddress } from './framing.js';

/**
 * A TCP proxy in front of one member's peer port, for the robustness harness. It reads the hello
 * frame of each connection to learn which member is sending, and refuses (or cuts) connections
 * from members that are partitioned from this one. Messages between two members travel on two
 * connections (one per direction, each through the receiver's proxy), so a symmetric partition
 * blocks the pair in both proxies.
 */
export class PartitionProxy {
  readonly #target: { host: string; port: number };
  readonly #server: net.Server;
  readonly #connections = new Map<net.Socket, { from: string; upstream: net.Socket }>();
  readonly #blocked = new Set<string>();

  constructor(
    readonly memberId: string,
    target: string,
  ) {
    this.#target = parseAddress(target);
    this.#server = net.createServer((socket) => this.#accept(socket));
  }

  async listen(address: string): Promise<void> {
    const { host, port } = parseAddress(address);
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => resolve());
    });
  }

  /** Drops traffic from these members to this one (existing connections are cut). */
  block(from: Iterable<string>): void {
    for (const id of from) this.#blocked.add(id);
    for (const [socket, { from: sender, upstream }] of this.#connections) {
      if (this.#blocked.has(sender)) {
        socket.destroy();
        upstream.destroy();
      }
    }
  }

  heal(): void {
    this.#blocked.clear();
  }

  async close(): Promise<void> {
    for (const [socket, { upstream }] of this.#connections) {
      socket.destroy();
      upstream.destroy();
    }
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(socket: net.Socket): void {
    const decoder = new FrameDecoder();
    const buffered: Buffer[] = [];
    socket.on('error', () => socket.destroy());
    const onData = (chunk: Buffer) => {
      buffered.push(chunk);
      let frames: Buffer[];
      try {
        frames = decoder.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      const hello = frames[0];
      if (hello === undefined) return;
      socket.off('data', onData);
      let from: string;
      try {
        from = decodeHello(hello).toString();
      } catch {
        socket.destroy();
        return;
      }
      if (this.#blocked.has(from)) {
        socket.destroy();
        return;
      }
      socket.pause();
      const upstream = net.connect(this.#target);
      upstream.setNoDelay(true);
      socket.setNoDelay(true);
      this.#connections.set(socket, { from, upstream });
      const close = () => {
        this.#connections.delete(socket);
        socket.destroy();
        upstream.destroy();
      };
      upstream.on('error', close);
      upstream.on('close', close);
      socket.on('close', close);
      upstream.write(Buffer.concat(buffered));
      socket.pipe(upstream);
      upstream.pipe(socket);
      socket.resume();
    };
    socket.on('data', onData);
  }
}
