// Building the scheduler's value for a node by hand (embedders that do not keep swarm.Node objects;
// those use ApiConverter). Only the identity and the capacity are required; everything else has the
// value a freshly joined, healthy worker has.
import type { NodeInfo, Resources } from './types.js';

/** What `nodeInfo` needs: an ID and the node's capacity; the rest has defaults. */
export type NodeFields = Partial<NodeInfo> & { readonly id: string; readonly resources: Resources };

/**
 * A NodeInfo: `id` and `resources` (total capacity) are required; defaults are hostname = id,
 * role `worker`, status `ready`, availability `active`, no labels, no address, and an unknown
 * platform (`{ os: '', architecture: '' }`: only tasks without a platform constraint fit it).
 */
export function nodeInfo(fields: NodeFields): NodeInfo {
  if (typeof fields.id !== 'string' || fields.id === '') throw new TypeError('nodeInfo: id is required');
  const { nanoCpus, memoryBytes } = fields.resources ?? {};
  if (!(Number(nanoCpus) >= 0) || !(Number(memoryBytes) >= 0))
    throw new RangeError(`nodeInfo(${fields.id}): resources need nanoCpus >= 0 and memoryBytes >= 0`);
  return {
    id: fields.id,
    hostname: fields.hostname ?? fields.id,
    role: fields.role ?? 'worker',
    addr: fields.addr ?? '',
    status: fields.status ?? 'ready',
    availability: fields.availability ?? 'active',
    labels: fields.labels ?? {},
    engineLabels: fields.engineLabels ?? {},
    platform: fields.platform ?? { os: '', architecture: '' },
    resources: fields.resources,
    ...(fields.certificateZone === undefined ? {} : { certificateZone: fields.certificateZone }),
  };
}
