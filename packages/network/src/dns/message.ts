/**
 * DNS messages in RFC 1035 wire format (section 4): header, questions and resource records, names
 * with compression pointers (4.1.4). Only what a service resolver needs is typed (A records);
 * other record data is kept as raw bytes. Pure: no Node builtin.
 */
import { DnsFormatError } from '../errors.js';
import { parseIpv4 } from '../ipv4.js';

/** Record types this package names (RFC 1035 3.2.2, RFC 3596 for AAAA). */
export const RR_TYPE = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  PTR: 12,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  SRV: 33,
  ANY: 255,
} as const;
/** The Internet class (RFC 1035 3.2.4). */
export const CLASS_IN = 1;
/** Response codes (RFC 1035 4.1.1). */
export const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;
/** The largest message sent over UDP without EDNS (RFC 1035 4.2.1). */
export const MAX_UDP_MESSAGE = 512;

/** The flags of a message header (RFC 1035 4.1.1). */
export interface DnsFlags {
  /** A response (true) or a query. */
  qr: boolean;
  /** The kind of query: 0 standard. */
  opcode: number;
  /** Authoritative answer. */
  aa: boolean;
  /** Truncated. */
  tc: boolean;
  /** Recursion desired. */
  rd: boolean;
  /** Recursion available. */
  ra: boolean;
  /** Response code. */
  rcode: number;
}

/** One question: a name, a type and a class. */
export interface DnsQuestion {
  /** The name, lower-case as sent, without the trailing dot. */
  name: string;
  /** The record type asked for. */
  type: number;
  /** The class (1 = IN). */
  class: number;
}

/** One resource record. `address` is set for A records; `data` holds the raw RDATA of others. */
export interface DnsRecord {
  /** The owner name, without the trailing dot. */
  name: string;
  /** The record type. */
  type: number;
  /** The class (1 = IN). */
  class: number;
  /** Time to live, seconds. */
  ttl: number;
  /** The IPv4 address of an A record. */
  address?: string;
  /** The raw RDATA (decoded messages carry it for every record). */
  data?: Uint8Array;
}

/** A DNS message. */
export interface DnsMessage {
  /** The query ID, copied into the response. */
  id: number;
  /** The header flags. */
  flags: DnsFlags;
  /** The questions. */
  questions: DnsQuestion[];
  /** The answer section. */
  answers: DnsRecord[];
  /** The authority section. */
  authorities: DnsRecord[];
  /** The additional section (an EDNS OPT record lands here). */
  additionals: DnsRecord[];
}

const bad = (why: string, details: Record<string, unknown> = {}) =>
  new DnsFormatError('DNS_MALFORMED', `malformed DNS message: ${why}`, details);

class Reader {
  offset = 0;
  constructor(readonly bytes: Uint8Array) {}

  u8(): number {
    if (this.offset + 1 > this.bytes.length) throw bad('truncated', { offset: this.offset });
    return this.bytes[this.offset++]!;
  }

  u16(): number {
    return this.u8() * 256 + this.u8();
  }

  u32(): number {
    return this.u16() * 65536 + this.u16();
  }

  take(n: number): Uint8Array {
    if (this.offset + n > this.bytes.length) throw bad('truncated', { offset: this.offset });
    const out = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  /** A name at the current offset, following compression pointers (each must point backwards). */
  name(): string {
    const labels: string[] = [];
    let at = this.offset;
    let jumped = false;
    let length = 0;
    for (;;) {
      if (at >= this.bytes.length) throw bad('truncated name', { offset: at });
      const len = this.bytes[at]!;
      if (len === 0) {
        if (!jumped) this.offset = at + 1;
        break;
      }
      if ((len & 0xc0) === 0xc0) {
        if (at + 1 >= this.bytes.length) throw bad('truncated pointer', { offset: at });
        const target = ((len & 0x3f) << 8) | this.bytes[at + 1]!;
        // Pointers must go backwards: this bounds the walk and rules out loops.
        if (target >= at) throw bad('a compression pointer that does not point backwards', { offset: at });
        if (!jumped) this.offset = at + 2;
        jumped = true;
        at = target;
        continue;
      }
      if ((len & 0xc0) !== 0) throw bad('a reserved label type', { offset: at });
      if (at + 1 + len > this.bytes.length) throw bad('truncated label', { offset: at });
      length += len + 1;
      if (length > 255) throw bad('a name longer than 255 octets');
      labels.push(String.fromCharCode(...this.bytes.subarray(at + 1, at + 1 + len)));
      at += 1 + len;
    }
    return labels.join('.').toLowerCase();
  }
}

function readRecord(r: Reader): DnsRecord {
  const name = r.name();
  const type = r.u16();
  const klass = r.u16();
  const ttl = r.u32();
  const data = r.take(r.u16());
  const rec: DnsRecord = { name, type, class: klass, ttl, data };
  if (type === RR_TYPE.A && data.length === 4) rec.address = [...data].join('.');
  return rec;
}

/** Decodes a message. Throws `DnsFormatError` (`DNS_MALFORMED`) on anything RFC 1035 does not allow. */
export function decodeMessage(bytes: Uint8Array): DnsMessage {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('decodeMessage needs a Uint8Array');
  const r = new Reader(bytes);
  if (bytes.length < 12) throw bad('shorter than a header (12 octets)', { length: bytes.length });
  const id = r.u16();
  const f = r.u16();
  const counts = [r.u16(), r.u16(), r.u16(), r.u16()] as const;
  const flags: DnsFlags = {
    qr: (f & 0x8000) !== 0,
    opcode: (f >> 11) & 0xf,
    aa: (f & 0x0400) !== 0,
    tc: (f & 0x0200) !== 0,
    rd: (f & 0x0100) !== 0,
    ra: (f & 0x0080) !== 0,
    rcode: f & 0xf,
  };
  const questions: DnsQuestion[] = [];
  for (let i = 0; i < counts[0]; i++) questions.push({ name: r.name(), type: r.u16(), class: r.u16() });
  const section = (n: number) => Array.from({ length: n }, () => readRecord(r));
  const answers = section(counts[1]);
  const authorities = section(counts[2]);
  const additionals = section(counts[3]);
  if (r.offset !== bytes.length) throw bad('bytes after the last record', { offset: r.offset });
  return { id, flags, questions, answers, authorities, additionals };
}

class Writer {
  readonly bytes: number[] = [];
  readonly #names = new Map<string, number>();

