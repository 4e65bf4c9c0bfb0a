// The simulator's default replicated state machine: a key-value map with put, delete and
// compare-and-set. Commands are JSON; `apply` returns what a client observes.
import type { StateMachine } from '../driver/raft-node.js';

/** A command of the simulator's key-value state machine. */
export type KvCommand =
  | { op: 'put'; key: string; value: string }
  | { op: 'delete'; key: string }
  | { op: 'cas'; key: string; expected: string | null; value: string };

/** What applying a KvCommand returns: whether it took effect, and the previous value. */
export type KvResult = { ok: boolean; prev: string | null };

const enc = new TextEncoder();
const dec = new TextDecoder();

/** The entry payload of a KvCommand. */
export function encodeKvCommand(c: KvCommand): Uint8Array {
  return enc.encode(JSON.stringify(c));
}

export class KvStateMachine implements StateMachine<KvResult> {
  map = new Map<string, string>();

  /** Applies an encoded KvCommand. */
  apply(data: Uint8Array): KvResult {
    const c = JSON.parse(dec.decode(data)) as KvCommand;
    const prev = this.map.get(c.key) ?? null;
    switch (c.op) {
      case 'put':
        this.map.set(c.key, c.value);
        return { ok: true, prev };
      case 'delete':
        this.map.delete(c.key);
        return { ok: true, prev };
      case 'cas':
        if (prev !== c.expected) return { ok: false, prev };
        this.map.set(c.key, c.value);
        return { ok: true, prev };
    }
  }

  /** The current value of `key`. */
  get(key: string): string | undefined {
    return this.map.get(key);
  }

  snapshot(): Uint8Array {
    return enc.encode(JSON.stringify([...this.map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
  }

  restore(data: Uint8Array): void {
    this.map = new Map(data.byteLength === 0 ? [] : (JSON.parse(dec.decode(data)) as [string, string][]));
  }
}
