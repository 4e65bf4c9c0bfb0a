/**
 * Host ports for tasks. Tasks share the host network, so each target port of a task gets a free
 * host port on the node's address: the kernel picks one (bind port 0) or we walk a configured
 * range. The probe socket is closed before the task starts; the task binds the port itself.
 */
import dgram from 'node:dgram';
import net from 'node:net';

/** A published port's protocol. */
export type PortProtocol = 'tcp' | 'udp';

/** Binds `port` on `host` (0: any free port), returns the bound port, and closes the socket. */
export function probePort(host: string, port: number, protocol: PortProtocol): Promise<number> {
  if (protocol === 'udp') {
    return new Promise((resolve, reject) => {
      const socket = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
      socket.once('error', (err) => {
        socket.close();
        reject(err);
      });
      socket.bind({ address: host, port, exclusive: true }, () => {
        const bound = socket.address().port;
        socket.close(() => resolve(bound));
      });
    });
  }
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ host, port, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(bound));
    });
  });
}

/** Options of a PortAllocator: the range it hands out. */
export interface PortAllocatorOptions {
  host: string;
  /** Inclusive range to allocate from; the kernel's ephemeral ports when not given. */
  range?: readonly [number, number];
}

/**
 * Hands out host ports that are free now and not held by another running task of this executor
 * (the kernel may offer a port again once our probe socket is closed).
 */
export class PortAllocator {
  readonly #host: string;
  readonly #range: readonly [number, number] | undefined;
  readonly #held = new Set<string>();
  #cursor = 0;

  constructor(options: PortAllocatorOptions) {
    this.#host = options.host;
    const range = options.range;
    if (range !== undefined) {
      const [lo, hi] = range;
      if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 1 || hi > 65535 || lo > hi)
        throw new RangeError(`portRange must be [min, max] within 1..65535, got [${lo}, ${hi}]`);
      this.#range = range;
      this.#cursor = lo;
    }
  }

  /** A free port (or exactly `fixed` when given, failing if it is in use). */
  async allocate(protocol: PortProtocol, fixed?: number): Promise<number> {
    if (fixed !== undefined) {
      if (this.#held.has(key(protocol, fixed))) throw portInUse(this.#host, fixed, protocol);
      await probePort(this.#host, fixed, protocol);
      this.#held.add(key(protocol, fixed));
      return fixed;
    }
    if (this.#range === undefined) {
      for (let attempt = 0; attempt < 32; attempt++) {
        const port = await probePort(this.#host, 0, protocol);
        if (!this.#held.has(key(protocol, port))) {
          this.#held.add(key(protocol, port));
          return port;
        }
      }
      throw new Error(`no free ${protocol} port on ${this.#host} after 32 tries`);
    }
    const [lo, hi] = this.#range;
    for (let tried = 0; tried <= hi - lo; tried++) {
      const port = this.#cursor;
      this.#cursor = port >= hi ? lo : port + 1;
      if (this.#held.has(key(protocol, port))) continue;
      try {
        await probePort(this.#host, port, protocol);
      } catch {
        continue; // in use by someone else
      }
      this.#held.add(key(protocol, port));
      return port;
    }
    throw new Error(`no free ${protocol} port on ${this.#host} in the range ${lo}-${hi}`);
  }

  /** Gives a port back. */
  release(protocol: PortProtocol, port: number): void {
    this.#held.delete(key(protocol, port));
  }
}

function key(protocol: PortProtocol, port: number): string {
  return `${protocol}/${port}`;
}

function portInUse(host: string, port: number, protocol: PortProtocol): Error {
  return new Error(`${protocol} port ${port} on ${host} is already used by another task`);
}
