/**
 * What one node serves, from what the cluster says: the resolver's table for each network the
 * node's tasks are on, the VIP listeners of the services on those networks, and the targets its
 * relay may join (its own running tasks). Pure: the embedder builds the `ClusterNetworks` view
 * from the store (or from what the managers send a worker) and applies the plan to its sockets.
 */
import type { EndpointMode, NetworkRecords } from './dns/records.js';

/** A service on the cluster's networks, as a node needs it. */
export interface PlanService {
  /** The service's ID. */
  id: string;
  /** The service's name. */
  name: string;
  /** `vip` or `dnsrr`. */
  mode: EndpointMode;
  /** The TCP ports its tasks listen on (the VIP listens on the same ports). */
  ports: readonly number[];
  /** Its attachments: the network and the aliases it has there. */
  networks: readonly { networkId: string; aliases?: readonly string[] }[];
  /** Its VIP on each network (vip mode), by network ID. */
  vips: Readonly<Record<string, string>>;
}

/** A running task and its addresses. */
export interface PlanTask {
  /** The task's ID. */
  id: string;
  /** Its service. */
  serviceId: string;
  /** The node it runs on. */
  nodeId: string;
  /** Its address on each network, by network ID. */
  addresses: Readonly<Record<string, string>>;
}

/** The cluster's networks, services and running tasks. */
export interface ClusterNetworks {
  /** Every network: ID and name. */
  networks: readonly { id: string; name: string }[];
  /** Every service attached to a network. */
  services: readonly PlanService[];
  /** Every running task of those services. */
  tasks: readonly PlanTask[];
}

/** The TCP port of every node's relay (Docker's default data path port). */
export const DEFAULT_DATA_PATH_PORT = 4789;

/** One cluster network as a node serves it. */
export interface NodeNetwork {
  /** The network's ID. */
  id: string;
  /** Its name. */
  name: string;
  /** The network's subnet (CIDR). */
  subnet: string;
  /** This node's slice of it (CIDR): the subnet of the node's bridge for the network. */
  slice: string;
  /** The slice's first address: the bridge's own address, where the node's resolver listens. */
  gateway: string;
}

/** A running task as another node sees it: with the relay of the node it runs on. */
export interface ViewTask extends PlanTask {
  /** `host:port` of the relay of the task's node (host from the node's verified address). */
  relayAddr: string;
}

/**
 * What the managers tell one worker about the cluster's networks (least privilege: only the
 * networks its own tasks use, the services on them and their running tasks). The worker turns it
 * into a `NodePlan` with `nodePlan(view, view.nodeId)` and applies it to its bridges, resolvers,
 * VIP listeners and relay.
 */
export interface NodeNetworkView extends ClusterNetworks {
  /** The node this view is for. */
  nodeId: string;
  /** The networks this node's tasks use, with this node's slice of each. */
  networks: readonly NodeNetwork[];
  /** Running tasks of the services on those networks, on any node. */
  tasks: readonly ViewTask[];
}

/** One VIP listener the node opens. */
export interface PlanVip {
  /** The service. */
  serviceId: string;
  /** The network the VIP belongs to. */
  networkId: string;
  /** The VIP. */
  vip: string;
  /** The ports. */
  ports: readonly number[];
  /** The service's running tasks on that network, on any node. */
  backends: { taskId: string; nodeId: string; address: string }[];
}

/** What a node serves. */
export interface NodePlan {
  /** The networks the node's tasks are on (the node needs a bridge and a resolver on each). */
  networkIds: string[];
  /** The resolver's table for those networks (`DnsRecords.update`). */
  records: NetworkRecords[];
  /** The VIP listeners (`VipBalancer.update`, with the VIPs as local addresses of the node). */
  vips: PlanVip[];
  /**
   * Listeners at the addresses of tasks on other nodes, each with that one task as its backend
   * (`vip` is the task's address): what lets this node's tasks reach a remote task by its own
   * address (`dnsrr` answers, `tasks.SERVICE`) through the relay, as an overlay would. Applied
   * like `vips`. Only tasks of services with ports.
   */
  remoteTasks: PlanVip[];
  /** Whether another node may reach `address:port` through this node's relay: only this node's own tasks, on their services' ports. */
  allowTarget: (target: { address: string; port: number }) => boolean;
}

/** The plan of node `nodeId`. */
export function nodePlan(cluster: ClusterNetworks, nodeId: string): NodePlan {
  const services = new Map(cluster.services.map((s) => [s.id, s]));
  const networkIds = [
    ...new Set(cluster.tasks.filter((t) => t.nodeId === nodeId).flatMap((t) => Object.keys(t.addresses))),
  ].sort();
  const mine = new Set(networkIds);
  const records: NetworkRecords[] = [];
  const vips: PlanVip[] = [];
  const remoteTasks: PlanVip[] = [];
  for (const n of cluster.networks) {
    if (!mine.has(n.id)) continue;
    const entries = cluster.services.flatMap((s) => {
      const a = s.networks.find((x) => x.networkId === n.id);
      if (a === undefined) return [];
      const tasks = cluster.tasks.filter((t) => t.serviceId === s.id && t.addresses[n.id] !== undefined);
      if (s.ports.length > 0)
        for (const t of tasks)
          if (t.nodeId !== nodeId) {
            const address = t.addresses[n.id]!;
            remoteTasks.push({
              serviceId: s.id,
              networkId: n.id,
              vip: address,
              ports: s.ports,
              backends: [{ taskId: t.id, nodeId: t.nodeId, address }],
            });
          }
      const vip = s.vips[n.id];
      // A vip service whose VIP is not allocated yet resolves to nothing rather than to a wrong address.
      if (s.mode === 'vip' && vip === undefined) return [];
      if (s.mode === 'vip' && vip !== undefined)
        vips.push({
          serviceId: s.id,
          networkId: n.id,
          vip,
          ports: s.ports,
          backends: tasks.map((t) => ({ taskId: t.id, nodeId: t.nodeId, address: t.addresses[n.id]! })),
        });
      return [
        {
          name: s.name,
          aliases: [...(a.aliases ?? [])],
          mode: s.mode,
          ...(vip === undefined ? {} : { vip }),
          tasks: tasks.map((t) => t.addresses[n.id]!),
        },
      ];
    });
    records.push({ id: n.id, name: n.name, services: entries });
  }
  const targets = new Set<string>();
  for (const t of cluster.tasks) {
    if (t.nodeId !== nodeId) continue;
    for (const address of Object.values(t.addresses))
      for (const port of services.get(t.serviceId)?.ports ?? []) targets.add(`${address}:${port}`);
  }
  return {
    networkIds,
    records,
    vips,
    remoteTasks,
    allowTarget: (target) => targets.has(`${target.address}:${target.port}`),
  };
}
