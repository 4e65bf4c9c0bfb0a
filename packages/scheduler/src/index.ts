// @swarm/scheduler: Orchestrators and placement for the swarm core: replicated and global services, restarts, rolling updates, constraints, security zones, spread.
// The package's API arrives with its own issue; see README.md.
export {};
