// Pending linearizable reads (ReadIndex) on a leader, confirmed by a round of heartbeats.
import type { MemberId, Message } from './types.js';
import { bytesKey } from './util.js';

/** 'safe': confirm leadership with a heartbeat quorum; 'lease-based': trust the election lease. */
export type ReadOnlyOption = 'safe' | 'lease-based';

/** A read the embedder may serve once its state machine has applied `index`. */
export interface ReadState {
  index: bigint;
  requestCtx: Uint8Array;
}

interface ReadIndexStatus {
  req: Message;
  index: bigint;
  acks: Map<MemberId, boolean>;
}

export class ReadOnly {
  readonly option: ReadOnlyOption;
  readonly #pending = new Map<string, ReadIndexStatus>();
  #queue: string[] = [];

  constructor(option: ReadOnlyOption) {
    this.option = option;
  }

  /** Registers a read request at the current commit index (the first request with a context wins). */
  addRequest(index: bigint, m: Message): void {
    const key = bytesKey(m.entries[0]!.data);
    if (this.#pending.has(key)) return;
    this.#pending.set(key, { req: m, index, acks: new Map() });
    this.#queue.push(key);
  }

  /** Records a heartbeat acknowledgement carrying `context`; returns the acks so far. */
  recvAck(id: MemberId, context: Uint8Array): Map<MemberId, boolean> | undefined {
    const rs = this.#pending.get(bytesKey(context));
    if (rs === undefined) return undefined;
    rs.acks.set(id, true);
    return rs.acks;
  }

  /**
   * The request with `context` is confirmed: it and every request queued before it are released
   * (a quorum acked a later heartbeat, so leadership held for the earlier ones too).
   */
  advance(context: Uint8Array): { req: Message; index: bigint }[] {
    const key = bytesKey(context);
    const at = this.#queue.indexOf(key);
    if (at < 0) return [];
    const released = this.#queue.slice(0, at + 1);
    this.#queue = this.#queue.slice(at + 1);
    return released.map((k) => {
      const rs = this.#pending.get(k)!;
      this.#pending.delete(k);
      return { req: rs.req, index: rs.index };
    });
  }

  /** The context of the newest pending request, carried by the next heartbeat round. */
  lastPendingRequestCtx(): Uint8Array | undefined {
    const k = this.#queue[this.#queue.length - 1];
    return k === undefined ? undefined : this.#pending.get(k)!.req.entries[0]!.data;
  }

  pendingCount(): number {
    return this.#queue.length;
  }
}
