/**
 * `@swarm/scheduler/driver`: the store-driven orchestration loop. The {@link Orchestrator} feeds a
 * cluster store into the pure `Scheduler`, writes its plans back in transactions, retries on
 * conflicts and reaps old tasks; an embedder wires it to its store, clock and logger and runs it
 * on the raft leader only. The store is a structural contract ({@link DriverStore}): any
 * @swarm/store `Store` fits.
 *
 * @module
 */
export { type ApplyResult, applyServiceDecision, applyTaskDecision, newTask } from './driver/apply.js';
export {
  Orchestrator,
  type OrchestratorOptions,
  type OrchestratorStats,
  type PassResult,
} from './driver/orchestrator.js';
export {
  DEFAULT_TASK_HISTORY_RETENTION,
  type ReapCandidate,
  type ReapOptions,
  type ReapReason,
  retentionOf,
  stillReapable,
  taskHistoryRetention,
  tasksToReap,
} from './driver/reaper.js';
export {
  type AssignHook,
  type DriverAbortSignal,
  type DriverObjectKind,
  type DriverObjectTypes,
  type DriverReadTx,
  type DriverStore,
  type DriverStoreEvent,
  type DriverWriteTx,
  isStoreConflict,
  STORE_CONFLICT_CODES,
} from './driver/store-contract.js';
