// @swarm/raft/sim: the deterministic simulator and its building blocks, for testing raft and the
// state machines built on it under faults, on virtual time, replayable by seed.
export { encodeKvCommand, type KvCommand, type KvResult, KvStateMachine } from './sim/kv-machine.js';
export { calmNetwork, type NetworkFaults, SimNetwork } from './sim/sim-network.js';
export { SimStorage, type SimStorageFaults, type StorageObserver } from './sim/sim-storage.js';
export { runSimulation, type SimulationOptions, type SimulationResult } from './sim/simulator.js';
