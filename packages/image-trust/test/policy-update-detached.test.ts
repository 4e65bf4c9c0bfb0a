// Policy updates as a policy.json and a detached signature made by `gpg --detach-sign` (binary or
// armored): accepted from a key the current policy trusts, over exactly the signed bytes only.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyHolder, parsePolicy } from '../src/index.js';
import { ToolBed } from './fixtures/tools.js';

const bed = new ToolBed({ registry: '127.0.5.148:5000', lookasideHost: '127.0.5.148' });
let trusted = '';
let mallory = '';
let current = '';
const enc = new TextEncoder();
const next = JSON.stringify({ default: [{ type: 'reject' }] });

function detachSign(fpr: string, data: string, armor = false): Uint8Array {
  return new Uint8Array(
    bed.run(
      'gpg',
      ['--batch', '--yes', '--local-user', fpr, ...(armor ? ['--armor'] : []), '--detach-sign'],
      data,
    ),
  );
}

async function holder(): Promise<PolicyHolder> {
  return new PolicyHolder(await parsePolicy(current, { baseDir: bed.dir }), new Date(Date.now() - 60_000));
}

beforeAll(() => {
  trusted = bed.genKey('Release');
  mallory = bed.genKey('Mallory');
  bed.exportKey(trusted, 'release.gpg');
  current = JSON.stringify({ default: [{ type: 'signedBy', keyType: 'GPGKeys', keyPath: 'release.gpg' }] });
  writeFileSync(join(bed.dir, 'policy.json'), current);
}, 60_000);
afterAll(() => bed.close());

describe('policy updates with a detached gpg signature', () => {
  it('applies a policy with a detached signature by a trusted key, binary or armored', async () => {
    for (const armor of [false, true]) {
      const h = await holder();
      const u = await h.applySignedUpdate({
        policy: enc.encode(next),
        signature: detachSign(trusted, next, armor),
      });
      expect(u.signer).toBe(trusted);
      expect(h.current.text).toBe(next);
    }
  });

  it('refuses a signature over other bytes, by an untrusted key, or that is not a signature', async () => {
    const h = await holder();
    const before = h.current;
    const sig = detachSign(trusted, next);
    const other = JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }] });
    const cases: [Uint8Array, Uint8Array, string][] = [
      [enc.encode(other), sig, 'does not verify'],
      [enc.encode(`${next}\n`), sig, 'does not verify'],
      [enc.encode(next), detachSign(mallory, next), 'which the current policy does not trust'],
      [enc.encode(next), enc.encode(next), 'not one detached OpenPGP signature'],
      [enc.encode(next), bed.gpgSign(trusted, next), 'not one detached OpenPGP signature'],
    ];
    for (const [policy, signature, problem] of cases) {
      await expect(h.applySignedUpdate({ policy, signature })).rejects.toMatchObject({
        code: 'POLICY_UPDATE_REFUSED',
        message: expect.stringContaining(problem),
      });
      expect(h.current).toBe(before);
    }
  });
});
