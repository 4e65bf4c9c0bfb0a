// @swarm/raft/linearizability: a checker that tells whether a concurrent history of operations
// against a replicated store is linearizable, and a recorder for such histories. Portable.
export * from './linearizability/index.js';
