/**
 * Addresses of cluster networks, decided by the managers and stored with the network object.
 * Pure and deterministic: the same inputs give the same answers on every manager.
 *
 * A network's subnet is split in two: the first block holds the services' virtual IPs (one per
 * service and network), the rest is cut into equal per-node slices. Each node that runs a task on
 * the network gets one slice; it is the subnet of that network's bridge on the node (gateway = the
 * slice's first host address, where the node's resolver answers); the managers give each task an
 * address in its node's slice when they assign it (`attachTask`).
 */
import { AddressError, IpamError } from './errors.js';
import {
  contains,
  formatIpv4,
  formatSubnet,
  overlaps,
  parseIpv4,
  parseSubnet,
  type Subnet,
  size,
} from './ipv4.js';

/** The pool new networks take their subnet from when none is given. */
export const DEFAULT_POOL = '10.128.0.0/9';
/** The prefix length of a subnet taken from the pool. */
export const DEFAULT_SUBNET_PREFIX = 20;
/** The prefix length of one node's slice of a network (62 task addresses and the gateway). */
export const DEFAULT_SLICE_PREFIX = 26;
/** The longest prefix a network's subnet may have (it needs a VIP block and at least one slice). */
export const MAX_SUBNET_PREFIX = 24;

/** Options of `allocateSubnet`. */
export interface AllocateSubnetOptions {
  /** The pool to take from. Default `DEFAULT_POOL` (`10.128.0.0/9`). */
  pool?: string;
  /** The prefix length of the subnet. Default `DEFAULT_SUBNET_PREFIX` (20). */
  prefix?: number;
}

/**
 * The first subnet of the pool that overlaps none of `inUse` (the subnets of the cluster's other
 * networks). Throws `IpamError` (`POOL_EXHAUSTED`) when none is left.
 */
export function allocateSubnet(inUse: readonly string[], options: AllocateSubnetOptions = {}): string {
  const pool = parseSubnet(options.pool ?? DEFAULT_POOL);
  const prefix = options.prefix ?? DEFAULT_SUBNET_PREFIX;
  if (!Number.isInteger(prefix) || prefix < pool.prefix || prefix > MAX_SUBNET_PREFIX)
    throw new RangeError(
      `prefix must be an integer from ${pool.prefix} to ${MAX_SUBNET_PREFIX}, got ${prefix}`,
    );
  const used = inUse.map(parseSubnet);
  const step = 2 ** (32 - prefix);
  for (let base = pool.base; base < pool.base + size(pool); base += step) {
    const candidate = { base, prefix };
    const clash = used.find((u) => overlaps(u, candidate));
    // Skip past the whole clashing subnet at once (it may be larger than one step).
    if (clash === undefined) return formatSubnet(candidate);
    base = Math.max(base, clash.base + size(clash) - step);
  }
  throw new IpamError(
    'POOL_EXHAUSTED',
    `no free /${prefix} subnet is left in ${formatSubnet(pool)}: remove unused networks or give --subnet`,
    {
      pool: formatSubnet(pool),
      prefix,
    },
  );
}

/**
 * Checks a subnet a user asked for: valid, no longer than /24, overlapping none of `inUse`.
 * Returns it normalized; throws `AddressError` or `IpamError` (`SUBNET_OVERLAPS`).
 */
export function checkSubnet(subnet: string, inUse: readonly string[]): string {
  const s = parseSubnet(subnet);
  if (s.prefix > MAX_SUBNET_PREFIX)
    throw new AddressError(
      'SUBNET_TOO_SMALL',
      `subnet ${subnet} is too small: a network needs at least a /${MAX_SUBNET_PREFIX} (VIPs and one slice per node)`,
      {
        subnet,
      },
    );
  for (const u of inUse)
    if (overlaps(parseSubnet(u), s))
      throw new IpamError(
        'SUBNET_OVERLAPS',
        `subnet ${subnet} overlaps ${u}, which another network uses: choose another --subnet`,
        {
          subnet,
          overlaps: u,
        },
      );
  return formatSubnet(s);
}

/** What a network's IPAM has handed out: node slices and service VIPs. */
export interface IpamState {
  /** Node ID → the node's slice (CIDR). */
  readonly slices: Readonly<Record<string, string>>;
  /** Service ID → the service's VIP on this network. */
  readonly vips: Readonly<Record<string, string>>;
}

/** How a subnet is cut: the VIP block and the slices. */
export interface NetworkLayout {
  /** The network's subnet. */
  readonly subnet: string;
  /** The block VIPs come from (the subnet's first sixteenth). */
  readonly vipBlock: string;
  /** The prefix length of a node slice. */
  readonly slicePrefix: number;
  /** How many node slices fit. */
  readonly sliceCount: number;
}

/** The layout of `subnet` (no longer than /24): the first sixteenth holds VIPs, the rest is cut into /26 slices. */
export function networkLayout(subnet: string): NetworkLayout {
  const s = parseSubnet(subnet);
  if (s.prefix > MAX_SUBNET_PREFIX)
    throw new AddressError(
      'SUBNET_TOO_SMALL',
      `subnet ${subnet} is too small: a network needs at least a /${MAX_SUBNET_PREFIX}`,
      {
        subnet,
      },
    );
  const vip = { base: s.base, prefix: s.prefix + 4 };
  const sliceSize = 2 ** (32 - DEFAULT_SLICE_PREFIX);
  const firstSlice = Math.ceil((vip.base + size(vip) - s.base) / sliceSize);
  return {
    subnet: formatSubnet(s),
    vipBlock: formatSubnet(vip),
    slicePrefix: DEFAULT_SLICE_PREFIX,
    sliceCount: size(s) / sliceSize - firstSlice,
  };
}

