import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { generateId, type Random, seededRandom, swarm } from '@swarm/api';
import type { RecordCipher } from '@swarm/raft';

/** A small AES-256-GCM record cipher: nonce (12) | ciphertext | tag (16), with associated data. */
export function testCipher(key: Uint8Array = randomBytes(32)): RecordCipher {
  return {
    encrypt(plain, ad) {
      const nonce = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, nonce);
      c.setAAD(ad);
      const body = Buffer.concat([c.update(plain), c.final()]);
      return new Uint8Array(Buffer.concat([nonce, body, c.getAuthTag()]));
    },
    decrypt(sealed, ad) {
      const b = Buffer.from(sealed);
      const d = createDecipheriv('aes-256-gcm', key, b.subarray(0, 12));
      d.setAAD(ad);
      d.setAuthTag(b.subarray(b.length - 16));
      return new Uint8Array(Buffer.concat([d.update(b.subarray(12, b.length - 16)), d.final()]));
    },
  };
}

export class Objects {
  readonly random: Random;
  constructor(seed = 1) {
    this.random = seededRandom(seed);
  }
  id(): string {
    return generateId(this.random);
  }
  service(name: string): swarm.Service {
    return swarm.Service.create({ id: this.id(), spec: { annotations: { name } } });
  }
  task(serviceId: string, nodeId = '', desiredState: swarm.TaskState = swarm.TaskState.RUNNING, name = ''): swarm.Task {
    return swarm.Task.create({ id: this.id(), serviceId, nodeId, desiredState, annotations: { name } });
  }
  node(hostname: string): swarm.Node {
    return swarm.Node.create({ id: this.id(), description: { hostname } });
  }
  secret(name: string, data: string | Uint8Array): swarm.Secret {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    return swarm.Secret.create({ id: this.id(), spec: { annotations: { name }, data: bytes } });
  }
  cluster(name: string, caKey?: Uint8Array): swarm.Cluster {
    return swarm.Cluster.create({
      id: this.id(),
      spec: { annotations: { name } },
      ...(caKey ? { rootCa: { caKey, caCert: new TextEncoder().encode('CERT') } } : {}),
    });
  }
}

/** True when `needle` occurs in `haystack` as a byte sequence. */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack).indexOf(Buffer.from(needle)) >= 0;
}

export async function rejection(p: Promise<unknown>): Promise<{ code?: string; details?: Record<string, unknown> } & Error> {
  try {
    await p;
  } catch (err) {
    return err as { code?: string } & Error;
  }
  throw new Error('expected the promise to reject');
}

/**
 * A proposer that queues proposals until `commit()`, which applies them in order at increasing
 * indexes to every replica and settles each with the result of the replica that proposed it.
 */
export class ManualProposer {
  readonly queue: { data: Uint8Array; resolve: (v: { index: bigint; result: unknown }) => void }[] = [];
  readonly proposed: Uint8Array[] = [];
  index = 0n;
  constructor(readonly replicas: { apply(data: Uint8Array, index: bigint): unknown }[]) {}

  propose(data: Uint8Array): Promise<{ index: bigint; result: unknown }> {
    this.proposed.push(data);
    return new Promise((resolve) => this.queue.push({ data, resolve }));
  }

  /** Applies every queued proposal; returns how many. */
  commit(): number {
    let n = 0;
    for (let p = this.queue.shift(); p !== undefined; p = this.queue.shift()) {
      this.index += 1n;
      const results = this.replicas.map((r) => r.apply(p!.data, this.index));
      p.resolve({ index: this.index, result: results[0] });
      n++;
    }
    return n;
  }
}

export const tick = () => new Promise<void>((r) => setImmediate(r));
