import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { swarm } from '../src/index.js';

// The schema, loaded by reflection, is the reference: every message type it declares must exist in
// the generated static code, encode to the same bytes, and decode back to the same value.
const protoDir = fileURLToPath(new URL('../proto/', import.meta.url));
const files = readdirSync(`${protoDir}swarm`)
  .filter((f) => f.endsWith('.proto'))
  .map((f) => `${protoDir}swarm/${f}`);
const root = new protobuf.Root();
root.resolvePath = (_origin, target) => (target.startsWith('/') ? target : `${protoDir}${target}`);
root.loadSync(files, { keepCase: false });
root.resolveAll();

function allTypes(ns: protobuf.NamespaceBase, out: protobuf.Type[] = []): protobuf.Type[] {
  for (const nested of ns.nestedArray) {
    if (nested instanceof protobuf.Type) {
      if (!nested.options?.map_entry) out.push(nested);
      allTypes(nested, out);
    } else if (nested instanceof protobuf.Namespace) {
      allTypes(nested, out);
    }
  }
  return out;
}

function scalarSample(type: string, seed: number): unknown {
  switch (type) {
    case 'string':
      return `value-${seed}-é✓`;
    case 'bytes':
      return Uint8Array.from([seed & 0xff, 0, 255, 7]);
    case 'bool':
      return true;
    case 'double':
      return 1.5 + seed;
    case 'float':
      return 0.25;
    case 'int32':
    case 'sint32':
    case 'sfixed32':
      return -5 - seed;
    case 'uint32':
    case 'fixed32':
      return 4_000_000_000;
    case 'int64':
    case 'sint64':
    case 'sfixed64':
      return '-9007199254740993';
    case 'uint64':
    case 'fixed64':
      return '18446744073709551615';
    default:
      throw new Error(`no sample for scalar ${type}`);
  }
}

function sample(type: protobuf.Type, depth: number): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  const usedOneofs = new Set<string>();
  for (const field of type.fieldsArray) {
    if (field.partOf) {
      if (usedOneofs.has(field.partOf.name)) continue;
      usedOneofs.add(field.partOf.name);
    }
    const value = (i: number): unknown => {
      const rt = field.resolvedType;
      if (rt instanceof protobuf.Enum) {
        const names = Object.keys(rt.values);
        return names[Math.min(1 + i, names.length - 1)];
      }
      if (rt instanceof protobuf.Type) return depth > 3 ? {} : sample(rt, depth + 1);
      return scalarSample(field.type, field.id + i);
    };
    if (field.map) {
      obj[field.name] = { alpha: value(0), beta: value(1) };
    } else if (field.repeated) {
      obj[field.name] = [value(0), value(1)];
    } else {
      obj[field.name] = value(0);
    }
  }
  return obj;
}

type StaticType = {
  fromObject(o: object): object;
  encode(m: object): { finish(): Uint8Array };
  decode(b: Uint8Array): object;
  toObject(m: object, o: object): Record<string, unknown>;
  verify(o: object): string | null;
};

function staticType(fullName: string): StaticType | undefined {
  let cur: unknown = { swarm };
  for (const part of fullName.replace(/^\./, '').split('.')) {
    cur = (cur as Record<string, unknown> | undefined)?.[part];
  }
  return cur as StaticType | undefined;
}

const types = allTypes(root);
const conv = { longs: String, enums: String, bytes: Array, defaults: false, arrays: true, objects: true };

describe('@swarm/api protobuf contract', () => {
  it('declares the shared objects and every RPC service', () => {
    const names = new Set(types.map((t) => t.fullName));
    for (const n of [
      'Node',
      'Service',
      'Task',
      'Secret',
      'Cluster',
      'Message',
      'Entry',
      'HardState',
      'Snapshot',
    ]) {
      expect(names.has(`.swarm.${n}`), n).toBe(true);
    }
    for (const s of ['CA', 'NodeCA', 'Dispatcher', 'Raft', 'RaftMembership', 'Control']) {
      expect(root.lookupService(`swarm.${s}`).methodsArray.length, s).toBeGreaterThan(0);
    }
    expect(types.length).toBeGreaterThan(80);
  });

  it('keeps the task states in swarm order', () => {
    const order = [
      'NEW',
      'PENDING',
      'ASSIGNED',
      'ACCEPTED',
      'PREPARING',
      'READY',
      'STARTING',
      'RUNNING',
      'COMPLETE',
      'SHUTDOWN',
      'FAILED',
      'REJECTED',
      'REMOVE',
      'ORPHANED',
    ] as const;
    const values = order.map((s) => swarm.TaskState[s]);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
  });

  for (const type of types) {
    it(`round-trips ${type.fullName.slice(1)} through the generated code`, () => {
      const gen = staticType(type.fullName);
      expect(gen, `generated code lacks ${type.fullName}`).toBeDefined();
      const obj = sample(type, 0);
      const msg = gen!.fromObject(obj);
      expect(gen!.verify(msg)).toBeNull();
      const bytes = gen!.encode(msg).finish();
      // the generated encoder agrees byte for byte with the schema's reflection encoder
      expect(Buffer.from(bytes).equals(Buffer.from(type.encode(type.fromObject(obj)).finish()))).toBe(true);
      const back = gen!.decode(bytes);
      expect(gen!.toObject(back, conv)).toEqual(gen!.toObject(msg, conv));
      if (type.fieldsArray.length > 0) expect(bytes.length).toBeGreaterThan(0);
    });
  }
});
