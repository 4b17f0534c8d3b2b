// Builds proto-fields.json: for each Go struct of the API groups we serve, its protobuf field
// numbers with the JSON name, Go type and JSON options, read from the struct tags of the
// k8s.io/api and k8s.io/apimachinery sources (facts of the wire format, not code). The typed
// clients inside kubectl send protobuf bodies (`kubectl create configmap`, `drain`); the server
// turns them into JSON with this table (decode.ts).
//
// Run: npx tsx src/server/proto/generate.ts API_REPO APIMACHINERY_REPO
// where each is a git directory of github.com/kubernetes/api and …/apimachinery (read at HEAD).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [apiRepo, machineryRepo] = process.argv.slice(2);
if (!apiRepo || !machineryRepo) throw new Error('usage: generate.ts API_REPO APIMACHINERY_REPO');

/** Our package key for each Go import path. */
const PACKAGES: Record<string, string> = {
  'k8s.io/api/core/v1': 'core',
  'k8s.io/api/apps/v1': 'apps',
  'k8s.io/api/batch/v1': 'batch',
  'k8s.io/api/storage/v1': 'storage',
  'k8s.io/api/discovery/v1': 'discovery',
  'k8s.io/api/policy/v1': 'policy',
  'k8s.io/apimachinery/pkg/apis/meta/v1': 'meta',
  'k8s.io/apimachinery/pkg/api/resource': 'resource',
  'k8s.io/apimachinery/pkg/util/intstr': 'intstr',
  'k8s.io/apimachinery/pkg/types': 'types',
  'k8s.io/apimachinery/pkg/runtime': 'runtime',
};

const SOURCES: [string, string, string][] = [
  [apiRepo, 'core/v1/types.go', 'core'],
  [apiRepo, 'apps/v1/types.go', 'apps'],
  [apiRepo, 'batch/v1/types.go', 'batch'],
  [apiRepo, 'storage/v1/types.go', 'storage'],
  [apiRepo, 'discovery/v1/types.go', 'discovery'],
  [apiRepo, 'policy/v1/types.go', 'policy'],
  [machineryRepo, 'pkg/apis/meta/v1/types.go', 'meta'],
];

export interface ProtoField {
  /** JSON name; absent for an inline (embedded) struct whose fields join its parent's. */
  json?: string;
  /** Go type with package keys: `string`, `*int32`, `[]core.Container`, `map[string][]byte`, `meta.Time`. */
  type: string;
  omitempty?: true;
}

const structs: Record<string, Record<string, ProtoField>> = {};
const named: Record<string, string> = {};
const GO_BUILTINS = new Set(['string', 'bool', 'byte', 'int', 'int32', 'int64', 'uint32', 'uint64', 'float32', 'float64']);

for (const [repo, path, pkg] of SOURCES) {
  const text = execFileSync('git', ['-C', join(repo), 'show', `HEAD:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const aliases: Record<string, string> = {};
  for (const m of text.matchAll(/^\s*(\w+)?\s*"([^"]+)"$/gm)) {
    const key = PACKAGES[m[2]!];
    if (key) aliases[m[1] ?? m[2]!.split('/').pop()!] = key;
  }
  const qualify = (t: string): string =>
    t.replace(/(\*|\[\]|map\[|\]|^)([A-Za-z_][\w.]*)/g, (_m, pre: string, name: string) => {
      if (name.includes('.')) {
        const [alias, rest] = name.split('.') as [string, string];
        return `${pre}${aliases[alias] ?? alias}.${rest}`;
      }
      return `${pre}${GO_BUILTINS.has(name) ? name : `${pkg}.${name}`}`;
    });
  let current: Record<string, ProtoField> | undefined;
  for (const line of text.split('\n')) {
    const open = /^type (\w+) struct \{$/.exec(line);
    if (open) {
      current = structs[`${pkg}.${open[1]}`] = {};
      continue;
    }
    if (current && line === '}') {
      current = undefined;
      continue;
    }
    if (!current) {
      const alias = /^type (\w+) =? ?([\w.*[\]]+)$/.exec(line.replace(' = ', ' '));
      if (alias) named[`${pkg}.${alias[1]}`] = qualify(alias[2]!);
      continue;
    }
    const field = /^\t(?:(\w+)\s+)?([\w.*[\]]+)\s+`([^`]*)`/.exec(line);
    if (!field) continue;
    const tags = field[3]!;
    const proto = /protobuf:"(\w+),(\d+),/.exec(tags);
    if (!proto) continue;
    const json = /json:"([^"]*)"/.exec(tags)?.[1] ?? '';
    const [jsonName, ...opts] = json.split(',');
    current[proto[2]!] = {
      ...(opts.includes('inline') || !jsonName ? {} : { json: jsonName }),
      type: qualify(field[2]!),
      ...(opts.includes('omitempty') ? { omitempty: true as const } : {}),
    };
  }
}

writeFileSync(new URL('./proto-fields.json', import.meta.url), JSON.stringify({ structs, named }) + '\n');
console.log(`${Object.keys(structs).length} structs, ${Object.keys(named).length} named types`);
