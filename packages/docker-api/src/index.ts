export type { LogOptions, RequestContext, SwarmBackend, SwarmUpdateFlags } from './backend.js';
export {
  DockerApiError,
  DockerApiOptionsError,
  DockerConflictError,
  type DockerErrorCode,
  DockerForbiddenError,
  DockerInvalidParameterError,
  DockerNotFoundError,
  DockerNotImplementedError,
  DockerSystemError,
  DockerUnavailableError,
  responseFor,
} from './errors.js';
export { type Filters, parseFilters } from './filters.js';
export {
  baseHeaders,
  boolParam,
  type DockerRequest,
  goTime,
  MAX_BODY_BYTES,
  readJson,
  readObject,
  type ServerIdentity,
  sendEmpty,
  sendError,
  sendJson,
} from './http.js';
export { demux, detailsOf, frame, rfc3339NanoFixed } from './logs.js';
export type { CompiledRoute, RouteOf } from './route.js';
export { withDefaults } from './routes-services.js';
export { dockerArch } from './routes-system.js';
export {
  type BaseContext,
  compileRoutes,
  createDockerApiHandler,
  createRoutedHandler,
  type DockerApiHandler,
  type DockerApiHandlerOptions,
  type DockerApiListen,
  type DockerApiServer,
  parseListen,
  type RoutedHandlerOptions,
  type ServeHandlerOptions,
  serveDockerApi,
  serveHandler,
} from './server.js';
export { checkTcpRequest, type TcpGuard, tcpGuard } from './tcp-guard.js';
export type * from './types.js';
export { API_VERSION, checkVersion, compareVersions, MIN_API_VERSION, splitVersion } from './version.js';
