// `kubectl cp`'s file specifications and path arithmetic (pkg/cmd/cp/filespec.go): a trailing
// slash is dropped, `ns/pod:path` names a container's file, anything without a colon is local.
// Remote paths are POSIX paths; the script host is Linux too, so local ones follow the same rules.

export interface FileSpec {
  pod?: string;
  namespace?: string;
  file: string;
}

const FORMAT_ERROR = 'filespec must match the canonical format: [[namespace/]pod:]file/path';

export function extractFileSpec(arg: string): { ok: true; spec: FileSpec } | { ok: false; error: string } {
  const i = arg.indexOf(':');
  if (i === 0) return { ok: false, error: FORMAT_ERROR };
  if (i === -1) return { ok: true, spec: { file: stripTrailingSlash(arg) } };
  const pieces = arg.slice(0, i).split('/');
  const file = stripTrailingSlash(arg.slice(i + 1).replace(/\\/g, '/'));
  if (pieces.length === 1) return { ok: true, spec: { pod: pieces[0]!, file } };
  if (pieces.length === 2) return { ok: true, spec: { namespace: pieces[0]!, pod: pieces[1]!, file } };
  return { ok: false, error: FORMAT_ERROR };
}

function stripTrailingSlash(file: string): string {
  return file !== '/' && file.endsWith('/') ? file.slice(0, -1) : file;
}

/** Go's path.Clean. */
export function clean(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

/** Go's path.Dir. */
export function dir(p: string): string {
  const i = p.lastIndexOf('/');
  return clean(i < 0 ? '' : p.slice(0, i + 1));
}

/** Go's path.Base. */
export function base(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Go's path.Join. */
export function join(a: string, b: string): string {
  if (a === '' && b === '') return '';
  return clean(a === '' ? b : b === '' ? a : `${a}/${b}`);
}

export const remoteDir = (p: string) => stripTrailingSlash(dir(p));
export const remoteBase = (p: string) => stripTrailingSlash(base(p));
export const remoteJoin = (a: string, b: string) => stripTrailingSlash(join(a, b));
export const localClean = (p: string) => stripTrailingSlash(clean(p));
export const localBase = (p: string) => stripTrailingSlash(base(p));
export const localJoin = (a: string, b: string) => stripTrailingSlash(join(a, b));
