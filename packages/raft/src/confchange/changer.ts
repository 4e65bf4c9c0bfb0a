import { JointConfig } from '../quorum/joint.js';
import { MajorityConfig } from '../quorum/majority.js';
import { Inflights } from '../tracker/inflights.js';
import { Progress } from '../tracker/progress.js';
import {
  cloneConfig,
  cloneProgressMap,
  describeConfig,
  type ProgressMap,
  type TrackerConfig,
} from '../tracker/tracker.js';
import { type ConfChangeSingle, ConfChangeType, type MemberId } from '../types.js';
import { describeConfChanges } from './describe.js';
import { ConfChangeError } from './errors.js';

/** What the changer reads from a ProgressTracker (a ProgressTracker satisfies it). */
export interface ChangerTracker {
  readonly config: TrackerConfig;
  readonly progress: ProgressMap;
  readonly maxInflight: number;
  readonly maxInflightBytes: number;
}

/** What `restore` needs: a tracker to start from and the last log index (a Changer satisfies it). */
export interface ChangerInput {
  readonly tracker: ChangerTracker;
  readonly lastIndex: bigint;
}

/**
 * Computes the configuration (and progress map) that results from applying conf changes to a
 * tracker's current one, validating them like etcd raft's confchange package. It never mutates
 * the tracker: every method returns fresh copies, which the caller installs once the change is
 * applied. Invalid changes throw ConfChangeError and change nothing.
 *
 * Membership changes either change at most one voter at a time (`simple`), or go through a joint
 * config (`enterJoint`, later `leaveJoint`) in which both the old and the new voters must agree.
 */
export class Changer {
  readonly tracker: ChangerTracker;
  /** New members' Progress starts with `next = lastIndex` (they are probed from there). */
  readonly lastIndex: bigint;

  constructor(tracker: ChangerTracker, lastIndex: bigint) {
    if (typeof lastIndex !== 'bigint' || lastIndex < 0n) {
      throw new RangeError(`Changer: lastIndex must be a non-negative bigint, got ${String(lastIndex)}`);
    }
    this.tracker = tracker;
    this.lastIndex = lastIndex;
  }

  /**
   * Enters a joint config: the current voters become the outgoing config, and the changes are
   * applied to the incoming one. With `autoLeave` the raft core leaves the joint config on its own
   * once it is committed; otherwise the embedder must propose the leave (an empty ConfChangeV2).
   */
  enterJoint(autoLeave: boolean, ...ccs: ConfChangeSingle[]): [TrackerConfig, ProgressMap] {
    const [cfg, trk] = this.checkAndCopy(ccs);
    if (cfg.voters.isJoint()) {
      this.fail('config is already joint; leave it (an empty ConfChangeV2) before entering another', ccs);
    }
    if (cfg.voters.incoming.size === 0) {
      // Adding voters to an empty config is allowed (bootstrap, tests), but joint needs voters.
      this.fail("can't make a zero-voter config joint; add the first voters with a simple change", ccs);
    }
    const incoming = cfg.voters.incoming;
    cfg.voters = new JointConfig(incoming, new MajorityConfig(incoming.ids));
    this.apply(cfg, trk, ccs);
    cfg.autoLeave = autoLeave;
    return this.checkAndReturn(cfg, trk, ccs);
  }

  /**
   * Leaves a joint config: the outgoing voters are dropped, members in `learnersNext` become
   * learners, and members that are neither incoming voters nor learners stop being tracked.
   */
  leaveJoint(): [TrackerConfig, ProgressMap] {
    const [cfg, trk] = this.checkAndCopy([]);
    if (!cfg.voters.isJoint()) {
      this.fail("can't leave a non-joint config; only a config entered with enterJoint can be left", []);
    }
    for (const id of cfg.learnersNext) {
      cfg.learners.add(id);
      (trk.get(id) as Progress).isLearner = true;
    }
    cfg.learnersNext = new Set();
    for (const id of cfg.voters.outgoing.ids) {
      if (!cfg.voters.incoming.has(id) && !cfg.learners.has(id)) trk.delete(id);
    }
    cfg.voters = new JointConfig(cfg.voters.incoming);
    cfg.autoLeave = false;
    return this.checkAndReturn(cfg, trk, []);
  }

  /**
   * Applies changes that alter at most one voter (adding or removing learners is free), without a
   * joint config: any two majorities of the old and new voter sets then overlap (Raft thesis §4.1).
   */
  simple(...ccs: ConfChangeSingle[]): [TrackerConfig, ProgressMap] {
    const [cfg, trk] = this.checkAndCopy(ccs);
    if (cfg.voters.isJoint()) {
      this.fail("can't apply a simple config change in a joint config; leave the joint config first", ccs);
    }
    this.apply(cfg, trk, ccs);
    const before = this.tracker.config.voters.incoming.ids;
    const after = cfg.voters.incoming.ids;
    let changed = 0;
    for (const id of before) if (!after.has(id)) changed++;
    for (const id of after) if (!before.has(id)) changed++;
    if (changed > 1) {
      this.fail('more than one voter changed without entering joint config; use enterJoint', ccs);
    }
    return this.checkAndReturn(cfg, trk, ccs);
  }

