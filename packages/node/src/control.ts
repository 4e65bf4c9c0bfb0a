// @swarm/node/control: what a client of a running node needs, without loading the daemon. The
// control API's contract (its method names, requests and views), the client that calls it over the
// daemon's unix socket or TCP with mutual TLS, and where a data directory keeps that socket. The
// `swarm` command (@swarm/cli) is built on this entry; `@swarm/node` itself re-exports it.
export * from './control/api.js';
export { ControlClient, type ControlEndpoint, parseControlHost } from './control/client.js';
export { type NodePaths, type NodeState, nodePaths } from './daemon/paths.js';
