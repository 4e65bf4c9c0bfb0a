#!/usr/bin/env node
// PLACEHOLDER demo, until the node issue (#10) replaces it with a real local cluster: it prints the
// plan of the cluster that `pnpm demo` will start (three managers, two workers on loopback), with
// fresh IDs from the built @swarm/api, and the join token format the nodes will use.
import { generateId, swarm } from '@swarm/api';

const plan = [
  { name: 'manager-1', role: swarm.NodeRole.NODE_ROLE_MANAGER, addr: '127.0.0.2:2377' },
  { name: 'manager-2', role: swarm.NodeRole.NODE_ROLE_MANAGER, addr: '127.0.0.3:2377' },
  { name: 'manager-3', role: swarm.NodeRole.NODE_ROLE_MANAGER, addr: '127.0.0.4:2377' },
  { name: 'worker-1', role: swarm.NodeRole.NODE_ROLE_WORKER, addr: '127.0.0.5:2377', zone: 'pci' },
  { name: 'worker-2', role: swarm.NodeRole.NODE_ROLE_WORKER, addr: '127.0.0.6:2377' },
];
const clusterId = generateId();
console.log('swarm demo (placeholder until the node issue lands): the local cluster it will start\n');
console.log(`cluster ${clusterId}`);
console.log('ID                          HOSTNAME    ROLE     ADDRESS          ZONE');
for (const n of plan) {
  const node = swarm.Node.create({
    id: generateId(),
    role: n.role,
    spec: { annotations: { name: n.name } },
    status: { addr: n.addr },
    zone: n.zone ?? '',
  });
  // Round-trip through the wire format, as the real cluster's control API will.
  const back = swarm.Node.decode(swarm.Node.encode(node).finish());
  const role = back.role === swarm.NodeRole.NODE_ROLE_MANAGER ? 'manager' : 'worker';
  console.log(
    `${back.id}   ${back.spec.annotations.name.padEnd(11)} ${role.padEnd(8)} ${back.status.addr.padEnd(16)} ${back.zone || '-'}`,
  );
}
console.log('\nthen: a secret, a 5-replica web service on a published port, scale, remove a worker, stop.');
console.log('join tokens will look like SWMTKN-1-<50 base36 digest of the root CA>-<25 base36 secret>');
