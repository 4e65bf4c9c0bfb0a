// @swarm/raft: Raft consensus for TypeScript, a sans-I/O core in the style of etcd raft. This entry
// is the portable core (no Node builtin, no native addon: it bundles for a browser or a worker).
// The rest sits behind subpaths: `./driver` (RaftNode, transports), `./level` (LevelDB storage),
// `./linearizability`, `./sim`, `./testing` and `./wire` (protobufjs conversions).

export {
  decodeConfChange,
  decodeConfChangeV1,
  decodeEntry,
  decodeHardState,
  decodeMessage,
  decodeSnapshot,
  encodeConfChange,
  encodeConfChangeV1,
  encodeEntry,
  encodeHardState,
  encodeMessage,
  encodeSnapshot,
} from './codec.js';
export { confChangesFromString, describeConfChanges } from './confchange/describe.js';
export { ConfChangeError } from './confchange/errors.js';
export { type Config, DEFAULT_MAX_SIZE_PER_MSG } from './config.js';
export {
  describeConfState,
  describeEntry,
  describeHardState,
  describeMessage,
  describeReady,
  describeSnapshot,
} from './describe.js';
// The record cipher contract of storages (LevelStorage in `@swarm/raft/level`, or yours).
export type { RecordCipher } from './durable/record.js';
export {
  AdvanceWithAsyncStorageWritesError,
  LogCompactedError,
  LogUnavailableError,
  NoLeaderError,
  NoReadyError,
  ProposalDroppedError,
  RaftConfigError,
  RaftInvariantError,
  RaftNodeStoppedError,
  RaftTimeoutError,
  SnapshotOutOfDateError,
  SnapshotTemporarilyUnavailableError,
  StepLocalMessageError,
  StepPeerNotFoundError,
  StorageClosedError,
  StorageCorruptError,
} from './errors.js';
export type { SoftState, StateType } from './raft.js';
export { RawNode, type Ready, type SnapshotStatus } from './raw-node.js';
export type { ReadOnlyOption, ReadState } from './read-only.js';
export type { ProgressStatus, Status } from './status.js';
export { type InitialState, MemoryStorage, type Storage } from './storage.js';
export type { ProgressState } from './tracker/progress.js';
export * from './types.js';
export {
  confChangeEntersJoint,
  confChangeLeavesJoint,
  emptySnapshot,
  isEmptySnapshot,
  toMemberId,
} from './util.js';
