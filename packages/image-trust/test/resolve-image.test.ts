import { MemoryLogger, SwarmError } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { type ImageReference, resolveImage } from '../src/index.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

/** A registry double: answers every resolve with DIGEST, or fails; records what it was asked. */
function registry(fail = false) {
  const asked: ImageReference[] = [];
  return {
    asked,
    client: {
      resolve: async (ref: ImageReference): Promise<ImageReference> => {
        asked.push(ref);
        if (fail) throw new SwarmError('REGISTRY_UNREACHABLE', 'connection refused');
        return { ...ref, digest: DIGEST };
      },
    },
  };
}

describe('resolveImage', () => {
  it('pins an image on a named registry host to the digest the registry serves', async () => {
    const r = registry();
    const log = new MemoryLogger();
    expect(await resolveImage('127.0.8.1:5000/app:v1', r.client, log)).toEqual({
      image: `127.0.8.1:5000/app:v1@${DIGEST}`,
    });
    expect(await resolveImage('registry.example/team/app', r.client, log)).toEqual({
      image: `registry.example/team/app:latest@${DIGEST}`,
    });
    expect(r.asked.map((a) => `${a.domain}/${a.path}`)).toEqual([
      '127.0.8.1:5000/app',
      'registry.example/team/app',
    ]);
  });

  it('leaves Docker Hub shorthand, digests and unparsable references as they are, without asking', async () => {
    const r = registry();
    const log = new MemoryLogger();
    for (const image of ['busybox', 'node:22', `localhost:5000/a@${DIGEST}`, '', 'registry.example/UPPER'])
      expect(await resolveImage(image, r.client, log)).toEqual({ image });
    expect(r.asked).toEqual([]);
  });

  it('keeps the tag with a warning naming the image when the registry cannot be asked', async () => {
    const r = registry(true);
    const log = new MemoryLogger();
    const out = await resolveImage('127.0.8.1:5000/app:v1', r.client, log);
    expect(out.image).toBe('127.0.8.1:5000/app:v1');
    expect(out.warning).toMatch(/127\.0\.8\.1:5000\/app:v1 could not be accessed.*connection refused/);
    expect(log.entries.some((e) => e.msg === 'image not resolved to a digest' && e.level === 'warn')).toBe(
      true,
    );
  });
});
