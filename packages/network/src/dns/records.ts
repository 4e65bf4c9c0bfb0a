/**
 * The names a task may resolve, per network, and the answers to DNS queries from them. Pure: the
 * node feeds the table from the store (services, VIPs, running tasks' addresses) and hands each
 * query to `answer` with the network it arrived on (the resolver address it was sent to says which).
 *
 * Names in network N (Docker's embedded DNS, per network):
 * - `SERVICE`, `SERVICE.NETWORK` and each alias: the VIP (endpoint mode `vip`) or every running
 *   task's address (`dnsrr`);
 * - `tasks.SERVICE` and `tasks.SERVICE.NETWORK`: every running task's address.
 * Names of services on other networks are NXDOMAIN: a task sees only its own networks. Nothing is
 * forwarded: any other name is NXDOMAIN too.
 */
import { isIpv4 } from '../ipv4.js';
import {
  CLASS_IN,
  type DnsMessage,
  type DnsRecord,
  decodeMessage,
  encodeMessage,
  MAX_UDP_MESSAGE,
  RCODE,
  RR_TYPE,
} from './message.js';

/** How a service's name resolves: to its VIP, or to its tasks' addresses (DNS round robin). */
export type EndpointMode = 'vip' | 'dnsrr';

/** One service on one network, as the resolver needs it. */
export interface ServiceRecords {
  /** The service's name. */
  name: string;
  /** Other names on this network (from `--network NAME,alias=...`). */
  aliases?: readonly string[];
  /** `vip` (default) or `dnsrr`. */
  mode?: EndpointMode;
  /** The service's VIP on this network (required in `vip` mode). */
  vip?: string;
  /** The addresses of its running tasks on this network. */
  tasks: readonly string[];
}

/** One network's names. */
export interface NetworkRecords {
  /** The network's ID (what `answer` is called with). */
  id: string;
  /** The network's name (the `SERVICE.NETWORK` suffix). */
  name: string;
  /** The services attached to it. */
  services: readonly ServiceRecords[];
}

/** What a name resolves to. */
export interface Resolution {
  /** `NOERROR` with addresses, or `NXDOMAIN`. */
  rcode: number;
  /** The addresses (empty for NXDOMAIN). */
  addresses: string[];
}

/** Options of `DnsRecords`. */
export interface DnsRecordsOptions {
  /** TTL of answers, seconds. Default 5 (task lists change as tasks come and go). */
  ttl?: number;
}

/** Default TTL of answers, seconds. */
export const DEFAULT_TTL_S = 5;

const NAME = /^[a-z0-9]([a-z0-9_.-]{0,253}[a-z0-9])?$/;

/** The resolver's table: per network, name → addresses. Replace it whole with `update`. */
export class DnsRecords {
  readonly #ttl: number;
  #byNetwork = new Map<
    string,
    Map<string, { mode: EndpointMode; vip?: string; tasks: string[]; all: boolean }>
  >();
  #cursor = 0;

  /** An empty table. */
  constructor(options: DnsRecordsOptions = {}) {
    const ttl = options.ttl ?? DEFAULT_TTL_S;
    if (!Number.isInteger(ttl) || ttl < 0)
      throw new RangeError(`ttl must be an integer >= 0 seconds, got ${ttl}`);
    this.#ttl = ttl;
  }

  /** Replaces every network's names. Throws `TypeError` for a name that is not a DNS name or an address that is not IPv4. */
  update(networks: readonly NetworkRecords[]): void {
    const next = new Map<
      string,
      Map<string, { mode: EndpointMode; vip?: string; tasks: string[]; all: boolean }>
    >();
    for (const n of networks) {
      const names = new Map<string, { mode: EndpointMode; vip?: string; tasks: string[]; all: boolean }>();
      const network = checkName(n.name, 'network name');
      for (const s of n.services) {
        const mode = s.mode ?? 'vip';
        if (mode !== 'vip' && mode !== 'dnsrr')
          throw new TypeError(`service ${s.name}: mode must be vip or dnsrr`);
        for (const t of s.tasks)
          if (!isIpv4(t))
            throw new TypeError(`service ${s.name}: task address ${JSON.stringify(t)} is not IPv4`);
        if (mode === 'vip' && (s.vip === undefined || !isIpv4(s.vip)))
          throw new TypeError(
            `service ${s.name}: endpoint mode vip needs an IPv4 vip, got ${JSON.stringify(s.vip)}`,
          );
        const entry = { mode, ...(mode === 'vip' ? { vip: s.vip! } : {}), tasks: [...s.tasks], all: false };
        for (const name of [s.name, ...(s.aliases ?? [])]) {
          const k = checkName(name, `name of service ${s.name}`);
          names.set(k, entry);
          names.set(`${k}.${network}`, entry);
        }
        const svc = checkName(s.name, 'service name');
        const all = { mode: 'dnsrr' as const, tasks: [...s.tasks], all: true };
        names.set(`tasks.${svc}`, all);
        names.set(`tasks.${svc}.${network}`, all);
      }
      next.set(n.id, names);
    }
    this.#byNetwork = next;
  }

