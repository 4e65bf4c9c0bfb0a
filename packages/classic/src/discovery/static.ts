/**
 * The static backends: `nodes://A:2375,B:2375` (the list in the URL) and `file:///path` (one
 * address per line, read again at every refresh; blank lines and `#` comments skipped). Both take
 * Swarm's ranges, `10.0.0.[1:3]:2375`.
 */
import { readFile } from 'node:fs/promises';
import { canonicalAddress, expandRange } from '../address.js';
import { ClassicError } from '../errors.js';
import type { Discovery } from './discovery.js';

function readOnly(url: string, what: string): ClassicError {
  return new ClassicError(
    'CLASSIC_BAD_DISCOVERY',
    `${url} is a static list: engines cannot join it with swarm join; ${what}`,
    { url },
  );
}

/** Parses the addresses of a list (comma or newline separated). */
export function parseAddressList(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    for (const a of expandRange(line)) out.push(canonicalAddress(a));
  }
  return [...new Set(out)];
}

/** `nodes://A,B`. */
export class NodesDiscovery implements Discovery {
  readonly url: string;
  readonly shown: string;
  readonly #addrs: string[];

  constructor(url: string) {
    this.url = url;
    this.shown = url;
    this.#addrs = parseAddressList(url.slice('nodes://'.length));
    if (this.#addrs.length === 0)
      throw new ClassicError(
        'CLASSIC_BAD_DISCOVERY',
        `${url} lists no engine: write nodes://HOST:PORT,HOST:PORT`,
        {
          url,
        },
      );
  }

  async list(): Promise<string[]> {
    return [...this.#addrs];
  }

  async register(): Promise<void> {
    throw readOnly(this.url, 'add the address to the nodes:// list of swarm manage');
  }
}

/** `file:///path`. */
export class FileDiscovery implements Discovery {
  readonly url: string;
  readonly shown: string;
  readonly path: string;

  constructor(url: string) {
    this.url = url;
    this.shown = url;
    this.path = url.slice('file://'.length);
    if (!this.path.startsWith('/'))
      throw new ClassicError(
        'CLASSIC_BAD_DISCOVERY',
        `${url}: use an absolute path, file:///path/to/cluster`,
        { url },
      );
  }

  async list(): Promise<string[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      throw new ClassicError(
        'CLASSIC_DISCOVERY_FAILED',
        `cannot read the cluster file ${this.path}: ${(e as Error).message}`,
        { url: this.url },
      );
    }
    return parseAddressList(text);
  }

  async register(): Promise<void> {
    throw readOnly(this.url, `add a line HOST:PORT to ${this.path}`);
  }
}
