/**
 * The node's resolver on one network: a UDP socket bound to the network's bridge gateway, port 53
 * (reachable only from the tasks on that bridge), answering from a `DnsRecords` table for that
 * network. The socket is injected (`UdpSocket`), so tests and other runtimes can bring their own.
 */
import dgram from 'node:dgram';
import { type Logger, noopLogger } from '@swarm/api';
import type { DnsRecords } from './dns/records.js';

/** The part of a `node:dgram` socket the resolver uses. */
export interface UdpSocket {
  /** Registers the handler of each datagram. */
  on(
    event: 'message',
    listener: (msg: Uint8Array, rinfo: { address: string; port: number }) => void,
  ): unknown;
  /** Sends a datagram. */
  send(msg: Uint8Array, port: number, address: string): unknown;
  /** Closes the socket. */
  close(callback?: () => void): unknown;
}

/** Options of `DnsServer`. */
export interface DnsServerOptions {
  /** The network whose names this resolver answers. */
  networkId: string;
  /** The table (shared by every network's resolver on the node). */
  records: DnsRecords;
  /** Logger. Default none. */
  logger?: Logger;
}

/** One network's resolver on one node. */
export class DnsServer {
  readonly #o: DnsServerOptions;
  readonly #logger: Logger;
  #socket: UdpSocket | undefined;
  #answered = 0;

  /** A resolver that answers nothing until `attach` or `listen`. */
  constructor(options: DnsServerOptions) {
    if (typeof options?.networkId !== 'string' || options.networkId === '')
      throw new TypeError('DnsServer needs options.networkId');
    if (options.records === undefined) throw new TypeError('DnsServer needs options.records');
    this.#o = options;
    this.#logger = options.logger ?? noopLogger;
  }

  /** Answers the datagrams of an already bound socket. */
  attach(socket: UdpSocket): void {
    this.#socket = socket;
    socket.on('message', (msg, rinfo) => {
      const out = this.#o.records.answer(this.#o.networkId, msg);
      if (out === undefined) return;
      this.#answered++;
      socket.send(out, rinfo.port, rinfo.address);
    });
  }

  /** Binds a `udp4` socket on `address:port` (53 by default) and answers on it. */
  listen(address: string, port = 53): Promise<{ address: string; port: number }> {
    const socket = dgram.createSocket({ type: 'udp4' });
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.bind({ address, port, exclusive: true }, () => {
        socket.off('error', reject);
        socket.on('error', (err) => this.#logger.warn('resolver socket error', { err: err.message }));
        this.attach(socket);
        resolve(socket.address());
      });
    });
  }

  /** Queries answered so far. */
  get answered(): number {
    return this.#answered;
  }

  /** Closes the socket. */
  close(): Promise<void> {
    const s = this.#socket;
    this.#socket = undefined;
    return new Promise((resolve) => (s === undefined ? resolve() : s.close(() => resolve())));
  }
}
