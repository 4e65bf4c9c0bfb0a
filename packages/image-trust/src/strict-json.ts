/**
 * Strict JSON, as containers/image reads policies and signature payloads: RFC 8259 syntax only,
 * and a member name that appears twice in one object is an error (plain `JSON.parse` keeps the
 * last one silently, which would let two readers of one document disagree).
 */
import { parseDocument } from 'yaml';

export type StrictJsonResult = { ok: true; value: unknown } | { ok: false; problem: string };

export function parseStrictJson(text: string): StrictJsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: `not valid JSON (${(e as Error).message})` };
  }
  // JSON is a subset of YAML 1.2; the YAML parser reports duplicated keys, which JSON.parse hides.
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const dup = doc.errors.find((e) => e.code === 'DUPLICATE_KEY');
  if (dup !== undefined)
    return { ok: false, problem: `a member name is duplicated (${dup.message.split('\n')[0]})` };
  return { ok: true, value };
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
