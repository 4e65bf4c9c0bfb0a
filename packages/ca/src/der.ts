/**
 * A small, strict DER codec: the writer builds certificates and requests byte by byte (fast, and
 * the bytes are exactly what we sign); the reader accepts only DER (definite, minimal lengths), so
 * an attacker cannot smuggle a second meaning past a lenient BER parser.
 */
import { DerError } from './errors.js';

// --- writer ---------------------------------------------------------------------------------

function lengthBytes(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  if (n < 0x100) return Uint8Array.of(0x81, n);
  if (n < 0x10000) return Uint8Array.of(0x82, n >> 8, n & 0xff);
  if (n < 0x1000000) return Uint8Array.of(0x83, n >> 16, (n >> 8) & 0xff, n & 0xff);
  return Uint8Array.of(0x84, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
}

/** Concatenates byte arrays. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let len = 0;
  for (const p of parts) len += p.length;
  const out = new Uint8Array(len);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** One TLV with the given tag byte and contents (written once, without intermediate copies). */
export function tlv(tag: number, ...contents: Uint8Array[]): Uint8Array {
  let bodyLen = 0;
  for (const c of contents) bodyLen += c.length;
  const len = lengthBytes(bodyLen);
  const out = new Uint8Array(1 + len.length + bodyLen);
  out[0] = tag;
  out.set(len, 1);
  let off = 1 + len.length;
  for (const c of contents) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

export const sequence = (...items: Uint8Array[]): Uint8Array => tlv(0x30, ...items);
export const set = (...items: Uint8Array[]): Uint8Array => tlv(0x31, ...items);
export const octetString = (b: Uint8Array): Uint8Array => tlv(0x04, b);
export const utf8String = (s: string): Uint8Array => tlv(0x0c, new TextEncoder().encode(s));
export const bool = (v: boolean): Uint8Array => tlv(0x01, Uint8Array.of(v ? 0xff : 0));
/** A BIT STRING with no unused bits. */
export const bitString = (b: Uint8Array): Uint8Array => tlv(0x03, Uint8Array.of(0), b);
/** `[n] EXPLICIT` (constructed context tag). */
export const explicit = (n: number, inner: Uint8Array): Uint8Array => tlv(0xa0 | n, inner);

/** A non-negative INTEGER from big-endian magnitude bytes (minimal, with a sign pad if needed). */
export function unsignedInteger(magnitude: Uint8Array): Uint8Array {
  let i = 0;
  while (i < magnitude.length - 1 && magnitude[i] === 0) i++;
  const m = magnitude.subarray(i);
  if (m.length === 0) return tlv(0x02, Uint8Array.of(0));
  return (m[0]! & 0x80) !== 0 ? tlv(0x02, Uint8Array.of(0), m) : tlv(0x02, m);
}

export function smallInteger(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`smallInteger(n) needs n >= 0, got ${n}`);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return unsignedInteger(Uint8Array.from(bytes.length ? bytes : [0]));
}

const oidCache = new Map<string, Uint8Array>();

/** An OBJECT IDENTIFIER from dotted text (encodings are cached: the CA writes the same few). */
export function oid(dotted: string): Uint8Array {
  let enc = oidCache.get(dotted);
  if (enc === undefined) {
    enc = encodeOid(dotted);
    if (oidCache.size < 256) oidCache.set(dotted, enc);
  }
  return enc;
}

function encodeOid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((a) => BigInt(a));
  if (arcs.length < 2) throw new RangeError(`oid needs at least two arcs, got ${dotted}`);
  const out: number[] = [];
  const first = arcs[0]! * 40n + arcs[1]!;
  for (const arc of [first, ...arcs.slice(2)]) {
    const group: number[] = [];
    let v = arc;
    do {
      group.unshift(Number(v & 0x7fn));
      v >>= 7n;
    } while (v > 0n);
    for (let i = 0; i < group.length - 1; i++) group[i]! |= 0x80;
    out.push(...group);
  }
  return tlv(0x06, Uint8Array.from(out));
}

