/**
 * Pinning an image to its digest at the manager (`--resolve-image`, as Docker's `service create`
 * does by default): an image named
 * by tag is pinned to the digest its registry serves now (`name:tag@sha256:...`), so every task
 * of the service runs the same bytes and a worker with an image policy can verify them. Only
 * references that name a registry host are resolved (`127.0.8.1:5000/app:v1`,
 * `registry.example/app`); Docker Hub shorthand (`busybox`, `node:22`) is left as it is: this
 * project's machines reach no public registry. A registry that cannot be asked leaves the tag with
 * a warning, as Docker does; a node with an image policy then refuses the unpinned image.
 */
import type { Logger } from '@swarm/api';
import { formatReference, parseReference } from './reference.js';
import { RegistryClient } from './registry-client.js';

/** What {@link resolveImage} made of an image reference. */
export interface ResolvedImage {
  /** The image to store in the spec: `name:tag@sha256:...` when pinned, else as given. */
  image: string;
  /** Why it was not pinned although it should have been (the registry could not be asked). */
  warning?: string;
}

/** The image of a service spec, pinned by digest when it should and can be. */
export async function resolveImage(
  image: string,
  client: Pick<RegistryClient, 'resolve'>,
  log: Logger,
): Promise<ResolvedImage> {
  if (image === '' || image.includes('@')) return { image };
  const slash = image.indexOf('/');
  const first = slash < 0 ? '' : image.slice(0, slash);
  if (!/[.:]/.test(first) && first !== 'localhost') return { image };
  let ref: ReturnType<typeof parseReference>;
  try {
    ref = parseReference(image);
  } catch {
    return { image };
  }
  try {
    const pinned = await client.resolve(ref);
    const tagged = ref.tag === undefined ? `${image}:latest` : image;
    return { image: `${tagged}@${pinned.digest as string}` };
  } catch (e) {
    log.warn('image not resolved to a digest', { image, error: String((e as Error).message) });
    return {
      image,
      warning: `image ${formatReference(ref)} could not be accessed on a registry to record its digest (${(e as Error).message}); each node will access it independently, and nodes with an image policy refuse it`,
    };
  }
}

let shared: RegistryClient | undefined;
/**
 * One registry client for the process, made on first use with a 5 s timeout (plain HTTP for
 * loopback registries only, as Docker's default): what a manager resolves images with.
 */
export function registryClient(): RegistryClient {
  shared ??= new RegistryClient({ timeoutMs: 5_000 });
  return shared;
}