  /** What `name` resolves to for a task on network `networkId`. */
  resolve(networkId: string, name: string): Resolution {
    const e = this.#byNetwork.get(networkId)?.get(name.toLowerCase().replace(/\.$/, ''));
    if (e === undefined) return { rcode: RCODE.NXDOMAIN, addresses: [] };
    if (e.mode === 'vip') return { rcode: RCODE.NOERROR, addresses: [e.vip!] };
    // dnsrr and tasks.*: every address, rotated at each answer so clients that take the first spread.
    const n = e.tasks.length;
    const start = n === 0 ? 0 : this.#cursor++ % n;
    return { rcode: RCODE.NOERROR, addresses: [...e.tasks.slice(start), ...e.tasks.slice(0, start)] };
  }

  /**
   * The response to a query received on `networkId`'s resolver, or `undefined` when the bytes are
   * not a query worth answering (shorter than a header, or a response). Malformed queries get
   * FORMERR, other opcodes NOTIMP, and a non-IN class REFUSED. A answers only: a known name asked
   * for another type gets an empty NOERROR, so a client asking AAAA then A does not give up.
   */
  answer(networkId: string, query: Uint8Array): Uint8Array | undefined {
    if (query.length < 12 || (query[2]! & 0x80) !== 0) return undefined;
    const id = query[0]! * 256 + query[1]!;
    const rd = (query[2]! & 0x01) !== 0;
    let msg: DnsMessage;
    try {
      msg = decodeMessage(query);
    } catch {
      return reply(id, rd, RCODE.FORMERR);
    }
    if (msg.flags.opcode !== 0) return reply(id, rd, RCODE.NOTIMP);
    const q = msg.questions[0];
    if (msg.questions.length !== 1 || q === undefined) return reply(id, rd, RCODE.FORMERR);
    if (q.class !== CLASS_IN) return reply(id, rd, RCODE.REFUSED, [q]);
    const r = this.resolve(networkId, q.name);
    const answers: DnsRecord[] =
      r.rcode === RCODE.NOERROR && (q.type === RR_TYPE.A || q.type === RR_TYPE.ANY)
        ? r.addresses.map((address) => ({
            name: q.name,
            type: RR_TYPE.A,
            class: CLASS_IN,
            ttl: this.#ttl,
            address,
          }))
        : [];
    // Without EDNS a UDP answer must fit 512 octets: 16 octets per compressed A record.
    const fit = Math.floor((MAX_UDP_MESSAGE - 12 - (q.name.length + 6)) / 16);
    return reply(id, rd, r.rcode, [q], answers.slice(0, fit), answers.length > fit);
  }
}

function checkName(name: string, what: string): string {
  const k = typeof name === 'string' ? name.toLowerCase() : '';
  if (!NAME.test(k) || k.split('.').some((l) => l.length === 0 || l.length > 63))
    throw new TypeError(`${what} ${JSON.stringify(name)} is not a DNS name (letters, digits, '-', '_', '.')`);
  return k;
}

function reply(
  id: number,
  rd: boolean,
  rcode: number,
  questions: DnsMessage['questions'] = [],
  answers: DnsRecord[] = [],
  tc = false,
): Uint8Array {
  return encodeMessage({
    id,
    flags: { qr: true, opcode: 0, aa: true, tc, rd, ra: false, rcode },
    questions,
    answers,
    authorities: [],
    additionals: [],
  });
}
