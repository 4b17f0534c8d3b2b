// The files a script's commands read beside it (`kubectl apply -f web.yaml`, `--from-file=DIR`),
// for every kubesim subcommand that runs a script. Read-only, and only regular files: a device or
// a FIFO (`kubectl apply -f /dev/zero`) would never end, so it reads as absent, and a folder
// lists at most MAX_LISTED names (a script pointed at a huge folder must not stall the run).
import { readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FileSource } from '../commands/types.ts';
import { readRegularFile } from './read-file.ts';

export const MAX_LISTED = 1000;

/** The files under `base`; `onRead` hears each file read (export ships them beside run.sh). */
export function scriptFiles(base: string, onRead?: (path: string, text: string) => void): FileSource {
  return {
    read(p) {
      try {
        const text = readRegularFile(resolve(base, p));
        onRead?.(p, text);
        return text;
      } catch {
        return undefined;
      }
    },
    list(p) {
      try {
        const full = resolve(base, p);
        return statSync(full).isDirectory() ? readdirSync(full).sort().slice(0, MAX_LISTED) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
