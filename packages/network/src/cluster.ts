/**
 * Cluster networks as store objects: what a manager writes when a network is created and when a
 * service joins or leaves networks. Pure functions over `swarm.Network` objects (the embedder
 * reads and writes them in one store transaction): the subnet goes in `ipam.configs[0]`, the
 * IPAM state (VIPs, node slices) in `driverState.options` next to the driver's other options.
 */
import { SwarmError, swarm } from '@swarm/api';
import {
  allocateSubnet,
  checkSubnet,
  ipamStateFromOptions,
  ipamStateToOptions,
  NetworkIpam,
} from './ipam.js';

/** Driver options a cluster network accepts. Traffic between nodes is always encrypted (mutual TLS). */
export const NETWORK_OPTIONS: readonly string[] = ['encrypted'];

/** The subnet of a stored network, or `undefined` for one created before subnets were allocated. */
export function networkSubnet(n: swarm.INetwork): string | undefined {
  return n.ipam?.configs?.[0]?.subnet || undefined;
}

/**
 * The network object to store for a new network `id` with `spec`, given the cluster's other
 * networks: driver overlay, known options only, IPv4, one subnet (the requested one if free, else
 * the next free one of the pool). Throws `SwarmError` `INVALID_ARGUMENT`, `AddressError` or `IpamError`.
 */
export function createNetwork(
  id: string,
  spec: swarm.INetworkSpec,
  existing: readonly swarm.INetwork[],
): swarm.Network {
  const driver = spec.driverConfig?.name || 'overlay';
  if (driver !== 'overlay')
    throw new SwarmError(
      'INVALID_ARGUMENT',
      `network driver ${JSON.stringify(driver)} is not supported: cluster networks use the overlay driver`,
      {
        driver,
      },
    );
  for (const k of Object.keys(spec.driverConfig?.options ?? {}))
    if (!NETWORK_OPTIONS.includes(k))
      throw new SwarmError(
        'INVALID_ARGUMENT',
        `network option ${JSON.stringify(k)} is not supported: cluster networks accept only "encrypted" (traffic between nodes is always encrypted)`,
        { option: k },
      );
  if (spec.ipv6Enabled)
    throw new SwarmError(
      'INVALID_ARGUMENT',
      'IPv6 is not supported on cluster networks yet: create the network without IPv6',
    );
  const configs = spec.ipam?.configs ?? [];
  if (configs.length > 1)
    throw new SwarmError('INVALID_ARGUMENT', `a cluster network takes one subnet, got ${configs.length}`, {
      subnets: configs.length,
    });
  const inUse = existing.map(networkSubnet).filter((s): s is string => s !== undefined);
  const wanted = configs[0]?.subnet;
  const subnet = wanted ? checkSubnet(wanted, inUse) : allocateSubnet(inUse);
  return swarm.Network.create({
    id,
    spec,
    driverState: { name: 'overlay', options: {} },
    ipam: { driver: { name: 'default' }, configs: [{ subnet }] },
  });
}

/** The VIPs of a service, by network ID, from the networks' IPAM state. */
export function serviceVips(serviceId: string, networks: readonly swarm.INetwork[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of networks) {
    const vip = ipamStateFromOptions(n.driverState?.options ?? {}).vips[serviceId];
    if (vip !== undefined && n.id) out[n.id] = vip;
  }
  return out;
}

/**
 * The networks to write back so that service `serviceId` has a VIP on each network `spec`
 * attaches it to in endpoint mode vip, and none on the others (mode dnsrr, networks it left, or
 * `spec` undefined: the service was removed). Networks that need no change are not returned.
 * Throws `IpamError` `VIPS_EXHAUSTED` when a network has no VIP left.
 */
export function syncServiceVips(
  serviceId: string,
  spec: swarm.IServiceSpec | undefined,
  networks: readonly swarm.INetwork[],
): swarm.Network[] {
  const dnsrr = spec?.endpoint?.mode === swarm.EndpointSpec.ResolutionMode.DNSRR;
  const wanted = new Set(dnsrr ? [] : (spec?.task?.networks ?? []).map((a) => a.target ?? ''));
  const changed: swarm.Network[] = [];
  for (const n of networks) {
    const subnet = networkSubnet(n);
    if (subnet === undefined || !n.id) continue;
    const options = n.driverState?.options ?? {};
    const state = ipamStateFromOptions(options);
    if ((state.vips[serviceId] !== undefined) === wanted.has(n.id)) continue;
    const ipam = new NetworkIpam(subnet, state);
    if (wanted.has(n.id)) ipam.vipFor(serviceId);
    else ipam.releaseVip(serviceId);
    const next = withIpamOptions(n, ipamStateToOptions(ipam.state()));
    changed.push(next);
  }
  return changed;
}

/** The network `n` with the IPAM state `ipamOptions` (from `ipamStateToOptions`) in place of its old one, next to its driver's other options. */
export function withIpamOptions(n: swarm.INetwork, ipamOptions: Record<string, string>): swarm.Network {
  const options = n.driverState?.options ?? {};
  const other = Object.fromEntries(
    Object.entries(options).filter(([k]) => !k.startsWith('vip.') && !k.startsWith('slice.')),
  );
  const next = swarm.Network.create(n as swarm.Network);
  next.driverState = swarm.Driver.create({
    name: n.driverState?.name || 'overlay',
    options: { ...other, ...ipamOptions },
  });
  return next;
}
