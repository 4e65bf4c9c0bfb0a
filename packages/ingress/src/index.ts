export {
  EndpointsFollower,
  type EndpointsFollowerComponents,
  type EndpointsFollowerInit,
} from './endpoints-follower.js';
export {
  DEFAULT_CONNECT_TIMEOUT_MS,
  type IngressPortStatus,
  IngressProxy,
  type IngressProxyOptions,
} from './proxy.js';
