// @swarm/store: Replicated object store for the swarm core on @swarm/raft: transactions, indexes, watches, snapshots.
// The package's API arrives with its own issue; see README.md.
export {};
