// The web listener of a swarm manager: a live cluster visualizer, its JSON and server-sent-events
// API and Prometheus metrics, behind a token.
export {
  type AuthResult,
  assertToken,
  authorize,
  generateToken,
  MIN_TOKEN_LENGTH,
  TOKEN_COOKIE,
  tokenCookie,
  tokenFromFile,
  tokenMatches,
} from './auth.js';
export { WebError, type WebErrorCode } from './errors.js';
export { NODE_STATUSES, SwarmMetrics, TASK_STATES } from './metrics.js';
export {
  NOT_A_MANAGER_PAGE_MESSAGE,
  pageCsp,
  parseListen,
  startWebServer,
  type WebServer,
  type WebServerOptions,
} from './server.js';
export type { WebDaemon, WebDispatcher, WebManager, WebRaft } from './source.js';
export {
  buildState,
  serviceColour,
  type WebNode,
  type WebService,
  type WebState,
  type WebTask,
} from './state.js';
