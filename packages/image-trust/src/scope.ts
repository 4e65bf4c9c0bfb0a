/**
 * Scopes of the `docker` transport, shared by policy.json and registries.d: a fully expanded
 * reference (`host[:port]/ns/repo:tag` or `@digest`), a repository, a namespace, a registry host,
 * or (policy.json only) a wildcard `*.example.com` for every subdomain. The most specific match wins.
 */
import { type ImageReference, repositoryOf } from './reference.js';

const HOST_RE =
  /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?$/;
const PATH_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const DIGEST_RE = /^sha256:[a-f0-9]{64}$/;

/** Scopes to try for `ref`, most specific first (wildcards only when `wildcards`). */
export function scopeCandidates(ref: ImageReference, wildcards: boolean): string[] {
  const repo = repositoryOf(ref);
  const out: string[] = [];
  if (ref.tag !== undefined) out.push(`${repo}:${ref.tag}`);
  if (ref.digest !== undefined) out.push(`${repo}@${ref.digest}`);
  const parts = ref.path.split('/');
  for (let n = parts.length; n >= 1; n--) out.push(`${ref.domain}/${parts.slice(0, n).join('/')}`);
  out.push(ref.domain);
  if (wildcards) {
    const host = ref.domain.replace(/:[0-9]+$/, '');
    const labels = host.split('.');
    for (let i = 1; i < labels.length; i++) out.push(`*.${labels.slice(i).join('.')}`);
  }
  return out;
}

/** Why `scope` is not a valid docker scope, or undefined when it is. */
export function invalidDockerScope(scope: string, wildcards: boolean): string | undefined {
  if (scope.startsWith('*.')) {
    if (!wildcards) return 'wildcard scopes are not allowed here';
    return HOST_RE.test(scope.slice(2)) && !scope.slice(2).includes(':')
      ? undefined
      : 'a wildcard scope is *. followed by a host name without port';
  }
  if (scope.includes('://')) return 'a scope is a reference, not a URL';
  let rest = scope;
  const at = rest.indexOf('@');
  if (at >= 0) {
    if (!DIGEST_RE.test(rest.slice(at + 1))) return 'the digest must be sha256: and 64 lowercase hex digits';
    rest = rest.slice(0, at);
  } else {
    const slash = rest.lastIndexOf('/');
    const colon = rest.lastIndexOf(':');
    if (slash >= 0 && colon > slash) {
      if (!TAG_RE.test(rest.slice(colon + 1))) return 'the tag is invalid';
      rest = rest.slice(0, colon);
    }
  }
  const [host = '', ...path] = rest.split('/');
  if (!HOST_RE.test(host)) return `registry host ${JSON.stringify(host)} is invalid`;
  if (!/[.:]/.test(host) && host !== 'localhost')
    return `scopes use the fully expanded form with a registry host (e.g. docker.io/library/busybox, not busybox)`;
  for (const c of path) if (!PATH_RE.test(c)) return `repository component ${JSON.stringify(c)} is invalid`;
  return undefined;
}
