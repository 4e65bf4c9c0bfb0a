/**
 * Engine addresses as discovery lists them: `HOST:PORT` (Swarm 0.2's form, the engine's
 * `-H tcp://HOST:PORT`), `tcp://HOST:PORT`, or `unix:///path/docker.sock` for an engine on this
 * machine. Ranges expand as in Swarm: `10.0.0.[1:3]:2375` is three addresses.
 */
import { ClassicError } from './errors.js';

/** Where an engine answers. */
export type EngineEndpoint =
  | { readonly host: string; readonly port: number }
  | { readonly socketPath: string };

/** Parses an engine address; throws `CLASSIC_BAD_ADDRESS`. */
export function parseAddress(addr: string): EngineEndpoint {
  if (addr.startsWith('unix://')) {
    const socketPath = addr.slice('unix://'.length);
    if (!socketPath.startsWith('/'))
      throw new ClassicError(
        'CLASSIC_BAD_ADDRESS',
        `${addr}: use an absolute path, unix:///path/docker.sock`,
        {
          addr,
        },
      );
    return { socketPath };
  }
  const bare = addr.startsWith('tcp://') ? addr.slice('tcp://'.length) : addr;
  const m = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(bare);
  const port = Number(m?.[2]);
  if (m === null || port < 1 || port > 65535)
    throw new ClassicError(
      'CLASSIC_BAD_ADDRESS',
      `${JSON.stringify(addr)} is not an engine address: use HOST:PORT (the engine's -H tcp://HOST:PORT) or unix:///path/docker.sock`,
      { addr },
    );
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}

/** The address in its canonical form (`HOST:PORT` or `unix:///path`). */
export function canonicalAddress(addr: string): string {
  const e = parseAddress(addr);
  if ('socketPath' in e) return `unix://${e.socketPath}`;
  return `${e.host.includes(':') ? `[${e.host}]` : e.host}:${e.port}`;
}

/** Expands `[a:b]` ranges (one per address): `10.0.0.[1:3]:2375` → three addresses. */
export function expandRange(addr: string): string[] {
  const m = /^(.*)\[(\d+):(\d+)\](.*)$/.exec(addr);
  if (m === null) return [addr];
  const lo = Number(m[2]);
  const hi = Number(m[3]);
  if (hi < lo || hi - lo > 1024)
    throw new ClassicError(
      'CLASSIC_BAD_ADDRESS',
      `${addr}: a range [a:b] needs a <= b and at most 1025 values`,
      {
        addr,
      },
    );
  const out: string[] = [];
  for (let i = lo; i <= hi; i++) out.push(`${m[1]}${i}${m[4]}`);
  return out;
}
