import type { NodeInfo } from './types.js';

/**
 * Security zones. A node's zone is the manager-owned label `swarm.zone` (NodeSpec.annotations.labels,
 * never an engine label, never the hostname). Tasks enter a zone with the constraint
 * `node.labels.swarm.zone==NAME`. A node in a zone runs only tasks of that zone, unless the manager
 * also labels it `swarm.zone.shared=true`, which lets tasks without a zone constraint run there too.
 * Every label key starting with `swarm.zone` is reserved: constraints may only use `==` on ZONE_LABEL.
 */
export const ZONE_LABEL = 'swarm.zone';
/** Manager-owned label that opens a zoned node to tasks without a zone constraint (value `true`). */
export const ZONE_SHARED_LABEL = 'swarm.zone.shared';
/** The reserved prefix: no constraint may address other label keys under it. */
export const ZONE_LABEL_PREFIX = 'swarm.zone';

/** True when a label key belongs to the reserved zone namespace. */
export function isReservedZoneKey(labelKey: string): boolean {
  return labelKey === ZONE_LABEL_PREFIX || labelKey.startsWith(`${ZONE_LABEL_PREFIX}.`);
}

/** The zone a node is in (`''` for none), from its manager-owned labels only. */
export function nodeZone(node: NodeInfo): string {
  return node.labels[ZONE_LABEL] ?? '';
}

/** True when a zoned node also accepts tasks that carry no zone constraint. */
export function zoneIsShared(node: NodeInfo): boolean {
  return node.labels[ZONE_SHARED_LABEL] === 'true';
}

/**
 * True when the node's certificate was issued for another zone than its label says (the label
 * changed and the certificate has not caught up). Such a node gets no work: fail closed.
 */
export function zoneInTransition(node: NodeInfo): boolean {
  return node.certificateZone !== undefined && node.certificateZone !== nodeZone(node);
}
