// @swarm/dispatcher: The push channel between swarm managers and workers: sessions, heartbeats, assignments, task status, and the worker agent.
// The package's API arrives with its own issue; see README.md.
export {};
