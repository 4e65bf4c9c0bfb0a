/**
 * The Docker networks of a node's cluster networks: one bridge network per cluster network on the
 * node's engine, whose subnet is the node's slice and whose bridge holds the slice's gateway
 * (where the node's resolver listens). A task with `task.networks` attachments runs attached to
 * them with its fixed address and the gateway as its DNS server. Networks are created when a task
 * needs one and removed when the node's last task on it is gone.
 */
import type { swarm } from '@swarm/api';
import type Docker from 'dockerode';
import { LABEL_PREFIX } from './labels.js';

/** Labels of the Docker networks this executor makes. */
export const NETWORK_LABELS = Object.freeze({
  /** The cluster network's ID. */
  networkId: `${LABEL_PREFIX}network.id`,
  /** The cluster network's name. */
  networkName: `${LABEL_PREFIX}network.name`,
  /** The node that made it. */
  node: `${LABEL_PREFIX}node.id`,
  /** The cluster. */
  cluster: `${LABEL_PREFIX}cluster.id`,
});

/**
 * The Linux bridge of cluster network `networkId` on a node (at most 15 characters, as interface
 * names must be): `sw-` and the first 12 characters of the ID. The node's network agent names the
 * same bridge in its firewall rules.
 */
export function dockerBridgeName(networkId: string): string {
  return `sw-${networkId.slice(0, 12)}`;
}

/** The Docker network's name for cluster network `networkId`. */
export function dockerNetworkName(networkId: string): string {
  return `swarm-${networkId}`;
}

