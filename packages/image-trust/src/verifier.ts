/**
 * Decides whether an image may run on this node: the image must be pinned by digest, and every
 * requirement of the policy scope it falls in must hold: no `reject`; for `signedBy`, a simple
 * signing signature from the lookaside store that verifies with one of the scope's OpenPGP keys,
 * names this exact digest and an identity the scope's `signedIdentity` accepts; for
 * `sigstoreSigned`, the same with a cosign signature (registry attachment or lookaside) and the
 * scope's public key. Anything else throws an `ImageRejectedError` whose message is the reason.
 */
import { type Clock, systemClock } from '@swarm/api';
import {
  ImageNotPinnedError,
  ImageNotSignedError,
  ImagePolicyRejectedError,
  ImageRejectedError,
  InvalidSignatureError,
  ManifestNotFoundError,
  SignatureDigestMismatchError,
  SignatureIdentityMismatchError,
  SignatureStoreUnreachableError,
  UntrustedSignatureError,
} from './errors.js';
import type { HttpFetch } from './http.js';
import { withDefaults } from './http.js';
import { describeRule, type IdentityRule, identityMatches } from './identity.js';
import { readLookaside } from './lookaside.js';
import { verifySignedMessage } from './openpgp.js';
import { COSIGN_TYPE, parsePayload, SIMPLE_SIGNING_TYPE, type SignaturePayload } from './payload.js';
import type { ImagePolicy, PolicyRequirement } from './policy.js';
import { formatReference, type ImageReference, parseReference, repositoryOf } from './reference.js';
import { RegistriesConfig, type SectionMatch } from './registries-d.js';
import { RegistryClient } from './registry-client.js';
import { decodeSignatureBlob, type SignatureBlob } from './signature-blob.js';
import { verifySigstoreSignature } from './sigstore.js';

/** The media type of a cosign signature layer (its payload) in a `sha256-<digest>.sig` attachment. */
export const COSIGN_LAYER_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
/** The layer annotation holding the base64 signature of that payload. */
export const COSIGN_SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';

/**
 * Limits of an `ImageVerifier`: how many signatures it reads per image, how large, and how long
 * each request may take.
 */
export interface ImageVerifierInit {
  /** Signatures read per image (lookaside indexes, attachment layers). Default 32. */
  maxSignatures?: number;
  /** Largest signature read, bytes. Default 4 MiB. */
  maxSignatureBytes?: number;
  /** Time limit of one request to a signature store or registry, ms. Default 10,000. */
  timeoutMs?: number;
}

/** The defaults of `ImageVerifierInit`: 32 signatures, 4 MiB each, 10 s per request. */
export const IMAGE_VERIFIER_DEFAULTS = Object.freeze({
  maxSignatures: 32,
  maxSignatureBytes: 4 * 1024 * 1024,
  timeoutMs: 10_000,
});

/**
 * What an `ImageVerifier` verifies with: the policy, where signatures live, and the injected
 * registry client, `fetch` and clock.
 */
export interface ImageVerifierComponents {
  /** The policy in force, or a function returning it (read on every verification, so it can be replaced). */
  policy: ImagePolicy | (() => ImagePolicy);
  /** Where signatures live (registries.d). Default: nowhere (every `signedBy` image is unsigned). */
  registries?: RegistriesConfig;
  /** For sigstore attachments. Default: a `RegistryClient` on the same fetch and clock. */
  registry?: RegistryClient;
  fetch?: HttpFetch;
  clock?: Clock;
}

/** One signature that satisfied a requirement. */
export interface AcceptedSignature {
  readonly requirement: 'signedBy' | 'sigstoreSigned';
  /** OpenPGP fingerprint, or `sha256:<hex>` of the sigstore public key. */
  readonly signer: string;
  readonly identity: string;
}

/**
 * What `ImageVerifier.verify` accepted: the pinned reference to run, the scope that decided, the
 * digest of the policy in force, and the signatures that satisfied its requirements.
 */
export interface VerifiedImage {
  /** The image as verified: fully expanded, with its digest (what the executor must pull). */
  readonly reference: string;
  readonly digest: string;
  /** The policy scope that decided. */
  readonly scope: string;
  readonly policyDigest: string;
  readonly signatures: readonly AcceptedSignature[];
}

/**
 * Decides whether an image may run under the image policy (see the module comment for the rules).
 * The constructor throws `RangeError` / `TypeError` for invalid limits or a missing policy.
 */
export class ImageVerifier {
  readonly #o: Required<ImageVerifierInit>;
  readonly #policy: () => ImagePolicy;
  readonly #registries: RegistriesConfig;
  readonly #registry: RegistryClient;
  readonly #http: ReturnType<typeof withDefaults>;

