// The protobuf wire format, as much of it as raft's messages use: varints (uint64 as bigint, enums
// as int32, bool), length-delimited bytes and nested messages. Encoding writes what protobufjs
// writes for proto3 (default values are left out, repeated uint64 are packed), so the bytes equal
// those of @swarm/api's generated `swarm.*` codecs; decoding also accepts unpacked repeated fields
// and skips unknown fields. No dependency, no Node builtin: it runs wherever the core runs.

const UINT64_MAX = (1n << 64n) - 1n;
const TWO_32 = 0x1_0000_0000;

/** The (low, high) 32-bit halves of a uint64, checked. */
function halves(value: bigint, field: string): [number, number] {
  if (typeof value !== 'bigint' || value < 0n || value > UINT64_MAX)
    throw new RangeError(`${field}: expected a bigint in [0, 2^64-1], got ${String(value)}`);
  if (value < 0x1_0000_0000n) return [Number(value), 0];
  return [Number(value & 0xffff_ffffn), Number(value >> 32n)];
}

/** Bytes of the varint of a uint64 given as halves. */
function varint64Size(lo: number, hi: number): number {
  if (hi === 0) return varint32Size(lo);
  const mid = ((lo >>> 28) | (hi << 4)) >>> 0;
  const top = hi >>> 24;
  if (top === 0) return mid < 0x80 ? 5 : mid < 0x4000 ? 6 : mid < 0x20_0000 ? 7 : 8;
  return top < 0x80 ? 9 : 10;
}

/** Bytes of the varint of an unsigned 32-bit value. */
function varint32Size(v: number): number {
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x20_0000 ? 3 : v < 0x1000_0000 ? 4 : 5;
}

/**
 * Computes a message's size first (`size*` calls), then writes it into one exactly sized buffer
 * (`write*` calls). A nested message is written as its tag, its size and its fields.
 */
export class ProtoSizer {
  bytes = 0;

  /** A uint64 field (left out when zero). */
  uint64(value: bigint, field: string): void {
    if (value === 0n) return;
    const [lo, hi] = halves(value, field);
    this.bytes += 1 + varint64Size(lo, hi);
  }

  /** An enum (int32) field (left out when zero; negative values take ten bytes). */
  enum(value: number): void {
    if (value === 0) return;
    this.bytes += 1 + (value < 0 ? 10 : varint32Size(value));
  }

  /** A bool field (left out when false). */
  bool(value: boolean): void {
    if (value) this.bytes += 2;
  }

  /** A bytes field (left out when empty). */
  bytesField(value: Uint8Array): void {
    if (value.byteLength === 0) return;
    this.bytes += 1 + varint32Size(value.byteLength) + value.byteLength;
  }

  /** A packed repeated uint64 field (left out when empty); returns the packed payload size. */
  packed(values: readonly bigint[], field: string): number {
    if (values.length === 0) return 0;
    let n = 0;
    for (const v of values) {
      const [lo, hi] = halves(v, field);
      n += varint64Size(lo, hi);
    }
    this.bytes += 1 + varint32Size(n) + n;
    return n;
  }

  /** A nested message field of `size` bytes (always written, even when empty). */
  nested(size: number): void {
    this.bytes += 1 + varint32Size(size) + size;
  }
}

export class ProtoWriter {
  readonly buf: Uint8Array;
  pos = 0;

  constructor(size: number) {
    this.buf = new Uint8Array(size);
  }

  #tag(field: number, wireType: number): void {
    this.buf[this.pos++] = (field << 3) | wireType;
  }

  #varint32(v: number): void {
    while (v > 0x7f) {
      this.buf[this.pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.pos++] = v;
  }

  #varint64(lo: number, hi: number): void {
    while (hi !== 0) {
      this.buf[this.pos++] = (lo & 0x7f) | 0x80;
      lo = ((lo >>> 7) | (hi << 25)) >>> 0;
      hi >>>= 7;
    }
    this.#varint32(lo);
  }

  uint64(field: number, value: bigint, name: string): void {
    if (value === 0n) return;
    const [lo, hi] = halves(value, name);
    this.#tag(field, 0);
    this.#varint64(lo, hi);
  }

  enum(field: number, value: number): void {
    if (value === 0) return;
    this.#tag(field, 0);
    if (value < 0) this.#varint64(value >>> 0, 0xffff_ffff);
    else this.#varint32(value);
  }

  bool(field: number, value: boolean): void {
    if (!value) return;
    this.#tag(field, 0);
    this.buf[this.pos++] = 1;
  }

  bytesField(field: number, value: Uint8Array): void {
    if (value.byteLength === 0) return;
    this.#tag(field, 2);
    this.#varint32(value.byteLength);
    this.buf.set(value, this.pos);
    this.pos += value.byteLength;
  }

  /** A packed repeated uint64 field whose payload is `size` bytes (from ProtoSizer.packed). */
  packed(field: number, values: readonly bigint[], size: number, name: string): void {
    if (values.length === 0) return;
    this.#tag(field, 2);
    this.#varint32(size);
    for (const v of values) {
      const [lo, hi] = halves(v, name);
      this.#varint64(lo, hi);
    }
  }

  /** Starts a nested message field of `size` bytes; its fields follow. */
  nested(field: number, size: number): void {
    this.#tag(field, 2);
    this.#varint32(size);
  }
}

