// The options a raft core is built from, their defaults, and their validation.
import { type Logger, noopLogger, type Random } from '@swarm/api';
import { RaftConfigError } from './errors.js';
import type { ReadOnlyOption } from './read-only.js';
import type { Storage } from './storage.js';
import type { MemberId } from './types.js';

/** The options of a raft core (`new RawNode(config)`); every default is listed in the README's options table. */
export interface Config {
  /** This member's ID: non-zero, exact 64-bit (a bigint, or a decimal string). */
  id: MemberId | string;
  /** Ticks without hearing from a leader before a follower campaigns; randomized to [e, 2e). Default 10. */
  electionTick?: number;
  /** Ticks between leader heartbeats. Must be below electionTick. Default 1. */
  heartbeatTick?: number;
  /** Where the core reads the persisted log, hard state and snapshot from. */
  storage: Storage;
  /** The last index the embedder had applied before restart (entries up to it are not re-delivered). Default 0. */
  applied?: bigint;
  /** Max payload bytes of entries per append message (at least one entry is always sent). Default 4 MiB. */
  maxSizePerMsg?: number;
  /** Max payload bytes of committed entries per Ready (and outstanding to apply). Default: maxSizePerMsg. */
  maxCommittedSizePerReady?: number;
  /** Max payload bytes of uncommitted entries on a leader; further proposals are dropped. 0 = no limit. Default 0. */
  maxUncommittedEntriesSize?: number;
  /** Max append messages in flight to one follower in replicate state. Default 256. */
  maxInflightMsgs?: number;
  /** Max payload bytes in flight to one follower. 0 = no limit. Default 0. */
  maxInflightBytes?: number;
  /** A leader steps down when it has not heard from a quorum in an election timeout. Default true. */
  checkQuorum?: boolean;
  /** Run a pre-election first, so a partitioned member rejoining does not disrupt the leader. Default false. */
  preVote?: boolean;
  /** How ReadIndex confirms leadership. 'lease-based' requires checkQuorum. Default 'safe'. */
  readOnlyOption?: ReadOnlyOption;
  /** Followers drop proposals instead of forwarding them to the leader. Default false. */
  disableProposalForwarding?: boolean;
  /**
   * A leader removed from (or demoted in) the configuration leaves leadership when it applies that
   * change: it hands it to the remaining voter with the longest log (catching it up, then
   * `MsgTimeoutNow`), refusing proposals meanwhile, and becomes a follower when that voter's
   * election reaches it. Default true.
   */
  stepDownOnRemoval?: boolean;
  /**
   * The leader appends conf changes without checking them against the current configuration (a
   * pending unapplied change, joint state). For embedders that validate changes themselves (as
   * etcd's `DisableConfChangeValidation`); an invalid change then fails when applied. Default false.
   */
  disableConfChangeValidation?: boolean;
  /**
   * Hand the storage writes to other threads as local messages (etcd's `AsyncStorageWrites`):
   * each Ready's `messages` then include a `StorageAppend` to `LOCAL_APPEND_THREAD` (entries, hard
   * state, snapshot to persist) and a `StorageApply` to `LOCAL_APPLY_THREAD` (committed entries to
   * apply), each carrying `responses` to deliver once its work is done; `advance()` is not used.
   * Votes and append acknowledgements (to other members too) wait in those responses until the
   * write is durable. Default false.
   */
  asyncStorageWrites?: boolean;
  /** Randomness for election timeouts (a seeded source in tests). */
  random: Random;
  logger?: Logger;
}

export type ResolvedConfig = Required<Omit<Config, 'id'>> & { id: MemberId };

/** Default `maxSizePerMsg`: 4 MiB of entry payload per append message. */
export const DEFAULT_MAX_SIZE_PER_MSG = 4 * 1024 * 1024;

function checkInt(name: string, v: number, min: number): void {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) {
    throw new RaftConfigError(`raft config: ${name} must be an integer >= ${min}, got ${String(v)}`, {
      field: name,
      value: String(v),
    });
  }
}

