// Reading a file the user named, for the CLI: only a regular file is read. A device or a FIFO
// (`/dev/zero`, `/dev/stdin` of a terminal) would never end or never fill, and a folder fails
// with Node's EISDIR; both are refused at once with the code fsReason (fs-reason.ts) words.
import { readFileSync, statSync } from 'node:fs';

export function readRegularFile(path: string): string {
  const st = statSync(path);
  if (st.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: 'EISDIR' });
  if (!st.isFile()) throw Object.assign(new Error(`not a regular file: ${path}`), { code: 'ENOTREG' });
  return readFileSync(path, 'utf8');
}
