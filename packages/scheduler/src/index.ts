// @swarm/scheduler: orchestrators and placement for the swarm core. Pure: values in, decisions out.
export { ClusterState, isPending, occupiesNode } from './cluster-state.js';
export {
  type Constraint,
  type ConstraintOperator,
  type ConstraintTarget,
  matchConstraint,
  parseConstraint,
  parseConstraints,
} from './constraint.js';
export {
  InvalidConstraintError,
  InvalidPreferenceError,
  InvalidZoneConstraintError,
  type SchedulerErrorCode,
} from './errors.js';
export {
  ApiConverter,
  createdTaskToApi,
  schedulerInitOf,
  updatedServiceToApi,
  updatedTaskToApi,
} from './from-api.js';
export { type NodeFields, nodeInfo } from './node-info.js';
export {
  DEFAULT_PLACEMENT_OPTIONS,
  type PlacementOptions,
  type PlacementStrategy,
  Placer,
} from './placement.js';
export type { Plan } from './plan.js';
export type { RebalanceOptions } from './rebalance.js';
export { restartDueAt, shouldRestart } from './restart.js';
export { Scheduler, type SchedulerComponents, type SchedulerInit } from './scheduler.js';
export {
  canonical,
  DEFAULT_RESTART_POLICY,
  DEFAULT_UPDATE_CONFIG,
  type ServiceFields,
  serviceInfo,
  type TaskSpecFields,
  taskSpec,
} from './spec.js';
export { isTerminal, TaskState, taskStateName } from './task-state.js';
export type * from './types.js';
export { rollbackService } from './update.js';
export {
  isReservedZoneKey,
  nodeZone,
  ZONE_LABEL,
  ZONE_LABEL_PREFIX,
  ZONE_SHARED_LABEL,
  zoneInTransition,
  zoneIsShared,
} from './zone.js';
