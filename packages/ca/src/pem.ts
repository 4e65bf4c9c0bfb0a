/**
 * Strict PEM (RFC 7468): exact labels, base64 only, nothing but whitespace around the blocks. The
 * size cap is checked before any decoding, so a huge input costs nothing.
 */

import { fromBase64, toBase64, utf8Length } from './encoding.js';
import { PemError } from './errors.js';

/** Largest PEM input accepted by default (16 KiB): far above any CSR or node chain. */
export const MAX_PEM_BYTES = 16 * 1024;

const BLOCK_RE = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([A-Za-z0-9+/=\r\n]*?)-----END ([A-Z0-9 ]+)-----/g;
const B64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** One PEM block: its label and its DER bytes. */
export interface PemBlock {
  readonly label: string;
  readonly der: Uint8Array;
}

/** Limits of the PEM decoders. */
export interface DecodePemOptions {
  /** Input larger than this many bytes is refused before parsing. Default 16 KiB. */
  maxBytes?: number;
}

/** All PEM blocks of `text`, in order. Anything but whitespace between blocks is refused. */
export function decodePemBlocks(text: unknown, options: DecodePemOptions = {}): PemBlock[] {
  if (typeof text !== 'string' && !(text instanceof Uint8Array))
    throw new TypeError(`PEM input must be a string or bytes, got ${typeof text}`);
  const max = options.maxBytes ?? MAX_PEM_BYTES;
  // A string's UTF-8 size is at least its length, so the cheap test runs first.
  const size = typeof text === 'string' ? (text.length > max ? text.length : utf8Length(text)) : text.length;
  if (size > max)
    throw new PemError('PEM_TOO_LARGE', `PEM input has ${size} bytes, more than the limit of ${max}`, {
      size,
      max,
    });
  const s = typeof text === 'string' ? text : new TextDecoder().decode(text);
  if (s.trim() === '') throw new PemError('PEM_EMPTY', 'PEM input is empty: pass the PEM text itself');
  const blocks: PemBlock[] = [];
  let last = 0;
  for (const m of s.matchAll(BLOCK_RE)) {
    if (s.slice(last, m.index).trim() !== '') throw malformed('text outside a PEM block');
    const [, begin, body, end] = m;
    if (begin !== end) throw malformed(`BEGIN ${begin} does not match END ${end}`);
    const b64 = body!.replace(/\r?\n/g, '');
    if (b64 === '' || !B64_RE.test(b64)) throw malformed(`bad base64 in the ${begin} block`);
    blocks.push({ label: begin!, der: fromBase64(b64) });
    last = m.index + m[0].length;
  }
  if (s.slice(last).trim() !== '') throw malformed('text outside a PEM block');
  if (blocks.length === 0) throw malformed('no PEM block found');
  return blocks;
}

/** The DER of the one block labelled `label` in `text`. A second block is `PEM_MULTIPLE_BLOCKS`. */
export function decodePem(text: unknown, label: string, options: DecodePemOptions = {}): Uint8Array {
  const blocks = decodePemBlocks(text, options);
  if (blocks.length !== 1)
    throw new PemError('PEM_MULTIPLE_BLOCKS', `expected one ${label} PEM block, got ${blocks.length}`, {
      blocks: blocks.length,
    });
  return checkLabel(blocks[0]!, label);
}

/** The DER of every block of `text`; each must be labelled `label`. */
export function decodePemAll(text: unknown, label: string, options: DecodePemOptions = {}): Uint8Array[] {
  return decodePemBlocks(text, options).map((b) => checkLabel(b, label));
}

function checkLabel(block: PemBlock, label: string): Uint8Array {
  if (block.label !== label)
    throw new PemError('PEM_WRONG_LABEL', `expected a ${label} PEM block, got ${block.label}`, {
      expected: label,
      got: block.label,
    });
  return block.der;
}

/** PEM text of `der`: 64-column base64 between BEGIN/END lines, ending in a newline. */
export function encodePem(label: string, der: Uint8Array): string {
  const b64 = toBase64(der);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function malformed(why: string): PemError {
  return new PemError('PEM_MALFORMED', `input is not PEM: ${why}`, { why });
}
