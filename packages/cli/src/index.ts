// @swarm/cli: the `swarm` command. A client of a node's control API (@swarm/node/control), as
// Docker's CLI is of the engine: it parses arguments, builds specs from flags, calls the daemon and
// formats what comes back. `swarm daemon` is the one command that runs a node (@swarm/node's
// runDaemon) in this process. `main` is what bin/swarm.js runs; embedders and tests call it with
// their own streams.
export type { CliInput, CliIO, CliOutput } from './command.js';
export { cliVersion, EXIT_FAILED, EXIT_OK, EXIT_UNREACHABLE, EXIT_USAGE, main } from './main.js';
