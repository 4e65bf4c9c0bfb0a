// @swarm/raft/level: durable storage for RaftNode on LevelDB (classic-level, a native addon: install
// it beside @swarm/raft), with a CRC-32 on every record and an optional record cipher. Node.js only.
export { LevelStorage, type LevelStorageOptions, type WriteStep } from './durable/level-storage.js';
export type { RecordCipher } from './durable/record.js';
