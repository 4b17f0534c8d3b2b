// A minimal tar reader for `POST /build`'s context: the classic builder's client sends the
// context directory as a tar (Go's archive/tar: ustar headers, PAX records for long names, GNU
// long names from other tools), optionally gzipped. Only regular files matter to the build.
import { gunzipSync } from 'node:zlib';

export interface TarFile {
  path: string;
  text: string;
}

/** An entry of a tar: a file with its text, or a directory (what `docker cp` into a container extracts). */
export interface TarEntry {
  path: string;
  type: 'file' | 'dir';
  text: string;
  mode: number;
}

const BLOCK = 512;

function cString(buf: Buffer, start: number, length: number): string {
  const field = buf.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? field.length : end).toString('utf8');
}

/** Octal numeric fields (space or NUL terminated). */
function octal(buf: Buffer, start: number, length: number): number {
  const text = cString(buf, start, length).trim();
  return text ? parseInt(text, 8) : 0;
}

/** PAX extended header records: `LEN key=value\n`. */
function paxRecords(data: Buffer): Record<string, string> {
  const records: Record<string, string> = Object.create(null) as Record<string, string>;
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space < 0) break;
    const length = parseInt(data.subarray(at, space).toString('ascii'), 10);
    if (!(length > 0)) break;
    const record = data.subarray(space + 1, at + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) records[record.slice(0, eq)] = record.slice(eq + 1);
    at += length;
  }
  return records;
}

/** The regular files of a tar (or tar.gz), paths without a leading `./`. */
export function readTar(input: Buffer): TarFile[] {
  return readTarEntries(input)
    .filter((e) => e.type === 'file')
    .map((e) => ({ path: e.path, text: e.text }));
}

/** Files and directories of a tar (or tar.gz), paths without a leading `./` or a trailing `/`. */
export function readTarEntries(input: Buffer): TarEntry[] {
  const data = input.length >= 2 && input[0] === 0x1f && input[1] === 0x8b ? gunzipSync(input) : input;
  const files: TarEntry[] = [];
  let longName: string | undefined;
  let paxPath: string | undefined;
  for (let at = 0; at + BLOCK <= data.length; ) {
    const header = data.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) break;
    const size = octal(header, 124, 12);
    const type = String.fromCharCode(header[156] || 0x30);
    const body = data.subarray(at + BLOCK, at + BLOCK + size);
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L') {
      longName = cString(body, 0, body.length);
      continue;
    }
    if (type === 'x') {
      paxPath = paxRecords(body)['path'];
      continue;
    }
    const prefix = cString(header, 345, 155);
    const name = paxPath ?? longName ?? (prefix ? `${prefix}/${cString(header, 0, 100)}` : cString(header, 0, 100));
    longName = paxPath = undefined;
    const path = name.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
    const mode = octal(header, 100, 8) & 0o7777;
    if (type === '0' || type === '\0' || type === '7') files.push({ path, type: 'file', text: body.toString('utf8'), mode });
    else if (type === '5') files.push({ path: path || '.', type: 'dir', text: '', mode });
  }
  return files;
}

function ustarHeader(name: string, size: number, type: '0' | '5', mode: number, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  h.write(mode.toString(8).padStart(7, '0') + '\0', 100, 'ascii');
  h.write('0000000\0', 108, 'ascii');
  h.write('0000000\0', 116, 'ascii');
  h.write(size.toString(8).padStart(11, '0') + '\0', 124, 'ascii');
  h.write(Math.floor(mtime / 1000).toString(8).padStart(11, '0') + '\0', 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(type, 156, 'ascii');
  h.write('ustar\x0000', 257, 'binary');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return h;
}

/** A tar of `entries` (what `docker cp` out of a container receives); a name over 100 bytes goes in a GNU long-name entry. */
export function writeTar(entries: readonly { path: string; type: 'file' | 'dir'; data?: Buffer; mode: number }[], mtime: number): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const name = e.type === 'dir' ? `${e.path}/` : e.path;
    const data = e.data ?? Buffer.alloc(0);
    if (Buffer.byteLength(name) > 100) {
      const long = Buffer.from(name + '\0');
      parts.push(ustarHeader('././@LongLink', long.length, '0', 0o644, mtime), long, Buffer.alloc((BLOCK - (long.length % BLOCK)) % BLOCK));
      parts[parts.length - 3]!.write('L', 156, 'ascii');
      fixChecksum(parts[parts.length - 3]!);
    }
    parts.push(ustarHeader(name.slice(0, 100), e.type === 'dir' ? 0 : data.length, e.type === 'dir' ? '5' : '0', e.mode, mtime));
    if (e.type === 'file') parts.push(data, Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK));
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(parts);
}

function fixChecksum(h: Buffer): void {
  h.write('        ', 148, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
}
