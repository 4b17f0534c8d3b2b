// `kubectl create secret docker-registry NAME --docker-username=… --docker-password=…
// [--docker-email=…] [--docker-server=…]` or `--from-file=[key=]config.json`
// (create_secret_docker.go): a kubernetes.io/dockerconfigjson Secret.
import type { AnyStored } from '../../../engine/index.ts';
import { base64Encode } from '../../../lib/base64.ts';
import type { KubectlContext } from '../context.ts';
import { flag } from '../flags.ts';
import { collectData } from './create-sources.ts';
import { splitSlice } from './create-imperative.ts';

const KEY = '.dockerconfigjson';

export function buildDockerRegistrySecret(ctx: KubectlContext, metadata: { name: string; namespace?: string }): { ok: true; object: AnyStored } | { ok: false; error: string } {
  // A file named without a key is the .dockerconfigjson.
  const files = splitSlice(ctx.flags.values['from-file']).map((f) => (f.includes('=') ? f : `${KEY}=${f}`));
  const username = flag(ctx.flags, 'docker-username') ?? '';
  const password = flag(ctx.flags, 'docker-password') ?? '';
  const email = flag(ctx.flags, 'docker-email') ?? '';
  const server = flag(ctx.flags, 'docker-server') ?? 'https://index.docker.io/v1/';
  if (files.length === 0 && (!username || !password || !server)) {
    return { ok: false, error: 'either --from-file or the combination of --docker-username, --docker-password and --docker-server is required' };
  }
  let data: Record<string, string>;
  if (files.length > 0) {
    const read = collectData({ files, literals: [], envFiles: [] }, { kind: 'Secret' }, ctx.input.files);
    if (!read.ok) return read;
    data = Object.fromEntries(Object.entries(read.data).map(([k, v]) => [k, base64Encode(v)]));
  } else {
    // encoding/json: struct fields in order, empty ones omitted, <, > and & escaped.
    const entry = { ...(username ? { username } : {}), ...(password ? { password } : {}), ...(email ? { email } : {}), auth: base64Encode(`${username}:${password}`) };
    const json = JSON.stringify({ auths: { [server]: entry } }).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
    data = { [KEY]: base64Encode(json) };
  }
  return { ok: true, object: { apiVersion: 'v1', kind: 'Secret', metadata, data, type: 'kubernetes.io/dockerconfigjson' } as AnyStored };
}
