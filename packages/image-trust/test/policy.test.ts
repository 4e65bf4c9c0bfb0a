/**
 * containers-policy.json(5): strict parsing, keys loaded up front, scope precedence, the digest.
 * Keys are made with openpgp.js here (the gpg-made ones are in skopeo-signatures.test.ts).
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePolicy, parseReference, readPolicyFile } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sw24-policy-'));
let keyData = '';
let sigstorePem = '';

beforeAll(async () => {
  const { publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name: 'p' }],
    format: 'binary',
  });
  writeFileSync(join(dir, 'key.gpg'), publicKey);
  keyData = Buffer.from(publicKey).toString('base64');
  sigstorePem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .publicKey.export({ type: 'spki', format: 'pem' })
    .toString();
  writeFileSync(join(dir, 'cosign.pub'), sigstorePem);
  writeFileSync(join(dir, 'not-a-key.gpg'), 'hello');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const signedBy = (extra: object = {}) => ({
  type: 'signedBy',
  keyType: 'GPGKeys',
  keyPath: 'key.gpg',
  ...extra,
});

async function refuse(doc: unknown): Promise<{ code: string; message: string }> {
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc);
  try {
    await parsePolicy(text, { baseDir: dir, source: 'p.json' });
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  throw new Error('the policy was accepted');
}

describe('parsePolicy refuses a malformed policy with a clear, typed error', () => {
  it.each([
    ['not JSON', '{"default": [', 'not valid JSON'],
    ['a duplicated member', '{"default": [{"type":"reject"}], "default": [{"type":"reject"}]}', 'duplicated'],
    ['no default', { transports: {} }, '"default" requirements are mandatory'],
    ['an unknown top-level member', { default: [{ type: 'reject' }], extra: 1 }, 'unknown member "extra"'],
    ['an empty requirement list', { default: [] }, 'must not be empty'],
    [
      'an unknown requirement type',
      { default: [{ type: 'acceptSigned' }] },
      'unknown requirement type "acceptSigned"',
    ],
    [
      'an unknown field in a requirement',
      { default: [{ type: 'reject', keyPath: 'x' }] },
      'unknown member "keyPath"',
    ],
    [
      'an unsupported keyType',
      { default: [signedBy({ keyType: 'X509Certificates' })] },
      'keyType "X509Certificates"',
    ],
    ['two key sources', { default: [signedBy({ keyData })] }, 'exactly one of keyPath, keyPaths and keyData'],
    ['no key source', { default: [{ type: 'signedBy', keyType: 'GPGKeys' }] }, 'exactly one of'],
    [
      'an unknown transport',
      { default: [{ type: 'reject' }], transports: { dockr: {} } },
      'unknown transport "dockr"',
    ],
    [
      'a short scope',
      { default: [{ type: 'reject' }], transports: { docker: { busybox: [{ type: 'reject' }] } } },
      'fully expanded form',
    ],
    [
      'an unknown signedIdentity',
      { default: [signedBy({ signedIdentity: { type: 'matchAnything' } })] },
      'unknown signedIdentity',
    ],
    [
      'exactReference without tag',
      {
        default: [signedBy({ signedIdentity: { type: 'exactReference', dockerReference: 'example.com/a' } })],
      },
      'must carry a tag or a digest',
    ],
  ])('%s', async (_name, doc, text) => {
    const r = await refuse(doc);
    expect(r.code).toBe('POLICY_INVALID');
    expect(r.message).toContain('image policy p.json');
    expect(r.message).toContain(text);
  });

  it('refuses a policy naming a key file that does not exist, naming the file', async () => {
    const r = await refuse({ default: [signedBy({ keyPath: 'missing.gpg' })] });
    expect(r.code).toBe('POLICY_KEY_MISSING');
    expect(r.message).toContain(join(dir, 'missing.gpg'));
    expect(r.message).toContain('ENOENT');
  });

  it('refuses key data that is not a key of the required kind', async () => {
    expect((await refuse({ default: [signedBy({ keyPath: 'not-a-key.gpg' })] })).code).toBe(
      'POLICY_KEY_INVALID',
    );
    expect((await refuse({ default: [{ type: 'sigstoreSigned', keyPath: 'key.gpg' }] })).code).toBe(
      'POLICY_KEY_INVALID',
    );
  });

  it('refuses an unreadable policy file', async () => {
    await expect(readPolicyFile(join(dir, 'nope.json'))).rejects.toMatchObject({ code: 'POLICY_INVALID' });
  });
});

describe('scopes and the digest', () => {
  const doc = () => ({
    default: [{ type: 'reject' }],
    transports: {
      docker: {
        '': [{ type: 'insecureAcceptAnything' }],
        'registry.example:5000': [signedBy()],
        'registry.example:5000/team': [{ type: 'sigstoreSigned', keyPath: 'cosign.pub' }],
        'registry.example:5000/team/app:dev': [{ type: 'insecureAcceptAnything' }],
        '*.example.org': [{ type: 'reject' }],
      },
      'docker-daemon': { '': [{ type: 'insecureAcceptAnything' }] },
    },
  });

  it('applies only the most specific matching scope', async () => {
    const p = await parsePolicy(JSON.stringify(doc()), { baseDir: dir });
    const scope = (r: string) => p.requirementsFor(parseReference(r)).scope;
    expect(scope('registry.example:5000/team/app:dev')).toBe(
      'transports.docker["registry.example:5000/team/app:dev"]',
    );
    expect(scope('registry.example:5000/team/app:prod')).toBe(
      'transports.docker["registry.example:5000/team"]',
    );
    expect(scope('registry.example:5000/other/app:v1')).toBe('transports.docker["registry.example:5000"]');
    expect(scope('a.b.example.org/x:1')).toBe('transports.docker["*.example.org"]');
    expect(scope('busybox')).toBe('transports.docker[""]');
    expect(p.requirementsFor(parseReference('registry.example:5000/x')).requirements[0]?.type).toBe(
      'signedBy',
    );
  });

  it('falls back to the global default', async () => {
    const p = await parsePolicy(JSON.stringify({ default: [{ type: 'reject' }] }));
    expect(p.requirementsFor(parseReference('busybox')).scope).toBe('default');
  });

  it('has a digest that covers the key files, not only their paths', async () => {
    const a = await parsePolicy(JSON.stringify(doc()), { baseDir: dir });
    const b = await parsePolicy(JSON.stringify(doc(), null, 2), { baseDir: dir });
    expect(a.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(b.digest).toBe(a.digest); // formatting does not matter
    const { publicKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ name: 'q' }],
      format: 'binary',
    });
    const other = mkdtempSync(join(tmpdir(), 'sw24-policy-'));
    try {
      writeFileSync(join(other, 'key.gpg'), publicKey);
      writeFileSync(join(other, 'cosign.pub'), sigstorePem);
      const c = await parsePolicy(JSON.stringify(doc()), { baseDir: other });
      expect(c.digest).not.toBe(a.digest); // same text, another key behind the same path
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('lists the OpenPGP keys it trusts (the keys that may sign an update)', async () => {
    const p = await parsePolicy(JSON.stringify(doc()), { baseDir: dir });
    expect(p.openpgpKeys()).toHaveLength(1);
    const none = await parsePolicy(JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }] }));
    expect(none.openpgpKeys()).toHaveLength(0);
  });
});