/** Fills in defaults and validates; throws RaftConfigError naming the bad field. */
export function resolveConfig(c: Config): ResolvedConfig {
  const id = typeof c.id === 'string' && /^[0-9]{1,20}$/.test(c.id) ? BigInt(c.id) : c.id;
  if (typeof id !== 'bigint' || id <= 0n || id >= 1n << 64n) {
    throw new RaftConfigError(
      `raft config: id must be a non-zero 64-bit member ID (bigint or decimal string), got ${String(c.id)}`,
      { field: 'id' },
    );
  }
  const maxSizePerMsg = c.maxSizePerMsg ?? DEFAULT_MAX_SIZE_PER_MSG;
  const r: ResolvedConfig = {
    id,
    electionTick: c.electionTick ?? 10,
    heartbeatTick: c.heartbeatTick ?? 1,
    storage: c.storage,
    applied: c.applied ?? 0n,
    maxSizePerMsg,
    maxCommittedSizePerReady: c.maxCommittedSizePerReady ?? maxSizePerMsg,
    maxUncommittedEntriesSize: c.maxUncommittedEntriesSize ?? 0,
    maxInflightMsgs: c.maxInflightMsgs ?? 256,
    maxInflightBytes: c.maxInflightBytes ?? 0,
    checkQuorum: c.checkQuorum ?? true,
    preVote: c.preVote ?? false,
    readOnlyOption: c.readOnlyOption ?? 'safe',
    disableProposalForwarding: c.disableProposalForwarding ?? false,
    stepDownOnRemoval: c.stepDownOnRemoval ?? true,
    disableConfChangeValidation: c.disableConfChangeValidation ?? false,
    asyncStorageWrites: c.asyncStorageWrites ?? false,
    random: c.random,
    logger: c.logger ?? noopLogger,
  };
  checkInt('heartbeatTick', r.heartbeatTick, 1);
  checkInt('electionTick', r.electionTick, 1);
  if (r.electionTick <= r.heartbeatTick) {
    throw new RaftConfigError(
      `raft config: electionTick (${r.electionTick}) must be greater than heartbeatTick (${r.heartbeatTick}); use e.g. 10 and 1`,
      { field: 'electionTick' },
    );
  }
  if (r.storage === undefined || r.storage === null || typeof r.storage.initialState !== 'function') {
    throw new RaftConfigError('raft config: storage is required (e.g. new MemoryStorage())', {
      field: 'storage',
    });
  }
  if (r.random === undefined || typeof r.random.int !== 'function') {
    throw new RaftConfigError(
      'raft config: random is required (seededRandom(seed) in tests, cryptoRandom in production)',
      {
        field: 'random',
      },
    );
  }
  checkInt('maxSizePerMsg', r.maxSizePerMsg, 1);
  checkInt('maxCommittedSizePerReady', r.maxCommittedSizePerReady, 1);
  checkInt('maxUncommittedEntriesSize', r.maxUncommittedEntriesSize, 0);
  checkInt('maxInflightMsgs', r.maxInflightMsgs, 1);
  checkInt('maxInflightBytes', r.maxInflightBytes, 0);
  if (r.maxInflightBytes !== 0 && r.maxInflightBytes < r.maxSizePerMsg) {
    throw new RaftConfigError(
      `raft config: maxInflightBytes (${r.maxInflightBytes}) must be 0 or >= maxSizePerMsg (${r.maxSizePerMsg})`,
      { field: 'maxInflightBytes' },
    );
  }
  if (typeof r.applied !== 'bigint' || r.applied < 0n) {
    throw new RaftConfigError(`raft config: applied must be a bigint >= 0, got ${String(r.applied)}`, {
      field: 'applied',
    });
  }
  if (r.readOnlyOption !== 'safe' && r.readOnlyOption !== 'lease-based') {
    throw new RaftConfigError(
      `raft config: readOnlyOption must be 'safe' or 'lease-based', got ${String(r.readOnlyOption)}`,
      {
        field: 'readOnlyOption',
      },
    );
  }
  if (r.readOnlyOption === 'lease-based' && !r.checkQuorum) {
    throw new RaftConfigError(
      "raft config: readOnlyOption 'lease-based' is only safe with checkQuorum on; enable checkQuorum or use 'safe'",
      { field: 'readOnlyOption' },
    );
  }
  return r;
}
