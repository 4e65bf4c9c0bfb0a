/**
 * How containers/image stores one signature as one blob (in a lookaside store): a legacy simple
 * signing blob is the raw OpenPGP message; newer blobs start with a NUL byte, a format name and a
 * newline: `\0simple-signing\n<OpenPGP message>` or `\0sigstore-json\n{"mimeType", "payload"
 * (base64), "annotations"}`.
 */
import { isPlainObject } from './strict-json.js';

/**
 * One decoded signature blob: a simple-signing OpenPGP message, a sigstore-json signature (payload
 * and annotations), or `unsupported` with the reason it cannot be used.
 */
export type SignatureBlob =
  | { readonly format: 'simple-signing'; readonly data: Uint8Array }
  | {
      readonly format: 'sigstore-json';
      readonly mimeType: string;
      readonly payload: Uint8Array;
      readonly annotations: Readonly<Record<string, string>>;
    }
  /** A format this library does not read (or a malformed blob): it can satisfy no requirement. */
  | { readonly format: 'unsupported'; readonly problem: string };

const dec = new TextDecoder();

/**
 * Decodes one signature blob by its format prefix (none means legacy simple signing). Never throws:
 * anything it cannot read comes back as `unsupported`.
 */
export function decodeSignatureBlob(blob: Uint8Array): SignatureBlob {
  if (blob.length === 0) return { format: 'unsupported', problem: 'empty signature' };
  if (blob[0] !== 0) return { format: 'simple-signing', data: blob };
  const nl = blob.indexOf(0x0a);
  if (nl < 0) return { format: 'unsupported', problem: 'no format name' };
  const name = dec.decode(blob.subarray(1, nl));
  const rest = blob.subarray(nl + 1);
  if (name === 'simple-signing') return { format: 'simple-signing', data: rest };
  if (name !== 'sigstore-json')
    return { format: 'unsupported', problem: `unknown signature format ${JSON.stringify(name)}` };
  let v: unknown;
  try {
    v = JSON.parse(dec.decode(rest));
  } catch {
    return { format: 'unsupported', problem: 'sigstore-json blob is not JSON' };
  }
  if (!isPlainObject(v) || typeof v.mimeType !== 'string' || typeof v.payload !== 'string')
    return { format: 'unsupported', problem: 'sigstore-json blob lacks mimeType or payload' };
  const annotations: Record<string, string> = {};
  if (v.annotations !== undefined && v.annotations !== null) {
    if (!isPlainObject(v.annotations))
      return { format: 'unsupported', problem: 'annotations is not an object' };
    for (const [k, a] of Object.entries(v.annotations)) if (typeof a === 'string') annotations[k] = a;
  }
  return {
    format: 'sigstore-json',
    mimeType: v.mimeType,
    payload: new Uint8Array(Buffer.from(v.payload, 'base64')),
    annotations,
  };
}
