export { bwrapArgs, type SandboxSpec, sandboxHostname, systemMounts } from './bwrap.js';
export {
  ClusterLinks,
  type ClusterLinksOptions,
  clusterBridgeName,
  hostVethName,
  type LinkRunner,
  planSandboxAttachments,
  type SandboxAttachment,
  systemLinkRunner,
  type TaskLinks,
  taskResolvConf,
} from './cluster-network.js';
export { PortAllocator, type PortAllocatorOptions, type PortProtocol, probePort } from './ports.js';
export {
  DEFAULT_CLUSTER_POOL,
  DEFAULT_MAX_FINISHED_TASKS,
  DEFAULT_MAX_LOG_BYTES,
  DEFAULT_PATH,
  DEFAULT_STOP_GRACE_MS,
  DEFAULT_TASK_ID,
  SandboxExecutor,
  type SandboxExecutorOptions,
} from './sandbox-executor.js';
