import { type ConfChangeSingle, ConfChangeType } from '../types.js';

const PREFIX: Record<ConfChangeType, string> = {
  [ConfChangeType.AddNode]: 'v',
  [ConfChangeType.AddLearnerNode]: 'l',
  [ConfChangeType.RemoveNode]: 'r',
  [ConfChangeType.UpdateNode]: 'u',
};

const TYPE_OF: Record<string, ConfChangeType> = {
  v: ConfChangeType.AddNode,
  l: ConfChangeType.AddLearnerNode,
  r: ConfChangeType.RemoveNode,
  u: ConfChangeType.UpdateNode,
};

/**
 * Parses etcd's compact text form of conf changes, used by tests and scenario scripts: tokens
 * separated by spaces, each a letter and a member ID — `v` add voter, `l` add learner, `r` remove,
 * `u` update. Example: `v1 v2 l3 r4`.
 */
export function confChangesFromString(s: string): ConfChangeSingle[] {
  const out: ConfChangeSingle[] = [];
  for (const tok of s.trim().split(/\s+/)) {
    if (tok === '') continue;
    const type = TYPE_OF[tok[0] as string];
    const digits = tok.slice(1);
    if (type === undefined || !/^[0-9]+$/.test(digits)) {
      throw new RangeError(
        `confChangesFromString: bad token ${JSON.stringify(tok)}; expected v<id>, l<id>, r<id> or u<id>`,
      );
    }
    out.push({ type, nodeId: BigInt(digits) });
  }
  return out;
}

/** The inverse of `confChangesFromString`: `v1 l2 r3 u4`. */
export function describeConfChanges(ccs: readonly ConfChangeSingle[]): string {
  return ccs.map((cc) => `${PREFIX[cc.type] ?? `unknown(${String(cc.type)})`}${cc.nodeId}`).join(' ');
}