  private apply(cfg: TrackerConfig, trk: ProgressMap, ccs: readonly ConfChangeSingle[]): void {
    for (const cc of ccs) {
      if (typeof cc.nodeId !== 'bigint' || cc.nodeId < 0n) {
        this.fail(`bad node ID ${String(cc.nodeId)}; member IDs are non-negative bigints`, ccs);
      }
      // A zero node ID marks a change the application decided not to apply (as in etcd): skip it.
      if (cc.nodeId === 0n) continue;
      switch (cc.type) {
        case ConfChangeType.AddNode:
          this.makeVoter(cfg, trk, cc.nodeId);
          break;
        case ConfChangeType.AddLearnerNode:
          this.makeLearner(cfg, trk, cc.nodeId);
          break;
        case ConfChangeType.RemoveNode:
          this.remove(cfg, trk, cc.nodeId);
          break;
        case ConfChangeType.UpdateNode:
          break;
        default:
          this.fail(
            `unexpected conf change type ${String(cc.type)} for node ${cc.nodeId}; expected a ConfChangeType`,
            ccs,
          );
      }
    }
    if (cfg.voters.incoming.size === 0) {
      this.fail('removed all voters; a config needs at least one voter', ccs);
    }
  }

  private makeVoter(cfg: TrackerConfig, trk: ProgressMap, id: MemberId): void {
    const pr = trk.get(id);
    if (pr === undefined) {
      this.initProgress(cfg, trk, id, false);
      return;
    }
    pr.isLearner = false;
    cfg.learners.delete(id);
    cfg.learnersNext.delete(id);
    cfg.voters.incoming.ids.add(id);
  }

  private makeLearner(cfg: TrackerConfig, trk: ProgressMap, id: MemberId): void {
    const pr = trk.get(id);
    if (pr === undefined) {
      this.initProgress(cfg, trk, id, true);
      return;
    }
    if (pr.isLearner) return;
    // Remove the voter from the incoming config, but keep its Progress: it stays a member.
    this.remove(cfg, trk, id);
    trk.set(id, pr);
    // A member that is still an outgoing voter cannot be a learner yet (learners and voters are
    // disjoint); it is staged in learnersNext and becomes a learner when the joint config is left.
    if (cfg.voters.outgoing.has(id)) {
      cfg.learnersNext.add(id);
    } else {
      pr.isLearner = true;
      cfg.learners.add(id);
    }
  }

  private remove(cfg: TrackerConfig, trk: ProgressMap, id: MemberId): void {
    if (!trk.has(id)) return;
    cfg.voters.incoming.ids.delete(id);
    cfg.learners.delete(id);
    cfg.learnersNext.delete(id);
    // An outgoing voter keeps its Progress until the joint config is left.
    if (!cfg.voters.outgoing.has(id)) trk.delete(id);
  }

  private initProgress(cfg: TrackerConfig, trk: ProgressMap, id: MemberId, isLearner: boolean): void {
    if (isLearner) cfg.learners.add(id);
    else cfg.voters.incoming.ids.add(id);
    trk.set(
      id,
      new Progress({
        // Probing starts at the leader's last index (at least 1: index 0 is never sent); the
        // follower's answer moves it back as needed.
        next: this.lastIndex > 1n ? this.lastIndex : 1n,
        match: 0n,
        inflights: new Inflights(this.tracker.maxInflight, this.tracker.maxInflightBytes),
        isLearner,
        // Counted as active so that check-quorum does not step down before the new member speaks.
        recentActive: true,
      }),
    );
  }

  private checkAndCopy(ccs: readonly ConfChangeSingle[]): [TrackerConfig, ProgressMap] {
    const cfg = cloneConfig(this.tracker.config);
    const trk = cloneProgressMap(this.tracker.progress);
    return this.checkAndReturn(cfg, trk, ccs);
  }

  private checkAndReturn(
    cfg: TrackerConfig,
    trk: ProgressMap,
    ccs: readonly ConfChangeSingle[],
  ): [TrackerConfig, ProgressMap] {
    const problem = checkInvariants(cfg, trk);
    if (problem !== undefined) this.fail(problem, ccs);
    return [cfg, trk];
  }

  private fail(message: string, ccs: readonly ConfChangeSingle[]): never {
    throw new ConfChangeError(message, {
      config: describeConfig(this.tracker.config),
      changes: describeConfChanges(ccs),
    });
  }
}

/**
 * The invariants every config must satisfy, or a description of the first one broken. The empty
 * config is allowed (bootstrap starts from it).
 */
export function checkInvariants(cfg: TrackerConfig, trk: ProgressMap): string | undefined {
  for (const ids of [cfg.voters.ids(), cfg.learners, cfg.learnersNext]) {
    for (const id of ids) if (!trk.has(id)) return `no progress for ${id}`;
  }
  // A staged learner was staged because it is still an outgoing voter.
  for (const id of cfg.learnersNext) {
    if (!cfg.voters.outgoing.has(id)) return `${id} is in learnersNext, but not in the outgoing voters`;
    if ((trk.get(id) as Progress).isLearner)
      return `${id} is in learnersNext, but is already marked as learner`;
  }
  // Learners and voters never intersect.
  for (const id of cfg.learners) {
    if (cfg.voters.outgoing.has(id)) return `${id} is in learners and in the outgoing voters`;
    if (cfg.voters.incoming.has(id)) return `${id} is in learners and in the incoming voters`;
    if (!(trk.get(id) as Progress).isLearner) return `${id} is in learners, but is not marked as learner`;
  }
  if (!cfg.voters.isJoint()) {
    if (cfg.learnersNext.size > 0) return 'learnersNext must be empty when not joint';
    if (cfg.autoLeave) return 'autoLeave must be false when not joint';
  }
  return undefined;
}
