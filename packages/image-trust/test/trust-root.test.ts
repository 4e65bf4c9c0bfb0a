// A file trust root's signed image policy update (issue 24): `applyPolicyUpdate` verifies an
// OpenPGP signed message made by the real `gpg` against the CURRENT policy's keys, rewrites the
// policy file atomically and only then puts the new policy in force. Every refusal (unsigned,
// untrusted signer, tampered bytes, malformed policy, missing key, replay, a failed write) throws
// a typed error and leaves the file and the policy in force as they were.
import { lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReference } from '../src/index.js';
import { applyPolicyUpdate, type ImageTrustRoot, loadImageTrust } from '../src/trust-root.js';
import { ToolBed } from './fixtures/tools.js';

const bed = new ToolBed({ registry: '127.0.5.149:5000', lookasideHost: '127.0.5.149' });
let alice = '';
let mallory = '';
const HOUR_AGO = () => new Date(Date.now() - 3_600_000);

const policyV1 = JSON.stringify({
  default: [{ type: 'reject' }],
  transports: {
    docker: { 'registry.test/apps': [{ type: 'signedBy', keyType: 'GPGKeys', keyPath: 'alice.gpg' }] },
  },
});
const policyV2 = JSON.stringify({
  default: [{ type: 'reject' }],
  transports: {
    docker: {
      'registry.test/apps': [{ type: 'signedBy', keyType: 'GPGKeys', keyPath: 'alice.gpg' }],
      'registry.test/tools': [{ type: 'signedBy', keyType: 'GPGKeys', keyPath: 'alice.gpg' }],
    },
  },
});

/** `gpg --sign` without compression, so the test can find (and tamper with) the literal data. */
function signPlain(fpr: string, data: string): Uint8Array {
  return new Uint8Array(
    bed.run('gpg', ['--batch', '--yes', '--local-user', fpr, '--compress-algo', 'none', '--sign'], data),
  );
}

let n = 0;
/** A fresh policy directory with policy.json = v1, loaded as a node's trust root an hour ago. */
async function node(): Promise<{ dir: string; file: string; trust: ImageTrustRoot }> {
  const dir = join(bed.dir, `node-${++n}`);
  bed.run('mkdir', ['-p', dir]);
  bed.exportKey(alice, `node-${n}/alice.gpg`);
  const file = join(dir, 'policy.json');
  writeFileSync(file, policyV1, { mode: 0o640 });
  return { dir, file, trust: await loadImageTrust(file, HOUR_AGO()) };
}

/** What must not change when an update is refused. */
function snapshot(dir: string, file: string, trust: ImageTrustRoot) {
  return { bytes: readFileSync(file, 'utf8'), files: readdirSync(dir).sort(), policy: trust.holder.current };
}

beforeAll(() => {
  alice = bed.genKey('Alice');
  mallory = bed.genKey('Mallory');
}, 60_000);
afterAll(() => bed.close());

