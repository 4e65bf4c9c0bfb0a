/**
 * Signatures made by the real tools: GnuPG keys, images pushed to Debian's docker-registry and
 * signed by skopeo 1.9 (containers/image simple signing) into a lookaside store served over HTTP,
 * verified by this library. Loopback 127.0.8.1 (registry) and 127.0.8.2 (lookaside).
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { swarm } from '@swarm/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ImageVerifier,
  PolicyHolder,
  parsePolicy,
  parseReference,
  parseRegistriesD,
  RegistryClient,
  readPolicyFile,
  verifyingExecutor,
} from '../src/index.js';
import { RecordingImageExecutor } from '../src/testing.js';
import { ToolBed } from './fixtures/tools.js';

const REGISTRY = '127.0.8.1:5000';
const bed = new ToolBed({ registry: REGISTRY, lookasideHost: '127.0.8.2' });
let trusted = '';
let mallory = '';
const digests: Record<string, string> = {};
let policyPath = '';

function verifier(lookaside = bed.lookasideUrl): ImageVerifier {
  return new ImageVerifier(
    {},
    {
      policy: holder.current,
      registries: parseRegistriesD([
        { name: 'test.yaml', text: `docker:\n  ${REGISTRY}:\n    lookaside: ${lookaside}\n` },
      ]),
    },
  );
}
let holder: PolicyHolder;

async function rejection(image: string, v = verifier()): Promise<{ code: string; message: string }> {
  try {
    await v.verify(image);
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  throw new Error(`${image} was accepted`);
}

beforeAll(async () => {
  trusted = bed.genKey('Release');
  mallory = bed.genKey('Mallory');
  bed.buildImages(['v2', 'v3', 'evil', 'moved']);
  await bed.startRegistry();
  await bed.startLookaside();
  digests.web = bed.push('v1', 'apps/web:v1', trusted);
  digests.webV2 = bed.push('v2', 'apps/web:v2');
  digests.api = bed.push('v3', 'apps/api:v3', trusted);
  digests.unsigned = bed.push('evil', 'apps/unsigned:v1');
  digests.mallory = bed.push('evil', 'apps/evil:v1', mallory);
  bed.exportKey(trusted, 'release.gpg');
  policyPath = join(bed.dir, 'policy.json');
  writeFileSync(
    policyPath,
    JSON.stringify({
      default: [{ type: 'reject' }],
      transports: {
        docker: { [REGISTRY]: [{ type: 'signedBy', keyType: 'GPGKeys', keyPath: 'release.gpg' }] },
      },
    }),
  );
  holder = new PolicyHolder(await readPolicyFile(policyPath), new Date());
}, 120_000);

afterAll(() => bed.close());

describe('simple signing by skopeo, verified from an HTTP lookaside store', () => {
  it('resolves a tag to the digest skopeo pushed, computed from the manifest bytes', async () => {
    const client = new RegistryClient();
    const ref = await client.resolve(parseReference(`${REGISTRY}/apps/web:v1`));
    expect(ref.digest).toBe(digests.web);
    expect(ref.tag).toBe('v1');
  });

  it('accepts an image signed by the trusted key, for this digest and reference', async () => {
    const v = await verifier().verify(`${REGISTRY}/apps/web:v1@${digests.web}`);
    expect(v.reference).toBe(`${REGISTRY}/apps/web:v1@${digests.web}`);
    expect(v.signatures).toEqual([
      { requirement: 'signedBy', signer: trusted, identity: `${REGISTRY}/apps/web:v1` },
    ]);
    expect(v.scope).toBe(`transports.docker["${REGISTRY}"]`);
    // By digest alone, matchRepoDigestOrExact needs only the repository to match.
    await expect(verifier().verify(`${REGISTRY}/apps/api@${digests.api}`)).resolves.toMatchObject({
      digest: digests.api,
    });
  });

  it('rejects an unsigned image', async () => {
    const r = await rejection(`${REGISTRY}/apps/unsigned:v1@${digests.unsigned}`);
    expect(r.code).toBe('IMAGE_NOT_SIGNED');
    expect(r.message).toContain('is not signed by a trusted key');
  });

  it('rejects an image signed by a key the policy does not trust', async () => {
    const r = await rejection(`${REGISTRY}/apps/evil:v1@${digests.mallory}`);
    expect(r.code).toBe('IMAGE_SIGNATURE_UNTRUSTED');
    expect(r.message).toContain('is not signed by a trusted key');
    expect(r.message).toContain(mallory.slice(-16));
  });

  it('rejects a signature copied from another digest', async () => {
    // The store's owner (or anyone who can write to it) copies web:v1's signature to web:v2's slot.
    const from = join(bed.sigs, `apps/web@${digests.web?.replace(':', '=')}`, 'signature-1');
    const dir = join(bed.sigs, `apps/web@${digests.webV2?.replace(':', '=')}`);
    mkdirSync(dir, { recursive: true });
    copyFileSync(from, join(dir, 'signature-1'));
    const r = await rejection(`${REGISTRY}/apps/web:v2@${digests.webV2}`);
    expect(r.code).toBe('IMAGE_SIGNATURE_DIGEST_MISMATCH');
    expect(r.message).toContain(`signature is for another digest (${digests.web})`);
  });

  it('rejects a tag moved to other bytes: the manager resolves the new digest, which no one signed', async () => {
    const moved = bed.push('moved', 'apps/web:v1'); // re-tag web:v1 to unsigned bytes in the registry
    expect(moved).not.toBe(digests.web);
    const resolved = await new RegistryClient().resolve(parseReference(`${REGISTRY}/apps/web:v1`));
    expect(resolved.digest).toBe(moved);
    const r = await rejection(`${REGISTRY}/apps/web:v1@${moved}`);
    expect(r.code).toBe('IMAGE_NOT_SIGNED');
    // The bytes that were signed still verify when named by their digest.
    await expect(verifier().verify(`${REGISTRY}/apps/web:v1@${digests.web}`)).resolves.toBeTruthy();
  });

  it('rejects a tag moved to another signed image of the repository (the signature names the other tag)', async () => {
    const r = await rejection(`${REGISTRY}/apps/api:latest@${digests.api}`);
    expect(r.code).toBe('IMAGE_SIGNATURE_IDENTITY_MISMATCH');
    expect(r.message).toContain(`${REGISTRY}/apps/api:v3`);
  });

  it('fails closed when the signature store cannot be reached', async () => {
    const r = await rejection(`${REGISTRY}/apps/api:v3@${digests.api}`, verifier('http://127.0.8.3:9'));
    expect(r.code).toBe('SIGNATURE_STORE_UNREACHABLE');
    expect(r.message).toContain('signature store http://127.0.8.3:9/apps/api@sha256=');
  });

  it('runs nothing but verified images through the executor decorator, pinned by digest', async () => {
    const inner = new RecordingImageExecutor();
    const events: string[] = [];
    const exec = verifyingExecutor(inner, verifier(), {
      onEvent: (e) => events.push(`${e.type} ${e.taskId}`),
    });
    const reports = new Map<string, { state: number; err?: string }[]>();
    const run = (id: string, image: string) =>
      new Promise<void>((resolve) => {
        const list: { state: number; err?: string }[] = [];
        reports.set(id, list);
        exec.start({ id, spec: { container: { image } } } as never, {
          secretsDir: undefined,
          report: (s) => {
            list.push(s);
            if (s.state >= swarm.TaskState.RUNNING) resolve();
          },
        });
      });
    await run('good', `${REGISTRY}/apps/api:v3@${digests.api}`);
    await run('bad', `${REGISTRY}/apps/evil:v1@${digests.mallory}`);
    await run('tag', `${REGISTRY}/apps/api:v3`);
    expect(inner.started).toEqual([['good', `${REGISTRY}/apps/api:v3@${digests.api}`]]);
    expect(reports.get('bad')?.at(-1)).toMatchObject({
      state: swarm.TaskState.REJECTED,
      err: expect.stringContaining('not signed by a trusted key'),
    });
    expect(reports.get('tag')?.at(-1)).toMatchObject({
      state: swarm.TaskState.REJECTED,
      err: expect.stringContaining('not pinned by digest'),
    });
    expect(exec.stats).toEqual({
      verified: 1,
      rejected: 2,
      rejectedByCode: { IMAGE_SIGNATURE_UNTRUSTED: 1, IMAGE_NOT_PINNED: 1 },
    });
    expect(events).toEqual(['image.verified good', 'image.rejected bad', 'image.rejected tag']);
  });
});

describe('policy updates signed with gpg', () => {
  const next = JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }] });

  it('refuses an update signed by a key the current policy does not trust, and an unsigned one', async () => {
    const before = holder.current;
    await expect(holder.applySignedUpdate(bed.gpgSign(mallory, next))).rejects.toMatchObject({
      code: 'POLICY_UPDATE_REFUSED',
      message: expect.stringContaining('which the current policy does not trust'),
    });
    await expect(holder.applySignedUpdate(new TextEncoder().encode(next))).rejects.toMatchObject({
      code: 'POLICY_UPDATE_REFUSED',
      message: expect.stringContaining('not an OpenPGP signed message'),
    });
    expect(holder.current).toBe(before);
  });

  it('applies an update signed by a trusted key (armored or binary) and refuses to replay an older one', async () => {
    const older = bed.gpgSign(trusted, next);
    const h = new PolicyHolder(
      await parsePolicy(holder.current.text, { baseDir: bed.dir }),
      new Date(Date.now() - 60_000),
    );
    const update = await h.applySignedUpdate(bed.gpgSign(trusted, next, true));
    expect(update.signer).toBe(trusted);
    expect(h.current.text).toBe(next);
    expect(h.current.digest).not.toBe(holder.current.digest);
    // The new policy trusts no key: only a local replacement can change it now.
    await expect(h.applySignedUpdate(older)).rejects.toMatchObject({ code: 'POLICY_UPDATE_REFUSED' });
    // A node whose policy came into force after `older` was signed refuses it.
    const h2 = new PolicyHolder(await parsePolicy(holder.current.text, { baseDir: bed.dir }), new Date());
    await expect(h2.applySignedUpdate(older)).rejects.toMatchObject({
      code: 'POLICY_UPDATE_REFUSED',
      message: expect.stringContaining('cannot be replayed'),
    });
  });
});
