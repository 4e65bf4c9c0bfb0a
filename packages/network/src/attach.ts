/**
 * A task's place on its cluster networks, decided by a manager in the store transaction that
 * assigns the task to a node (as Docker's allocator does on the manager: a worker never chooses or
 * reports an address). Pure and deterministic: from the same store state every manager gives the
 * same node slice and the same address.
 */
import { swarm } from '@swarm/api';
import { networkSubnet, withIpamOptions } from './cluster.js';
import { AttachError, IpamError } from './errors.js';
import { ipamStateFromOptions, ipamStateToOptions, NetworkIpam, sliceGateway } from './ipam.js';
import { contains, formatIpv4, parseIpv4, parseSubnet, size } from './ipv4.js';
import type { NetworkWriteTx } from './store-contract.js';

/** What {@link attachTask} decided: the task's attachments, and the networks to write back. */
export interface AttachResult {
  /** One attachment per network of the task's spec, in the spec's order (store them as `task.networks`). */
  attachments: swarm.NetworkAttachment[];
  /** Networks whose IPAM state gained the node's slice: write them in the same transaction. */
  changedNetworks: swarm.Network[];
}

const TERMINAL = swarm.TaskState.COMPLETE;

/** Whether a task still holds its addresses: its state is not terminal yet (a container may still use them). */
export function holdsAddresses(task: swarm.ITask): boolean {
  return (task.status?.state ?? swarm.TaskState.NEW) < TERMINAL;
}

/** The address part of `a.b.c.d/len` (or of a bare address). */
export function addressOf(cidr: string): string {
  const slash = cidr.indexOf('/');
  return slash < 0 ? cidr : cidr.slice(0, slash);
}

/**
 * The attachments of `task` (its `spec.networks`) once it runs on node `nodeId`: for each network,
 * the node's slice (allocated, lowest free, if the node has none yet), the slice's gateway, and the
 * lowest address of the slice that no other task of `liveTasks` on that node and network holds
 * (tasks in a terminal state hold none). `networks`: the cluster's networks (a transaction's
 * `list('network')`); `liveTasks`: the tasks of the node (a transaction's `find('task', { nodeId })`).
 * A task without networks gets none. Throws `AttachError` (`NETWORK_NOT_FOUND`,
 * `NETWORK_NO_SUBNET`) or `IpamError` (`SLICES_EXHAUSTED`, `ADDRESSES_EXHAUSTED`).
 */
export function attachTask(
  task: swarm.ITask,
  nodeId: string,
  networks: readonly swarm.INetwork[],
  liveTasks: readonly swarm.ITask[],
): AttachResult {
  const attachments: swarm.NetworkAttachment[] = [];
  const changedNetworks: swarm.Network[] = [];
  const seen = new Set<string>();
  for (const wanted of task.spec?.networks ?? []) {
    const id = wanted.target ?? '';
    if (seen.has(id)) continue;
    seen.add(id);
    const n = networks.find((x) => x.id === id);
    if (n === undefined)
      throw new AttachError(
        'NETWORK_NOT_FOUND',
        `task ${task.id ?? ''} is attached to network ${id}, which does not exist: update the service's --network`,
        { taskId: task.id ?? '', networkId: id },
      );
    const subnet = networkSubnet(n);
    const name = n.spec?.annotations?.name ?? '';
    if (subnet === undefined)
      throw new AttachError(
        'NETWORK_NO_SUBNET',
        `network ${name || id} has no subnet (it was created before subnets were allocated): recreate it`,
        { networkId: id },
      );
    const state = ipamStateFromOptions(n.driverState?.options ?? {});
    let slice = state.slices[nodeId];
    if (slice === undefined) {
      const ipam = new NetworkIpam(subnet, state);
      slice = ipam.sliceFor(nodeId);
      changedNetworks.push(withIpamOptions(n, ipamStateToOptions(ipam.state())));
    }
    const s = parseSubnet(slice);
    const used = new Set<number>();
    for (const t of liveTasks) {
      if (t.id === task.id || t.nodeId !== nodeId || !holdsAddresses(t)) continue;
      for (const a of t.networks ?? []) {
        if (a.networkId !== id) continue;
        for (const cidr of a.addresses ?? []) {
          try {
            const addr = parseIpv4(addressOf(cidr));
            if (contains(s, addr)) used.add(addr);
          } catch {
            // A malformed stored address holds nothing.
          }
        }
      }
    }
    // The slice's network address, its gateway (first host) and its broadcast address are not given out.
    let address: number | undefined;
    for (let a = s.base + 2; a < s.base + size(s) - 1; a++)
      if (!used.has(a)) {
        address = a;
        break;
      }
    if (address === undefined)
      throw new IpamError(
        'ADDRESSES_EXHAUSTED',
        `network ${name || id} has no address left in node ${nodeId}'s slice ${slice} (${used.size} tasks hold one): the task waits until a task of the network on that node ends`,
        { networkId: id, nodeId, slice },
      );
    attachments.push(
      swarm.NetworkAttachment.create({
        networkId: id,
        networkName: name,
        slice,
        gateway: sliceGateway(slice),
        subnet,
        addresses: [`${formatIpv4(address)}/${s.prefix}`],
        aliases: [...(wanted.aliases ?? [])],
      }),
    );
  }
  return { attachments, changedNetworks };
}

/**
 * `attachTask` in a store transaction, for the orchestrator's assignment hook: `task` (about to be
 * stored assigned to `task.nodeId`) with `networks` filled, and the networks that gained the
 * node's slice written in `tx`. A task without networks is returned as is. Throws, before writing
 * anything, what `attachTask` throws (the orchestrator then keeps the task pending with the message).
 */
export function attachAssignedTask(tx: NetworkWriteTx, task: swarm.Task): swarm.Task {
  if ((task.spec?.networks ?? []).length === 0) return task;
  const r = attachTask(task, task.nodeId, tx.list('network'), tx.find('task', { nodeId: task.nodeId }));
  for (const n of r.changedNetworks) tx.update('network', n);
  task.networks = r.attachments;
  return task;
}
