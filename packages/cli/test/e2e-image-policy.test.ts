// Image policies on real daemons (127.0.8.20-21; a docker-registry on 127.0.8.25:5000). A daemon
// refuses to start with a malformed policy, or one naming a missing key. A worker
// given `--image-policy` at join keeps the policy to itself (managers see its digest only), refuses
// a malformed one before it contacts anybody, and, with the bubblewrap sandbox (which runs host
// commands, not images), refuses every task with the reason in `service ps`. The manager pins
// `image:tag` to the registry's digest at `service create` unless told `--no-resolve-image`.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolicy } from '@swarm/image-trust';
import type { NodeView, TaskView } from '@swarm/node/control';
import * as openpgp from 'openpgp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ToolBed } from '../../image-trust/test/fixtures/tools.js';
import { LocalCluster, type LocalNode, runSwarm, waitFor } from '../src/testing.js';
import { dumpLogsOnFailure, IDLE } from './e2e/helpers.js';

const REGISTRY = '127.0.8.25:5000';
const MARKER = 'marker-scope.sw24.test';

describe('image policy on a worker, tag resolution on the manager', () => {
  const cluster = new LocalCluster();
  const bed = new ToolBed({ registry: REGISTRY, lookasideHost: '127.0.8.26' });
  let m1: LocalNode;
  let w1: LocalNode;
  let policyFile = '';
  let digest = '';
  let pushed = '';

  beforeAll(async () => {
    const { publicKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ name: 'release' }],
      format: 'binary',
    });
    writeFileSync(join(bed.dir, 'release.gpg'), publicKey);
    const policy = JSON.stringify({
      default: [{ type: 'reject' }],
      transports: {
        docker: {
          [REGISTRY]: [{ type: 'signedBy', keyType: 'GPGKeys', keyPath: 'release.gpg' }],
          [MARKER]: [{ type: 'reject' }],
        },
      },
    });
    policyFile = join(bed.dir, 'policy.json');
    writeFileSync(policyFile, policy);
    digest = (await parsePolicy(policy, { baseDir: bed.dir })).digest;
    writeFileSync(
      join(bed.dir, 'bad-policy.json'),
      '{"default": [{"type": "signedBy", "keyType": "GPGKeys", "keyPath": "nope.gpg"}]}',
    );
    bed.buildImages([]);
    await bed.startRegistry();
    pushed = bed.push('v1', 'apps/web:v1');
    m1 = cluster.add({ name: 'm1', address: '127.0.8.20' });
    w1 = cluster.add({ name: 'w1', address: '127.0.8.21' });
    await Promise.all([m1.start(), w1.start()]);
    await m1.ok(['init', '--listen-addr', m1.addr, '--availability', 'drain']);
  }, 120_000);

  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster));
  afterAll(async () => {
    await cluster.destroy();
    await bed.close();
  });

  it('refuses to start a daemon whose policy is malformed or names a missing key, saying what to fix', async () => {
    const cases: [string, string, string][] = [
      ['malformed', '{"default": [{"type": "reject"}],', 'not valid JSON'],
      ['unknown-type', '{"default": [{"type": "acceptIfSigned"}]}', 'default[0]'],
      ['no-key', '{"default": [{"type": "signedBy", "keyType": "GPGKeys"}]}', 'exactly one of keyPath'],
      [
        'missing-key',
        '{"default": [{"type": "signedBy", "keyType": "GPGKeys", "keyPath": "gone.gpg"}]}',
        `key file ${join(bed.dir, 'gone.gpg')} cannot be read`,
      ],
    ];
    for (const [name, text, problem] of cases) {
      const file = join(bed.dir, `${name}.json`);
      writeFileSync(file, text);
      const dataDir = join(bed.dir, `daemon-${name}`);
      const r = await runSwarm([
        '--data-dir',
        dataDir,
        'daemon',
        '--executor',
        'sandbox',
        '--image-policy',
        file,
      ]);
      expect(r.code, name).toBe(1);
      expect(r.stderr, name).toContain(`image policy ${file}:`);
      expect(r.stderr, name).toContain(problem);
      expect(r.stderr, name).not.toContain('swarm daemon ready');
      expect(existsSync(join(dataDir, 'swarm.sock')), name).toBe(false);
    }
  }, 90_000);

  it('refuses to join with a policy that names a missing key, before contacting a manager', async () => {
    const token = (await m1.ok(['join-token', '-q', 'worker'])).trim();
    const r = await w1.swarm([
      'join',
      '--token',
      token,
      '--listen-addr',
      w1.addr,
      '--image-policy',
      join(bed.dir, 'bad-policy.json'),
      m1.addr,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`key file ${join(bed.dir, 'nope.gpg')} cannot be read`);
    expect((await m1.json<NodeView[]>(['node', 'ls'])).map((n) => n.hostname)).toEqual(['m1']);
    await w1.ok(['join', '--token', token, '--listen-addr', w1.addr, '--image-policy', policyFile, m1.addr]);
    await waitFor(
      'w1 ready',
      async () =>
        (await m1.json<NodeView[]>(['node', 'ls'])).some((n) => n.hostname === 'w1' && n.status === 'ready'),
      60_000,
    );
  }, 90_000);

  it('shows managers only the digest of the policy', async () => {
    const [w] = await m1.json<{ description?: { imagePolicyDigest?: string } }[]>(['node', 'inspect', 'w1']);
    expect(w?.description?.imagePolicyDigest).toBe(digest);
    expect(await m1.ok(['node', 'inspect', '--pretty', 'w1'])).toMatch(
      new RegExp(`Image Policy:\\s+${digest}`),
    );
    expect(await m1.ok(['node', 'inspect', '--pretty', 'm1'])).toMatch(/Image Policy:\s+\(none\)/);
    expect(JSON.stringify(await m1.json(['node', 'ls']))).not.toContain(MARKER);
    expect(m1.log).not.toContain(MARKER);
  });

  it('refuses every task on the sandbox executor while a policy is set, saying why in service ps', async () => {
    await m1.ok(['service', 'create', '--detach', '--name', 'idle', '--', ...IDLE]);
    const rejected = await waitFor(
      'a rejected task',
      async () =>
        (await m1.json<TaskView[]>(['service', 'ps', '--all', '--no-trunc', 'idle'])).find(
          (t) => t.currentState === 'rejected',
        ),
      60_000,
    );
    expect(rejected.nodeHostname).toBe('w1');
    expect(rejected.error).toContain('does not run container images');
    expect(await m1.ok(['service', 'ps', '--all', '--no-trunc', 'idle'])).toContain('refuses every task');
    expect(w1.log).toContain('"image rejected"');
    await m1.ok(['service', 'rm', 'idle']);
  }, 90_000);

  it('pins image:tag to the registry digest at service create, unless --no-resolve-image', async () => {
    type Raw = { spec?: { task?: { container?: { image?: string } } } };
    const image = async (name: string) =>
      (await m1.json<Raw[]>(['service', 'inspect', name]))[0]?.spec?.task?.container?.image;
    await m1.ok(['service', 'create', '--detach', '--name', 'pinned', `${REGISTRY}/apps/web:v1`, ...IDLE]);
    expect(await image('pinned')).toBe(`${REGISTRY}/apps/web:v1@${pushed}`);
    await m1.ok([
      'service',
      'create',
      '--detach',
      '--no-resolve-image',
      '--name',
      'tagged',
      `${REGISTRY}/apps/web:v1`,
      ...IDLE,
    ]);
    expect(await image('tagged')).toBe(`${REGISTRY}/apps/web:v1`);
    // A registry that does not answer leaves the tag, with Docker's warning.
    const r = await m1.swarm([
      'service',
      'create',
      '--detach',
      '--name',
      'gone',
      '127.0.8.27:5000/apps/web:v1',
      ...IDLE,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('could not be accessed on a registry to record its digest');
    // update --image resolves the new tag; an image already pinned is left alone.
    await m1.ok(['service', 'update', '--detach', '--image', `${REGISTRY}/apps/web:v1`, 'tagged']);
    expect(await image('tagged')).toBe(`${REGISTRY}/apps/web:v1@${pushed}`);
    for (const s of ['pinned', 'tagged', 'gone']) await m1.ok(['service', 'rm', s]);
  }, 90_000);
});
