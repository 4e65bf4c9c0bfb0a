import type { MemberId } from '../types.js';
import { MajorityConfig } from './majority.js';
import type { AckedIndexer, VoteResult } from './vote-result.js';

/**
 * Two majority configs that must both agree, used while membership moves from the outgoing set
 * of voters to the incoming one (Raft thesis §4.3, "joint consensus"). Outside a membership
 * change the outgoing config is empty, and an empty majority config agrees with everything, so a
 * non-joint JointConfig decides exactly like its incoming config.
 */
export class JointConfig {
  readonly incoming: MajorityConfig;
  readonly outgoing: MajorityConfig;

  constructor(
    incoming: MajorityConfig = new MajorityConfig(),
    outgoing: MajorityConfig = new MajorityConfig(),
  ) {
    this.incoming = incoming;
    this.outgoing = outgoing;
  }

  /** True while the outgoing config still has voters. */
  isJoint(): boolean {
    return this.outgoing.size > 0;
  }

  /** Every voter of either half. */
  ids(): Set<MemberId> {
    const out = new Set(this.incoming.ids);
    for (const id of this.outgoing.ids) out.add(id);
    return out;
  }

  clone(): JointConfig {
    return new JointConfig(this.incoming.clone(), this.outgoing.clone());
  }

  /** The largest index both halves have committed: the smaller of the two. */
  committedIndex(acked: AckedIndexer): bigint {
    const i = this.incoming.committedIndex(acked);
    const o = this.outgoing.committedIndex(acked);
    return i < o ? i : o;
  }

  /** Won only if both halves won; lost as soon as either half lost; pending otherwise. */
  voteResult(votes: ReadonlyMap<MemberId, boolean>): VoteResult {
    const i = this.incoming.voteResult(votes);
    const o = this.outgoing.voteResult(votes);
    if (i === o) return i;
    if (i === 'lost' || o === 'lost') return 'lost';
    return 'pending';
  }

  /** `(1 2 3)&&(1 2 4)` while joint, `(1 2 3)` otherwise, as etcd prints it. */
  toString(): string {
    return this.isJoint()
      ? `${this.incoming.toString()}&&${this.outgoing.toString()}`
      : this.incoming.toString();
  }
}
