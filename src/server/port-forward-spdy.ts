// The server's half of SPDY/3.1 framing, as much as `kubectl port-forward` uses of it: kubectl
// (client-go tools/portforward over moby/spdystream) opens two streams per local connection,
// `error` and `data`, and expects a SYN_REPLY to each before any DATA, PINGs answered, and a FIN
// when a stream ends. kubectl 1.32 carries these frames inside WebSocket binary messages
// (`SPDY/3.1+portforward.k8s.io`) and falls back to a plain `Upgrade: SPDY/3.1`; the frames are
// the same either way, so this module only turns bytes into frames and frames into bytes.
//
// Frame layout (the SPDY/3 draft): a control frame is 1 bit set, 15 bits version (3), 16 bits
// type, 8 bits flags, 24 bits length, then its fields; a data frame is 1 bit clear, 31 bits
// stream id, 8 bits flags (FIN = 1), 24 bits length, then data. Header blocks (in SYN_STREAM,
// SYN_REPLY, HEADERS) are one zlib stream per direction, primed with SPDY's header dictionary.
import { inflateSync, constants as zlibConstants } from 'node:zlib';

export const SYN_STREAM = 1;
export const SYN_REPLY = 2;
export const RST_STREAM = 3;
export const SETTINGS = 4;
export const PING = 6;
export const GOAWAY = 7;
export const HEADERS = 8;
export const WINDOW_UPDATE = 9;
export const FLAG_FIN = 1;

/** RST_STREAM status codes used here. */
export const RST_CANCEL = 5;

export type SpdyFrame =
  | { kind: 'syn-stream'; streamId: number; fin: boolean; headers: Record<string, string> }
  | { kind: 'data'; streamId: number; fin: boolean; data: Buffer }
  | { kind: 'rst'; streamId: number; status: number }
  | { kind: 'ping'; id: number }
  | { kind: 'goaway' }
  /** Frames that need no answer here (SETTINGS, WINDOW_UPDATE, HEADERS, SYN_REPLY). */
  | { kind: 'other'; type: number };

/**
 * The SPDY/3 header dictionary: 65 words each after its 4-byte length, then one run of status
 * codes, reason phrases, dates and common values. zlib checks it by its Adler-32 (0xe3c6a7c2).
 */
const DICTIONARY_WORDS = [
  'options', 'head', 'post', 'put', 'delete', 'trace', 'accept', 'accept-charset', 'accept-encoding', 'accept-language', 'accept-ranges', 'age', 'allow',
  'authorization', 'cache-control', 'connection', 'content-base', 'content-encoding', 'content-language', 'content-length', 'content-location', 'content-md5',
  'content-range', 'content-type', 'date', 'etag', 'expect', 'expires', 'from', 'host', 'if-match', 'if-modified-since', 'if-none-match', 'if-range',
  'if-unmodified-since', 'last-modified', 'location', 'max-forwards', 'pragma', 'proxy-authenticate', 'proxy-authorization', 'range', 'referer', 'retry-after',
  'server', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'user-agent', 'vary', 'via', 'warning', 'www-authenticate', 'method', 'get', 'status', '200 OK',
  'version', 'HTTP/1.1', 'url', 'public', 'set-cookie', 'keep-alive', 'origin',
];
const DICTIONARY_TAIL =
  '100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505' +
  '203 Non-Authoritative Information204 No Content301 Moved Permanently400 Bad Request401 Unauthorized403 Forbidden404 Not Found' +
  '500 Internal Server Error501 Not Implemented503 Service Unavailable' +
  'Jan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMT' +
  'chunked,text/html,image/png,image/jpg,image/gif,application/xml,application/xhtml+xml,text/plain,text/javascript,' +
  'publicprivatemax-age=gzip,deflate,sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0.';

export const HEADER_DICTIONARY: Buffer = Buffer.concat([
  ...DICTIONARY_WORDS.flatMap((w) => [u32(w.length), Buffer.from(w, 'latin1')]),
  Buffer.from(DICTIONARY_TAIL, 'latin1'),
]);

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

