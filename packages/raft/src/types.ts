// The values the raft core works with, in the shape of etcd's raftpb. Terms, indexes and member IDs
// are exact unsigned 64-bit values held as bigint (never JS numbers). Member ID 0n means "none".

export type MemberId = bigint;

/** "No member" (no vote cast, no leader known). Real member IDs are non-zero. */
export const NONE: MemberId = 0n;

export enum EntryType {
  Normal = 0,
  ConfChange = 1,
  ConfChangeV2 = 2,
}

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

export interface ConfState {
  voters: MemberId[];
  learners: MemberId[];
  /** Voters of the outgoing configuration while in a joint configuration (empty otherwise). */
  votersOutgoing: MemberId[];
  /** Learners that become learners when the joint configuration is left (they were outgoing voters). */
  learnersNext: MemberId[];
  autoLeave: boolean;
}

export interface SnapshotMetadata {
  confState: ConfState;
  index: bigint;
  term: bigint;
}

export interface Snapshot {
  data: Uint8Array;
  metadata: SnapshotMetadata;
}

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
}

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
}

export enum ConfChangeType {
  AddNode = 0,
  RemoveNode = 1,
  UpdateNode = 2,
  AddLearnerNode = 3,
}

export enum ConfChangeTransition {
  /** Simple change when possible (one voter changes), else joint with automatic leave. */
  Auto = 0,
  /** Always joint; the core leaves the joint configuration automatically. */
  JointImplicit = 1,
  /** Always joint; the embedder proposes an empty ConfChangeV2 to leave. */
  JointExplicit = 2,
}

export interface ConfChangeSingle {
  type: ConfChangeType;
  nodeId: MemberId;
}

export interface ConfChangeV2 {
  transition: ConfChangeTransition;
  changes: ConfChangeSingle[];
  context: Uint8Array;
}

export const emptyConfState = (): ConfState => ({
  voters: [],
  learners: [],
  votersOutgoing: [],
  learnersNext: [],
  autoLeave: false,
});
