// @swarm/raft: Raft consensus for TypeScript, a sans-I/O core in the style of etcd raft.

export {
  confStateFromWire,
  confStateToWire,
  decodeConfChange,
  decodeMessage,
  encodeConfChange,
  encodeMessage,
  entryFromWire,
  entryToWire,
  hardStateFromWire,
  hardStateToWire,
  messageFromWire,
  messageToWire,
  snapshotFromWire,
  snapshotToWire,
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
// ---- durable storage, the driver and its transport ----
export { LevelStorage, type LevelStorageOptions, type WriteStep } from './durable/level-storage.js';
export type { RecordCipher } from './durable/record.js';
export {
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
// ---- linearizability checking ----
export * from './linearizability/index.js';
export {
  type CallOptions,
  RaftNode,
  type RaftNodeOptions,
  type StateMachine,
} from './node/raft-node.js';
export { memoryRaftStorage, type RaftStorage, type StorageUpdate } from './node/raft-storage.js';
export { LocalNetwork, type Receiver, type Transport } from './node/transport.js';
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
