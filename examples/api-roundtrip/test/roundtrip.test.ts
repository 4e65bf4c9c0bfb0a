import { fromLong, generateId, ManualClock, SwarmError, swarm, toLong } from '@swarm/api';
import { describe, expect, it } from 'vitest';

type Codec = {
  create(p?: object): object;
  encode(m: object): { finish(): Uint8Array };
  decode(b: Uint8Array): object;
  toObject(m: object, o?: object): object;
};

function codecs(ns: Record<string, unknown>, prefix: string, out: [string, Codec][] = []): [string, Codec][] {
  for (const [name, value] of Object.entries(ns)) {
    if (typeof value !== 'function') continue;
    const c = value as unknown as Codec & Record<string, unknown>;
    if (typeof c.encode === 'function' && typeof c.decode === 'function') {
      out.push([`${prefix}${name}`, c]);
      codecs(c, `${prefix}${name}.`, out);
    }
  }
  return out;
}

describe('the built @swarm/api, imported as a dependency', () => {
  const all = codecs(swarm as unknown as Record<string, unknown>, 'swarm.');

  it('exposes the generated message types, the seams and the error class', () => {
    expect(all.length).toBeGreaterThan(80);
    expect(new ManualClock(5).now()).toBe(5);
    expect(new SwarmError('LOCKED', 'x').code).toBe('LOCKED');
  });

  it.each(all.map(([name]) => name))('round-trips an empty %s', (name) => {
    const codec = all.find(([n]) => n === name)![1];
    const bytes = codec.encode(codec.create({})).finish();
    expect(codec.toObject(codec.decode(bytes))).toEqual(codec.toObject(codec.create({})));
  });

  it('round-trips a populated task with exact 64-bit fields and a secret reference', () => {
    const task = swarm.Task.create({
      id: generateId(),
      serviceId: generateId(),
      slot: toLong(3n),
      specVersion: toLong(2n ** 63n + 5n),
      desiredState: swarm.TaskState.RUNNING,
      spec: {
        container: {
          image: 'web',
          command: ['node', 'server.js'],
          secrets: [
            { secretId: generateId(), secretName: 'db-password', target: 'db-password', mode: 0o400 },
          ],
        },
        placement: { constraints: ['node.labels.swarm.zone==pci'], maxReplicas: toLong(2n) },
      },
      status: {
        state: swarm.TaskState.PENDING,
        message: 'no suitable node',
        timestamp: toLong(1_700_000_000_000n),
      },
    });
    const back = swarm.Task.decode(swarm.Task.encode(task).finish());
    expect(back.id).toBe(task.id);
    expect(fromLong(back.specVersion)).toBe(2n ** 63n + 5n);
    expect(fromLong(back.slot)).toBe(3n);
    expect(back.spec?.container?.secrets?.[0]?.secretName).toBe('db-password');
    expect(back.spec?.placement?.constraints).toEqual(['node.labels.swarm.zone==pci']);
    expect(back.status?.state).toBe(swarm.TaskState.PENDING);
  });

  it('round-trips a raft message carrying entries and a snapshot', () => {
    const msg = swarm.Message.create({
      type: swarm.MessageType.MSG_APP,
      to: toLong(0xffff_ffff_ffff_fff1n),
      from: toLong(7n),
      term: toLong(9n),
      entries: [{ term: toLong(9n), index: toLong(101n), data: Uint8Array.from([1, 2, 3]) }],
      snapshot: { metadata: { index: toLong(100n), term: toLong(8n), confState: { voters: [toLong(7n)] } } },
    });
    const back = swarm.Message.decode(swarm.Message.encode(msg).finish());
    expect(fromLong(back.to)).toBe(0xffff_ffff_ffff_fff1n);
    expect(fromLong(back.entries[0]!.index)).toBe(101n);
    expect(Array.from(back.entries[0]!.data)).toEqual([1, 2, 3]);
    expect(fromLong(back.snapshot!.metadata!.confState!.voters![0])).toBe(7n);
  });
});