/** The gateway of a slice: its first host address (the node's bridge address and resolver). */
export function sliceGateway(slice: string): string {
  return formatIpv4(parseSubnet(slice).base + 1);
}

/**
 * One network's allocations. Build it from the stored subnet and state, ask, and store `state()`
 * back. Every choice is the lowest free one, so two managers given the same state agree.
 */
export class NetworkIpam {
  readonly #subnet: Subnet;
  readonly #vipBlock: Subnet;
  readonly #sliceSize: number;
  readonly #firstSlice: number;
  readonly #sliceCount: number;
  readonly #slices = new Map<string, string>();
  readonly #vips = new Map<string, string>();

  /** `subnet`: the network's subnet; `state`: what was handed out before (from the store). */
  constructor(subnet: string, state: IpamState = { slices: {}, vips: {} }) {
    const layout = networkLayout(subnet);
    this.#subnet = parseSubnet(layout.subnet);
    this.#vipBlock = parseSubnet(layout.vipBlock);
    this.#sliceSize = 2 ** (32 - layout.slicePrefix);
    this.#sliceCount = layout.sliceCount;
    this.#firstSlice =
      this.#subnet.base + (size(this.#subnet) / this.#sliceSize - layout.sliceCount) * this.#sliceSize;
    for (const [node, slice] of Object.entries(state.slices ?? {})) {
      const s = parseSubnet(slice);
      if (s.prefix !== layout.slicePrefix || !contains(this.#subnet, s.base) || s.base < this.#firstSlice)
        throw new AddressError(
          'SUBNET_INVALID',
          `stored slice ${slice} of node ${node} is not a slice of ${layout.subnet}`,
          {
            slice,
            nodeId: node,
          },
        );
      this.#slices.set(node, formatSubnet(s));
    }
    for (const [service, vip] of Object.entries(state.vips ?? {})) {
      if (!contains(this.#vipBlock, parseIpv4(vip)))
        throw new AddressError(
          'ADDRESS_INVALID',
          `stored VIP ${vip} of service ${service} is not in ${layout.vipBlock}`,
          {
            address: vip,
            serviceId: service,
          },
        );
      this.#vips.set(service, vip);
    }
  }

  /** The node's slice of this network, allocated (lowest free) if it has none. Throws `IpamError` (`SLICES_EXHAUSTED`). */
  sliceFor(nodeId: string): string {
    const had = this.#slices.get(nodeId);
    if (had !== undefined) return had;
    const taken = new Set(this.#slices.values());
    for (let i = 0; i < this.#sliceCount; i++) {
      const slice = formatSubnet({
        base: this.#firstSlice + i * this.#sliceSize,
        prefix: 32 - Math.log2(this.#sliceSize),
      });
      if (taken.has(slice)) continue;
      this.#slices.set(nodeId, slice);
      return slice;
    }
    throw new IpamError(
      'SLICES_EXHAUSTED',
      `network ${formatSubnet(this.#subnet)} has no slice left for node ${nodeId} (${this.#sliceCount} nodes hold one): use a larger --subnet`,
      {
        subnet: formatSubnet(this.#subnet),
        nodeId,
      },
    );
  }

  /** Frees a node's slice (the node left the network or the cluster). */
  releaseSlice(nodeId: string): void {
    this.#slices.delete(nodeId);
  }

  /** The service's VIP on this network, allocated (lowest free) if it has none. Throws `IpamError` (`VIPS_EXHAUSTED`). */
  vipFor(serviceId: string): string {
    const had = this.#vips.get(serviceId);
    if (had !== undefined) return had;
    const taken = new Set(this.#vips.values());
    // Skip the block's first address (the subnet's network address) and its last.
    for (let a = this.#vipBlock.base + 1; a < this.#vipBlock.base + size(this.#vipBlock) - 1; a++) {
      const vip = formatIpv4(a);
      if (taken.has(vip)) continue;
      this.#vips.set(serviceId, vip);
      return vip;
    }
    throw new IpamError(
      'VIPS_EXHAUSTED',
      `network ${formatSubnet(this.#subnet)} has no VIP left for service ${serviceId}: use a larger --subnet`,
      {
        subnet: formatSubnet(this.#subnet),
        serviceId,
      },
    );
  }

  /** Frees a service's VIP (the service left the network or was removed). */
  releaseVip(serviceId: string): void {
    this.#vips.delete(serviceId);
  }

  /** What is handed out now, to store with the network. */
  state(): IpamState {
    return { slices: Object.fromEntries(this.#slices), vips: Object.fromEntries(this.#vips) };
  }
}

const SLICE_KEY = 'slice.';
const VIP_KEY = 'vip.';

/** The state as string options (`slice.<nodeId>`, `vip.<serviceId>`), to keep in a network's `driverState.options`. */
export function ipamStateToOptions(state: IpamState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(state.slices)) out[SLICE_KEY + k] = v;
  for (const [k, v] of Object.entries(state.vips)) out[VIP_KEY + k] = v;
  return out;
}

/** Reads the state back from `ipamStateToOptions`'s options; other keys are ignored. */
export function ipamStateFromOptions(options: Readonly<Record<string, string>> | undefined): IpamState {
  const slices: Record<string, string> = {};
  const vips: Record<string, string> = {};
  for (const [k, v] of Object.entries(options ?? {})) {
    if (k.startsWith(SLICE_KEY)) slices[k.slice(SLICE_KEY.length)] = v;
    else if (k.startsWith(VIP_KEY)) vips[k.slice(VIP_KEY.length)] = v;
  }
  return { slices, vips };
}