  u16(n: number): void {
    this.bytes.push((n >> 8) & 255, n & 255);
  }

  u32(n: number): void {
    this.u16(Math.floor(n / 65536) & 0xffff);
    this.u16(n & 0xffff);
  }

  /** A name, compressed against the names written before (RFC 1035 4.1.4). */
  name(name: string): void {
    const labels = name === '' || name === '.' ? [] : name.replace(/\.$/, '').split('.');
    let total = 0;
    for (let i = 0; i < labels.length; i++) {
      const suffix = labels.slice(i).join('.').toLowerCase();
      const at = this.#names.get(suffix);
      if (at !== undefined) {
        this.u16(0xc000 | at);
        return;
      }
      if (this.bytes.length < 0x3fff) this.#names.set(suffix, this.bytes.length);
      const label = labels[i]!;
      if (label.length === 0 || label.length > 63 || !/^[\x21-\x7e]+$/.test(label))
        throw new RangeError(
          `DNS label ${JSON.stringify(label)} of ${JSON.stringify(name)} must be 1-63 printable ASCII characters`,
        );
      total += label.length + 1;
      if (total > 254) throw new RangeError(`DNS name ${JSON.stringify(name)} is longer than 255 octets`);
      this.bytes.push(label.length, ...[...label].map((c) => c.charCodeAt(0)));
    }
    this.bytes.push(0);
  }

  record(rec: DnsRecord): void {
    this.name(rec.name);
    this.u16(rec.type);
    this.u16(rec.class);
    this.u32(rec.ttl);
    let data: Uint8Array | number[];
    if (rec.address !== undefined) {
      const n = parseIpv4(rec.address);
      data = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
    } else data = rec.data ?? new Uint8Array(0);
    this.u16(data.length);
    this.bytes.push(...data);
  }
}

/** Encodes a message, compressing names. Throws `RangeError` for a name or label DNS cannot carry. */
export function encodeMessage(m: DnsMessage): Uint8Array {
  const w = new Writer();
  const f = m.flags;
  w.u16(m.id & 0xffff);
  w.u16(
    (f.qr ? 0x8000 : 0) |
      ((f.opcode & 0xf) << 11) |
      (f.aa ? 0x0400 : 0) |
      (f.tc ? 0x0200 : 0) |
      (f.rd ? 0x0100 : 0) |
      (f.ra ? 0x0080 : 0) |
      (f.rcode & 0xf),
  );
  for (const n of [m.questions.length, m.answers.length, m.authorities.length, m.additionals.length])
    w.u16(n);
  for (const q of m.questions) {
    w.name(q.name);
    w.u16(q.type);
    w.u16(q.class);
  }
  for (const rec of [...m.answers, ...m.authorities, ...m.additionals]) w.record(rec);
  return Uint8Array.from(w.bytes);
}

/** A standard query for `name` (type A unless given), as a stub resolver sends it (RD set). */
export function buildQuery(id: number, name: string, type: number = RR_TYPE.A): Uint8Array {
  return encodeMessage({
    id,
    flags: { qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, rcode: 0 },
    questions: [{ name, type, class: CLASS_IN }],
    answers: [],
    authorities: [],
    additionals: [],
  });
}
