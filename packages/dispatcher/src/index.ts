// @swarm/dispatcher: the push channel between swarm managers and workers.
export {
  AGENT_DEFAULTS,
  Agent,
  type AgentComponents,
  type AgentConnection,
  type AgentInit,
  configTarget,
} from './agent.js';
export { AssignmentSet } from './assignment-set.js';
export { Dispatcher, type DispatcherComponents } from './dispatcher.js';
export {
  DEFAULT_PORT_RULE,
  EndpointsTable,
  endpointsKey,
  hostOf,
  ingressPortProblem,
  ingressPorts,
  publishedEndpoints,
  type RefusedEndpoint,
  type WatchEndpointsOptions,
  watchPublishedEndpoints,
} from './endpoints.js';
export * from './errors.js';
export type {
  Executor,
  ExecutorInfo,
  ManagedExecutor,
  TaskConfigFile,
  TaskContext,
  TaskSecretWriter,
  TaskStatusReport,
} from './executor.js';
export {
  LOG_PUBLISHER_DEFAULTS,
  LogPublisher,
  type LogPublisherComponents,
  type LogPublisherInit,
  logBatch,
  MAX_LOG_BATCH_BYTES,
  MAX_LOG_BATCH_LINES,
} from './log-publisher.js';
export {
  checkPortRange,
  DEFAULT_TASK_PORT_RANGE,
  DISPATCHER_DEFAULTS,
  type DispatcherInit,
  type DispatcherOptions,
} from './options.js';
export type {
  DispatcherStore,
  ObjectKind,
  ObjectTypes,
  ReadTx,
  StoreEvent,
  WriteTx,
} from './store-contract.js';
export {
  LineSplitter,
  LogRing,
  logLine,
  MAX_LINE_BYTES,
  TaskLogBook,
  type TaskLogBookOptions,
  type TaskLogLine,
} from './task-logs.js';
export {
  hostPortProblem,
  inAssignmentSet,
  needsSecrets,
  type PortRule,
  referencedConfigIds,
  referencedSecretIds,
} from './task-rules.js';
export type {
  Connector,
  DispatcherConnection,
  DispatcherService,
  MessageSink,
  SessionPeer,
  StreamHandle,
} from './transport.js';
