/**
 * The Docker Engine multiplexes a container's stdout and stderr on one stream when the container
 * has no TTY: frames of an 8-byte header (stream type, three zero bytes, big-endian payload
 * length) followed by the payload. This splits them back, across chunk boundaries.
 */
export type StreamKind = 'stdout' | 'stderr';

/** Splits the engine's multiplexed log stream into stdout and stderr payloads. */
export class Demuxer {
  #buf: Buffer = Buffer.alloc(0);
  readonly #emit: (stream: StreamKind, payload: Buffer) => void;

  /** `emit` gets each frame's payload with the stream it belongs to. */
  constructor(emit: (stream: StreamKind, payload: Buffer) => void) {
    this.#emit = emit;
  }

  /** Feeds the next chunk of the stream; emits every frame it completes. */
  push(chunk: Buffer): void {
    this.#buf = this.#buf.length === 0 ? chunk : Buffer.concat([this.#buf, chunk]);
    while (this.#buf.length >= 8) {
      const type = this.#buf[0];
      const size = this.#buf.readUInt32BE(4);
      if (this.#buf.length < 8 + size) return;
      const payload = this.#buf.subarray(8, 8 + size);
      this.#buf = this.#buf.subarray(8 + size);
      // 0 is stdin (never sent here), 1 stdout, 2 stderr, 3 the engine's own error text.
      if (type === 2 || type === 3) this.#emit('stderr', payload);
      else this.#emit('stdout', payload);
    }
  }

  /** Bytes of an incomplete frame still waiting for the rest. */
  get pending(): number {
    return this.#buf.length;
  }
}
