/**
 * `signedIdentity` of policy.json: which identity a signature must claim for the image it is used
 * for. The image is what the task names (`name:tag@digest` or `name@digest`); its digest was already
 * compared with the signature's, so these rules look at names and tags only.
 */
import { formatReference, type ImageReference, repositoryOf } from './reference.js';

/**
 * A policy.json `signedIdentity` rule: which identity (`docker-reference`) a signature must claim
 * for the image being verified. `matchExact` wants the same name and tag; `matchRepoDigestOrExact`
 * the same repository when the image is named by digest only, else `matchExact`; `matchRepository`
 * the same repository; `exactReference` / `exactRepository` a fixed reference or repository;
 * `remapIdentity` first replaces `prefix` of the image's name with `signedPrefix`, then applies
 * `matchRepoDigestOrExact`.
 */
export type IdentityRule =
  | { readonly type: 'matchExact' }
  | { readonly type: 'matchRepoDigestOrExact' }
  | { readonly type: 'matchRepository' }
  | { readonly type: 'exactReference'; readonly dockerReference: ImageReference }
  | { readonly type: 'exactRepository'; readonly dockerRepository: string }
  | { readonly type: 'remapIdentity'; readonly prefix: string; readonly signedPrefix: string };

/**
 * The rule used when a requirement sets no `signedIdentity`: `matchRepoDigestOrExact`, as in
 * containers-policy.json(5).
 */
export const DEFAULT_IDENTITY_RULE: IdentityRule = Object.freeze({ type: 'matchRepoDigestOrExact' });

/** `name:tag` when the image names a tag, else `name@digest`: what "exact" compares with. */
function exactForm(ref: ImageReference): string {
  return ref.tag !== undefined ? `${repositoryOf(ref)}:${ref.tag}` : formatReference({ ...ref });
}

function signedForm(ref: ImageReference): string {
  return formatReference(ref);
}

function repoDigestOrExact(image: ImageReference, signed: ImageReference): boolean {
  if (image.tag !== undefined) return signedForm(signed) === exactForm(image);
  return repositoryOf(signed) === repositoryOf(image);
}

/** Whether a signature claiming `signed` satisfies `rule` for `image`. */
export function identityMatches(rule: IdentityRule, image: ImageReference, signed: ImageReference): boolean {
  switch (rule.type) {
    case 'matchExact':
      return signedForm(signed) === exactForm(image);
    case 'matchRepoDigestOrExact':
      return repoDigestOrExact(image, signed);
    case 'matchRepository':
      return repositoryOf(signed) === repositoryOf(image);
    case 'exactReference':
      return signedForm(signed) === signedForm(rule.dockerReference);
    case 'exactRepository':
      return repositoryOf(signed) === rule.dockerRepository;
    case 'remapIdentity': {
      const repo = repositoryOf(image);
      if (repo !== rule.prefix && !repo.startsWith(`${rule.prefix}/`))
        return repoDigestOrExact(image, signed);
      const remapped = `${rule.signedPrefix}${repo.slice(rule.prefix.length)}`;
      const slash = remapped.indexOf('/');
      const mapped: ImageReference = {
        ...image,
        domain: remapped.slice(0, slash),
        path: remapped.slice(slash + 1),
      };
      return repoDigestOrExact(mapped, signed);
    }
  }
}

/** A short description of a rule, for rejection messages. */
export function describeRule(rule: IdentityRule): string {
  switch (rule.type) {
    case 'exactReference':
      return `signedIdentity exactReference ${formatReference(rule.dockerReference)}`;
    case 'exactRepository':
      return `signedIdentity exactRepository ${rule.dockerRepository}`;
    case 'remapIdentity':
      return `signedIdentity remapIdentity ${rule.prefix} -> ${rule.signedPrefix}`;
    default:
      return `signedIdentity ${rule.type}`;
  }
}
