export {
  DEFAULT_CONNECT_TIMEOUT_MS,
  type IngressPortStatus,
  IngressProxy,
  type IngressProxyOptions,
} from './proxy.js';
