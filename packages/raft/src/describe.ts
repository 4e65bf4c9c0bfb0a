// Text forms of the core's values, in the spirit of etcd's raft.Describe*: used by the scenario
// runner's expected output and handy in logs.
import { decodeConfChange, decodeConfChangeV1 } from './codec.js';
import { describeConfChanges } from './confchange/describe.js';
import type { SoftState } from './raft.js';
import type { Ready } from './raw-node.js';
import {
  ConfChangeTransition,
  type ConfState,
  type Entry,
  EntryType,
  type HardState,
  LOCAL_APPEND_THREAD,
  LOCAL_APPLY_THREAD,
  type MemberId,
  type Message,
  MessageType,
  type Snapshot,
} from './types.js';

const STATE: Record<SoftState['raftState'], string> = {
  follower: 'StateFollower',
  candidate: 'StateCandidate',
  'pre-candidate': 'StatePreCandidate',
  leader: 'StateLeader',
};

const text = new TextDecoder('utf-8', { fatal: false });

export function describeData(data: Uint8Array): string {
  return JSON.stringify(text.decode(data));
}

/** A stable one-line text form of an entry (term/index, type, payload), for tests and logs. */
export function describeEntry(e: Entry): string {
  const head = `${e.term}/${e.index}`;
  switch (e.type) {
    case EntryType.Normal:
      return `${head} EntryNormal ${describeData(e.data)}`;
    case EntryType.ConfChange:
      return `${head} EntryConfChange ${describeConfChanges(decodeConfChangeV1(e.data).changes)}`;
    case EntryType.ConfChangeV2: {
      const cc = decodeConfChange(e.data);
      const t = cc.transition === ConfChangeTransition.Auto ? '' : ` ${ConfChangeTransition[cc.transition]}`;
      return `${head} EntryConfChangeV2${t} ${describeConfChanges(cc.changes)}`.trimEnd();
    }
    default:
      return `${head} Entry(${String(e.type)})`;
  }
}

/** The entries' text forms, comma-separated. */
export function describeEntries(ents: readonly Entry[]): string {
  return ents.map(describeEntry).join('\n');
}

/** A stable text form of a configuration (voters, learners, outgoing voters, ...). */
export function describeConfState(cs: ConfState): string {
  let s = `Voters:[${cs.voters.join(' ')}]`;
  if (cs.votersOutgoing.length > 0) s += ` VotersOutgoing:[${cs.votersOutgoing.join(' ')}]`;
  s += ` Learners:[${cs.learners.join(' ')}]`;
  if (cs.learnersNext.length > 0) s += ` LearnersNext:[${cs.learnersNext.join(' ')}]`;
  if (cs.autoLeave) s += ' AutoLeave:true';
  return s;
}

/** A stable text form of a snapshot's metadata (index, term, configuration). */
export function describeSnapshot(s: Snapshot): string {
  return `Index:${s.metadata.index} Term:${s.metadata.term} ConfState:${describeConfState(s.metadata.confState)}`;
}

/** A stable text form of a hard state (term, vote, commit). */
export function describeHardState(hs: HardState): string {
  return `Term:${hs.term} Vote:${hs.vote} Commit:${hs.commit}`;
}

export function describeSoftState(ss: SoftState): string {
  return `Lead:${ss.lead} State:${STATE[ss.raftState]}`;
}

export function messageTypeName(t: MessageType): string {
  return `Msg${MessageType[t] ?? String(t)}`;
}

/** A message's sender or recipient: a member ID, or etcd's names of the local storage threads. */
export function describeTarget(id: MemberId): string {
  if (id === LOCAL_APPEND_THREAD) return 'AppendThread';
  if (id === LOCAL_APPLY_THREAD) return 'ApplyThread';
  return id.toString();
}

/**
 * A stable text form of a message, as the scenario scripts print it (one line, unless it carries
 * several entries or, for a local storage message, responses: those follow on indented lines).
 */
export function describeMessage(m: Message): string {
  return describeMessageWithIndent('', m);
}

function describeMessageWithIndent(indent: string, m: Message): string {
  let s = `${indent}${describeTarget(m.from)}->${describeTarget(m.to)} ${messageTypeName(m.type)} Term:${m.term} Log:${m.logTerm}/${m.index}`;
  if (m.reject) s += ` Rejected (Hint: ${m.rejectHint})`;
  if (m.commit !== 0n) s += ` Commit:${m.commit}`;
  if (m.vote !== undefined && m.vote !== 0n) s += ` Vote:${m.vote}`;
  if (m.context.byteLength > 0) s += ` Context:${describeData(m.context)}`;
  if (m.entries.length === 1) s += ` Entries:[${describeEntry(m.entries[0]!)}]`;
  else if (m.entries.length > 1) {
    s += ' Entries:[';
    for (const e of m.entries) s += `\n${indent}  ${describeEntry(e)}`;
    s += `\n${indent}]`;
  }
  if (m.snapshot !== undefined) s += ` Snapshot: ${describeSnapshot(m.snapshot)}`;
  if (m.responses !== undefined && m.responses.length > 0) {
    s += ' Responses:[';
    for (const r of m.responses) s += `\n${describeMessageWithIndent(`${indent}  `, r)}`;
    s += `\n${indent}]`;
  }
  return s;
}

/** A multi-line text form of a Ready, one section per non-empty field. */
export function describeReady(rd: Ready): string {
  const out: string[] = [];
  if (rd.softState !== undefined) out.push(describeSoftState(rd.softState));
  if (rd.hardState !== undefined) out.push(`HardState ${describeHardState(rd.hardState)}`);
  if (rd.readStates.length > 0) {
    out.push('ReadStates:');
    for (const rs of rd.readStates) out.push(`  Index:${rs.index} Ctx:${describeData(rs.requestCtx)}`);
  }
  if (rd.entries.length > 0) {
    out.push('Entries:');
    for (const e of rd.entries) out.push(`  ${describeEntry(e)}`);
  }
  if (rd.snapshot !== undefined) out.push(`Snapshot ${describeSnapshot(rd.snapshot)}`);
  if (rd.committedEntries.length > 0) {
    out.push('CommittedEntries:');
    for (const e of rd.committedEntries) out.push(`  ${describeEntry(e)}`);
  }
  if (rd.messages.length > 0) {
    out.push('Messages:');
    for (const m of rd.messages)
      out.push(
        ...describeMessage(m)
          .split('\n')
          .map((l) => `  ${l}`),
      );
  }
  if (out.length === 0) return '<empty Ready>';
  return [`Ready MustSync=${rd.mustSync}:`, ...out].join('\n');
}