/** Reads fields one at a time: `next()` gives the field number and wire type, then read the value. */
export class ProtoReader {
  readonly buf: Uint8Array;
  pos: number;
  readonly end: number;

  constructor(buf: Uint8Array, start = 0, end = buf.byteLength) {
    this.buf = buf;
    this.pos = start;
    this.end = end;
  }

  #fail(what: string): never {
    throw new RangeError(`malformed protobuf: ${what} at byte ${this.pos} of ${this.end}`);
  }

  #byte(): number {
    if (this.pos >= this.end) this.#fail('truncated varint');
    return this.buf[this.pos++]!;
  }

  /** The next field as `field << 3 | wireType`, or -1 at the end. */
  next(): number {
    if (this.pos >= this.end) return -1;
    const tag = this.varint32();
    if (tag >>> 3 === 0) this.#fail('field number 0');
    return tag;
  }

  /** A varint, keeping its low 32 bits (as protobufjs does for int32 and tags). */
  varint32(): number {
    let v = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.#byte();
      v |= (b & 0x7f) << shift;
      if (b < 0x80) return v >>> 0;
    }
    // Bytes 6 to 10 of a 64-bit varint only carry high bits.
    for (let i = 0; i < 5; i++) if (this.#byte() < 0x80) return v >>> 0;
    this.#fail('varint longer than 10 bytes');
  }

  /** An int32 (an enum): the low 32 bits of the varint, signed. */
  int32(): number {
    return this.varint32() | 0;
  }

  uint64(): bigint {
    let lo = 0;
    let hi = 0;
    let b = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      b = this.#byte();
      lo |= (b & 0x7f) << shift;
      if (b < 0x80) return BigInt(lo >>> 0);
    }
    b = this.#byte();
    lo |= (b & 0x7f) << 28;
    hi = (b & 0x7f) >> 4;
    if (b < 0x80) return BigInt(lo >>> 0) + BigInt(hi >>> 0) * BigInt(TWO_32);
    for (let shift = 3; shift < 32; shift += 7) {
      b = this.#byte();
      hi |= (b & 0x7f) << shift;
      if (b < 0x80) return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
    }
    this.#fail('varint longer than 10 bytes');
  }

  bool(): boolean {
    return this.uint64() !== 0n;
  }

  /** The length of a length-delimited value, checked against the end. */
  length(): number {
    const n = this.varint32();
    if (n > this.end - this.pos) this.#fail(`length ${n} past the end`);
    return n;
  }

  /** A bytes value as a plain Uint8Array view of the input (not a copy). */
  bytes(): Uint8Array {
    const n = this.length();
    const view = new Uint8Array(this.buf.buffer, this.buf.byteOffset + this.pos, n);
    this.pos += n;
    return view;
  }

  /** A reader over the next length-delimited value (a nested message); skips it here. */
  sub(): ProtoReader {
    const n = this.length();
    const r = new ProtoReader(this.buf, this.pos, this.pos + n);
    this.pos += n;
    return r;
  }

  /** Repeated uint64 values, packed (wire type 2) or one at a time (wire type 0), onto `into`. */
  uint64s(wireType: number, into: bigint[]): void {
    if (wireType === 0) {
      into.push(this.uint64());
      return;
    }
    const r = this.sub();
    while (r.pos < r.end) into.push(r.uint64());
  }

  /** Skips a value of `wireType` (an unknown field, or a known one with an unexpected wire type). */
  skip(wireType: number): void {
    switch (wireType) {
      case 0:
        this.uint64();
        return;
      case 1:
        this.#advance(8);
        return;
      case 2:
        this.#advance(this.length());
        return;
      case 5:
        this.#advance(4);
        return;
      default:
        this.#fail(`unsupported wire type ${wireType}`);
    }
  }

  #advance(n: number): void {
    if (n > this.end - this.pos) this.#fail(`${n} bytes past the end`);
    this.pos += n;
  }
}