/** UTCTime before 2050, GeneralizedTime from 2050 on (RFC 5280 4.1.2.5); whole seconds. */
export function time(ms: number): Uint8Array {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  const y = d.getUTCFullYear();
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const rest = `${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())}${p2(d.getUTCHours())}${p2(d.getUTCMinutes())}${p2(d.getUTCSeconds())}Z`;
  if (y >= 1950 && y < 2050) return tlv(0x17, new TextEncoder().encode(`${p2(y % 100)}${rest}`));
  if (y < 0 || y > 9999) throw new RangeError(`time(ms) is outside years 0000-9999: ${ms}`);
  return tlv(0x18, new TextEncoder().encode(`${String(y).padStart(4, '0')}${rest}`));
}

// --- reader ---------------------------------------------------------------------------------

/** One parsed TLV: `bytes` is the whole encoding, `contents` the value. */
export interface Der {
  readonly tag: number;
  readonly bytes: Uint8Array;
  readonly contents: Uint8Array;
}

const MAX_DEPTH = 32;

/** Reads exactly one TLV from `buf`; trailing bytes are an error unless `allowTrailing`. */
export function readDer(buf: Uint8Array, what = 'input'): Der {
  const { node, end } = readAt(buf, 0, what);
  if (end !== buf.length)
    throw new DerError('DER_TRAILING_BYTES', `${what} has ${buf.length - end} bytes after its DER value`, {
      what,
      trailing: buf.length - end,
    });
  return node;
}

function malformed(what: string, why: string): DerError {
  return new DerError('DER_MALFORMED', `${what} is not valid DER: ${why}`, { what, why });
}

