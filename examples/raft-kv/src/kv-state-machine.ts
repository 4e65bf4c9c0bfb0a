import type { StateMachine } from '@swarm/raft/driver';

/**
 * A command in the log. Writes carry the client's ID and sequence number (`c`, `s`): a client
 * numbers its writes 1, 2, 3... and retries a write with the same number until it gets an answer,
 * so the state machine applies each (client, sequence) once and answers a retry from its table.
 */
export type KvCommand =
  | { t: 'put'; k: string; v: string; c?: string; s?: number }
  | { t: 'del'; k: string; c?: string; s?: number }
  | { t: 'cas'; k: string; e: string | null; v: string; c?: string; s?: number }
  /** Where a member's peer port is: replicated so every member (and later leaders) can reach it. */
  | { t: 'addr'; id: string; a: string };

export interface KvResult {
  /** False only for a compare-and-swap whose expected value did not match. */
  ok: boolean;
  /** The answer came from the deduplication table: this (client, sequence) was applied before. */
  duplicate?: boolean;
  /** The sequence number is older than the client's last applied write: it was answered already. */
  stale?: boolean;
}

interface ClientSession {
  seq: number;
  result: KvResult;
}

interface Image {
  data: [string, string][];
  sessions: [string, ClientSession][];
  addresses: [string, string][];
  audit?: [string, number[]][];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeCommand(command: KvCommand): Uint8Array {
  return encoder.encode(JSON.stringify(command));
}

/**
 * The replicated key-value map, the client sessions (last sequence and answer per client ID) and
 * the member address book. All three are in every snapshot, so deduplication survives restarts
 * and members that join from a snapshot. With `audit`, it also remembers every applied
 * (client, sequence) write, which the robustness harness compares with what clients saw
 * acknowledged.
 */
export class KvStateMachine implements StateMachine<KvResult> {
  readonly data = new Map<string, string>();
  readonly sessions = new Map<string, ClientSession>();
  readonly addresses = new Map<string, string>();
  readonly audit: Map<string, number[]> | undefined;
  readonly #onAddress: ((id: bigint, address: string) => void) | undefined;

  constructor(options: { audit?: boolean; onAddress?: (id: bigint, address: string) => void } = {}) {
    this.audit = options.audit ? new Map() : undefined;
    this.#onAddress = options.onAddress;
  }

  get(key: string): string | undefined {
    return this.data.get(key);
  }

  apply(bytes: Uint8Array): KvResult {
    let command: KvCommand;
    try {
      command = JSON.parse(decoder.decode(bytes)) as KvCommand;
    } catch {
      return { ok: false }; // not ours (every member skips it the same way)
    }
    if (command.t === 'addr') {
      this.addresses.set(command.id, command.a);
      this.#onAddress?.(BigInt(command.id), command.a);
      return { ok: true };
    }
    const { c: client, s: seq } = command;
    if (client !== undefined && seq !== undefined) {
      const session = this.sessions.get(client);
      if (session && seq === session.seq) return { ...session.result, duplicate: true };
      if (session && seq < session.seq) return { ok: false, stale: true };
    }
    const result = this.#write(command);
    if (client !== undefined && seq !== undefined) {
      this.sessions.set(client, { seq, result });
      if (this.audit) {
        const seqs = this.audit.get(client) ?? [];
        seqs.push(seq);
        this.audit.set(client, seqs);
      }
    }
    return result;
  }

  #write(command: Exclude<KvCommand, { t: 'addr' }>): KvResult {
    switch (command.t) {
      case 'put':
        this.data.set(command.k, command.v);
        return { ok: true };
      case 'del':
        this.data.delete(command.k);
        return { ok: true };
      case 'cas': {
        const current = this.data.get(command.k) ?? null;
        if (current !== command.e) return { ok: false };
        this.data.set(command.k, command.v);
        return { ok: true };
      }
    }
  }

  snapshot(): Uint8Array {
    const image: Image = {
      data: [...this.data],
      sessions: [...this.sessions],
      addresses: [...this.addresses],
      ...(this.audit ? { audit: [...this.audit] } : {}),
    };
    return encoder.encode(JSON.stringify(image));
  }

  restore(bytes: Uint8Array): void {
    this.data.clear();
    this.sessions.clear();
    this.addresses.clear();
    this.audit?.clear();
    if (bytes.length === 0) return;
    const image = JSON.parse(decoder.decode(bytes)) as Image;
    for (const [k, v] of image.data) this.data.set(k, v);
    for (const [c, s] of image.sessions) this.sessions.set(c, s);
    for (const [id, a] of image.addresses) {
      this.addresses.set(id, a);
      this.#onAddress?.(BigInt(id), a);
    }
    if (this.audit && image.audit) for (const [c, seqs] of image.audit) this.audit.set(c, seqs);
  }
}
