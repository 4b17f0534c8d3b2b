// The build context reader: ustar names with a prefix, PAX and GNU long names, gzip.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readTar } from './tar.ts';

function header(name: string, size: number, type: string, prefix = ''): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 'utf8');
  h.write(size.toString(8).padStart(11, '0') + '\0', 124, 'ascii');
  h.write(type, 156, 'ascii');
  h.write('ustar\x0000', 257, 'binary');
  h.write(prefix, 345, 'utf8');
  return h;
}

const padded = (text: string) => {
  const b = Buffer.from(text);
  return Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);
};

function entry(name: string, text: string, type = '0', prefix = ''): Buffer {
  return Buffer.concat([header(name, Buffer.byteLength(text), type, prefix), padded(text)]);
}

const end = Buffer.alloc(1024);

describe('readTar', () => {
  it('reads regular files, skips directories, and joins the ustar prefix', () => {
    const tar = Buffer.concat([entry('app/', '', '5'), entry('Dockerfile', 'FROM busybox\n'), entry('app.py', 'print(1)\n', '0', 'src'), end]);
    expect(readTar(tar)).toEqual([
      { path: 'Dockerfile', text: 'FROM busybox\n' },
      { path: 'src/app.py', text: 'print(1)\n' },
    ]);
  });

  it('takes long names from PAX records and GNU long-name entries', () => {
    const long = `${'d'.repeat(120)}/file.txt`;
    const record = (k: string, v: string) => {
      const body = ` ${k}=${v}\n`;
      let n = body.length + 2;
      if (String(n).length + body.length !== n) n = String(n + 1).length + body.length;
      return `${n}${body}`;
    };
    const tar = Buffer.concat([entry('PaxHeaders/x', record('path', long), 'x'), entry('short', 'pax'), entry('././@LongLink', `${long}2\0`, 'L'), entry('short', 'gnu'), end]);
    expect(readTar(tar)).toEqual([
      { path: long, text: 'pax' },
      { path: `${long}2`, text: 'gnu' },
    ]);
  });

  it('reads a gzipped context and strips a leading ./', () => {
    expect(readTar(gzipSync(Buffer.concat([entry('./Dockerfile', 'FROM alpine\n'), end])))).toEqual([{ path: 'Dockerfile', text: 'FROM alpine\n' }]);
  });
});