/** One attachment of a task, checked: the Docker network and the endpoint to give the container. */
export interface AttachmentPlan {
  /** The cluster network's ID. */
  networkId: string;
  /** The cluster network's name. */
  networkName: string;
  /** The Docker network's name. */
  dockerName: string;
  /** The node's slice (CIDR): the Docker network's subnet. */
  slice: string;
  /** The slice's gateway: the bridge's address and the task's DNS server. */
  gateway: string;
  /** The task's fixed IPv4 address (no prefix). */
  address: string;
  /** The task's aliases on the network (answered by the node's resolver, not given to Docker). */
  aliases: string[];
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const IP = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4(text: string): number | undefined {
  const m = IP.exec(text);
  if (m === null) return undefined;
  const parts = m.slice(1, 5).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

function cidr(text: string): { base: number; prefix: number; address: string } | undefined {
  const m = CIDR.exec(text);
  if (m === null) return undefined;
  const prefix = Number(m[5]);
  const address = text.slice(0, text.indexOf('/'));
  const base = ipv4(address);
  if (base === undefined || prefix < 8 || prefix > 30) return undefined;
  return { base, prefix, address };
}

function inSlice(addr: number, slice: { base: number; prefix: number }): boolean {
  const mask = slice.prefix === 0 ? 0 : (0xffffffff << (32 - slice.prefix)) >>> 0;
  return (addr & mask) >>> 0 === (slice.base & mask) >>> 0;
}

/**
 * The task's attachments, checked (throws with the fix on what a manager should never send: a
 * slice that is not a CIDR, a gateway or an address outside it, an address equal to the gateway,
 * two attachments to one network).
 */
export function planAttachments(task: swarm.Task): AttachmentPlan[] {
  const out: AttachmentPlan[] = [];
  for (const a of task.networks ?? []) {
    const id = a.networkId ?? '';
    if (!/^[a-zA-Z0-9]{1,64}$/.test(id))
      throw new Error(`the task's network attachment has no valid network ID (${JSON.stringify(id)})`);
    if (out.some((x) => x.networkId === id))
      throw new Error(
        `the task is attached twice to network ${id}: a manager must send one attachment per network`,
      );
    const what = `network ${a.networkName || id}`;
    const slice = cidr(a.slice ?? '');
    if (slice === undefined)
      throw new Error(`${what}: the node's slice ${JSON.stringify(a.slice ?? '')} is not an IPv4 CIDR`);
    const gw = ipv4(a.gateway ?? '');
    if (gw === undefined || !inSlice(gw, slice))
      throw new Error(
        `${what}: the gateway ${JSON.stringify(a.gateway ?? '')} is not in the slice ${a.slice}`,
      );
    const first = (a.addresses ?? [])[0];
    const addr = first === undefined ? undefined : cidr(first);
    if (addr === undefined || !inSlice(addr.base, slice) || addr.base === gw)
      throw new Error(
        `${what}: the task's address ${JSON.stringify(first ?? '')} is not an address of the slice ${a.slice} other than its gateway`,
      );
    out.push({
      networkId: id,
      networkName: a.networkName ?? '',
      dockerName: dockerNetworkName(id),
      slice: a.slice as string,
      gateway: a.gateway as string,
      address: addr.address,
      aliases: [...(a.aliases ?? [])],
    });
  }
  return out;
}

/**
 * Gives a container plan its attachments: the first network is the container's network mode with
 * the fixed address; the others are connected after create (`extraEndpoints`). DNS is the first
 * network's gateway (Docker's embedded resolver on a user-defined network forwards the names it
 * does not know there). Aliases are not given to Docker: its embedded resolver would answer them
 * with this node's containers only and bypass the service VIP; the node's resolver answers them.
 */
export function attachContainer(
  options: Docker.ContainerCreateOptions,
  attachments: readonly AttachmentPlan[],
): { extraEndpoints: { dockerName: string; config: Docker.EndpointSettings }[] } {
  const [first, ...rest] = attachments;
  if (first === undefined) return { extraEndpoints: [] };
  const endpoint = (a: AttachmentPlan): Docker.EndpointSettings => ({
    IPAMConfig: { IPv4Address: a.address },
  });
  options.HostConfig = {
    ...options.HostConfig,
    NetworkMode: first.dockerName,
    Dns: attachments.map((a) => a.gateway),
  };
  options.NetworkingConfig = { EndpointsConfig: { [first.dockerName]: endpoint(first) } };
  return { extraEndpoints: rest.map((a) => ({ dockerName: a.dockerName, config: endpoint(a) })) };
}

/** Who the executor is, for the labels of the networks it makes. */
export interface NetworkOwner {
  /** This node's ID. */
  nodeId: string;
  /** The cluster's ID. */
  clusterId: string;
}

/**
 * Makes sure the Docker network of `a` exists as the attachment says. A network of that name this
 * node made for another slice (the slice changed) is replaced when no container uses it; one that
 * is not this node's is never touched (the task is rejected with the fix).
 */
export async function ensureNetwork(docker: Docker, a: AttachmentPlan, owner: NetworkOwner): Promise<void> {
  const existing = await docker
    .getNetwork(a.dockerName)
    .inspect()
    .catch((err: { statusCode?: number }) => {
      if (err.statusCode === 404) return undefined;
      throw err;
    });
  if (existing !== undefined) {
    const labels = (existing.Labels ?? {}) as Record<string, string>;
    if (labels[NETWORK_LABELS.networkId] !== a.networkId || labels[NETWORK_LABELS.node] !== owner.nodeId)
      throw new Error(
        `the engine has a network named ${a.dockerName} that this node did not make: remove it (docker network rm ${a.dockerName})`,
      );
    const config = (existing.IPAM?.Config ?? [])[0] as { Subnet?: string; Gateway?: string } | undefined;
    if (config?.Subnet === a.slice && config.Gateway === a.gateway) return;
    if (Object.keys(existing.Containers ?? {}).length > 0)
      throw new Error(
        `the node's Docker network ${a.dockerName} has the slice ${config?.Subnet ?? '?'} and still has containers; the task needs ${a.slice}`,
      );
    await docker.getNetwork(a.dockerName).remove();
  }
  try {
    await docker.createNetwork({
      Name: a.dockerName,
      Driver: 'bridge',
      CheckDuplicate: true,
      // Not internal: tasks reach their service VIPs (local addresses of the node, outside the
      // slice) and published ports through the gateway; the node's firewall rules isolate them.
      Internal: false,
      Attachable: false,
      IPAM: { Driver: 'default', Config: [{ Subnet: a.slice, Gateway: a.gateway }] },
      Options: {
        'com.docker.network.bridge.name': dockerBridgeName(a.networkId),
        'com.docker.network.bridge.enable_icc': 'true',
        'com.docker.network.bridge.enable_ip_masquerade': 'true',
      },
      Labels: {
        [NETWORK_LABELS.networkId]: a.networkId,
        [NETWORK_LABELS.networkName]: a.networkName,
        [NETWORK_LABELS.node]: owner.nodeId,
        [NETWORK_LABELS.cluster]: owner.clusterId,
      },
    });
  } catch (err) {
    // Made meanwhile by an earlier run of this node (409): use it if it is as wanted.
    if ((err as { statusCode?: number }).statusCode !== 409) throw err;
    const again = await docker.getNetwork(a.dockerName).inspect();
    const config = (again.IPAM?.Config ?? [])[0] as { Subnet?: string; Gateway?: string } | undefined;
    if (config?.Subnet !== a.slice || config.Gateway !== a.gateway) throw err;
  }
}

/**
 * Removes the Docker networks this node made that no container uses and no task in `inUse` needs.
 * Returns the names removed.
 */
export async function pruneNetworks(
  docker: Docker,
  nodeId: string,
  inUse: ReadonlySet<string>,
): Promise<string[]> {
  const mine = await docker.listNetworks({
    filters: JSON.stringify({ label: [`${NETWORK_LABELS.node}=${nodeId}`] }),
  });
  const removed: string[] = [];
  for (const n of mine) {
    const id = n.Labels?.[NETWORK_LABELS.networkId];
    if (id === undefined || inUse.has(id)) continue;
    const info = await docker
      .getNetwork(n.Id)
      .inspect()
      .catch(() => undefined);
    if (info === undefined || Object.keys(info.Containers ?? {}).length > 0) continue;
    try {
      await docker.getNetwork(n.Id).remove();
      removed.push(n.Name);
    } catch {
      // In use again or gone: the next prune looks again.
    }
  }
  return removed;
}
