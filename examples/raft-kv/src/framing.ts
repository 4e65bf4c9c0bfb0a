/**
 * The peer wire format: every frame is a 4-byte big-endian length, then that many bytes. The first
 * frame on a connection is a hello naming the sender (its member ID in decimal), so that the
 * receiving side (and the robustness harness's proxy) knows who is talking; every later frame is
 * one raft message as `encodeMessage` bytes.
 */

/** Largest frame accepted: a raft snapshot of the example's state fits comfortably. */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;

export function encodeFrame(payload: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(4 + payload.length);
  frame.writeUInt32BE(payload.length, 0);
  frame.set(payload, 4);
  return frame;
}

/** Splits a byte stream into frames. Throws RangeError on a frame larger than MAX_FRAME_BYTES. */
export class FrameDecoder {
  #buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    const frames: Buffer[] = [];
    for (;;) {
      if (this.#buffer.length < 4) break;
      const length = this.#buffer.readUInt32BE(0);
      if (length > MAX_FRAME_BYTES) {
        throw new RangeError(`frame of ${length} bytes exceeds MAX_FRAME_BYTES (${MAX_FRAME_BYTES})`);
      }
      if (this.#buffer.length < 4 + length) break;
      frames.push(this.#buffer.subarray(4, 4 + length));
      this.#buffer = this.#buffer.subarray(4 + length);
    }
    return frames;
  }
}

export function encodeHello(from: bigint): Buffer {
  return encodeFrame(Buffer.from(from.toString(), 'utf8'));
}

export function decodeHello(frame: Uint8Array): bigint {
  const text = Buffer.from(frame).toString('utf8');
  if (!/^[1-9][0-9]*$/.test(text))
    throw new TypeError(`hello frame names no member ID: ${JSON.stringify(text)}`);
  return BigInt(text);
}

/** Parses "127.0.0.1:7001" into host and port. */
export function parseAddress(address: string): { host: string; port: number } {
  const at = address.lastIndexOf(':');
  const host = address.slice(0, at);
  const port = Number(address.slice(at + 1));
  if (at <= 0 || !Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new TypeError(`address must be host:port, got ${JSON.stringify(address)}`);
  }
  return { host, port };
}
