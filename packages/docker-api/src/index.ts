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
export { goTime, MAX_BODY_BYTES } from './http.js';
export { demux, detailsOf, frame, rfc3339NanoFixed } from './logs.js';
export { withDefaults } from './routes-services.js';
export { dockerArch } from './routes-system.js';
export {
  createDockerApiHandler,
  type DockerApiHandler,
  type DockerApiHandlerOptions,
  type DockerApiListen,
  type DockerApiServer,
  parseListen,
  serveDockerApi,
} from './server.js';
export { checkTcpRequest, type TcpGuard, tcpGuard } from './tcp-guard.js';
export type * from './types.js';
export { API_VERSION, compareVersions, MIN_API_VERSION } from './version.js';
