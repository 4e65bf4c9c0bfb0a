export { JointConfig } from './joint.js';
export { MajorityConfig } from './majority.js';
export {
  type AckedIndexer,
  compareBigint,
  formatIndex,
  mapAckIndexer,
  sortedIds,
  type VoteResult,
} from './vote-result.js';
