// The data of `kubectl create configmap|secret generic`: `--from-file` (a file, `key=file`, or a
// directory whose regular files each become a key), `--from-literal=key=value`, and
// `--from-env-file` (KEY=VALUE lines), read and checked on the client as kubectl does
// (pkg/cmd/create/create_configmap.go, create_secret.go, pkg/util ParseFileSource and
// ParseLiteralSource, pkg/cmd/util/env_file.go), with its error texts.
import { goQuote } from '../../../engine/api/go-strings.ts';
import { configKeyErrors } from '../../../engine/manifest/validation/config.ts';
import type { FileSource } from '../../types.ts';
import { hasOwn, setOwn } from '../../../lib/own.ts';

export interface Sources {
  files: readonly string[];
  literals: readonly string[];
  envFiles: readonly string[];
}

/** Which object the data is for: the two commands word their key errors differently. */
export type Target = { kind: 'ConfigMap'; name: string } | { kind: 'Secret' };

/** The keys and values in the order kubectl adds them, or kubectl's error (without `error: `). */
export function collectData(src: Sources, target: Target, files: FileSource): { ok: true; data: Record<string, string> } | { ok: false; error: string } {
  if (src.envFiles.length > 0 && (src.files.length > 0 || src.literals.length > 0)) {
    return { ok: false, error: 'from-env-file cannot be combined with from-file or from-literal' };
  }
  const data: Record<string, string> = Object.create(null) as Record<string, string>;
  const add = (key: string, value: string): string | undefined => {
    const bad = configKeyErrors(key);
    if (target.kind === 'ConfigMap') {
      if (bad.length) return `${goQuote(key)} is not a valid key name for a ConfigMap: ${bad.join(',')}`;
      if (hasOwn(data, key)) return `cannot add key ${goQuote(key)}, another key by that name already exists in Data for ConfigMap ${goQuote(target.name)}`;
    } else {
      if (bad.length) return `${goQuote(key)} is not valid key name for a Secret ${bad.join(';')}`;
      if (hasOwn(data, key)) return `cannot add key ${key}, another key by that name already exists`;
    }
    setOwn(data, key, value);
    return undefined;
  };
  const fromFiles = () => addFiles(src.files, files, add);
  const fromLiterals = () => addLiterals(src.literals, add);
  // A ConfigMap takes files first, a Secret literals first: the order decides which duplicate is reported.
  const steps = target.kind === 'ConfigMap' ? [fromFiles, fromLiterals] : [fromLiterals, fromFiles];
  for (const step of steps) {
    const err = step();
    if (err) return { ok: false, error: err };
  }
  for (const envFile of src.envFiles) {
    const err = addEnvFile(envFile, target, files, add);
    if (err) return { ok: false, error: err };
  }
  return { ok: true, data };
}

type Add = (key: string, value: string) => string | undefined;

function addLiterals(literals: readonly string[], add: Add): string | undefined {
  for (const source of literals) {
    const eq = source.indexOf('=');
    if (eq <= 0) return `invalid literal source ${source}, expected key=value`;
    const err = add(source.slice(0, eq), source.slice(eq + 1));
    if (err) return err;
  }
  return undefined;
}

function addFiles(sources: readonly string[], files: FileSource, add: Add): string | undefined {
  for (const source of sources) {
    const parsed = parseFileSource(source);
    if ('error' in parsed) return parsed.error;
    const { key, path } = parsed;
    const text = files.read(path);
    if (text !== undefined) {
      const err = add(key, text);
      if (err) return err;
      continue;
    }
    const entries = files.list?.(path);
    if (entries === undefined) return `error reading ${path}: no such file or directory`;
    if (source.includes('=')) return 'cannot give a key name for a directory path';
    // os.ReadDir lists by name; only regular files become keys.
    for (const entry of [...entries].sort()) {
      const content = files.read(joinPath(path, entry));
      if (content === undefined) continue;
      const err = add(entry, content);
      if (err) return err;
    }
  }
  return undefined;
}

/** ParseFileSource: `path` (key: its base name) or `key=path`. */
function parseFileSource(source: string): { key: string; path: string } | { error: string } {
  const separators = source.split('=').length - 1;
  if (separators === 0) return { key: baseName(source), path: source };
  if (separators === 1 && source.startsWith('=')) return { error: `key name for file path ${source.slice(1)} missing` };
  if (separators === 1 && source.endsWith('=')) return { error: `file path for key name ${source.slice(0, -1)} missing` };
  if (separators > 1) return { error: "key names or file paths cannot contain '='" };
  const [key, path] = source.split('=') as [string, string];
  return { key, path };
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_NAME_MESSAGE =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

/**
 * AddFromEnvFile: one KEY=VALUE a line; blank lines and `#` comments skipped, leading blanks
 * trimmed, the value kept as written. A line with no `=` takes the variable from kubectl's own
 * environment, which in the playground holds nothing, so the value is empty.
 */
function addEnvFile(path: string, target: Target, files: FileSource, add: Add): string | undefined {
  const text = files.read(path);
  if (text === undefined) {
    if (files.list?.(path) !== undefined) return target.kind === 'ConfigMap' ? 'env config file cannot be a directory' : 'env secret file cannot be a directory';
    return `error reading ${path}: no such file or directory`;
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    // bufio.Scanner drops a line's trailing \r; the first line may start with a UTF-8 BOM.
    let line = lines[i]!.replace(/\r$/, '');
    if (i === 0) line = line.replace(/^\uFEFF/, '');
    line = line.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (!ENV_NAME.test(key)) return `${goQuote(key)} is not a valid key name: ${ENV_NAME_MESSAGE}`;
    const err = add(key, eq < 0 ? '' : line.slice(eq + 1));
    if (err) return err;
  }
  return undefined;
}

function baseName(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return p === '' ? '.' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}
