/**
 * The `filters` query parameter: JSON of `map[string][]string` (current clients) or
 * `map[string]map[string]bool` (what the docker CLI sends), validated against the keys each list
 * accepts ("Invalid filter 'x'", 400, as dockerd), and the matchers Docker's lists use.
 */
import { DockerInvalidParameterError } from './errors.js';
import type { Labels } from './types.js';

/** Parsed filters: each filter name with the values asked for (a list matches when any value does). */
export type Filters = ReadonlyMap<string, readonly string[]>;

/**
 * Parses the `filters` query parameter, in either of Docker's two JSON shapes, into `Filters`.
 * An absent or empty parameter gives no filters. Throws `DockerInvalidParameterError` for
 * malformed JSON, a value that is not a list, or a name not in `accepted` ("Invalid filter 'x'",
 * as dockerd).
 */
export function parseFilters(text: string | null, accepted: readonly string[]): Filters {
  const out = new Map<string, string[]>();
  if (text === null || text === '') return out;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new DockerInvalidParameterError(`invalid filters: ${(e as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new DockerInvalidParameterError('invalid filters: expected a JSON object of filter names');
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    let values: string[];
    if (Array.isArray(value)) values = value.map(String);
    else if (typeof value === 'object' && value !== null)
      values = Object.entries(value as Record<string, unknown>)
        .filter(([, on]) => on === true)
        .map(([v]) => v);
    else
      throw new DockerInvalidParameterError(
        `invalid filters: the value of ${JSON.stringify(key)} must be a list`,
      );
    if (!accepted.includes(key)) throw new DockerInvalidParameterError(`Invalid filter '${key}'`);
    out.set(key, values);
  }
  return out;
}

/** True when the filter is absent, or any of its values matches. */
export function anyOf(f: Filters, key: string, match: (value: string) => boolean): boolean {
  const values = f.get(key);
  return values === undefined || values.length === 0 || values.some(match);
}

/** `label=key` or `label=key=value`: every given label must match (as swarmkit does). */
export function labelsMatch(f: Filters, key: string, labels: Labels | undefined): boolean {
  for (const want of f.get(key) ?? []) {
    const eq = want.indexOf('=');
    const k = eq < 0 ? want : want.slice(0, eq);
    const v = labels?.[k];
    if (v === undefined) return false;
    if (eq >= 0 && v !== want.slice(eq + 1)) return false;
  }
  return true;
}

export const prefixOf = (s: string) => (value: string) => s.startsWith(value);
