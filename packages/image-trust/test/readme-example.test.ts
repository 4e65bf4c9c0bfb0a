// The README example, run as written (between the markers), and a check that the README shows
// exactly this code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('README example', () => {
  it('runs: a signed image verifies, a tag-only one is refused, the executor runs only verified images', async () => {
    const logged: unknown[] = [];
    const console = { log: (v: unknown) => logged.push(v) };
    // --- README example start ---
    const { ImageVerifier, parsePolicy, parseRegistriesD, verifyingExecutor } = await import(
      '@swarm/image-trust'
    );
    const { MemoryHttp, RecordingImageExecutor } = await import('@swarm/image-trust/testing');
    const openpgp = await import('openpgp');

    // The signer's key pair (production: skopeo signs with a GPG key; the node has `gpg --export FPR`).
    const { privateKey, publicKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ name: 'release' }],
      format: 'object',
    });

    // The node's policy (production: await readPolicyFile('/etc/swarm/policy.json')).
    const policy = await parsePolicy(
      JSON.stringify({
        default: [{ type: 'reject' }],
        transports: {
          docker: {
            'registry.example:5000': [
              {
                type: 'signedBy',
                keyType: 'GPGKeys',
                keyData: Buffer.from(publicKey.write()).toString('base64'),
              },
            ],
          },
        },
      }),
    );
    // Where signatures live (production: await readRegistriesDir('/etc/swarm/registries.d')).
    const registries = parseRegistriesD([
      {
        name: 'sigs.yaml',
        text: 'docker:\n  registry.example:5000:\n    lookaside: https://sigs.example/store\n',
      },
    ]);

    // A lookaside store with one simple-signing signature, as `skopeo copy --sign-by FPR` writes it.
    const hex = 'a'.repeat(64);
    const payload = JSON.stringify({
      critical: {
        type: 'atomic container signature',
        image: { 'docker-manifest-digest': `sha256:${hex}` },
        identity: { 'docker-reference': 'registry.example:5000/apps/web:v1' },
      },
      optional: { creator: 'readme' },
    });
    const signature = await openpgp.sign({
      message: await openpgp.createMessage({ binary: new TextEncoder().encode(payload) }),
      signingKeys: privateKey,
      format: 'binary',
    });
    const http = new MemoryHttp() // production: the global fetch (the default)
      .serve(`https://sigs.example/store/apps/web@sha256=${hex}/signature-1`, signature);

    const verifier = new ImageVerifier({}, { policy, registries, fetch: http.fetch });
    const verified = await verifier.verify(`registry.example:5000/apps/web:v1@sha256:${hex}`);
    console.log(verified.signatures[0]?.signer === privateKey.getFingerprint().toUpperCase()); // true
    await verifier.verify('registry.example:5000/apps/web:v1').catch((e) => console.log(e.code)); // IMAGE_NOT_PINNED

    // On a worker: wrap an executor that runs images (pulled by the digest it is given).
    const inner = new RecordingImageExecutor(); // production: a Docker Engine executor with runsImages = true
    const executor = verifyingExecutor(inner, verifier);
    executor.start(
      {
        id: 'task-1',
        spec: { container: { image: 'registry.example:5000/apps/evil@sha256:' + 'b'.repeat(64) } },
      } as never,
      { secretsDir: undefined, report: (status) => console.log(status.err) }, // the task is REJECTED, with why
    );
    // --- README example end ---
    for (let i = 0; i < 1000 && typeof logged.at(-1) !== 'string'; i++)
      await new Promise((r) => setTimeout(r, 5));
    expect(logged.slice(0, 2)).toEqual([true, 'IMAGE_NOT_PINNED']);
    expect(logged.at(-1)).toMatch(/is not signed by a trusted key: it has no signature/);
    expect(inner.started).toEqual([]);
  });

  it('is the code the README shows', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const test = readFileSync(new URL(import.meta.url), 'utf8');
    const between =
      /\/\/ --- README example start ---\n([\s\S]*?)\s*\/\/ --- README example end ---/.exec(test)?.[1] ?? '';
    const norm = (s: string) =>
      s
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .join('\n');
    expect(norm(block)).toBe(norm(between));
  });
});
