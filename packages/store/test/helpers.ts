import { generateId, type Random, seededRandom, swarm } from '@swarm/api';
import type { RecordCipher } from '@swarm/raft';
import { aesGcmTestCipher, ManualProposer } from '../src/testing.js';

export const testCipher = (key?: Uint8Array): RecordCipher => aesGcmTestCipher(key);

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
  task(
    serviceId: string,
    nodeId = '',
    desiredState: swarm.TaskState = swarm.TaskState.RUNNING,
    name = '',
  ): swarm.Task {
    return swarm.Task.create({ id: this.id(), serviceId, nodeId, desiredState, annotations: { name } });
  }
  node(hostname: string): swarm.Node {
    return swarm.Node.create({ id: this.id(), description: { hostname } });
  }
  secret(name: string, data: string | Uint8Array): swarm.Secret {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    return swarm.Secret.create({ id: this.id(), spec: { annotations: { name }, data: bytes } });
  }
  network(name: string, driver = 'overlay'): swarm.Network {
    return swarm.Network.create({
      id: this.id(),
      spec: { annotations: { name }, driverConfig: { name: driver } },
    });
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

export async function rejection(
  p: Promise<unknown>,
): Promise<{ code?: string; details?: Record<string, unknown> } & Error> {
  try {
    await p;
  } catch (err) {
    return err as { code?: string } & Error;
  }
  throw new Error('expected the promise to reject');
}

export { ManualProposer };

export const tick = () => new Promise<void>((r) => setImmediate(r));