/** zlib's Adler-32, for the dictionary id in the stream header. */
export function adler32(data: Buffer): number {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** A header block: a count, then each name and value after its 4-byte length. */
export function encodeHeaderBlock(headers: Record<string, string>): Buffer {
  const parts: Buffer[] = [u32(Object.keys(headers).length)];
  for (const [name, value] of Object.entries(headers)) {
    parts.push(u32(Buffer.byteLength(name)), Buffer.from(name), u32(Buffer.byteLength(value)), Buffer.from(value));
  }
  return Buffer.concat(parts);
}

export function decodeHeaderBlock(block: Buffer): Record<string, string> {
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  if (block.length < 4) return headers;
  const count = block.readUInt32BE(0);
  let at = 4;
  const take = () => {
    const n = block.readUInt32BE(at);
    const s = block.subarray(at + 4, at + 4 + n).toString('utf8');
    at += 4 + n;
    return s;
  };
  for (let i = 0; i < count && at + 4 <= block.length; i++) {
    const name = take();
    // Several values for one name travel NUL-separated; port-forward's headers have one each.
    headers[name.toLowerCase()] = take().split('\0')[0]!;
  }
  return headers;
}

/**
 * The server's header compressor. Any valid zlib stream will do for the reader, so this one
 * stores rather than compresses: a zlib header naming the dictionary once, then for each block
 * a stored deflate block and the empty one a sync flush ends with, so every frame's headers can
 * be read in full as they arrive.
 */
export class HeaderCompressor {
  private started = false;

  compress(block: Buffer): Buffer {
    const parts: Buffer[] = [];
    if (!this.started) {
      this.started = true;
      // CMF 0x78 (deflate, 32K window); FLG with FDICT set and the check bits that make it a multiple of 31.
      const cmf = 0x78;
      let flg = 0x20;
      flg += 31 - ((cmf * 256 + flg) % 31);
      parts.push(Buffer.from([cmf, flg]), u32(adler32(HEADER_DICTIONARY)));
    }
    for (let at = 0; at < block.length; at += 0xffff) parts.push(storedBlock(block.subarray(at, at + 0xffff)));
    parts.push(storedBlock(Buffer.alloc(0)));
    return Buffer.concat(parts);
  }
}

function storedBlock(data: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head[0] = 0; // BFINAL 0, BTYPE 00, then padding to the byte boundary
  head.writeUInt16LE(data.length, 1);
  head.writeUInt16LE(~data.length & 0xffff, 3);
  return Buffer.concat([head, data]);
}

/** The client's header blocks: one zlib stream across frames, inflated so far as it has come. */
export class HeaderDecompressor {
  private compressed: Buffer = Buffer.alloc(0);
  private seen = 0;

  decompress(chunk: Buffer): Buffer {
    this.compressed = Buffer.concat([this.compressed, chunk]);
    // Inflating from the start each time keeps this synchronous; a connection carries few blocks.
    const all = inflateSync(this.compressed, { dictionary: HEADER_DICTIONARY, finishFlush: zlibConstants.Z_SYNC_FLUSH });
    const fresh = all.subarray(this.seen);
    this.seen = all.length;
    return fresh;
  }
}

/** Splits incoming bytes into frames, keeping a partial frame for the next chunk. */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly headers = new HeaderDecompressor();

  push(chunk: Buffer): SpdyFrame[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const frames: SpdyFrame[] = [];
    while (this.buffer.length >= 8) {
      const length = this.buffer.readUIntBE(5, 3);
      if (this.buffer.length < 8 + length) break;
      const frame = this.buffer.subarray(0, 8 + length);
      this.buffer = this.buffer.subarray(8 + length);
      frames.push(this.parse(frame));
    }
    return frames;
  }

  private parse(frame: Buffer): SpdyFrame {
    const flags = frame[4]!;
    if ((frame[0]! & 0x80) === 0) return { kind: 'data', streamId: frame.readUInt32BE(0) & 0x7fffffff, fin: (flags & FLAG_FIN) !== 0, data: frame.subarray(8) };
    const type = frame.readUInt16BE(2);
    switch (type) {
      case SYN_STREAM:
        return { kind: 'syn-stream', streamId: frame.readUInt32BE(8) & 0x7fffffff, fin: (flags & FLAG_FIN) !== 0, headers: decodeHeaderBlock(this.headers.decompress(frame.subarray(18))) };
      case SYN_REPLY:
      case HEADERS:
        // Their header blocks continue the same zlib stream: inflate to stay in step.
        this.headers.decompress(frame.subarray(12));
        return { kind: 'other', type };
      case RST_STREAM:
        return { kind: 'rst', streamId: frame.readUInt32BE(8) & 0x7fffffff, status: frame.readUInt32BE(12) };
      case PING:
        return { kind: 'ping', id: frame.readUInt32BE(8) };
      case GOAWAY:
        return { kind: 'goaway' };
      default:
        return { kind: 'other', type };
    }
  }
}

function controlFrame(type: number, flags: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt16BE(0x8000 | 3, 0);
  head.writeUInt16BE(type, 2);
  head[4] = flags;
  head.writeUIntBE(payload.length, 5, 3);
  return Buffer.concat([head, payload]);
}

/** Builds the server's frames; one per connection, since its header compressor is a stream. */
export class FrameWriter {
  private readonly headers = new HeaderCompressor();

  synReply(streamId: number, headers: Record<string, string> = {}): Buffer {
    return controlFrame(SYN_REPLY, 0, Buffer.concat([u32(streamId), this.headers.compress(encodeHeaderBlock(headers))]));
  }

  /** DATA frames (split to stay well under the 24-bit length), the last with FIN when `fin`. */
  data(streamId: number, data: Buffer, fin = false): Buffer {
    const frames: Buffer[] = [];
    const MAX = 32 * 1024;
    let at = 0;
    do {
      const part = data.subarray(at, at + MAX);
      at += part.length;
      const head = Buffer.alloc(8);
      head.writeUInt32BE(streamId & 0x7fffffff, 0);
      head[4] = fin && at >= data.length ? FLAG_FIN : 0;
      head.writeUIntBE(part.length, 5, 3);
      frames.push(head, part);
    } while (at < data.length);
    return Buffer.concat(frames);
  }

  rst(streamId: number, status = RST_CANCEL): Buffer {
    return controlFrame(RST_STREAM, 0, Buffer.concat([u32(streamId), u32(status)]));
  }

  ping(id: number): Buffer {
    return controlFrame(PING, 0, u32(id));
  }
}
