// @swarm/testbed: benches for tests, the demo and benchmarks (private; never published).
export { type DialError, Dialer, type HttpResult } from './dialer.js';
export { Engine, type EngineOptions } from './engine.js';
export * from './errors.js';
export {
  busyboxRootfs,
  engineCall,
  type RegistryAuth,
  removeImage,
  splitRef,
} from './images.js';
export { type Lan, type LanHost, Namespace, PinnedNamespace } from './namespace.js';
export { alive, pidsMatching, poll, type RunResult, run, TOOL_PACKAGES, which } from './process.js';
export { Registry, type RegistryOptions } from './registry.js';
export { sweepStale } from './sweep.js';
export { Testbed, type TestbedOptions } from './testbed.js';
