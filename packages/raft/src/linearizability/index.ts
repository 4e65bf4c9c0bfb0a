// Linearizability checking for histories recorded against a replicated store (issue 4): a
// Wing & Gong / Lowe search in the style of porcupine, a key-value model and a history recorder.
export { checkHistory, describeOperation } from './check-history.js';
export { LinearizabilityError, type LinearizabilityErrorCode } from './errors.js';
export { HistoryRecorder, type OperationHandle, type RecordedOperation } from './history-recorder.js';
export {
  checkKvHistory,
  type KvCheckResult,
  type KvInput,
  type KvOp,
  type KvOutput,
  type KvState,
  kvModel,
} from './kv-model.js';
export type {
  CheckOptions,
  CheckResult,
  Counterexample,
  LinearizedStep,
  Model,
  Operation,
  RejectedCandidate,
  StepResult,
} from './model.js';
