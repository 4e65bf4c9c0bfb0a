/**
 * registries.d (containers-registries.d(5)): YAML files that say, per registry, namespace or
 * repository, where an image's signatures live: a lookaside store (`lookaside`, or its older name
 * `sigstore`) and/or sigstore attachments in the registry (`use-sigstore-attachments`). Only the
 * most specific matching section applies, then `default-docker`. Staging URLs are for signers and
 * are accepted but unused here.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { RegistriesConfigError } from './errors.js';
import type { ImageReference } from './reference.js';
import { invalidDockerScope, scopeCandidates } from './scope.js';
import { isPlainObject } from './strict-json.js';

/** Where the signatures of the images in one registries.d scope live. */
export interface RegistrySection {
  /** Base URL signatures are read from (http, https or file). */
  readonly lookaside?: string;
  /** Whether sigstore signatures are stored as `sha256-<digest>.sig` attachments in the registry. */
  readonly useSigstoreAttachments: boolean;
}

/** The registries.d section that applies to an image, and the scope it was found under. */
export interface SectionMatch {
  /** `docker["scope"]` or `default-docker`. */
  readonly scope: string;
  readonly section: RegistrySection;
}

const SECTION_KEYS = new Set([
  'lookaside',
  'lookaside-staging',
  'sigstore',
  'sigstore-staging',
  'use-sigstore-attachments',
]);

/**
 * A parsed registries.d configuration: the `docker` sections by scope and the `default-docker`
 * section. An empty one (the default) has no signature stores, so signed images cannot verify.
 * Build it with `parseRegistriesD` or `readRegistriesDir`.
 */
export class RegistriesConfig {
  readonly #docker: ReadonlyMap<string, RegistrySection>;
  readonly #default: RegistrySection | undefined;

  constructor(docker: ReadonlyMap<string, RegistrySection> = new Map(), def?: RegistrySection) {
    this.#docker = docker;
    this.#default = def;
  }

  /** The section for `ref`: the most specific `docker` scope, else `default-docker`, else none. */
  sectionFor(ref: ImageReference): SectionMatch | undefined {
    for (const scope of scopeCandidates(ref, false)) {
      const s = this.#docker.get(scope);
      if (s !== undefined) return { scope: `docker[${JSON.stringify(scope)}]`, section: s };
    }
    return this.#default === undefined ? undefined : { scope: 'default-docker', section: this.#default };
  }
}

/** Parses the YAML files of a registries.d directory (name for messages, and text). */
export function parseRegistriesD(files: readonly { name: string; text: string }[]): RegistriesConfig {
  const docker = new Map<string, RegistrySection>();
  const owner = new Map<string, string>();
  let def: RegistrySection | undefined;
  let defOwner: string | undefined;
  for (const { name, text } of files) {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0)
      throw new RegistriesConfigError(name, `not valid YAML (${doc.errors[0]?.message.split('\n')[0]})`);
    const top: unknown = doc.toJS();
    if (top === null || top === undefined) continue;
    if (!isPlainObject(top)) throw new RegistriesConfigError(name, 'the top level must be a mapping');
    for (const [k, v] of Object.entries(top)) {
      if (k === 'default-docker') {
        if (defOwner !== undefined)
          throw new RegistriesConfigError(name, `default-docker is already configured in ${defOwner}`);
        def = section(name, 'default-docker', v);
        defOwner = name;
      } else if (k === 'docker') {
        if (v === null) continue;
        if (!isPlainObject(v)) throw new RegistriesConfigError(name, 'docker must be a mapping of scopes');
        for (const [scope, s] of Object.entries(v)) {
          const bad = invalidDockerScope(scope, false);
          if (bad !== undefined)
            throw new RegistriesConfigError(name, `docker[${JSON.stringify(scope)}]: ${bad}`);
          const prev = owner.get(scope);
          if (prev !== undefined)
            throw new RegistriesConfigError(
              name,
              `docker[${JSON.stringify(scope)}] is already configured in ${prev}`,
            );
          docker.set(scope, section(name, `docker[${JSON.stringify(scope)}]`, s));
          owner.set(scope, name);
        }
      } else {
        throw new RegistriesConfigError(
          name,
          `unknown top-level key ${JSON.stringify(k)} (expected docker or default-docker)`,
        );
      }
    }
  }
  return new RegistriesConfig(docker, def);
}

function section(file: string, at: string, v: unknown): RegistrySection {
  if (!isPlainObject(v)) throw new RegistriesConfigError(file, `${at} must be a mapping`);
  for (const k of Object.keys(v))
    if (!SECTION_KEYS.has(k))
      throw new RegistriesConfigError(file, `${at}: unknown key ${JSON.stringify(k)}`);
  if ('lookaside' in v && 'sigstore' in v)
    throw new RegistriesConfigError(file, `${at}: lookaside and sigstore (its older name) are both set`);
  const url = v.lookaside ?? v.sigstore;
  if (url !== undefined) {
    if (typeof url !== 'string') throw new RegistriesConfigError(file, `${at}: lookaside must be a URL`);
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new RegistriesConfigError(file, `${at}: lookaside ${JSON.stringify(url)} is not a URL`);
    }
    if (!['http:', 'https:', 'file:'].includes(u.protocol))
      throw new RegistriesConfigError(file, `${at}: lookaside must be an http, https or file URL`);
  }
  const att = v['use-sigstore-attachments'];
  if (att !== undefined && typeof att !== 'boolean')
    throw new RegistriesConfigError(file, `${at}: use-sigstore-attachments must be true or false`);
  return {
    ...(url === undefined ? {} : { lookaside: (url as string).replace(/\/+$/, '') }),
    useSigstoreAttachments: att === true,
  };
}

/** Reads every `*.yaml` file of a registries.d directory (a missing directory is an empty configuration). */
export async function readRegistriesDir(dir: string): Promise<RegistriesConfig> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.yaml')).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new RegistriesConfig();
    throw new RegistriesConfigError(
      dir,
      `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  const files = [];
  for (const n of names) files.push({ name: join(dir, n), text: await readFile(join(dir, n), 'utf8') });
  return parseRegistriesD(files);
}
