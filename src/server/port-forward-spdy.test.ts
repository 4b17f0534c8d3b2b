import { deflateSync, inflateSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { adler32, decodeHeaderBlock, encodeHeaderBlock, FLAG_FIN, FrameReader, FrameWriter, HEADER_DICTIONARY, HeaderCompressor, HeaderDecompressor } from './port-forward-spdy.ts';

/** A client's SYN_STREAM, its headers compressed by real zlib with the dictionary (as Go's framer does). */
function synStream(streamId: number, compressed: Buffer, fin = false): Buffer {
  const payload = Buffer.alloc(10);
  payload.writeUInt32BE(streamId, 0);
  const head = Buffer.alloc(8);
  head.writeUInt16BE(0x8003, 0);
  head.writeUInt16BE(1, 2);
  head[4] = fin ? FLAG_FIN : 0;
  head.writeUIntBE(payload.length + compressed.length, 5, 3);
  return Buffer.concat([head, payload, compressed]);
}

describe('SPDY/3.1 framing for port-forward', () => {
  it('has the SPDY/3 header dictionary zlib checks by its Adler-32', () => {
    expect(HEADER_DICTIONARY.length).toBe(1423);
    expect(adler32(HEADER_DICTIONARY).toString(16)).toBe('e3c6a7c2');
  });

  it('reads header blocks compressed by real zlib, across frames of one stream', () => {
    const first = encodeHeaderBlock({ streamtype: 'error', port: '80', requestid: '0' });
    const second = encodeHeaderBlock({ streamtype: 'data', port: '80', requestid: '0' });
    // One zlib stream for both, split where a sync flush would split it.
    const whole = deflateSync(Buffer.concat([first, second]), { dictionary: HEADER_DICTIONARY, finishFlush: constants.Z_SYNC_FLUSH });
    const d = new HeaderDecompressor();
    const out = Buffer.concat([d.decompress(whole.subarray(0, 10)), d.decompress(whole.subarray(10))]);
    expect(out.equals(Buffer.concat([first, second]))).toBe(true);
  });

  it('writes header blocks any zlib reader with the dictionary reads, frame after frame', () => {
    const c = new HeaderCompressor();
    const a = c.compress(encodeHeaderBlock({}));
    const b = c.compress(encodeHeaderBlock({ x: 'y' }));
    const inflated = inflateSync(Buffer.concat([a, b]), { dictionary: HEADER_DICTIONARY, finishFlush: constants.Z_SYNC_FLUSH });
    expect(inflated.equals(Buffer.concat([encodeHeaderBlock({}), encodeHeaderBlock({ x: 'y' })]))).toBe(true);
    expect(decodeHeaderBlock(encodeHeaderBlock({ Port: '8080' }))).toEqual({ port: '8080' });
  });

  it('splits bytes into frames whatever the chunking, and parses each kind', () => {
    const writer = new FrameWriter();
    const compressed = new HeaderCompressor().compress(encodeHeaderBlock({ streamtype: 'data', port: '80', requestid: '3' }));
    const bytes = Buffer.concat([synStream(5, compressed), writer.data(5, Buffer.from('GET / HTTP/1.1\r\n\r\n'), true), writer.ping(7), writer.rst(5)]);
    const reader = new FrameReader();
    const frames = [...bytes].flatMap((_, i) => reader.push(bytes.subarray(i, i + 1)));
    expect(frames).toEqual([
      { kind: 'syn-stream', streamId: 5, fin: false, headers: { streamtype: 'data', port: '80', requestid: '3' } },
      { kind: 'data', streamId: 5, fin: true, data: Buffer.from('GET / HTTP/1.1\r\n\r\n') },
      { kind: 'ping', id: 7 },
      { kind: 'rst', streamId: 5, status: 5 },
    ]);
  });

  it('splits large data into frames, FIN on the last only', () => {
    const bytes = new FrameWriter().data(1, Buffer.alloc(70_000, 97), true);
    const frames = new FrameReader().push(bytes);
    expect(frames.map((f) => (f.kind === 'data' ? [f.data.length, f.fin] : f.kind))).toEqual([
      [32768, false],
      [32768, false],
      [4464, true],
    ]);
  });
});
