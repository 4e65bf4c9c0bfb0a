/**
 * Docker's log stream: each line, optionally prefixed with its timestamp and its details
 * (`com.docker.swarm.node.id=...,com.docker.swarm.service.id=...,com.docker.swarm.task.id=...`,
 * keys sorted, values URL-query-escaped), framed for non-TTY output as Docker's stdcopy
 * multiplexing: an 8-byte header (stream 1 stdout / 2 stderr, three zero bytes, big-endian
 * length) and the payload.
 */
import type { LogMessage } from './types.js';

const enc = new TextEncoder();

export interface LogFormat {
  timestamps: boolean;
  details: boolean;
  stdout: boolean;
  stderr: boolean;
}

/** Go's RFC3339NanoFixed: always nine digits of fraction. */
export function rfc3339NanoFixed(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2026-12-07T03:42:03.564Z
  return `${iso.slice(0, 23)}000000Z`;
}

function queryEscape(s: string): string {
  return encodeURIComponent(s)
    .replace(/%20/g, '+')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The details prefix of a log line (`docker service logs --details`): the node, service and task
 * IDs as `key=value` pairs, keys sorted and URL-query-escaped, joined by commas.
 */
export function detailsOf(m: LogMessage): string {
  return [
    ['com.docker.swarm.node.id', m.nodeId],
    ['com.docker.swarm.service.id', m.serviceId],
    ['com.docker.swarm.task.id', m.taskId],
  ]
    .map(([k, v]) => `${queryEscape(k!)}=${queryEscape(v!)}`)
    .join(',');
}

/** The framed bytes of one message, or undefined when its stream was not asked for. */
export function frame(m: LogMessage, f: LogFormat): Uint8Array | undefined {
  if (m.stream === 'stdout' ? !f.stdout : !f.stderr) return undefined;
  const line = typeof m.line === 'string' ? enc.encode(m.line) : m.line;
  const prefix = `${f.timestamps ? `${rfc3339NanoFixed(m.timestamp)} ` : ''}${f.details ? `${detailsOf(m)} ` : ''}`;
  const head = enc.encode(prefix);
  const size = head.length + line.length + 1;
  const out = new Uint8Array(8 + size);
  out[0] = m.stream === 'stdout' ? 1 : 2;
  new DataView(out.buffer).setUint32(4, size);
  out.set(head, 8);
  out.set(line, 8 + head.length);
  out[8 + size - 1] = 0x0a;
  return out;
}

/** Splits a multiplexed stream back into messages (for tests and clients of this package). */
export function demux(data: Uint8Array): Array<{ stream: 'stdout' | 'stderr' | 'system'; text: string }> {
  const out: Array<{ stream: 'stdout' | 'stderr' | 'system'; text: string }> = [];
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let at = 0;
  while (at + 8 <= data.length) {
    const size = dv.getUint32(at + 4);
    const kind = data[at]!;
    out.push({
      stream: kind === 1 ? 'stdout' : kind === 2 ? 'stderr' : 'system',
      text: new TextDecoder().decode(data.subarray(at + 8, at + 8 + size)),
    });
    at += 8 + size;
  }
  return out;
}
