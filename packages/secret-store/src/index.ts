// @swarm/secret-store: Secrets and encryption at rest for the swarm core: DEK/KEK, autolock, unlock keys, record cipher, tmpfs delivery.
// The package's API arrives with its own issue; see README.md.
export {};
