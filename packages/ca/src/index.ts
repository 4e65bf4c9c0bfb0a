// @swarm/ca: The swarm certificate authority: root CA, join tokens, CSRs, node certificates, renewal, root rotation, deny list, RPC authorization.
// The package's API arrives with its own issue; see README.md.
export {};