describe('applyPolicyUpdate', () => {
  it('accepts an update signed by a key the current policy trusts: file replaced atomically, policy in force', async () => {
    const { dir, file, trust } = await node();
    const before = trust.holder.current;
    const r = await applyPolicyUpdate(trust, bed.gpgSign(alice, policyV2, true));
    expect(r.previousDigest).toBe(before.digest);
    expect(r.digest).not.toBe(before.digest);
    expect(r.signer).toBe(alice);
    expect(r.path).toBe(file);
    expect(trust.holder.current.digest).toBe(r.digest);
    expect(trust.holder.since.getTime()).toBe(r.signedAt.getTime());
    expect(readFileSync(file, 'utf8')).toBe(policyV2);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['alice.gpg', 'policy.json']); // no temporary file left
    // The verifier reads the holder: the new scope now has alice's requirement, not the default reject.
    expect(trust.holder.current.requirementsFor(parseReference('registry.test/tools/x:1')).scope).toContain(
      'registry.test/tools',
    );
    // What was written is what a restarted daemon loads.
    expect((await loadImageTrust(file)).holder.current.digest).toBe(r.digest);
  });

  it('refuses unsigned, untrusted, tampered, malformed and key-less updates, changing nothing', async () => {
    const { dir, file, trust } = await node();
    const before = snapshot(dir, file, trust);
    const signed = signPlain(alice, policyV2);
    const at = Buffer.from(signed).indexOf('registry.test/tools');
    expect(at).toBeGreaterThan(0);
    const tampered = Buffer.from(signed);
    tampered.write('registry.test/toolz', at);
    const cases: [string, Uint8Array, string, RegExp][] = [
      [
        'unsigned',
        new TextEncoder().encode(policyV2),
        'POLICY_UPDATE_REFUSED',
        /not an OpenPGP signed message/,
      ],
      [
        'untrusted',
        bed.gpgSign(mallory, policyV2),
        'POLICY_UPDATE_REFUSED',
        new RegExp(`key ${mallory.slice(-16)}`),
      ],
      ['tampered', new Uint8Array(tampered), 'POLICY_UPDATE_REFUSED', /does not verify/],
      [
        'malformed',
        bed.gpgSign(alice, '{"default": [{"type": "reject"}],'),
        'POLICY_INVALID',
        /not valid JSON/,
      ],
      [
        'missing key',
        bed.gpgSign(
          alice,
          '{"default": [{"type": "signedBy", "keyType": "GPGKeys", "keyPath": "gone.gpg"}]}',
        ),
        'POLICY_KEY_MISSING',
        /gone\.gpg/,
      ],
      ['empty', new Uint8Array(), 'POLICY_UPDATE_REFUSED', /not an OpenPGP signed message/],
    ];
    for (const [name, bytes, code, message] of cases) {
      const err = await applyPolicyUpdate(trust, bytes).then(
        () => undefined,
        (e: unknown) => e as Error & { code: string },
      );
      expect(err?.code, name).toBe(code);
      expect(err?.message, name).toMatch(message);
      expect(snapshot(dir, file, trust), name).toEqual(before);
      expect(trust.holder.current, name).toBe(before.policy);
    }
    // The untampered message still applies: the refusals above were about their bytes.
    expect((await applyPolicyUpdate(trust, signed)).signer).toBe(alice);
  });

  it('accepts a policy with a detached signature (gpg --detach-sign) over exactly its bytes', async () => {
    const { dir, file, trust } = await node();
    const before = snapshot(dir, file, trust);
    const signature = new Uint8Array(
      bed.run('gpg', ['--batch', '--yes', '--local-user', alice, '--detach-sign'], policyV2),
    );
    const enc = new TextEncoder();
    await expect(
      applyPolicyUpdate(trust, { policy: enc.encode(policyV2.replace('tools', 'toolz')), signature }),
    ).rejects.toMatchObject({
      code: 'POLICY_UPDATE_REFUSED',
      message: expect.stringMatching(/does not verify/),
    });
    expect(snapshot(dir, file, trust)).toEqual(before);
    const r = await applyPolicyUpdate(trust, { policy: enc.encode(policyV2), signature });
    expect(r.signer).toBe(alice);
    expect(readFileSync(file, 'utf8')).toBe(policyV2);
  });

  it('refuses to replay an update already applied', async () => {
    const { dir, file, trust } = await node();
    const signed = bed.gpgSign(alice, policyV2);
    await applyPolicyUpdate(trust, signed);
    const after = snapshot(dir, file, trust);
    await expect(applyPolicyUpdate(trust, signed)).rejects.toMatchObject({
      code: 'POLICY_UPDATE_REFUSED',
      message: expect.stringMatching(/cannot be replayed/),
    });
    expect(snapshot(dir, file, trust)).toEqual(after);
  });

  it('keeps the current policy when the new file cannot be written', async () => {
    const { dir, file, trust } = await node();
    const before = snapshot(dir, file, trust);
    const err = (await applyPolicyUpdate(trust, bed.gpgSign(alice, policyV2), {
      replaceFile: async () => {
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
    }).then(
      () => new Error('the update was applied'),
      (e: unknown) => e,
    )) as Error & { code?: string };
    expect(err.code).toBe('IMAGE_POLICY_WRITE_FAILED');
    expect(err.message).toContain('ENOSPC');
    expect(err.message).toContain('the current policy stays in force');
    expect(snapshot(dir, file, trust)).toEqual(before);
  });

  it('rewrites the target of a symbolic link, keeping the link', async () => {
    const { dir, file } = await node();
    const link = join(dir, 'current.json');
    symlinkSync('policy.json', link);
    const trust = await loadImageTrust(link, HOUR_AGO());
    const r = await applyPolicyUpdate(trust, bed.gpgSign(alice, policyV2));
    expect(r.path).toBe(file);
    expect(readFileSync(file, 'utf8')).toBe(policyV2);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['alice.gpg', 'current.json', 'policy.json']);
  });

  it('applies concurrent updates one at a time, each against the policy the previous one left', async () => {
    const { file, trust } = await node();
    // The same update sent twice at once: the second is checked after the first is in force.
    const a = bed.gpgSign(alice, policyV2);
    const [ra, rb] = await Promise.allSettled([applyPolicyUpdate(trust, a), applyPolicyUpdate(trust, a)]);
    expect(ra.status).toBe('fulfilled');
    expect(rb).toMatchObject({ status: 'rejected', reason: { code: 'POLICY_UPDATE_REFUSED' } });
    expect(readFileSync(file, 'utf8')).toBe(policyV2);
  });
});
