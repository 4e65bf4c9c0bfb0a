import type { ProgressMap, TrackerConfig } from '../tracker/tracker.js';
import { type ConfChangeSingle, ConfChangeType, type ConfState } from '../types.js';
import { Changer, type ChangerInput } from './changer.js';
import { ConfChangeError } from './errors.js';

/**
 * Rebuilds the config and progress map that a ConfState describes (after a restart or when a
 * snapshot is applied), starting from the input's tracker, usually an empty one, the way etcd's
 * confchange.Restore does: it replays conf changes through the Changer, so the result passes the
 * same validation as any live change.
 *
 * A non-joint ConfState is replayed as one simple change per member. A joint one first builds the
 * outgoing voters as if they were the current config, then enters the joint config with changes
 * that remove them and add the incoming voters, the learners and the staged learners.
 *
 * A ConfState that no sequence of valid changes produces (a learner that is also a voter, a staged
 * learner that is not an outgoing voter, member ID 0, duplicates, ...) is refused with a
 * ConfChangeError rather than silently turned into a different config: it may come from a
 * snapshot sent by a peer.
 */
export function restore(input: ChangerInput, cs: ConfState): [TrackerConfig, ProgressMap] {
  const problem = checkConfState(cs);
  if (problem !== undefined) {
    throw new ConfChangeError(`invalid ConfState: ${problem}`, { confState: describeConfState(cs) });
  }
  const [outgoing, incoming] = toConfChangeSingles(cs);
  let tracker = input.tracker;
  const step = (op: (chg: Changer) => [TrackerConfig, ProgressMap]): void => {
    const [config, progress] = op(new Changer(tracker, input.lastIndex));
    tracker = {
      config,
      progress,
      maxInflight: tracker.maxInflight,
      maxInflightBytes: tracker.maxInflightBytes,
    };
  };
  if (outgoing.length === 0) {
    for (const cc of incoming) step((chg) => chg.simple(cc));
  } else {
    for (const cc of outgoing) step((chg) => chg.simple(cc));
    step((chg) => chg.enterJoint(cs.autoLeave, ...incoming));
  }
  return [tracker.config, tracker.progress];
}

// For voters=(1 2 3) learners=(5) votersOutgoing=(1 2 4 6) learnersNext=(4):
//   outgoing = v1 v2 v4 v6
//   incoming = r1 r2 r4 r6 v1 v2 v3 l5 l4
// Applying `outgoing` to an empty config gives (1 2 4 6); entering joint with `incoming` gives
// (1 2 3)&&(1 2 4 6) learners=(5) learners_next=(4). Whether 5 was a learner before the joint
// change cannot be told from the ConfState, and does not matter.
function toConfChangeSingles(cs: ConfState): [ConfChangeSingle[], ConfChangeSingle[]] {
  const add = (nodeId: bigint): ConfChangeSingle => ({ type: ConfChangeType.AddNode, nodeId });
  const learner = (nodeId: bigint): ConfChangeSingle => ({ type: ConfChangeType.AddLearnerNode, nodeId });
  const out = cs.votersOutgoing.map(add);
  const inc: ConfChangeSingle[] = [
    ...cs.votersOutgoing.map((nodeId) => ({ type: ConfChangeType.RemoveNode, nodeId })),
    ...cs.voters.map(add),
    ...cs.learners.map(learner),
    ...cs.learnersNext.map(learner),
  ];
  return [out, inc];
}

/** A description of the first way `cs` is malformed, or undefined if it is well formed. */
export function checkConfState(cs: ConfState): string | undefined {
  const fields = ['voters', 'learners', 'votersOutgoing', 'learnersNext'] as const;
  const sets = {} as Record<(typeof fields)[number], Set<bigint>>;
  for (const f of fields) {
    const list = cs[f];
    if (!Array.isArray(list)) return `${f} must be an array of member IDs`;
    for (const id of list) {
      if (typeof id !== 'bigint' || id <= 0n)
        return `${f} holds ${String(id)}; member IDs are positive bigints`;
    }
    sets[f] = new Set(list);
    if (sets[f].size !== list.length) return `${f} lists a member more than once`;
  }
  for (const id of sets.learners) {
    if (sets.voters.has(id)) return `member ${id} is both a voter and a learner`;
    if (sets.votersOutgoing.has(id)) return `member ${id} is both an outgoing voter and a learner`;
  }
  for (const id of sets.learnersNext) {
    if (!sets.votersOutgoing.has(id)) return `member ${id} is in learnersNext but not an outgoing voter`;
    if (sets.voters.has(id)) return `member ${id} is in learnersNext and an incoming voter`;
  }
  if (sets.votersOutgoing.size === 0 && cs.autoLeave) return 'autoLeave is set outside a joint config';
  return undefined;
}

function describeConfState(cs: ConfState): string {
  const list = (xs: unknown) => (Array.isArray(xs) ? xs.map(String).join(' ') : String(xs));
  return (
    `voters=(${list(cs.voters)}) learners=(${list(cs.learners)}) votersOutgoing=(${list(cs.votersOutgoing)}) ` +
    `learnersNext=(${list(cs.learnersNext)}) autoLeave=${String(cs.autoLeave)}`
  );
}
