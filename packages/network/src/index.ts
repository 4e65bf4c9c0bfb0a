// @swarm/network: service networking for a swarm. This entry is portable (no Node builtin): IPv4
// arithmetic, the IPAM of cluster networks, the DNS wire format and the resolver's table. The
// sockets (the resolver's UDP server, the VIP balancer and the mutual-TLS relay between nodes) are
// in `@swarm/network/node`.
export { type AttachResult, addressOf, attachAssignedTask, attachTask, holdsAddresses } from './attach.js';
export {
  createNetwork,
  NETWORK_OPTIONS,
  networkSubnet,
  serviceVips,
  syncServiceVips,
  withIpamOptions,
} from './cluster.js';
export {
  buildQuery,
  CLASS_IN,
  type DnsFlags,
  type DnsMessage,
  type DnsQuestion,
  type DnsRecord,
  decodeMessage,
  encodeMessage,
  MAX_UDP_MESSAGE,
  RCODE,
  RR_TYPE,
} from './dns/message.js';
export {
  DEFAULT_TTL_S,
  DnsRecords,
  type DnsRecordsOptions,
  type EndpointMode,
  type NetworkRecords,
  type Resolution,
  type ServiceRecords,
} from './dns/records.js';
export * from './errors.js';
export {
  NetworksFollower,
  type NetworksFollowerComponents,
  type NetworksFollowerInit,
  networkViewKey,
} from './follower.js';
export {
  type AllocateSubnetOptions,
  allocateSubnet,
  checkSubnet,
  DEFAULT_POOL,
  DEFAULT_SLICE_PREFIX,
  DEFAULT_SUBNET_PREFIX,
  type IpamState,
  ipamStateFromOptions,
  ipamStateToOptions,
  MAX_SUBNET_PREFIX,
  NetworkIpam,
  type NetworkLayout,
  networkLayout,
  sliceGateway,
} from './ipam.js';
export {
  contains,
  formatIpv4,
  formatSubnet,
  isIpv4,
  overlaps,
  parseIpv4,
  parseSubnet,
  type Subnet,
  size,
} from './ipv4.js';
export {
  type ClusterNetworks,
  DEFAULT_DATA_PATH_PORT,
  type NodeNetwork,
  type NodeNetworkView,
  type NodePlan,
  nodePlan,
  type PlanService,
  type PlanTask,
  type PlanVip,
  type ViewTask,
} from './plan.js';
export { type BackendChoice, RoundRobin } from './round-robin.js';
export type { NetworkObjectTypes, NetworkReadTx, NetworkWriteTx } from './store-contract.js';
export {
  type NodeNetworkViewOptions,
  networkViewFromProto,
  networkViewToProto,
  nodeNetworkView,
} from './view.js';
