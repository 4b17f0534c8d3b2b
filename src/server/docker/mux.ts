// The Engine API's multiplexed stream (moby's stdcopy): what `docker logs`, `exec` and `attach`
// read when the container has no TTY. Each frame is an 8-byte header (stream 1 stdout, 2 stderr;
// three zero bytes; the payload's length as a big-endian uint32), then the payload.
import type { ShellResult } from '../../engine/index.ts';

export const MULTIPLEXED = 'application/vnd.docker.multiplexed-stream';
export const RAW_STREAM = 'application/vnd.docker.raw-stream';

export function frame(stream: 'stdout' | 'stderr', text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const header = Buffer.alloc(8);
  header[0] = stream === 'stdout' ? 1 : 2;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

/** A command's output as frames, in the order it wrote its streams. */
export function frames(output: ShellResult): Buffer {
  const chunks = output.chunks ?? [
    { stream: 'stdout' as const, text: output.stdout },
    { stream: 'stderr' as const, text: output.stderr },
  ];
  return Buffer.concat(chunks.filter((c) => c.text !== '').map((c) => frame(c.stream, c.text)));
}

/** Reads frames back (tests, and anything that checks what a client receives). */
export function demux(data: Buffer): { stream: 'stdout' | 'stderr'; text: string }[] {
  const out: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  for (let at = 0; at + 8 <= data.length; ) {
    const size = data.readUInt32BE(at + 4);
    out.push({ stream: data[at] === 2 ? 'stderr' : 'stdout', text: data.subarray(at + 8, at + 8 + size).toString('utf8') });
    at += 8 + size;
  }
  return out;
}
