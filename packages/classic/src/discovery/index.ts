/** `discovery(url)`: the backend for a discovery URL. */
import { ClassicError } from '../errors.js';
import type { Discovery } from './discovery.js';
import { EtcdDiscovery } from './etcd.js';
import { FileDiscovery, NodesDiscovery } from './static.js';
import { TokenDiscovery } from './token.js';

/** Options of `discovery`. */
export interface DiscoveryOptions {
  /** The token service `token://` URLs use, `http(s)://HOST:PORT`. */
  readonly tokenService?: string;
  /** `https` when the etcd endpoints serve TLS (default `http`). */
  readonly etcdScheme?: 'http' | 'https';
}

/**
 * The backend for `file:///path`, `nodes://A,B`, `etcd://HOST:PORT/PATH` or `token://TOKEN`.
 * Throws `CLASSIC_BAD_DISCOVERY` for any other URL, or a `token://` URL without a token service.
 */
export function discovery(url: string, o: DiscoveryOptions = {}): Discovery {
  if (url.startsWith('file://')) return new FileDiscovery(url);
  if (url.startsWith('nodes://')) return new NodesDiscovery(url);
  if (url.startsWith('etcd://')) return new EtcdDiscovery(url, o.etcdScheme ?? 'http');
  if (url.startsWith('token://')) {
    if (o.tokenService === undefined)
      throw new ClassicError(
        'CLASSIC_BAD_DISCOVERY',
        'token:// discovery needs a token service: give --token-service http://HOST:PORT (env SWARM_TOKEN_SERVICE), the address of a swarm token-service',
        { url: 'token://…' },
      );
    return new TokenDiscovery(url, o.tokenService);
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
  throw new ClassicError(
    'CLASSIC_BAD_DISCOVERY',
    `${scheme === undefined ? JSON.stringify(url) : `${scheme}://`} is not a discovery this swarm knows: use file:///path, nodes://HOST:PORT,HOST:PORT, etcd://HOST:PORT/PATH or token://TOKEN`,
    { scheme: scheme ?? '' },
  );
}

export type { Discovery } from './discovery.js';
export { EtcdDiscovery } from './etcd.js';
export { FileDiscovery, NodesDiscovery, parseAddressList } from './static.js';
export { createCluster, TOKEN_PATTERN, TokenDiscovery } from './token.js';
