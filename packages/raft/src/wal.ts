// @swarm/raft/wal: durable storage for RaftNode as a write-ahead log of preallocated segment files
// synced with fdatasync, snapshots in files of their own. Node.js only (node:fs); no native addon.
export { WalStorage, type WalStorageOptions, type WalWriteStep } from './durable/wal-storage.js';
