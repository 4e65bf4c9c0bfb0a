// Splits a transaction's changes into proposals that each fit under the raft proposal limit
// (1.5 MiB by default, docs/architecture.md §4), packing changes greedily in order, as swarmkit's batches do.
import type { RecordCipher } from '@swarm/raft';
import { type EncodedChange, encodeChange, PROPOSAL_HEADER_BYTES, packProposal } from './codec.js';
import { ObjectTooLargeError } from './errors.js';
import type { Change } from './store-state.js';

/** The raft proposal limit (docs/architecture.md §4: max proposal 1.5 MiB). */
export const DEFAULT_MAX_PROPOSAL_BYTES = 1.5 * 1024 * 1024;
/** What RaftNode adds around each proposal (a tag byte and a 16-byte proposal ID). */
export const RAFT_ENVELOPE_BYTES = 17;

export function checkMaxProposalBytes(n: number): number {
  if (!Number.isInteger(n) || n < 1024) {
    throw new RangeError(`maxProposalBytes must be an integer of at least 1024 bytes, got ${n}`);
  }
  return n;
}

/**
 * Encodes `changes` and packs them into as few proposals as the limit allows (each proposal, with
 * RaftNode's envelope, is at most `maxProposalBytes`). Throws OBJECT_TOO_LARGE, before anything is
 * proposed, when one change alone does not fit.
 */
export function splitIntoProposals(
  changes: readonly Change[],
  cipher: RecordCipher | undefined,
  maxProposalBytes: number,
): Uint8Array[] {
  const budget = maxProposalBytes - RAFT_ENVELOPE_BYTES - PROPOSAL_HEADER_BYTES;
  const encoded = changes.map((c) => encodeChange(c, cipher));
  for (const e of encoded) {
    if (e.bytes.byteLength > budget) {
      throw new ObjectTooLargeError(e.kind, e.id, e.bytes.byteLength, budget);
    }
  }
  const proposals: Uint8Array[] = [];
  let current: EncodedChange[] = [];
  let size = 0;
  for (const e of encoded) {
    if (size + e.bytes.byteLength > budget && current.length > 0) {
      proposals.push(packProposal(current));
      current = [];
      size = 0;
    }
    current.push(e);
    size += e.bytes.byteLength;
  }
  if (current.length > 0) proposals.push(packProposal(current));
  return proposals;
}
