/**
 * What the managers tell one worker about the cluster's networks, computed from the store (least
 * privilege: only the networks the node's own tasks use), and its wire form (the `Networks`
 * RPC's `NodeNetworksResponse`). The node ID comes from the caller's verified certificate and
 * every relay address from a node's verified address (`status.addr`, which the dispatcher takes
 * from the TLS peer), never from what a worker says about itself.
 */
import { hostOf, swarm } from '@swarm/api';
import { addressOf, holdsAddresses } from './attach.js';
import { networkSubnet } from './cluster.js';
import type { EndpointMode } from './dns/records.js';
import { ipamStateFromOptions, sliceGateway } from './ipam.js';
import {
  DEFAULT_DATA_PATH_PORT,
  type NodeNetwork,
  type NodeNetworkView,
  type PlanService,
  type ViewTask,
} from './plan.js';
import type { NetworkReadTx } from './store-contract.js';

/** Options of {@link nodeNetworkView}. */
export interface NodeNetworkViewOptions {
  /** The relay port of every node. Default `DEFAULT_DATA_PATH_PORT` (4789). */
  dataPathPort?: number;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The view of node `nodeId` (the caller's verified node ID):
 * - `networks`: the networks its own tasks in a non-terminal state are attached to (from the
 *   tasks' `networks`, given when they were assigned), with the node's slice and gateway;
 * - `services`: the services whose spec attaches them to one of those networks, with only those
 *   attachments and VIPs; `ports` are the TCP target ports of the service's endpoint ports,
 *   published or not (the manager does not know the image's `EXPOSE` ports);
 * - `tasks`: the tasks of those services that run (state and desired state RUNNING) on a READY
 *   node with a verified address, with their addresses on those networks and the relay of their
 *   node (`host of status.addr:dataPathPort`).
 * A node with no task on any network gets an empty view. Sorted by ID throughout.
 */
export function nodeNetworkView(
  tx: NetworkReadTx,
  nodeId: string,
  options: NodeNetworkViewOptions = {},
): NodeNetworkView {
  const port = options.dataPathPort ?? DEFAULT_DATA_PATH_PORT;
  const networks: NodeNetwork[] = [];
  const ids = new Set<string>();
  if (nodeId !== '')
    for (const t of tx.find('task', { nodeId }))
      if (t.nodeId === nodeId && holdsAddresses(t))
        for (const a of t.networks ?? []) if (a.networkId) ids.add(a.networkId);
  for (const id of [...ids].sort(cmp)) {
    const n = tx.get('network', id);
    const subnet = n === undefined ? undefined : networkSubnet(n);
    if (n === undefined || subnet === undefined) continue;
    const slice = ipamStateFromOptions(n.driverState?.options ?? {}).slices[nodeId];
    if (slice === undefined) continue;
    networks.push({ id, name: n.spec?.annotations?.name ?? '', subnet, slice, gateway: sliceGateway(slice) });
  }
  const mine = new Set(networks.map((n) => n.id));
  const vipsByNetwork = new Map(
    networks.map((n) => [
      n.id,
      ipamStateFromOptions(tx.get('network', n.id)?.driverState?.options ?? undefined).vips,
    ]),
  );
  const services: PlanService[] = [];
  for (const s of tx.list('service')) {
    const attached = (s.spec?.task?.networks ?? []).filter((a) => mine.has(a.target ?? ''));
    if (attached.length === 0) continue;
    const mode: EndpointMode =
      s.spec?.endpoint?.mode === swarm.EndpointSpec.ResolutionMode.DNSRR ? 'dnsrr' : 'vip';
    const ports = [
      ...new Set(
        (s.spec?.endpoint?.ports ?? [])
          .filter((p) => (p.protocol ?? swarm.PortConfig.Protocol.TCP) === swarm.PortConfig.Protocol.TCP)
          .map((p) => p.targetPort ?? 0)
          .filter((p) => p > 0),
      ),
    ].sort((a, b) => a - b);
    const vips: Record<string, string> = {};
    const nets: { networkId: string; aliases: string[] }[] = [];
    for (const a of attached) {
      const id = a.target ?? '';
      if (nets.some((x) => x.networkId === id)) continue;
      nets.push({ networkId: id, aliases: [...(a.aliases ?? [])] });
      const vip = vipsByNetwork.get(id)?.[s.id];
      if (mode === 'vip' && vip !== undefined) vips[id] = vip;
    }
    services.push({ id: s.id, name: s.spec?.annotations?.name ?? '', mode, ports, networks: nets, vips });
  }
  services.sort((a, b) => cmp(a.id, b.id));
  const relays = new Map<string, string | undefined>();
  const relayOf = (id: string): string | undefined => {
    if (relays.has(id)) return relays.get(id);
    const node = tx.get('node', id);
    const host =
      node !== undefined && node.status?.state === swarm.NodeStatus.State.READY
        ? hostOf(node.status?.addr ?? '')
        : '';
    const relay = host === '' ? undefined : `${host.includes(':') ? `[${host}]` : host}:${port}`;
    relays.set(id, relay);
    return relay;
  };
  const tasks: ViewTask[] = [];
  for (const s of services)
    for (const t of tx.find('task', { serviceId: s.id })) {
      if (t.status?.state !== swarm.TaskState.RUNNING || t.desiredState !== swarm.TaskState.RUNNING) continue;
      if (!t.nodeId) continue;
      const addresses: Record<string, string> = {};
      for (const a of t.networks ?? [])
        if (a.networkId && mine.has(a.networkId) && a.addresses?.[0])
          addresses[a.networkId] = addressOf(a.addresses[0]);
      if (Object.keys(addresses).length === 0) continue;
      const relayAddr = relayOf(t.nodeId);
      if (relayAddr === undefined) continue;
      tasks.push({ id: t.id, serviceId: s.id, nodeId: t.nodeId, addresses, relayAddr });
    }
  tasks.sort((a, b) => cmp(a.id, b.id));
  return { nodeId, networks, services, tasks };
}

/** The view as the `Networks.NodeNetworks` RPC answers it. */
export function networkViewToProto(view: NodeNetworkView): swarm.NodeNetworksResponse {
  return swarm.NodeNetworksResponse.create({
    nodeId: view.nodeId,
    networks: view.networks.map((n) => swarm.ViewNetwork.create({ ...n })),
    services: view.services.map((s) =>
      swarm.ViewService.create({
        id: s.id,
        name: s.name,
        mode: s.mode,
        ports: [...s.ports],
        networks: s.networks.map((a) =>
          swarm.ViewServiceAttachment.create({ networkId: a.networkId, aliases: [...(a.aliases ?? [])] }),
        ),
        vips: { ...s.vips },
      }),
    ),
    tasks: view.tasks.map((t) =>
      swarm.ViewTask.create({
        id: t.id,
        serviceId: t.serviceId,
        nodeId: t.nodeId,
        addresses: { ...t.addresses },
        relayAddr: t.relayAddr,
      }),
    ),
  });
}

/** The view back from the `Networks.NodeNetworks` RPC's answer (a mode other than `dnsrr` reads as `vip`). */
export function networkViewFromProto(res: swarm.INodeNetworksResponse): NodeNetworkView {
  return {
    nodeId: res.nodeId ?? '',
    networks: (res.networks ?? []).map((n) => ({
      id: n.id ?? '',
      name: n.name ?? '',
      subnet: n.subnet ?? '',
      slice: n.slice ?? '',
      gateway: n.gateway ?? '',
    })),
    services: (res.services ?? []).map((s) => ({
      id: s.id ?? '',
      name: s.name ?? '',
      mode: s.mode === 'dnsrr' ? 'dnsrr' : 'vip',
      ports: [...(s.ports ?? [])],
      networks: (s.networks ?? []).map((a) => ({
        networkId: a.networkId ?? '',
        aliases: [...(a.aliases ?? [])],
      })),
      vips: { ...(s.vips ?? {}) },
    })),
    tasks: (res.tasks ?? []).map((t) => ({
      id: t.id ?? '',
      serviceId: t.serviceId ?? '',
      nodeId: t.nodeId ?? '',
      addresses: { ...(t.addresses ?? {}) },
      relayAddr: t.relayAddr ?? '',
    })),
  };
}
