/**
 * A compromised manager: with the store in its hands it writes tasks straight into it, bypassing
 * the control API (no tag resolution, no checks). The dispatcher ships them to the workers like any
 * other assignment; each worker's verifying executor refuses the unsigned image and reports why,
 * and its image executor never sees it. Real signatures (gpg + skopeo) and a real registry:
 * loopback 127.0.8.11 (registry) and 127.0.8.12 (lookaside).
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { swarm } from '@swarm/api';
import { Agent, Dispatcher } from '@swarm/dispatcher';
import { MemorySecretWriter, MemoryTransport } from '@swarm/dispatcher/testing';
import { createMemoryStore } from '@swarm/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageVerifier, parseRegistriesD, readPolicyFile, verifyingExecutor } from '../src/index.js';
import { RecordingImageExecutor } from '../src/testing.js';
import { ToolBed } from './fixtures/tools.js';

const REGISTRY = '127.0.8.11:5000';
const bed = new ToolBed({ registry: REGISTRY, lookasideHost: '127.0.8.12' });
const S = swarm.TaskState;
let signed = '';
let unsigned = '';

beforeAll(async () => {
  const key = bed.genKey('Release');
  bed.buildImages(['other']);
  await bed.startRegistry();
  await bed.startLookaside();
  signed = `${REGISTRY}/apps/web:v1@${bed.push('v1', 'apps/web:v1', key)}`;
  unsigned = `${REGISTRY}/apps/tool:v1@${bed.push('other', 'apps/tool:v1')}`;
  bed.exportKey(key, 'release.gpg');
  writeFileSync(
    join(bed.dir, 'policy.json'),
    JSON.stringify({
      default: [{ type: 'reject' }],
      transports: {
        docker: { [REGISTRY]: [{ type: 'signedBy', keyType: 'GPGKeys', keyPath: 'release.gpg' }] },
      },
    }),
  );
}, 120_000);
afterAll(() => bed.close());

describe('a manager that writes tasks straight into the store', () => {
  it('gets no unsigned image run on any worker, and each worker reports why', async () => {
    const store = createMemoryStore();
    const workers = ['w'.repeat(25), 'x'.repeat(25)];
    await store.update((tx) => {
      for (const id of workers)
        tx.create('node', swarm.Node.create({ id, description: { hostname: id.slice(0, 1) } }));
    });
    const dispatcher = new Dispatcher({}, { store });
    dispatcher.start();
    const transport = new MemoryTransport();
    transport.listen('m:2377', dispatcher);
    const policy = await readPolicyFile(join(bed.dir, 'policy.json'));
    const registries = parseRegistriesD([
      { name: 'r.yaml', text: `docker:\n  ${REGISTRY}:\n    lookaside: ${bed.lookasideUrl}\n` },
    ]);
    const runs = workers.map((id) => {
      const inner = new RecordingImageExecutor();
      const executor = verifyingExecutor(inner, new ImageVerifier({}, { policy, registries }));
      const agent = new Agent(
        { managers: ['m:2377'], statusBatchMs: 10 },
        { connect: transport.connector(id), executor, secrets: new MemorySecretWriter() },
      );
      agent.start();
      return { id, inner, executor, agent };
    });
    // The forged writes: one task per worker for each image, straight into the store.
    const tasks: { id: string; nodeId: string; image: string }[] = [];
    await store.update((tx) => {
      let n = 0;
      for (const nodeId of workers)
        for (const image of [unsigned, signed, `${REGISTRY}/apps/tool:v1`]) {
          const id = `t${String(n++).padStart(24, '0')}`;
          tasks.push({ id, nodeId, image });
          tx.create(
            'task',
            swarm.Task.create({
              id,
              nodeId,
              desiredState: S.RUNNING,
              status: { state: S.ASSIGNED },
              spec: { container: { image } },
            }),
          );
        }
    });
    const final = () => store.view((tx) => tasks.map((t) => tx.get('task', t.id)?.status));
    for (let i = 0; final().some((s) => (s?.state ?? 0) < S.RUNNING); i++) {
      if (i > 10_000) throw new Error(`tasks did not settle: ${JSON.stringify(final())}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    const statuses = final();
    tasks.forEach((t, i) => {
      const s = statuses[i];
      if (t.image === signed) expect(s?.state).toBe(S.RUNNING);
      else {
        expect(s?.state).toBe(S.REJECTED);
        expect(s?.err).toMatch(
          t.image === unsigned ? /is not signed by a trusted key/ : /is not pinned by digest/,
        );
      }
    });
    for (const r of runs) {
      expect(r.inner.started.map(([, image]) => image)).toEqual([signed]);
      expect(r.executor.stats.rejected).toBe(2);
      r.agent.stop();
    }
    dispatcher.stop();
  });
});
