// @swarm/network/node: the sockets of service networking on Node.js: the resolver's UDP server,
// the VIP balancer, and the mutual-TLS relay that carries VIP traffic between nodes.

export {
  type CommandRunner,
  defaultBridgeName,
  FORWARD_CHAIN,
  INPUT_CHAIN,
  NetworkAgent,
  type NetworkAgentOptions,
  type NetworkAgentStatus,
  systemRunner,
  VIP_LABEL,
} from './agent.js';
export {
  type VipBackend,
  VipBalancer,
  type VipBalancerOptions,
  type VipListenerStatus,
  type VipService,
} from './balancer.js';
export { DnsServer, type DnsServerOptions, type UdpSocket } from './dns-server.js';
export {
  RelayClient,
  type RelayClientOptions,
  RelayServer,
  type RelayServerOptions,
  type RelayTarget,
  type RelayTlsMaterial,
  type RelayTrust,
} from './relay.js';
