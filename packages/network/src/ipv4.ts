/**
 * IPv4 addresses as unsigned 32-bit numbers, and CIDR subnets. Pure: no Node builtin.
 */
import { AddressError } from './errors.js';

/** A parsed CIDR subnet: its first address (as a number, host bits zero) and its prefix length. */
export interface Subnet {
  /** The network address as an unsigned 32-bit number. */
  readonly base: number;
  /** The prefix length, 0 to 32. */
  readonly prefix: number;
}

const OCTET = /^(0|[1-9][0-9]{0,2})$/;

/** Parses a dotted-quad IPv4 address (`10.0.0.1`) into an unsigned 32-bit number; throws `AddressError` (`ADDRESS_INVALID`). */
export function parseIpv4(text: string): number {
  const parts = typeof text === 'string' ? text.split('.') : [];
  if (parts.length !== 4 || parts.some((p) => !OCTET.test(p) || Number(p) > 255))
    throw new AddressError('ADDRESS_INVALID', `${JSON.stringify(text)} is not an IPv4 address: use a.b.c.d`, {
      address: text,
    });
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** Formats an unsigned 32-bit number as a dotted-quad IPv4 address. */
export function formatIpv4(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff)
    throw new RangeError(`an IPv4 address must be an integer 0..2^32-1, got ${String(n)}`);
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Whether `text` is a dotted-quad IPv4 address. */
export function isIpv4(text: string): boolean {
  try {
    parseIpv4(text);
    return true;
  } catch {
    return false;
  }
}

/** Parses `a.b.c.d/len`; host bits must be zero. Throws `AddressError` (`SUBNET_INVALID`). */
export function parseSubnet(text: string): Subnet {
  const m = typeof text === 'string' ? /^([0-9.]+)\/([0-9]{1,2})$/.exec(text) : null;
  const prefix = m ? Number(m[2]) : Number.NaN;
  const bad = (why: string) =>
    new AddressError('SUBNET_INVALID', `${JSON.stringify(text)} is not a subnet: ${why}`, { subnet: text });
  if (!m || !(prefix >= 0 && prefix <= 32)) throw bad('use a.b.c.d/len with len 0 to 32');
  let base: number;
  try {
    base = parseIpv4(m[1]!);
  } catch {
    throw bad(`${m[1]} is not an IPv4 address`);
  }
  if (base % size({ base: 0, prefix }) !== 0)
    throw bad(
      `host bits are set (the network address is ${formatIpv4(base - (base % size({ base: 0, prefix })))}/${prefix})`,
    );
  return { base, prefix };
}

/** Formats a subnet as `a.b.c.d/len`. */
export function formatSubnet(s: Subnet): string {
  return `${formatIpv4(s.base)}/${s.prefix}`;
}

/** The number of addresses in a subnet (2^(32-prefix)). */
export function size(s: Subnet): number {
  return 2 ** (32 - s.prefix);
}

/** Whether `address` (a number) lies inside `s`. */
export function contains(s: Subnet, address: number): boolean {
  return address >= s.base && address < s.base + size(s);
}

/** Whether two subnets share any address. */
export function overlaps(a: Subnet, b: Subnet): boolean {
  return a.base < b.base + size(b) && b.base < a.base + size(a);
}
