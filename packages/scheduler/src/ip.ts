/** Minimal IPv4/IPv6 parsing for `node.ip` constraints: an address or a CIDR block. */
export interface IpBlock {
  readonly family: 4 | 6;
  readonly network: bigint;
  readonly prefix: number;
}

/** Parses `a.b.c.d`, an IPv6 address (with `::`), or either with `/prefix`; undefined when invalid. */
export function parseIpBlock(text: string): IpBlock | undefined {
  const slash = text.indexOf('/');
  const addrText = slash < 0 ? text : text.slice(0, slash);
  const addr = parseIp(addrText);
  if (addr === undefined) return undefined;
  const bits = addr.family === 4 ? 32 : 128;
  let prefix = bits;
  if (slash >= 0) {
    const p = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p)) return undefined;
    prefix = Number(p);
    if (prefix > bits) return undefined;
  }
  return { family: addr.family, network: mask(addr.value, bits, prefix), prefix };
}

/** True when `addrText` (an address, optionally with a port or zone suffix removed) lies in the block. */
export function ipInBlock(addrText: string, block: IpBlock): boolean {
  const addr = parseIp(stripPort(addrText));
  if (addr === undefined || addr.family !== block.family) return false;
  const bits = addr.family === 4 ? 32 : 128;
  return mask(addr.value, bits, block.prefix) === block.network;
}

function mask(value: bigint, bits: number, prefix: number): bigint {
  const host = BigInt(bits - prefix);
  return (value >> host) << host;
}

function stripPort(text: string): string {
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    return end < 0 ? text : text.slice(1, end);
  }
  const colons = text.split(':').length - 1;
  return colons === 1 ? text.slice(0, text.indexOf(':')) : text;
}

function parseIp(text: string): { family: 4 | 6; value: bigint } | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    let v = 0n;
    for (const part of text.split('.')) {
      const n = Number(part);
      if (n > 255) return undefined;
      v = (v << 8n) | BigInt(n);
    }
    return { family: 4, value: v };
  }
  if (!/^[0-9a-fA-F:]+$/.test(text) || !text.includes(':')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] === '' ? [] : halves[0]!.split(':');
  const tail = halves.length === 2 ? (halves[1] === '' ? [] : halves[1]!.split(':')) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...new Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  let v = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    v = (v << 16n) | BigInt(Number.parseInt(g, 16));
  }
  return { family: 6, value: v };
}
