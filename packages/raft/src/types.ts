// The values the raft core works with, in the shape of etcd's raftpb. Terms, indexes and member IDs
// are exact unsigned 64-bit values held as bigint (never JS numbers). Member ID 0n means "none".

/** A raft member ID: a non-zero, exact 64-bit value, never reused. */
export type MemberId = bigint;

/** "No member" (no vote cast, no leader known). Real member IDs are non-zero. */
export const NONE: MemberId = 0n;

/** The kind of a log entry. */
export enum EntryType {
  Normal = 0,
  ConfChange = 1,
  ConfChangeV2 = 2,
}

/** A log entry: its term and index, its type, and its payload. */
export interface Entry {
  term: bigint;
  index: bigint;
  type: EntryType;
  data: Uint8Array;
}

/** The state that must be on stable storage before messages that depend on it are sent. */
export interface HardState {
  term: bigint;
  vote: MemberId;
  commit: bigint;
}

/** A configuration: the voters and learners (and, in a joint configuration, the outgoing voters). */
export interface ConfState {
  voters: MemberId[];
  learners: MemberId[];
  /** Voters of the outgoing configuration while in a joint configuration (empty otherwise). */
  votersOutgoing: MemberId[];
  /** Learners that become learners when the joint configuration is left (they were outgoing voters). */
  learnersNext: MemberId[];
  autoLeave: boolean;
}

/** Where a snapshot stands in the log, and the configuration there. */
export interface SnapshotMetadata {
  confState: ConfState;
  index: bigint;
  term: bigint;
}

/** A snapshot: the state machine's data and its metadata. */
export interface Snapshot {
  data: Uint8Array;
  metadata: SnapshotMetadata;
}

/** The kinds of raft messages (etcd raftpb's, in the same order). */
export enum MessageType {
  Hup = 0,
  Beat = 1,
  Prop = 2,
  App = 3,
  AppResp = 4,
  Vote = 5,
  VoteResp = 6,
  Snap = 7,
  Heartbeat = 8,
  HeartbeatResp = 9,
  Unreachable = 10,
  SnapStatus = 11,
  CheckQuorum = 12,
  TransferLeader = 13,
  TimeoutNow = 14,
  ReadIndex = 15,
  ReadIndexResp = 16,
  PreVote = 17,
  PreVoteResp = 18,
  /**
   * Local (with `asyncStorageWrites`): to `LOCAL_APPEND_THREAD`, the entries, hard state (`term`,
   * `vote`, `commit`) and snapshot to persist; its `responses` are delivered once that is durable.
   */
  StorageAppend = 19,
  /** Local: from `LOCAL_APPEND_THREAD`, what a `StorageAppend` persisted (last `index`/`logTerm`, `snapshot`). */
  StorageAppendResp = 20,
  /** Local (with `asyncStorageWrites`): to `LOCAL_APPLY_THREAD`, committed `entries` to apply in order. */
  StorageApply = 21,
  /** Local: from `LOCAL_APPLY_THREAD`, the `entries` of a `StorageApply` that were applied. */
  StorageApplyResp = 22,
  /** Local: a follower forgets its leader (`RawNode.forgetLeader`); a no-op on other roles. */
  ForgetLeader = 23,
}

/** A raft message between members (or a local one: Hup, Beat, Prop, ...). */
export interface Message {
  type: MessageType;
  to: MemberId;
  from: MemberId;
  term: bigint;
  logTerm: bigint;
  index: bigint;
  entries: Entry[];
  commit: bigint;
  snapshot?: Snapshot;
  reject: boolean;
  rejectHint: bigint;
  context: Uint8Array;
  /**
   * The vote of the hard state a `StorageAppend` carries (with `term` and `commit`); absent (or 0)
   * on every other message and when the `StorageAppend` carries no hard state. Never on the wire.
   */
  vote?: MemberId;
  /**
   * Of a local storage message (`StorageAppend`, `StorageApply`): the messages to deliver once its
   * write is done, in order. They may be for this member (step them) or for others (send them).
   * Never on the wire.
   */
  responses?: Message[];
}

/**
 * The pseudo member a `StorageAppend` is addressed to, and its responses come from, with
 * `asyncStorageWrites` (etcd's `LocalAppendThread`: the largest 64-bit value).
 */
export const LOCAL_APPEND_THREAD: MemberId = (1n << 64n) - 1n;

/**
 * The pseudo member a `StorageApply` is addressed to, and its responses come from, with
 * `asyncStorageWrites` (etcd's `LocalApplyThread`).
 */
export const LOCAL_APPLY_THREAD: MemberId = (1n << 64n) - 2n;

/** Whether `id` is one of the local storage threads (`LOCAL_APPEND_THREAD`, `LOCAL_APPLY_THREAD`), not a member. */
export function isLocalMessageTarget(id: MemberId): boolean {
  return id === LOCAL_APPEND_THREAD || id === LOCAL_APPLY_THREAD;
}

/** What one configuration change does to a member. */
export enum ConfChangeType {
  AddNode = 0,
  RemoveNode = 1,
  UpdateNode = 2,
  AddLearnerNode = 3,
}

/** How a ConfChangeV2 with several changes is carried out (joint consensus, left automatically or explicitly). */
export enum ConfChangeTransition {
  /** Simple change when possible (one voter changes), else joint with automatic leave. */
  Auto = 0,
  /** Always joint; the core leaves the joint configuration automatically. */
  JointImplicit = 1,
  /** Always joint; the embedder proposes an empty ConfChangeV2 to leave. */
  JointExplicit = 2,
}

/** One change of a ConfChangeV2. */
export interface ConfChangeSingle {
  type: ConfChangeType;
  nodeId: MemberId;
}

/** A configuration change: one or more member changes, proposed with `proposeConfChange`. */
export interface ConfChangeV2 {
  transition: ConfChangeTransition;
  changes: ConfChangeSingle[];
  context: Uint8Array;
}

/**
 * A legacy (etcd v1) single-member configuration change, proposed with `proposeConfChange` as an
 * `EntryType.ConfChange` entry. It always takes the simple (one voter at a time) path.
 */
export interface ConfChangeV1 {
  type: ConfChangeType;
  nodeId: MemberId;
  context: Uint8Array;
}

/** A configuration with no members. */
export const emptyConfState = (): ConfState => ({
  voters: [],
  learners: [],
  votersOutgoing: [],
  learnersNext: [],
  autoLeave: false,
});
