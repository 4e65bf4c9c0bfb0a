// @swarm/node: the reference swarm node. It composes the swarm core libraries into a working,
// secure cluster: the daemon (identity, manager and worker halves), gRPC over mutual TLS, the
// sandboxed task executor, the ingress proxy and the control API. The `swarm` command that drives
// it is @swarm/cli; a client needs only `@swarm/node/control` (re-exported here).

export { serveControl } from './control/http.js';
export * from './control.js';
export { type BackupHeader, readBackupHeader, restoreBackup } from './daemon/backup.js';
export { DaemonControl } from './daemon/control.js';
export {
  ALREADY_IN_SWARM_MESSAGE,
  addresses,
  Daemon,
  type DaemonOptions,
  NOT_A_MANAGER_MESSAGE,
  type Phase,
  VERSION,
} from './daemon/daemon.js';
export { type RunDaemonOptions, runDaemon } from './daemon/run.js';
export { NodeDataError, type NodeDataErrorCode } from './errors.js';
export { LogStore } from './manager/log-store.js';
export { Manager, type ManagerOptions } from './manager/manager.js';
export { Worker, type WorkerCalls, type WorkerOptions } from './worker/worker.js';
