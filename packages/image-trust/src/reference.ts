/**
 * Docker image references as docker/distribution's `reference` package reads them: an optional
 * registry host, a repository path, and a tag and/or a sha256 digest. Every reference is kept in
 * the fully expanded form (`busybox` is `docker.io/library/busybox`), which is what policy scopes,
 * signatures and lookaside paths use.
 */
import { ImageReferenceError } from './errors.js';

/** The registry of references without a host (`busybox` is `docker.io/library/busybox`). */
export const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const MAX_NAME_LENGTH = 255;

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_RE = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?$`,
);
const PATH_COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const DIGEST_RE = /^sha256:[a-f0-9]{64}$/;

/** A parsed, fully expanded image reference: registry, repository path, and a tag and/or digest. */
export interface ImageReference {
  /** Registry host and optional port, e.g. `docker.io`, `127.0.8.1:5000`. */
  readonly domain: string;
  /** Repository path inside the registry, e.g. `library/busybox`, `apps/web`. */
  readonly path: string;
  readonly tag?: string;
  /** `sha256:<64 hex>`. */
  readonly digest?: string;
}

/** Parses and normalizes a reference; throws `ImageReferenceError` for anything else. */
export function parseReference(input: string): ImageReference {
  if (typeof input !== 'string' || input === '') throw new ImageReferenceError(String(input), 'it is empty');
  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST_RE.test(digest))
      throw new ImageReferenceError(input, 'the digest must be sha256: followed by 64 lowercase hex digits');
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG_RE.test(tag))
      throw new ImageReferenceError(input, `tag ${JSON.stringify(tag)} is not a valid tag`);
  }
  let domain: string;
  let path: string;
  const slash = rest.indexOf('/');
  const first = slash < 0 ? '' : rest.slice(0, slash);
  if (slash < 0 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    domain = DEFAULT_DOMAIN;
    path = rest;
  } else {
    domain = first;
    path = rest.slice(slash + 1);
  }
  if (!DOMAIN_RE.test(domain))
    throw new ImageReferenceError(input, `registry host ${JSON.stringify(domain)} is invalid`);
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !path.includes('/')) path = `library/${path}`;
  const components = path.split('/');
  for (const c of components)
    if (!PATH_COMPONENT_RE.test(c))
      throw new ImageReferenceError(
        input,
        `repository path component ${JSON.stringify(c)} must be lowercase letters and digits joined by . _ __ or -`,
      );
  if (domain.length + 1 + path.length > MAX_NAME_LENGTH)
    throw new ImageReferenceError(input, `the repository name is longer than ${MAX_NAME_LENGTH} characters`);
  return {
    domain,
    path,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
  };
}

/** `domain/path`: the repository, without tag or digest. */
export function repositoryOf(ref: ImageReference): string {
  return `${ref.domain}/${ref.path}`;
}

/** The fully expanded string form: `domain/path[:tag][@digest]`. */
export function formatReference(ref: ImageReference): string {
  return `${repositoryOf(ref)}${ref.tag === undefined ? '' : `:${ref.tag}`}${
    ref.digest === undefined ? '' : `@${ref.digest}`
  }`;
}

/** The same reference pinned to `digest` (the tag is kept: `name:tag@sha256:...`, as Docker's resolve-image writes it). */
export function withDigest(ref: ImageReference, digest: string): ImageReference {
  if (!DIGEST_RE.test(digest)) throw new ImageReferenceError(digest, 'not a sha256 digest');
  return { ...ref, digest };
}

/** True when `value` is a sha256 digest: `sha256:` and 64 lowercase hex digits. */
export function isDigest(value: string): boolean {
  return DIGEST_RE.test(value);
}
