/**
 * The verifier on the in-memory HTTP seam: references, identity rules, strict payloads, the
 * registry client's digest checks, and failing closed. Signatures are made in-process with
 * openpgp.js in the same format skopeo writes (an OpenPGP signed message over the JSON payload).
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import * as openpgp from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatReference,
  ImageVerifier,
  identityMatches,
  parsePolicy,
  parseReference,
  parseRegistriesD,
  RegistryClient,
} from '../src/index.js';
import { MemoryHttp } from '../src/testing.js';

const REG = 'reg.sw24.test:5000';
const LOOK = 'https://sigs.sw24.test/store';
const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
let priv: openpgp.PrivateKey;
let keyData = '';
const cosign = generateKeyPairSync('ec', { namedCurve: 'P-256' });

beforeAll(async () => {
  const k = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name: 'r' }],
    format: 'object',
  });
  priv = k.privateKey;
  keyData = Buffer.from(k.publicKey.write()).toString('base64');
});

const payload = (ref: string, digest: string, type = 'atomic container signature', extra: object = {}) =>
  JSON.stringify({
    critical: {
      type,
      image: { 'docker-manifest-digest': digest },
      identity: { 'docker-reference': ref },
      ...extra,
    },
    optional: { creator: 'test' },
  });

async function simpleSig(text: string): Promise<Uint8Array> {
  const message = await openpgp.createMessage({ binary: new TextEncoder().encode(text) });
  return (await openpgp.sign({ message, signingKeys: priv, format: 'binary' })) as Uint8Array;
}

function sigUrl(repo: string, digest: string, i = 1): string {
  return `${LOOK}/${repo}@${digest.replace(':', '=')}/signature-${i}`;
}

async function verifier(http: MemoryHttp, identity?: object, extraScopes: object = {}) {
  const policy = await parsePolicy(
    JSON.stringify({
      default: [{ type: 'reject' }],
      transports: {
        docker: {
          [REG]: [
            {
              type: 'signedBy',
              keyType: 'GPGKeys',
              keyData,
              ...(identity ? { signedIdentity: identity } : {}),
            },
          ],
          ...extraScopes,
        },
      },
    }),
  );
  return new ImageVerifier(
    {},
    {
      policy,
      fetch: http.fetch,
      registries: parseRegistriesD([
        {
          name: 'a.yaml',
          text: `docker:\n  ${REG}:\n    lookaside: ${LOOK}/\n    use-sigstore-attachments: true\n`,
        },
      ]),
      registry: new RegistryClient({}, { fetch: http.fetch }),
    },
  );
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ACCEPTED',
    (e: { code: string }) => e.code,
  );

describe('references', () => {
  it('normalize as docker/distribution does', () => {
    expect(formatReference(parseReference('busybox'))).toBe('docker.io/library/busybox');
    expect(formatReference(parseReference('index.docker.io/me/app:1'))).toBe('docker.io/me/app:1');
    expect(formatReference(parseReference(`localhost:5000/a/b:t@${D1}`))).toBe(`localhost:5000/a/b:t@${D1}`);
    for (const bad of ['', 'Upper', 'a:b:c', `x@sha256:${'z'.repeat(64)}`, 'a//b'])
      expect(() => parseReference(bad)).toThrow(expect.objectContaining({ code: 'IMAGE_REFERENCE_INVALID' }));
  });

  it('identity rules compare names and tags as policy.json defines them', () => {
    const r = parseReference;
    const img = r(`${REG}/a/b:v1@${D1}`);
    expect(identityMatches({ type: 'matchRepoDigestOrExact' }, img, r(`${REG}/a/b:v1`))).toBe(true);
    expect(identityMatches({ type: 'matchRepoDigestOrExact' }, img, r(`${REG}/a/b:v2`))).toBe(false);
    expect(
      identityMatches({ type: 'matchRepoDigestOrExact' }, r(`${REG}/a/b@${D1}`), r(`${REG}/a/b:v2`)),
    ).toBe(true);
    expect(identityMatches({ type: 'matchRepository' }, img, r(`${REG}/a/b:v2`))).toBe(true);
    expect(identityMatches({ type: 'matchRepository' }, img, r(`${REG}/a/c:v1`))).toBe(false);
    expect(identityMatches({ type: 'matchExact' }, r(`${REG}/a/b@${D1}`), r(`${REG}/a/b:v1`))).toBe(false);
    const remap = { type: 'remapIdentity', prefix: `${REG}/mirror`, signedPrefix: 'vendor.example' } as const;
    expect(identityMatches(remap, r(`${REG}/mirror/x/y:1@${D1}`), r('vendor.example/x/y:1'))).toBe(true);
    expect(identityMatches(remap, r(`${REG}/mirror/x/y:1@${D1}`), r(`${REG}/mirror/x/y:1`))).toBe(false);
  });
});

describe('ImageVerifier', () => {
  it('accepts a good signature and rejects tampered, mis-typed or ambiguous payloads', async () => {
    const http = new MemoryHttp();
    const v = await verifier(http);
    http.serve(sigUrl('a/good', D1), await simpleSig(payload(`${REG}/a/good:v1`, D1)));
    expect(await codeOf(v.verify(`${REG}/a/good:v1@${D1}`))).toBe('ACCEPTED');
    http.serve(
      sigUrl('a/type', D1),
      await simpleSig(payload(`${REG}/a/type:v1`, D1, 'cosign container image signature')),
    );
    expect(await codeOf(v.verify(`${REG}/a/type:v1@${D1}`))).toBe('IMAGE_SIGNATURE_INVALID');
    http.serve(
      sigUrl('a/extra', D1),
      await simpleSig(payload(`${REG}/a/extra:v1`, D1, undefined, { more: 1 })),
    );
    expect(await codeOf(v.verify(`${REG}/a/extra:v1@${D1}`))).toBe('IMAGE_SIGNATURE_INVALID');
    const dup = payload(`${REG}/a/dup:v1`, D1).replace('"critical":', '"critical":{},"critical":');
    http.serve(sigUrl('a/dup', D1), await simpleSig(dup));
    expect(await codeOf(v.verify(`${REG}/a/dup:v1@${D1}`))).toBe('IMAGE_SIGNATURE_INVALID');
    const good = await simpleSig(payload(`${REG}/a/flip:v1`, D1));
    good[good.length - 5] = (good[good.length - 5] as number) ^ 1;
    http.serve(sigUrl('a/flip', D1), good);
    expect(await codeOf(v.verify(`${REG}/a/flip:v1@${D1}`))).not.toBe('ACCEPTED');
  });

  it('accepts when any one of several signatures verifies, reading indexes in order until a 404', async () => {
    const http = new MemoryHttp();
    const v = await verifier(http);
    http.serve(sigUrl('a/multi', D1, 1), await simpleSig(payload(`${REG}/a/multi:old`, D1)));
    http.serve(sigUrl('a/multi', D1, 2), await simpleSig(payload(`${REG}/a/multi:v1`, D1)));
    expect(await codeOf(v.verify(`${REG}/a/multi:v1@${D1}`))).toBe('ACCEPTED');
    expect(http.requests.filter((u) => u.includes('a/multi')).map((u) => u.slice(-11))).toEqual([
      'signature-1',
      'signature-2',
      'signature-3',
    ]);
  });

  it('fails closed on any answer but 200 or 404, and on no answer', async () => {
    const http = new MemoryHttp();
    const v = await verifier(http);
    http.status(sigUrl('a/err', D1), 500);
    expect(await codeOf(v.verify(`${REG}/a/err:v1@${D1}`))).toBe('SIGNATURE_STORE_UNREACHABLE');
    http.serve(sigUrl('a/down', D1), await simpleSig(payload(`${REG}/a/down:v1`, D1)));
    http.down();
    expect(await codeOf(v.verify(`${REG}/a/down:v1@${D1}`))).toBe('SIGNATURE_STORE_UNREACHABLE');
  });

  it('rejects by policy, unpinned references, and images with no configured signature store', async () => {
    const http = new MemoryHttp();
    const v = await verifier(http, undefined, {
      'other.sw24.test': [{ type: 'signedBy', keyType: 'GPGKeys', keyData }],
    });
    expect(await codeOf(v.verify(`docker.io/library/busybox@${D1}`))).toBe('IMAGE_POLICY_REJECTED');
    expect(await codeOf(v.verify(`${REG}/a/b:v1`))).toBe('IMAGE_NOT_PINNED');
    await expect(v.verify(`other.sw24.test/a@${D1}`)).rejects.toMatchObject({
      code: 'IMAGE_NOT_SIGNED',
      message: expect.stringContaining('registries.d configures no signature store for other.sw24.test/a'),
    });
  });

  it('requires every requirement of the scope: signedBy and sigstoreSigned together', async () => {
    const http = new MemoryHttp();
    const pem = cosign.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const v = await verifier(http, undefined, {
      [`${REG}/both`]: [
        { type: 'signedBy', keyType: 'GPGKeys', keyData },
        { type: 'sigstoreSigned', keyData: Buffer.from(pem).toString('base64') },
      ],
    });
    http.serve(sigUrl('both/app', D1), await simpleSig(payload(`${REG}/both/app:v1`, D1)));
    expect(await codeOf(v.verify(`${REG}/both/app:v1@${D1}`))).toBe('IMAGE_NOT_SIGNED');
    // A cosign attachment: an OCI manifest under the tag sha256-<hex>.sig, one layer per signature.
    const body = new TextEncoder().encode(
      payload(`${REG}/both/app:v1`, D1, 'cosign container image signature'),
    );
    const layerDigest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: D2, size: 2 },
      layers: [
        {
          mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
          digest: layerDigest,
          size: body.length,
          annotations: {
            'dev.cosignproject.cosign/signature': sign('sha256', body, cosign.privateKey).toString('base64'),
          },
        },
      ],
    });
    http.serve(`https://${REG}/v2/both/app/manifests/sha256-${'1'.repeat(64)}.sig`, manifest);
    http.serve(`https://${REG}/v2/both/app/blobs/${layerDigest}`, body);
    const ok = await v.verify(`${REG}/both/app:v1@${D1}`);
    expect(ok.signatures.map((s) => s.requirement)).toEqual(['signedBy', 'sigstoreSigned']);
    // The same attachment claimed for another digest does not count.
    http.serve(`https://${REG}/v2/both/app/manifests/sha256-${'2'.repeat(64)}.sig`, manifest);
    http.serve(sigUrl('both/app', D2), await simpleSig(payload(`${REG}/both/app:v1`, D2)));
    expect(await codeOf(v.verify(`${REG}/both/app:v1@${D2}`))).toBe('IMAGE_SIGNATURE_DIGEST_MISMATCH');
  });
});

describe('RegistryClient', () => {
  it('computes the digest from the bytes and refuses a Docker-Content-Digest that disagrees', async () => {
    const http = new MemoryHttp();
    const client = new RegistryClient({}, { fetch: http.fetch });
    const m = '{"schemaVersion":2}';
    const d = `sha256:${createHash('sha256').update(m).digest('hex')}`;
    http.serve(`https://${REG}/v2/a/b/manifests/v1`, m, { 'docker-content-digest': d });
    expect(formatReference(await client.resolve(parseReference(`${REG}/a/b:v1`)))).toBe(`${REG}/a/b:v1@${d}`);
    http.serve(`https://${REG}/v2/a/b/manifests/v2`, m, { 'docker-content-digest': D1 });
    await expect(client.resolve(parseReference(`${REG}/a/b:v2`))).rejects.toMatchObject({
      code: 'REGISTRY_DIGEST_MISMATCH',
    });
    await expect(client.resolve(parseReference(`${REG}/a/b:v3`))).rejects.toMatchObject({
      code: 'MANIFEST_NOT_FOUND',
    });
    http.down();
    await expect(client.resolve(parseReference(`${REG}/a/b:v1`))).rejects.toMatchObject({
      code: 'REGISTRY_UNREACHABLE',
    });
  });

  it('uses plain HTTP only for insecure registries (loopback by default)', () => {
    const c = new RegistryClient({ insecureRegistries: ['127.0.0.0/8', 'test.local:5000'] });
    expect(c.baseUrl('127.0.8.1:5000')).toBe('http://127.0.8.1:5000');
    expect(c.baseUrl('test.local:5000')).toBe('http://test.local:5000');
    expect(c.baseUrl('test.local:5001')).toBe('https://test.local:5001');
    expect(c.baseUrl('docker.io')).toBe('https://registry-1.docker.io');
  });

  it('fetches an anonymous bearer token when the registry asks for one', async () => {
    const m = '{}';
    let calls = 0;
    const fetch = async (url: string, init?: RequestInit) => {
      if (url.startsWith(`https://${REG}/v2/`) && calls++ === 0)
        return new Response(null, {
          status: 401,
          headers: { 'www-authenticate': `Bearer realm="https://auth.sw24.test/token",service="${REG}"` },
        });
      if (url.startsWith('https://auth.sw24.test/token?')) return new Response('{"token":"t0k"}');
      expect(((init?.headers ?? {}) as Record<string, string>).authorization).toBe('Bearer t0k');
      return new Response(m);
    };
    const c2 = new RegistryClient({}, { fetch });
    expect((await c2.resolve(parseReference(`${REG}/a/b:v1`))).digest).toMatch(/^sha256:/);
  });
});
