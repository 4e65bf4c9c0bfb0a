// @swarm/raft: Raft consensus for TypeScript: a sans-I/O core in the style of etcd raft, durable storage, a driver and a deterministic simulator.
// The package's API arrives with its own issue; see README.md.
export {};
