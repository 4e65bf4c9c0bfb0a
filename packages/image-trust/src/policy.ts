/**
 * The image policy: a containers `policy.json` (containers-policy.json(5)), parsed as strictly as
 * containers/image does (unknown, duplicated or invalid fields refuse the whole file), with every
 * key it names loaded and checked up front, so that a policy that loads is one that can decide.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { readFile as fsReadFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { PolicyFormatError, PolicyKeyInvalidError, PolicyKeyMissingError } from './errors.js';
import { DEFAULT_IDENTITY_RULE, type IdentityRule } from './identity.js';
import { fingerprintOf, type PublicKey, readPublicKeys } from './openpgp.js';
import { type ImageReference, parseReference } from './reference.js';
import { invalidDockerScope, scopeCandidates } from './scope.js';
import { readSigstorePublicKey } from './sigstore.js';
import { isPlainObject, parseStrictJson } from './strict-json.js';

/**
 * One requirement of a policy scope, with its keys already loaded: accept anything, reject, or a
 * valid simple-signing signature from one of `keys` (`signedBy`) or a cosign signature by `key`
 * (`sigstoreSigned`), each naming an identity `signedIdentity` accepts.
 */
export type PolicyRequirement =
  | { readonly type: 'insecureAcceptAnything' }
  | { readonly type: 'reject' }
  | {
      readonly type: 'signedBy';
      readonly keys: readonly PublicKey[];
      /** Primary key fingerprints, uppercase hex. */
      readonly fingerprints: readonly string[];
      readonly signedIdentity: IdentityRule;
    }
  | {
      readonly type: 'sigstoreSigned';
      readonly key: KeyObject;
      /** SHA-256 of the key's SubjectPublicKeyInfo, hex: how messages name the key. */
      readonly keyId: string;
      readonly signedIdentity: IdentityRule;
    };

/** The requirements that apply to one image, and the policy scope they were found in. */
export interface PolicyMatch {
  /** Where the requirements come from: `transports.docker["host/repo"]`, `transports.docker[""]` or `default`. */
  readonly scope: string;
  readonly requirements: readonly PolicyRequirement[];
}

/** How `parsePolicy` names the policy in errors and reads the key files it refers to. */
export interface ParsePolicyOptions {
  /** Names the policy in error messages (its path). Default `policy.json`. */
  source?: string;
  /** Relative `keyPath`s are resolved against this directory (normally the policy file's). Default: the process's. */
  baseDir?: string;
  /** Reads a key file named by `keyPath` / `keyPaths`. Default: node:fs `readFile`. */
  readFile?: (path: string) => Promise<Uint8Array>;
}

/** Transports containers/image defines; scopes of all but `docker` are checked and otherwise unused here. */
const KNOWN_TRANSPORTS = new Set([
  'atomic',
  'containers-storage',
  'dir',
  'docker',
  'docker-archive',
  'docker-daemon',
  'oci',
  'oci-archive',
  'ostree',
  'sif',
  'tarball',
]);

const enc = new TextEncoder();

/** A loaded, valid image policy. Immutable. */
export class ImagePolicy {
  /** `sha256:<hex>` over the policy with every key file inlined: what `node inspect` shows. */
  readonly digest: string;
  /** The policy document as given. */
  readonly text: string;
  readonly #default: readonly PolicyRequirement[];
  readonly #docker: ReadonlyMap<string, readonly PolicyRequirement[]>;

  /** @internal use `parsePolicy` */
  constructor(
    text: string,
    digest: string,
    def: readonly PolicyRequirement[],
    docker: ReadonlyMap<string, readonly PolicyRequirement[]>,
  ) {
    this.text = text;
    this.digest = digest;
    this.#default = def;
    this.#docker = docker;
  }