function readAt(buf: Uint8Array, off: number, what: string): { node: Der; end: number } {
  if (off + 2 > buf.length) throw malformed(what, 'truncated header');
  const tag = buf[off]!;
  if ((tag & 0x1f) === 0x1f) throw malformed(what, 'multi-byte tags are not used here');
  let len = buf[off + 1]!;
  let hdr = 2;
  if (len === 0x80) throw malformed(what, 'indefinite length');
  if (len > 0x80) {
    const n = len & 0x7f;
    if (n > 4) throw malformed(what, 'length too long');
    if (off + 2 + n > buf.length) throw malformed(what, 'truncated length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[off + 2 + i]!;
    if (buf[off + 2]! === 0 || len < 0x80) throw malformed(what, 'non-minimal length');
    hdr += n;
  }
  const end = off + hdr + len;
  if (end > buf.length) throw malformed(what, 'value runs past the end');
  return {
    node: { tag, bytes: buf.subarray(off, end), contents: buf.subarray(off + hdr, end) },
    end,
  };
}

/** The children of a constructed value, in order. */
export function children(node: Der, what = 'input', depth = 0): Der[] {
  if (depth > MAX_DEPTH) throw malformed(what, 'nested too deeply');
  if ((node.tag & 0x20) === 0) throw malformed(what, `tag 0x${node.tag.toString(16)} is not constructed`);
  const out: Der[] = [];
  let off = 0;
  while (off < node.contents.length) {
    const { node: child, end } = readAt(node.contents, off, what);
    out.push(child);
    off = end;
  }
  return out;
}

/** Children of a SEQUENCE/SET with the given tag, checking the count lies in [min, max]. */
export function expectChildren(
  node: Der | undefined,
  tag: number,
  min: number,
  max: number,
  what: string,
): Der[] {
  const n = expectTag(node, tag, what);
  const kids = children(n, what);
  if (kids.length < min || kids.length > max)
    throw malformed(what, `expected ${min}..${max} elements, got ${kids.length}`);
  return kids;
}

export function expectTag(node: Der | undefined, tag: number, what: string): Der {
  if (node === undefined) throw malformed(what, 'missing element');
  if (node.tag !== tag)
    throw malformed(what, `expected tag 0x${tag.toString(16)}, got 0x${node.tag.toString(16)}`);
  return node;
}

/** Dotted text of an OBJECT IDENTIFIER. */
export function readOid(node: Der | undefined, what: string): string {
  const c = expectTag(node, 0x06, what).contents;
  if (c.length === 0 || c.length > 64) throw malformed(what, 'bad OID length');
  if ((c[c.length - 1]! & 0x80) !== 0) throw malformed(what, 'truncated OID');
  const arcs: (number | bigint)[] = [];
  let v: number | bigint = 0;
  let start = true;
  for (const b of c) {
    if (start && b === 0x80) throw malformed(what, 'non-minimal OID arc');
    // plain numbers while they stay exact; bigint for the rare huge arc (UUID OIDs)
    if (typeof v === 'number' && v < 2 ** 45) v = v * 128 + (b & 0x7f);
    else v = (BigInt(v) << 7n) | BigInt(b & 0x7f);
    start = false;
    if ((b & 0x80) === 0) {
      arcs.push(v);
      v = 0;
      start = true;
    }
  }
  const first = arcs[0]!;
  const head =
    typeof first === 'bigint' || first >= 80
      ? [2, BigInt(first) - 80n]
      : first < 40
        ? [0, first]
        : [1, first - 40];
  return [...head, ...arcs.slice(1)].join('.');
}

/** Bytes of a BIT STRING that has no unused bits. */
export function readBitString(node: Der | undefined, what: string): Uint8Array {
  const c = expectTag(node, 0x03, what).contents;
  if (c.length === 0 || c[0] !== 0) throw malformed(what, 'BIT STRING with unused bits');
  return c.subarray(1);
}

/** Named bits of a BIT STRING (bit 0 is the most significant bit of the first byte). */
export function readBitFlags(node: Der | undefined, what: string): Set<number> {
  const c = expectTag(node, 0x03, what).contents;
  if (c.length === 0 || c[0]! > 7 || (c.length === 1 && c[0] !== 0)) throw malformed(what, 'bad BIT STRING');
  const bits = new Set<number>();
  for (let i = 1; i < c.length; i++)
    for (let j = 0; j < 8; j++) if ((c[i]! & (0x80 >> j)) !== 0) bits.add((i - 1) * 8 + j);
  return bits;
}

export function readBoolean(node: Der | undefined, what: string): boolean {
  const c = expectTag(node, 0x01, what).contents;
  if (c.length !== 1 || (c[0] !== 0 && c[0] !== 0xff)) throw malformed(what, 'bad BOOLEAN');
  return c[0] === 0xff;
}

/** A non-negative INTEGER as bigint (checks minimal encoding). */
export function readUnsigned(node: Der | undefined, what: string): bigint {
  const c = expectTag(node, 0x02, what).contents;
  if (c.length === 0) throw malformed(what, 'empty INTEGER');
  if (c.length > 1 && ((c[0] === 0 && (c[1]! & 0x80) === 0) || (c[0] === 0xff && (c[1]! & 0x80) !== 0)))
    throw malformed(what, 'non-minimal INTEGER');
  if ((c[0]! & 0x80) !== 0) throw malformed(what, 'negative INTEGER');
  let v = 0n;
  for (const b of c) v = (v << 8n) | BigInt(b);
  return v;
}

const TIME_RE = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;

/** Milliseconds since the epoch from a UTCTime or GeneralizedTime. */
export function readTime(node: Der | undefined, what: string): number {
  if (node === undefined || (node.tag !== 0x17 && node.tag !== 0x18))
    throw malformed(what, 'expected a time');
  const s = new TextDecoder().decode(node.contents);
  const m = TIME_RE.exec(s);
  if (m === null || (node.tag === 0x17) !== (m[1]!.length === 2))
    throw malformed(what, `bad time ${JSON.stringify(s)}`);
  let year = Number(m[1]);
  if (node.tag === 0x17) year += year < 50 ? 2000 : 1900;
  const [mo, d, h, mi, se] = [m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, se));
  date.setUTCFullYear(year, mo - 1, d); // Date.UTC maps years 0-99 to 1900-1999
  const ms = date.getTime();
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || se > 59)
    throw malformed(what, `bad time ${JSON.stringify(s)}`);
  return ms;
}

/** Text of a directory string (UTF8String, PrintableString, IA5String). */
export function readString(node: Der | undefined, what: string): string {
  if (node === undefined || ![0x0c, 0x13, 0x16].includes(node.tag))
    throw malformed(what, 'expected a string');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(node.contents);
  } catch {
    throw malformed(what, 'invalid UTF-8');
  }
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function toHex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}
