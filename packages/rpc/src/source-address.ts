/**
 * Outgoing gRPC connections from a chosen local address. A manager takes a node's address from the
 * TLS peer of its session (never from what the node says of itself), so a node's connections must
 * leave from the address it advertises: on a host with several addresses (and on loopback, where
 * several test nodes share one host), the kernel would otherwise pick a source address of its own.
 *
 * grpc-js has no option for a local address. Its name resolvers hand each subchannel an address
 * object that ends up in `net.connect(address)`, so a resolver that wraps the DNS resolver and adds
 * `localAddress` to each address binds the socket. `test/store-authority.test.ts` proves it on the
 * pinned grpc-js: a server sees the bound address as the peer.
 */
import * as grpc from '@grpc/grpc-js';

const SCHEME = 'swarm-bind';
const LOCAL_ADDRESS_OPTION = 'swarm.local_address';

type GrpcUri = grpc.experimental.GrpcUri;
type Endpoint = grpc.experimental.Endpoint;
type ResolverListener = grpc.experimental.ResolverListener;

class BindingResolver implements grpc.experimental.Resolver {
  readonly #inner: grpc.experimental.Resolver;

  constructor(target: GrpcUri, listener: ResolverListener, options: grpc.ChannelOptions) {
    const localAddress = options[LOCAL_ADDRESS_OPTION] as string | undefined;
    const bind = (endpoints: Endpoint[]): Endpoint[] =>
      endpoints.map((e) => ({
        ...e,
        addresses: e.addresses.map((a) => ('port' in a && localAddress ? { ...a, localAddress } : a)),
      }));
    const wrapped: ResolverListener = (result, ...rest) =>
      listener(result.ok ? { ok: true, value: bind(result.value) } : result, ...rest);
    this.#inner = grpc.experimental.createResolver(
      { scheme: 'dns', path: target.path } as GrpcUri,
      wrapped,
      options,
    );
  }

  updateResolution(): void {
    this.#inner.updateResolution();
  }

  destroy(): void {
    this.#inner.destroy();
  }

  static getDefaultAuthority(target: GrpcUri): string {
    return target.path;
  }
}

let registered = false;

/**
 * The channel target and options for connecting to `addr` (HOST:PORT) from `localAddress`; the
 * plain target when no local address is given.
 */
export function boundTarget(
  addr: string,
  localAddress: string | undefined,
): { target: string; options: grpc.ChannelOptions } {
  if (localAddress === undefined || localAddress === '') return { target: addr, options: {} };
  if (!registered) {
    grpc.experimental.registerResolver(SCHEME, BindingResolver);
    registered = true;
  }
  return { target: `${SCHEME}:${addr}`, options: { [LOCAL_ADDRESS_OPTION]: localAddress } };
}