  /** The requirements of the most specific scope that matches `ref` in the `docker` transport. */
  requirementsFor(ref: ImageReference): PolicyMatch {
    for (const scope of scopeCandidates(ref, true)) {
      const r = this.#docker.get(scope);
      if (r !== undefined) return { scope: `transports.docker[${JSON.stringify(scope)}]`, requirements: r };
    }
    const transportDefault = this.#docker.get('');
    if (transportDefault !== undefined)
      return { scope: 'transports.docker[""]', requirements: transportDefault };
    return { scope: 'default', requirements: this.#default };
  }

  /** Every OpenPGP key any `signedBy` requirement trusts (for signed policy updates). */
  openpgpKeys(): PublicKey[] {
    const out = new Map<string, PublicKey>();
    for (const list of [this.#default, ...this.#docker.values()])
      for (const r of list) if (r.type === 'signedBy') for (const k of r.keys) out.set(fingerprintOf(k), k);
    return [...out.values()];
  }
}

/** Parses and validates a policy document, loading every key it names. */
export async function parsePolicy(
  document: string | Uint8Array,
  options: ParsePolicyOptions = {},
): Promise<ImagePolicy> {
  const source = options.source ?? 'policy.json';
  let text: string;
  try {
    text =
      typeof document === 'string' ? document : new TextDecoder('utf-8', { fatal: true }).decode(document);
  } catch {
    throw new PolicyFormatError(source, '', 'the file is not UTF-8 text');
  }
  const parsed = parseStrictJson(text);
  if (!parsed.ok) throw new PolicyFormatError(source, '', parsed.problem);
  const top = parsed.value;
  if (!isPlainObject(top)) throw new PolicyFormatError(source, '', 'the top level must be a JSON object');
  const ctx: Ctx = {
    source,
    baseDir: options.baseDir,
    readFile: options.readFile ?? defaultReadFile,
  };
  for (const k of Object.keys(top))
    if (k !== 'default' && k !== 'transports')
      throw new PolicyFormatError(source, '', `unknown member ${JSON.stringify(k)}`);
  if (!('default' in top))
    throw new PolicyFormatError(source, '', 'the "default" requirements are mandatory');
  // The digest covers what decides: the document, with each key file's bytes in place of its path.
  const canonical: Record<string, unknown> = {};
  const def = await parseRequirements(ctx, top.default, 'default', (v) => {
    canonical.default = v;
  });
  const docker = new Map<string, readonly PolicyRequirement[]>();
  if ('transports' in top) {
    const transports = top.transports;
    if (!isPlainObject(transports)) throw new PolicyFormatError(source, 'transports', 'must be an object');
    const canonT: Record<string, unknown> = {};
    canonical.transports = canonT;
    for (const [name, scopes] of Object.entries(transports)) {
      const at = `transports.${name}`;
      if (!KNOWN_TRANSPORTS.has(name))
        throw new PolicyFormatError(source, at, `unknown transport ${JSON.stringify(name)}`);
      if (!isPlainObject(scopes)) throw new PolicyFormatError(source, at, 'must be an object of scopes');
      const canonS: Record<string, unknown> = {};
      canonT[name] = canonS;
      for (const [scope, reqs] of Object.entries(scopes)) {
        const sAt = `${at}[${JSON.stringify(scope)}]`;
        if (name === 'docker' && scope !== '') {
          const bad = invalidDockerScope(scope, true);
          if (bad !== undefined) throw new PolicyFormatError(source, sAt, bad);
        }
        const list = await parseRequirements(ctx, reqs, sAt, (v) => {
          canonS[scope] = v;
        });
        if (name === 'docker') docker.set(scope, list);
      }
    }
  }
  const digest = `sha256:${createHash('sha256')
    .update(enc.encode(canonicalJson(canonical)))
    .digest('hex')}`;
  return new ImagePolicy(text, digest, def, docker);
}

/** Reads and parses a policy file; relative key paths resolve against its directory. */
export async function readPolicyFile(
  path: string,
  options: Omit<ParsePolicyOptions, 'source' | 'baseDir'> = {},
): Promise<ImagePolicy> {
  const abs = resolve(path);
  let bytes: Uint8Array;
  try {
    bytes = await (options.readFile ?? defaultReadFile)(abs);
  } catch (e) {
    throw new PolicyFormatError(
      abs,
      '',
      `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  return parsePolicy(bytes, { ...options, source: abs, baseDir: dirname(abs) });
}

interface Ctx {
  source: string;
  baseDir: string | undefined;
  readFile: (path: string) => Promise<Uint8Array>;
}

async function defaultReadFile(path: string): Promise<Uint8Array> {
  return new Uint8Array(await fsReadFile(path));
}

async function parseRequirements(
  ctx: Ctx,
  value: unknown,
  at: string,
  canon: (v: unknown) => void,
): Promise<PolicyRequirement[]> {
  if (!Array.isArray(value)) throw new PolicyFormatError(ctx.source, at, 'must be an array of requirements');
  if (value.length === 0)
    throw new PolicyFormatError(
      ctx.source,
      at,
      'must not be empty (use [{"type":"insecureAcceptAnything"}] to accept anything)',
    );
  const out: PolicyRequirement[] = [];
  const canonList: unknown[] = [];
  for (let i = 0; i < value.length; i++) {
    const { requirement, canonical } = await parseRequirement(ctx, value[i], `${at}[${i}]`);
    out.push(requirement);
    canonList.push(canonical);
  }
  canon(canonList);
  return out;
}

function only(ctx: Ctx, o: Record<string, unknown>, allowed: readonly string[], at: string): void {
  for (const k of Object.keys(o))
    if (!allowed.includes(k))
      throw new PolicyFormatError(
        ctx.source,
        at,
        `unknown member ${JSON.stringify(k)} for type ${JSON.stringify(o.type)}`,
      );
}

async function parseRequirement(
  ctx: Ctx,
  value: unknown,
  at: string,
): Promise<{ requirement: PolicyRequirement; canonical: unknown }> {
  if (!isPlainObject(value)) throw new PolicyFormatError(ctx.source, at, 'a requirement must be an object');
  switch (value.type) {
    case 'insecureAcceptAnything':
    case 'reject':
      only(ctx, value, ['type'], at);
      return { requirement: { type: value.type }, canonical: { type: value.type } };
    case 'signedBy': {
      only(ctx, value, ['type', 'keyType', 'keyPath', 'keyPaths', 'keyData', 'signedIdentity'], at);
      if (value.keyType !== 'GPGKeys')
        throw new PolicyFormatError(
          ctx.source,
          at,
          `keyType ${JSON.stringify(value.keyType)} is not supported; use "GPGKeys"`,
        );
      const data = await keyMaterial(ctx, value, at, true);
      let keys: PublicKey[];
      try {
        keys = await readPublicKeys(data);
      } catch (e) {
        throw new PolicyKeyInvalidError(
          ctx.source,
          at,
          `the key data is not an OpenPGP keyring (${(e as Error).message})`,
        );
      }
      if (keys.length === 0)
        throw new PolicyKeyInvalidError(ctx.source, at, 'the keyring holds no public key');
      const signedIdentity = parseIdentity(ctx, value.signedIdentity, `${at}.signedIdentity`);
      return {
        requirement: { type: 'signedBy', keys, fingerprints: keys.map(fingerprintOf), signedIdentity },
        canonical: {
          type: 'signedBy',
          keyType: 'GPGKeys',
          keyData: Buffer.from(data).toString('base64'),
          ...(value.signedIdentity === undefined ? {} : { signedIdentity: value.signedIdentity }),
        },
      };
    }
    case 'sigstoreSigned': {
      only(ctx, value, ['type', 'keyPath', 'keyData', 'signedIdentity'], at);
      const data = await keyMaterial(ctx, value, at, false);
      let key: KeyObject;
      let keyId: string;
      try {
        ({ key, keyId } = readSigstorePublicKey(data));
      } catch (e) {
        throw new PolicyKeyInvalidError(ctx.source, at, (e as Error).message);
      }
      const signedIdentity = parseIdentity(ctx, value.signedIdentity, `${at}.signedIdentity`);
      return {
        requirement: { type: 'sigstoreSigned', key, keyId, signedIdentity },
        canonical: {
          type: 'sigstoreSigned',
          keyData: Buffer.from(data).toString('base64'),
          ...(value.signedIdentity === undefined ? {} : { signedIdentity: value.signedIdentity }),
        },
      };
    }
    default:
      throw new PolicyFormatError(
        ctx.source,
        at,
        `unknown requirement type ${JSON.stringify(value.type)} (expected insecureAcceptAnything, reject, signedBy or sigstoreSigned)`,
      );
  }
}

/** The key bytes of a requirement: exactly one of keyPath, keyPaths (signedBy only) and keyData. */
async function keyMaterial(
  ctx: Ctx,
  o: Record<string, unknown>,
  at: string,
  allowPaths: boolean,
): Promise<Uint8Array> {
  const given = ['keyPath', ...(allowPaths ? ['keyPaths'] : []), 'keyData'].filter((k) => k in o);
  if (given.length !== 1)
    throw new PolicyFormatError(
      ctx.source,
      at,
      `exactly one of ${allowPaths ? 'keyPath, keyPaths and keyData' : 'keyPath and keyData'} must be present`,
    );
  if ('keyData' in o) {
    const b64 = o.keyData;
    if (typeof b64 !== 'string' || b64 === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64.replace(/\s/g, '')))
      throw new PolicyFormatError(ctx.source, `${at}.keyData`, 'must be base64-encoded key data');
    return new Uint8Array(Buffer.from(b64, 'base64'));
  }
  const paths = 'keyPath' in o ? [o.keyPath] : o.keyPaths;
  if (!Array.isArray(paths) || paths.length === 0 || paths.some((p) => typeof p !== 'string' || p === ''))
    throw new PolicyFormatError(
      ctx.source,
      `${at}.${'keyPath' in o ? 'keyPath' : 'keyPaths'}`,
      'must be a file path (keyPaths: a non-empty list of them)',
    );
  const chunks: Uint8Array[] = [];
  for (const p of paths as string[]) {
    const abs = ctx.baseDir === undefined ? resolve(p) : resolve(ctx.baseDir, p);
    try {
      chunks.push(await ctx.readFile(abs));
    } catch (e) {
      throw new PolicyKeyMissingError(
        ctx.source,
        at,
        abs,
        (e as NodeJS.ErrnoException).code ?? (e as Error).message,
      );
    }
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function parseIdentity(ctx: Ctx, value: unknown, at: string): IdentityRule {
  if (value === undefined) return DEFAULT_IDENTITY_RULE;
  if (!isPlainObject(value)) throw new PolicyFormatError(ctx.source, at, 'must be an object');
  const fail = (problem: string): never => {
    throw new PolicyFormatError(ctx.source, at, problem);
  };
  const onlyKeys = (keys: string[]) => {
    for (const k of Object.keys(value)) if (!keys.includes(k)) fail(`unknown member ${JSON.stringify(k)}`);
  };
  switch (value.type) {
    case 'matchExact':
    case 'matchRepoDigestOrExact':
    case 'matchRepository':
      onlyKeys(['type']);
      return { type: value.type };
    case 'exactReference': {
      onlyKeys(['type', 'dockerReference']);
      const r = value.dockerReference;
      if (typeof r !== 'string') return fail('dockerReference must be a string');
      let ref: ImageReference;
      try {
        ref = parseReference(r);
      } catch (e) {
        return fail(`dockerReference: ${(e as Error).message}`);
      }
      if (ref.tag === undefined && ref.digest === undefined)
        fail('dockerReference must carry a tag or a digest');
      return { type: 'exactReference', dockerReference: ref };
    }
    case 'exactRepository': {
      onlyKeys(['type', 'dockerRepository']);
      const r = value.dockerRepository;
      if (typeof r !== 'string') return fail('dockerRepository must be a string');
      let ref: ImageReference;
      try {
        ref = parseReference(r);
      } catch (e) {
        return fail(`dockerRepository: ${(e as Error).message}`);
      }
      if (ref.tag !== undefined || ref.digest !== undefined)
        fail('dockerRepository must not carry a tag or digest');
      return { type: 'exactRepository', dockerRepository: `${ref.domain}/${ref.path}` };
    }
    case 'remapIdentity': {
      onlyKeys(['type', 'prefix', 'signedPrefix']);
      for (const k of ['prefix', 'signedPrefix'] as const) {
        const p = value[k];
        if (typeof p !== 'string' || p === '') fail(`${k} must be a non-empty string`);
        const bad = invalidDockerScope(p as string, false);
        if (bad !== undefined || /[:@][^/]*$/.test((p as string).split('/').slice(1).join('/')))
          fail(
            `${k} must be a host[:port], a namespace or a repository in the fully expanded form${bad ? ` (${bad})` : ''}`,
          );
      }
      return {
        type: 'remapIdentity',
        prefix: value.prefix as string,
        signedPrefix: value.signedPrefix as string,
      };
    }
    default:
      return fail(`unknown signedIdentity type ${JSON.stringify(value.type)}`);
  }
}

/** JSON with object members sorted by name and no whitespace: one text per meaning. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isPlainObject(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}
