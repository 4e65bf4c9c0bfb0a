export { Inflights } from './inflights.js';
export { Progress, type ProgressInit, type ProgressState } from './progress.js';
export {
  cloneConfig,
  cloneProgressMap,
  configToConfState,
  describeConfig,
  describeProgressMap,
  emptyTrackerConfig,
  type ProgressMap,
  ProgressTracker,
  type TrackerConfig,
} from './tracker.js';
