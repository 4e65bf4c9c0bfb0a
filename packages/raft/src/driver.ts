// @swarm/raft/driver: RaftNode, the driver that runs the core's Ready loop on an injected clock and
// turns proposals into promises; its storage contract (with an in-memory storage) and transports
// (LocalNetwork connects drivers in one process). Portable: no Node builtin, no native addon.
export { type CallOptions, RaftNode, type RaftNodeOptions, type StateMachine } from './driver/raft-node.js';
export {
  memoryRaftStorage,
  type RaftStorage,
  type SaveOptions,
  type StorageUpdate,
} from './driver/raft-storage.js';
export { LocalNetwork, type Receiver, type Transport } from './driver/transport.js';
