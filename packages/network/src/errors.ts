import { SwarmError } from '@swarm/api';

/** Codes of addresses and subnets that cannot be parsed or do not fit. */
export type AddressErrorCode = 'ADDRESS_INVALID' | 'SUBNET_INVALID' | 'SUBNET_TOO_SMALL';

/** An IPv4 address or CIDR subnet that is malformed, or a subnet too small for the layout asked of it. */
export class AddressError extends SwarmError<AddressErrorCode> {
  override readonly name = 'AddressError';
}

/** Codes of allocations that cannot be made. */
export type IpamErrorCode =
  | 'POOL_EXHAUSTED'
  | 'SUBNET_OVERLAPS'
  | 'SLICES_EXHAUSTED'
  | 'VIPS_EXHAUSTED'
  | 'ADDRESSES_EXHAUSTED';

/** No free subnet, node slice, VIP or task address is left, or a requested subnet overlaps one in use. */
export class IpamError extends SwarmError<IpamErrorCode> {
  override readonly name = 'IpamError';
}

/** Codes of task attachments that cannot be made from the stored networks. */
export type AttachErrorCode = 'NETWORK_NOT_FOUND' | 'NETWORK_NO_SUBNET';

/** A task names a network that is not stored, or one without a subnet to give it an address from. */
export class AttachError extends SwarmError<AttachErrorCode> {
  override readonly name = 'AttachError';
}

/** A DNS message that is not valid RFC 1035 wire format (truncated, a pointer loop, a label too long). */
export class DnsFormatError extends SwarmError<'DNS_MALFORMED'> {
  override readonly name = 'DnsFormatError';
}

/** Codes of relay refusals, as the relay client reports them. */
export type RelayErrorCode =
  | 'RELAY_PEER_REFUSED'
  | 'RELAY_TARGET_REFUSED'
  | 'RELAY_TARGET_UNREACHABLE'
  | 'RELAY_PROTOCOL'
  | 'RELAY_UNKNOWN_NODE';

/** A relayed connection that could not be opened: the peer failed authorization, or refused or could not reach the target. */
export class RelayError extends SwarmError<RelayErrorCode> {
  override readonly name = 'RelayError';
}

/** Codes of the node's network agent. */
export type NetworkAgentErrorCode = 'AGENT_INVALID_OPTIONS' | 'AGENT_WRONG_NODE' | 'AGENT_FIREWALL';

/** The network agent was given bad options or a view of another node, or the kernel refused its firewall rules. */
export class NetworkAgentError extends SwarmError<NetworkAgentErrorCode> {
  override readonly name = 'NetworkAgentError';
}
