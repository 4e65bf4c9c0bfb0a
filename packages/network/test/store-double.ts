// A small in-memory double of the store reads and writes the attachment and the view use, and
// builders for the objects involved (a network with a subnet, a service on it, a task on a node).
import { swarm } from '@swarm/api';
import { attachTask, createNetwork, type NetworkObjectTypes, type NetworkWriteTx } from '../src/index.js';

type Kind = keyof NetworkObjectTypes;

export class StoreDouble implements NetworkWriteTx {
  /** The objects written through `update`, as `kind:id`. */
  readonly updated: string[] = [];

  readonly objects: { [K in Kind]: Map<string, NetworkObjectTypes[K]> } = {
    node: new Map(),
    network: new Map(),
    service: new Map(),
    task: new Map(),
  };

  get<K extends Kind>(kind: K, id: string): NetworkObjectTypes[K] | undefined {
    return this.objects[kind].get(id) as NetworkObjectTypes[K] | undefined;
  }

  list<K extends Kind>(kind: K): NetworkObjectTypes[K][] {
    return [...this.objects[kind].values()] as NetworkObjectTypes[K][];
  }

  find<K extends Kind>(kind: K, by: { serviceId?: string; nodeId?: string }): NetworkObjectTypes[K][] {
    return this.list(kind).filter((o) => {
      const t = o as swarm.Task;
      return (
        (by.serviceId === undefined || t.serviceId === by.serviceId) &&
        (by.nodeId === undefined || t.nodeId === by.nodeId)
      );
    });
  }

  update<K extends Kind>(kind: K, obj: NetworkObjectTypes[K]): void {
    this.updated.push(`${kind}:${obj.id}`);
    this.put(kind, obj);
  }

  put<K extends Kind>(kind: K, obj: NetworkObjectTypes[K]): void {
    (this.objects[kind] as Map<string, NetworkObjectTypes[K]>).set(obj.id, obj);
  }

  /** A network named `name` with the next free subnet (or `subnet`). */
  network(id: string, name: string, subnet?: string): swarm.Network {
    const n = createNetwork(
      id,
      swarm.NetworkSpec.create({
        annotations: { name },
        ...(subnet === undefined ? {} : { ipam: { configs: [{ subnet }] } }),
      }),
      this.list('network'),
    );
    this.put('network', n);
    return n;
  }

  /** A READY node whose verified address is `addr`. */
  node(id: string, addr: string, state = swarm.NodeStatus.State.READY): void {
    this.put('node', swarm.Node.create({ id, status: { state, addr } }));
  }

  /** A service attached to `networks` (ID, aliases), with endpoint ports (target, protocol). */
  service(
    id: string,
    name: string,
    networks: { target: string; aliases?: string[] }[],
    o: { dnsrr?: boolean; ports?: { targetPort: number; protocol?: number; publishedPort?: number }[] } = {},
  ): void {
    this.put(
      'service',
      swarm.Service.create({
        id,
        spec: {
          annotations: { name },
          task: { networks },
          endpoint: {
            mode: o.dnsrr ? swarm.EndpointSpec.ResolutionMode.DNSRR : swarm.EndpointSpec.ResolutionMode.VIP,
            ports: o.ports ?? [],
          },
        },
      }),
    );
  }

  /**
   * A task of `serviceId` assigned to `nodeId` the way a manager does it (attachTask over this
   * store, networks written back), then moved to `state`.
   */
  assign(id: string, serviceId: string, nodeId: string, state = swarm.TaskState.RUNNING): swarm.Task {
    const svc = this.get('service', serviceId)!;
    const task = swarm.Task.create({
      id,
      serviceId,
      spec: svc.spec?.task ?? {},
      status: { state: swarm.TaskState.PENDING },
      desiredState: swarm.TaskState.RUNNING,
    });
    const r = attachTask(task, nodeId, this.list('network'), this.find('task', { nodeId }));
    for (const n of r.changedNetworks) this.put('network', n);
    task.nodeId = nodeId;
    task.networks = r.attachments;
    task.status = swarm.TaskStatus.create({ state });
    this.put('task', task);
    return task;
  }
}
