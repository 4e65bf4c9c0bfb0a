// @swarm/classic: standalone Swarm 0.2 (swarm manage / join / list) over a pool of Docker engines.
export { canonicalAddress, type EngineEndpoint, expandRange, parseAddress } from './address.js';
export {
  createCluster,
  type Discovery,
  type DiscoveryOptions,
  discovery,
  EtcdDiscovery,
  FileDiscovery,
  NodesDiscovery,
  parseAddressList,
  TOKEN_PATTERN,
  TokenDiscovery,
} from './discovery/index.js';
export {
  DockerEngineClient,
  type DockerEngineClientOptions,
  type EngineClient,
  type EngineFacts,
  type EngineTls,
  type ForwardRequest,
  heldOf,
} from './engine-client.js';
export { ClassicError, type ClassicErrorCode } from './errors.js';
export { type Expression, holds, parseExpression } from './expression.js';
export {
  affinityFilter,
  constraintFilter,
  dependencyFilter,
  FILTER_NAMES,
  FILTERS,
  type Filter,
  type FilterName,
  healthFilter,
  portFilter,
  validateRequest,
} from './filters.js';
export { type Join, type JoinOptions, startJoin } from './join.js';
export { Pool, type PoolOptions } from './pool.js';
export {
  AFFINITIES_LABEL,
  CONSTRAINTS_LABEL,
  type CreateBody,
  containerRequest,
  dependenciesOf,
  forwardBody,
  requestedPorts,
} from './request.js';
export { type PlaceOptions, parseFilters, place } from './scheduler.js';
export {
  CLASSIC_VERSION,
  createManageHandler,
  dockerErrorOf,
  type ManageOptions,
  parseManageListen,
  serveManage,
} from './server.js';
export {
  type EngineLoad,
  engineLoad,
  parseStrategy,
  type RankOptions,
  rank,
  STRATEGY_NAMES,
  type StrategyName,
} from './strategy.js';
export {
  createTokenService,
  serveTokenService,
  type TokenServer,
  type TokenService,
  type TokenServiceOptions,
} from './token-service.js';
export type * from './types.js';
