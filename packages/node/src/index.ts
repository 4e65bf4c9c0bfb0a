// @swarm/node: The reference swarm node and the swarm CLI: composes the swarm core libraries into a working, secure cluster.
// The package's API arrives with its own issue; see README.md.
export {};
