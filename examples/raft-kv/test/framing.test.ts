import { describe, expect, it } from 'vitest';
import { decodeHello, encodeFrame, encodeHello, FrameDecoder, MAX_FRAME_BYTES } from '../src/framing.js';

describe('the peer framing', () => {
  it('reassembles frames split across chunks at every byte', () => {
    const stream = Buffer.concat([
      encodeHello(12n),
      encodeFrame(Buffer.from('abc')),
      encodeFrame(new Uint8Array(0)),
    ]);
    for (let cut = 0; cut <= stream.length; cut += 1) {
      const decoder = new FrameDecoder();
      const frames = [...decoder.push(stream.subarray(0, cut)), ...decoder.push(stream.subarray(cut))];
      expect(frames.map((f) => f.toString())).toEqual(['12', 'abc', '']);
      expect(decodeHello(frames[0] as Buffer)).toBe(12n);
    }
  });

  it('refuses a frame longer than the limit', () => {
    const header = Buffer.alloc(4);
    header.writeUInt32BE(MAX_FRAME_BYTES + 1, 0);
    expect(() => new FrameDecoder().push(header)).toThrow(RangeError);
  });

  it('refuses a hello that names no member ID', () => {
    expect(() => decodeHello(Buffer.from('0'))).toThrow(TypeError);
    expect(() => decodeHello(Buffer.from('x1'))).toThrow(TypeError);
  });
});
