import type { StateMachine } from '../../src/driver/raft-node.js';

const dec = new TextDecoder();
const enc = new TextEncoder();

/** A tiny key-value state machine: "set k v" commands; apply returns the previous value. */
export class KvMachine implements StateMachine<string | undefined> {
  map = new Map<string, string>();
  applied: bigint[] = [];

  apply(data: Uint8Array, index: bigint): string | undefined {
    const [op, k, v] = dec.decode(data).split(' ');
    this.applied.push(index);
    if (op !== 'set' || k === undefined || v === undefined)
      throw new Error(`bad command ${dec.decode(data)}`);
    const prev = this.map.get(k);
    this.map.set(k, v);
    return prev;
  }
  snapshot(): Uint8Array {
    return enc.encode(JSON.stringify([...this.map]));
  }
  restore(data: Uint8Array): void {
    this.map = new Map(data.byteLength ? (JSON.parse(dec.decode(data)) as [string, string][]) : []);
  }
}

export const cmd = (k: string, v: string) => enc.encode(`set ${k} ${v}`);
