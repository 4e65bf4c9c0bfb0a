/** Metadata of a secret (never its data) and its encoding inside a sealed record. */

/** Labels of one secret, as JSON, may not exceed this. */
export const MAX_LABELS_BYTES = 64 * 1024;

/** What list() and get() return: metadata only, never data. */
export interface SecretMeta {
  id: string;
  name: string;
  labels: Record<string, string>;
  /** Milliseconds since the Unix epoch. */
  createdAt: number;
  updatedAt: number;
  /** Starts at 1, grows by one per label update. */
  version: number;
}

/** Validates labels (string values, at most MAX_LABELS_BYTES as JSON) and returns a copy. */
export function checkLabels(labels: unknown): Record<string, string> {
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) {
    throw new TypeError('labels must be an object of string values');
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) {
    if (k === '' || typeof v !== 'string')
      throw new TypeError(`labels.${k || '(empty)'} must be a non-empty key with a string value`);
    out[k] = v;
  }
  const size = Buffer.byteLength(JSON.stringify(out));
  if (size > MAX_LABELS_BYTES)
    throw new RangeError(`labels take ${size} bytes as JSON, at most ${MAX_LABELS_BYTES}`);
  return out;
}

export function encodeMeta(meta: SecretMeta): Uint8Array {
  return Buffer.from(JSON.stringify({ v: 1, ...meta }), 'utf8');
}

export function decodeMeta(bytes: Uint8Array): SecretMeta | undefined {
  try {
    const m = JSON.parse(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
    ) as SecretMeta & { v: number };
    if (m.v !== 1 || typeof m.id !== 'string' || typeof m.name !== 'string') return undefined;
    return {
      id: m.id,
      name: m.name,
      labels: m.labels,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
      version: m.version,
    };
  } catch {
    return undefined;
  }
}
