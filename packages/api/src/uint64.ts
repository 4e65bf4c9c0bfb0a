import Long from 'long';
import { UINT64_MAX } from './uint64-max.js';

/**
 * Terms, indexes and raft member IDs are exact unsigned 64-bit values. In memory they are bigint;
 * protobufjs carries them as `Long`. These convert at the wire boundary without losing bits.
 */
export { UINT64_MAX };

/** A uint64 for protobufjs: `value` (0 to 2^64-1) as an unsigned Long, exactly. Throws a RangeError outside that range. */
export function toLong(value: bigint): Long {
  if (typeof value !== 'bigint' || value < 0n || value > UINT64_MAX) {
    throw new RangeError(`expected a bigint in [0, 2^64-1], got ${String(value)}`);
  }
  return Long.fromBits(Number(value & 0xffff_ffffn), Number(value >> 32n), true);
}

/** A uint64 from protobufjs as a bigint, exactly (`null`/`undefined` is 0n; numbers must be safe unsigned integers). */
export function fromLong(value: Long | number | string | null | undefined): bigint {
  if (value === null || value === undefined) return 0n;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new RangeError(`expected an unsigned integer, got ${value}`);
    return BigInt(value);
  }
  if (typeof value === 'string') return BigInt(value);
  const l = Long.fromValue(value);
  return (BigInt(l.high >>> 0) << 32n) | BigInt(l.low >>> 0);
}