  constructor(init: ImageVerifierInit, components: ImageVerifierComponents) {
    this.#o = {
      ...IMAGE_VERIFIER_DEFAULTS,
      ...Object.fromEntries(Object.entries(init).filter(([, v]) => v !== undefined)),
    };
    for (const k of ['maxSignatures', 'maxSignatureBytes', 'timeoutMs'] as const)
      if (!Number.isSafeInteger(this.#o[k]) || this.#o[k] <= 0)
        throw new RangeError(`ImageVerifierInit.${k} must be a positive integer`);
    const p = components?.policy;
    if (p === undefined) throw new TypeError('ImageVerifierComponents.policy is required');
    this.#policy = typeof p === 'function' ? p : () => p;
    this.#registries = components.registries ?? new RegistriesConfig();
    this.#http = withDefaults({
      ...(components.fetch === undefined ? {} : { fetch: components.fetch }),
      clock: components.clock ?? systemClock,
    });
    this.#registry =
      components.registry ??
      new RegistryClient(
        { timeoutMs: this.#o.timeoutMs },
        { fetch: this.#http.fetch, clock: this.#http.clock },
      );
  }

  /** The policy in force now. */
  get policy(): ImagePolicy {
    return this.#policy();
  }

  /** Verifies `image`; resolves with what was verified, or throws an `ImageRejectedError` (or `ImageReferenceError`). */
  async verify(image: string, signal?: AbortSignal): Promise<VerifiedImage> {
    const ref = parseReference(image);
    const shown = formatReference(ref);
    if (ref.digest === undefined) throw new ImageNotPinnedError(shown);
    const policy = this.#policy();
    const match = policy.requirementsFor(ref);
    if (match.requirements.some((r) => r.type === 'reject'))
      throw new ImagePolicyRejectedError(shown, match.scope);
    const section = this.#registries.sectionFor(ref);
    const store = new SignatureSet(this, ref, section, signal);
    const accepted: AcceptedSignature[] = [];
    for (const req of match.requirements) {
      if (req.type === 'signedBy') accepted.push(await this.#signedBy(req, ref, store));
      else if (req.type === 'sigstoreSigned') accepted.push(await this.#sigstoreSigned(req, ref, store));
    }
    return {
      reference: shown,
      digest: ref.digest,
      scope: match.scope,
      policyDigest: policy.digest,
      signatures: accepted,
    };
  }

  async #signedBy(
    req: Extract<PolicyRequirement, { type: 'signedBy' }>,
    ref: ImageReference,
    store: SignatureSet,
  ): Promise<AcceptedSignature> {
    const shown = formatReference(ref);
    const blobs = (await store.lookaside()).filter((b) => b.format === 'simple-signing');
    if (blobs.length === 0) throw new ImageNotSignedError(shown, store.where());
    const now = new Date(this.#http.clock.now());
    const judge = new Judge(shown, req.signedIdentity, ref);
    for (const b of blobs) {
      const r = await verifySignedMessage(b.data, req.keys, now);
      if (!r.ok) {
        if (r.kind === 'untrusted') judge.untrusted(`OpenPGP key ${r.signer}`);
        else if (r.kind === 'bad')
          judge.bad(`the signature by key ${r.signer} does not verify (${r.problem})`);
        else judge.untrusted('a malformed signature');
        continue;
      }
      const p = parsePayload(r.payload, SIMPLE_SIGNING_TYPE);
      if (!p.ok) {
        judge.bad(`the signature by ${r.signer} carries an invalid payload (${p.problem})`);
        continue;
      }
      if (judge.accepts(p.payload))
        return { requirement: 'signedBy', signer: r.signer, identity: p.payload.identityText };
    }
    return judge.fail(blobs.length);
  }

  async #sigstoreSigned(
    req: Extract<PolicyRequirement, { type: 'sigstoreSigned' }>,
    ref: ImageReference,
    store: SignatureSet,
  ): Promise<AcceptedSignature> {
    const shown = formatReference(ref);
    const sigs = await store.sigstore();
    if (sigs.length === 0) throw new ImageNotSignedError(shown, store.where(true));
    const judge = new Judge(shown, req.signedIdentity, ref);
    for (const s of sigs) {
      const sig = s.annotations[COSIGN_SIGNATURE_ANNOTATION];
      if (s.mimeType !== COSIGN_LAYER_MEDIA_TYPE || sig === undefined) {
        judge.untrusted('a sigstore signature of another kind');
        continue;
      }
      if (!verifySigstoreSignature(s.payload, sig, req.key)) {
        judge.untrusted('a sigstore key the policy does not name');
        continue;
      }
      const p = parsePayload(s.payload, COSIGN_TYPE);
      if (!p.ok) {
        judge.bad(`the sigstore signature carries an invalid payload (${p.problem})`);
        continue;
      }
      if (judge.accepts(p.payload))
        return {
          requirement: 'sigstoreSigned',
          signer: `sha256:${req.keyId}`,
          identity: p.payload.identityText,
        };
    }
    return judge.fail(sigs.length);
  }

  /** @internal */
  get _http() {
    return this.#http;
  }
  /** @internal */
  get _registry() {
    return this.#registry;
  }
  /** @internal */
  get _o() {
    return this.#o;
  }
}

/** Collects why each cryptographically valid or invalid signature failed, and throws the most telling reason. */
class Judge {
  #digest: string | undefined;
  #identity: string | undefined;
  #bad: string | undefined;
  readonly #signers: string[] = [];
  constructor(
    readonly image: string,
    readonly rule: IdentityRule,
    readonly ref: ImageReference,
  ) {}

  accepts(p: SignaturePayload): boolean {
    if (p.digest !== this.ref.digest) {
      this.#digest = p.digest;
      return false;
    }
    if (!identityMatches(this.rule, this.ref, p.identity)) {
      this.#identity = p.identityText;
      return false;
    }
    return true;
  }
  untrusted(signer: string): void {
    if (!this.#signers.includes(signer)) this.#signers.push(signer);
  }
  bad(problem: string): void {
    this.#bad ??= problem;
  }
  fail(count: number): never {
    if (this.#digest !== undefined) throw new SignatureDigestMismatchError(this.image, this.#digest);
    if (this.#identity !== undefined)
      throw new SignatureIdentityMismatchError(this.image, this.#identity, describeRule(this.rule));
    if (this.#bad !== undefined) throw new InvalidSignatureError(this.image, this.#bad);
    throw new UntrustedSignatureError(this.image, count, this.#signers);
  }
}

type SigstoreSig = Extract<SignatureBlob, { format: 'sigstore-json' }>;

/** The signatures of one image, each source read at most once per verification. */
class SignatureSet {
  #lookaside: Promise<SignatureBlob[]> | undefined;
  #attachments: Promise<SigstoreSig[]> | undefined;
  constructor(
    readonly v: ImageVerifier,
    readonly ref: ImageReference,
    readonly section: SectionMatch | undefined,
    readonly signal: AbortSignal | undefined,
  ) {}

  where(sigstore = false): string {
    const base = this.section?.section.lookaside;
    const parts: string[] = [];
    if (base !== undefined) parts.push(`none in the lookaside store ${base}`);
    if (sigstore && this.section?.section.useSigstoreAttachments)
      parts.push('no sigstore attachment in the registry');
    if (parts.length === 0) return `registries.d configures no signature store for ${repositoryOf(this.ref)}`;
    return parts.join(', ');
  }

  lookaside(): Promise<SignatureBlob[]> {
    this.#lookaside ??= (async () => {
      const base = this.section?.section.lookaside;
      if (base === undefined) return [];
      const o = this.v._o;
      const blobs = await readLookaside(this.v._http, base, this.ref, {
        maxSignatures: o.maxSignatures,
        maxSignatureBytes: o.maxSignatureBytes,
        timeoutMs: o.timeoutMs,
        signal: this.signal,
      });
      return blobs.map(decodeSignatureBlob);
    })();
    return this.#lookaside;
  }

  async sigstore(): Promise<SigstoreSig[]> {
    const fromLookaside = (await this.lookaside()).filter(
      (b): b is SigstoreSig => b.format === 'sigstore-json',
    );
    if (!this.section?.section.useSigstoreAttachments) return fromLookaside;
    this.#attachments ??= this.#readAttachments();
    return [...fromLookaside, ...(await this.#attachments)];
  }

  async #readAttachments(): Promise<SigstoreSig[]> {
    const ref = this.ref;
    const shown = formatReference(ref);
    const digest = ref.digest as string;
    const sigRef: ImageReference = {
      domain: ref.domain,
      path: ref.path,
      tag: `${digest.replace(':', '-')}.sig`,
    };
    const registry = this.v._registry;
    const o = this.v._o;
    const where = `${registry.baseUrl(ref.domain)}/v2/${ref.path}/manifests/${sigRef.tag}`;
    try {
      let manifest: { layers?: unknown };
      try {
        const m = await registry.getManifest(sigRef, this.signal);
        manifest = JSON.parse(new TextDecoder().decode(m.bytes)) as { layers?: unknown };
      } catch (e) {
        if (e instanceof ManifestNotFoundError) return [];
        throw e;
      }
      const layers = Array.isArray(manifest.layers) ? manifest.layers.slice(0, o.maxSignatures) : [];
      const out: SigstoreSig[] = [];
      for (const l of layers as { mediaType?: unknown; digest?: unknown; annotations?: unknown }[]) {
        if (typeof l?.digest !== 'string' || typeof l.mediaType !== 'string') continue;
        const payload = await registry.getBlob(ref, l.digest, o.maxSignatureBytes, this.signal);
        const annotations: Record<string, string> = {};
        if (typeof l.annotations === 'object' && l.annotations !== null)
          for (const [k, v] of Object.entries(l.annotations)) if (typeof v === 'string') annotations[k] = v;
        out.push({ format: 'sigstore-json', mimeType: l.mediaType, payload, annotations });
      }
      return out;
    } catch (e) {
      if (e instanceof ImageRejectedError) throw e;
      throw new SignatureStoreUnreachableError(shown, where, (e as Error).message);
    }
  }
}
