// @swarm/executor-docker: swarm tasks as containers of the node's Docker Engine.
export { Demuxer, type StreamKind } from './demux.js';
export {
  checkConfigs,
  configArchive,
  DEFAULT_MAX_CONCURRENT_STARTS,
  DEFAULT_MAX_FINISHED_TASKS,
  DEFAULT_MAX_LOG_BYTES,
  DEFAULT_STOP_GRACE_MS,
  DockerExecutor,
  type DockerExecutorOptions,
  type EngineStats,
  engineMessage,
  pullMessage,
  type RegistryCredentials,
  type SecretLike,
} from './docker-executor.js';
export {
  API_VERSION,
  DEFAULT_DOCKER_HOST,
  dockerOptions,
  type EngineVersion,
  engineAnswers,
  probeEngine,
} from './engine.js';
export * from './errors.js';
export { containerName, LABEL_PREFIX, LABELS } from './labels.js';
export {
  type AttachmentPlan,
  attachContainer,
  dockerBridgeName,
  dockerNetworkName,
  ensureNetwork,
  NETWORK_LABELS,
  type NetworkOwner,
  planAttachments,
  pruneNetworks,
} from './networks.js';
export { checkSecretsDir, type FilesystemProbe, RAMFS_MAGIC, systemProbe, TMPFS_MAGIC } from './secrets.js';
export {
  type ContainerPlan,
  healthConfig,
  int64,
  type PortRequest,
  planContainer,
  registryOf,
  type SpecContext,
  splitImage,
} from './spec.js';
export { type TarFile, tarFiles } from './tar.js';
