// Replacing a node's image policy with a signed update (issue 24), on a real daemon
// (127.0.5.100, its control API also on TCP 127.0.5.100:23760). The daemon starts with a policy
// trusting Alice's GPG key (made here by gpg); `swarm image-policy update` with a new policy and
// Alice's `gpg --detach-sign` signature, then with `gpg --sign`'s output, is applied through the
// local unix socket: the file is rewritten, `swarm info` and `node inspect` show the new digest, a
// restart keeps it. The same update over TCP, an unsigned one, one signed by an untrusted key, a
// tampered one, a signature over other bytes, a malformed policy and a replay are each refused with
// the reason, and the digest and the file stay as they were.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolicy } from '@swarm/image-trust';
import type { InfoResult } from '@swarm/node/control';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ToolBed } from '../../image-trust/test/fixtures/tools.js';
import { LocalCluster, type LocalNode, runSwarm, waitFor } from '../src/testing.js';
import { dumpLogsOnFailure } from './e2e/helpers.js';

describe('swarm image-policy update on a real daemon', () => {
  const cluster = new LocalCluster();
  const bed = new ToolBed({ registry: '127.0.5.150:5000', lookasideHost: '127.0.5.150' });
  let m1: LocalNode;
  let alice = '';
  let mallory = '';
  let policyFile = '';
  let v1 = '';
  let digestV1 = '';
  let startedAt = 0;
  const policyV2 = `${JSON.stringify(
    {
      default: [{ type: 'reject' }],
      transports: {
        docker: {
          'registry.test/apps': [{ type: 'signedBy', keyType: 'GPGKeys', keyPath: 'alice.gpg' }],
          'registry.test/tools': [{ type: 'signedBy', keyType: 'GPGKeys', keyPath: 'alice.gpg' }],
        },
      },
    },
    null,
    2,
  )}\n`;

  /** The local CLI: the daemon's unix socket under its data directory (not the node's TCP host). */
  const local = (args: string[]) => runSwarm(['--data-dir', m1.dataDir, ...args]);
  const digest = async () => (await m1.json<InfoResult>(['info', '--format', 'json'])).imagePolicyDigest;
  const inspected = async () =>
    (await m1.json<{ description?: { imagePolicyDigest?: string } }[]>(['node', 'inspect', 'self']))[0]
      ?.description?.imagePolicyDigest;
  /** `gpg --sign` of a file, as an operator would run it; returns the signed file's path. */
  const gpgSign = (fpr: string, name: string, text: string, extra: string[] = []) => {
    const file = join(bed.dir, name);
    writeFileSync(file, text);
    bed.run('gpg', [
      '--batch',
      '--yes',
      '--local-user',
      fpr,
      ...extra,
      '--output',
      `${file}.gpg`,
      '--sign',
      file,
    ]);
    return `${file}.gpg`;
  };

  /** `gpg --detach-sign` of a file; returns the signature's path. */
  const detached = (name: string, text: string) => {
    const file = join(bed.dir, name);
    writeFileSync(file, text);
    bed.run('gpg', [
      '--batch',
      '--yes',
      '--local-user',
      alice,
      '--output',
      `${file}.sig`,
      '--detach-sign',
      file,
    ]);
    return `${file}.sig`;
  };

  beforeAll(async () => {
    alice = bed.genKey('Alice');
    mallory = bed.genKey('Mallory');
    bed.exportKey(alice, 'alice.gpg');
    v1 = JSON.stringify({
      default: [{ type: 'reject' }],
      transports: {
        docker: { 'registry.test/apps': [{ type: 'signedBy', keyType: 'GPGKeys', keyPath: 'alice.gpg' }] },
      },
    });
    policyFile = join(bed.dir, 'policy.json');
    writeFileSync(policyFile, v1);
    digestV1 = (await parsePolicy(v1, { baseDir: bed.dir })).digest;
    m1 = cluster.add({
      name: 'm1',
      address: '127.0.5.100',
      controlHost: 'tcp://127.0.5.100:23760',
      daemonArgs: ['--image-policy', policyFile],
    });
    await m1.start();
    startedAt = Date.now();
    await m1.ok(['init', '--listen-addr', m1.addr]);
    await waitFor('m1 reports its policy', async () => (await inspected()) === digestV1, 60_000);
    // gpg stamps signatures in whole seconds; an update must be signed after the policy came into force.
    await waitFor('a second after the daemon loaded its policy', () => Date.now() > startedAt + 1_100, 5_000);
  }, 120_000);

  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster));
  afterAll(async () => {
    await cluster.destroy();
    await bed.close();
  });

  it('shows the policy in force locally: digest, update keys and rules', async () => {
    expect(await digest()).toBe(digestV1);
    const r = await local(['image-policy', 'show']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Digest:\\s+${digestV1}`));
    expect(r.stdout).toContain(alice);
    expect(r.stdout).toContain('registry.test/apps');
    const j = await local(['image-policy', 'show', '--format', 'json']);
    expect(JSON.parse(j.stdout)).toMatchObject({
      path: policyFile,
      digest: digestV1,
      updateKeys: [alice],
      text: v1,
    });
  });

  it('refuses every bad update with the reason, leaving digest and file unchanged', async () => {
    const good = gpgSign(alice, 'v2.json', policyV2);
    const plain = gpgSign(alice, 'v2-plain.json', policyV2, ['--compress-algo', 'none']);
    const tampered = join(bed.dir, 'v2-tampered.json.gpg');
    const bytes = readFileSync(plain);
    const at = bytes.indexOf('registry.test/tools');
    expect(at).toBeGreaterThan(0);
    bytes.write('registry.test/toolz', at);
    writeFileSync(tampered, bytes);
    // The same rules, one byte more than what was signed.
    writeFileSync(join(bed.dir, 'unsigned.json'), `${policyV2} `);
    const cases: [string, Promise<{ code: number; stderr: string }>, RegExp][] = [
      // Over TCP (with the daemon's own client certificate): never, whatever the caller holds.
      ['tcp', m1.swarm(['image-policy', 'update', good]), /served on the daemon's local unix socket only/],
      [
        'unsigned',
        local(['image-policy', 'update', join(bed.dir, 'unsigned.json')]),
        /not an OpenPGP signed message/,
      ],
      [
        'untrusted',
        local(['image-policy', 'update', gpgSign(mallory, 'v2-mallory.json', policyV2)]),
        new RegExp(`signed by key ${mallory.slice(-16)}, which the current policy does not trust`),
      ],
      ['tampered', local(['image-policy', 'update', tampered]), /does not verify/],
      [
        'detached over other bytes',
        local([
          'image-policy',
          'update',
          '--signature',
          detached('v2-detached.json', policyV2),
          join(bed.dir, 'unsigned.json'),
        ]),
        /does not verify/,
      ],
      [
        'malformed',
        local([
          'image-policy',
          'update',
          gpgSign(alice, 'bad.json', '{"default": [{"type": "acceptIfSigned"}]}'),
        ]),
        /default\[0\]/,
      ],
      [
        'missing key',
        local([
          'image-policy',
          'update',
          gpgSign(
            alice,
            'nokey.json',
            '{"default": [{"type": "signedBy", "keyType": "GPGKeys", "keyPath": "gone.gpg"}]}',
          ),
        ]),
        /gone\.gpg/,
      ],
    ];
    for (const [name, run, reason] of cases) {
      const r = await run;
      expect(r.code, name).toBe(1);
      expect(r.stderr, name).toMatch(reason);
      expect(await digest(), name).toBe(digestV1);
      expect(readFileSync(policyFile, 'utf8'), name).toBe(v1);
    }
    expect(await inspected()).toBe(digestV1);
    expect(m1.log).toContain('image policy update refused');
  }, 90_000);

  it('applies updates signed by a trusted key (detached, then a signed message): file, swarm info and node inspect follow', async () => {
    const digestV2 = (await parsePolicy(policyV2, { baseDir: bed.dir })).digest;
    const sig = detached('v2-good.json', policyV2);
    const r = await local(['image-policy', 'update', '--signature', sig, join(bed.dir, 'v2-good.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${digestV1} -> ${digestV2}`);
    expect(r.stdout).toContain(alice);
    expect(readFileSync(policyFile, 'utf8')).toBe(policyV2);
    expect(await digest()).toBe(digestV2);
    await waitFor('the managers see the new digest', async () => (await inspected()) === digestV2, 60_000);
    expect(m1.log).toContain('image policy updated');
    // The same signed update again is a replay.
    const again = await local(['image-policy', 'update', '--signature', sig, join(bed.dir, 'v2-good.json')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('cannot be replayed');
    expect(await digest()).toBe(digestV2);

    // gpg's signature times are whole seconds: the next update is signed a second later.
    const appliedAt = Date.now();
    await waitFor('a second after the last update', () => Date.now() > appliedAt + 1_100, 5_000);
    const digestV3 = (await parsePolicy(v1, { baseDir: bed.dir })).digest;
    const back = await local(['image-policy', 'update', gpgSign(alice, 'v3.json', v1, ['--armor'])]);
    expect(back.code, back.stderr).toBe(0);
    expect(readFileSync(policyFile, 'utf8')).toBe(v1);
    expect(await digest()).toBe(digestV3);
    await waitFor('the managers see the third digest', async () => (await inspected()) === digestV3, 60_000);
    // A restart loads the rewritten file.
    await m1.stop();
    await m1.start();
    const restarted = await waitFor(
      'the restarted daemon answers',
      async () => {
        const r = await local(['info', '--format', 'json']);
        return r.code === 0 ? (JSON.parse(r.stdout) as InfoResult) : undefined;
      },
      60_000,
    );
    expect(restarted.imagePolicyDigest).toBe(digestV3);
  }, 120_000);
});
