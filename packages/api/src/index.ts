export { hostOf } from './address.js';
export { type Clock, ManualClock, systemClock, type Timer } from './clock.js';
export { isSwarmError, SwarmError, type SwarmErrorJSON } from './errors.js';
export { swarm } from './gen/proto.js';
export { assertValidId, generateId, ID_LENGTH, isValidId, toBase36 } from './ids.js';
export {
  jsonLogger,
  type LogEntry,
  type LogFields,
  type Logger,
  type LogLevel,
  MemoryLogger,
  noopLogger,
} from './logger.js';
export { isRunning, modeOf } from './objects.js';
export { cryptoRandom, type Random, seededRandom } from './random.js';
export { fromLong, toLong } from './uint64.js';
export { UINT64_MAX } from './uint64-max.js';
