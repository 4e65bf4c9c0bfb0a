/**
 * The host part of a node address: `10.0.0.5:2377` → `10.0.0.5`, `[fd00::1]:2377` → `fd00::1`;
 * a bare IPv4, IPv6 or host name is returned as is, and an unclosed `[` gives `''`.
 */
export function hostOf(addr: string): string {
  const a = addr.trim();
  if (a.startsWith('[')) {
    const end = a.indexOf(']');
    return end > 0 ? a.slice(1, end) : '';
  }
  const colon = a.indexOf(':');
  if (colon >= 0 && colon === a.lastIndexOf(':')) return a.slice(0, colon);
  return a;
}
