// `kubectl explain RESOURCE[.field.path] [--recursive] [--api-version=GROUP/VERSION]`: the
// documentation of a kind or a field, from the schema the editor bundles (pkg/cmd/explain,
// pkg/explain: resource and field path split as SplitAndParseResourceRequest… splits them).
import { KINDS, resolveResource, type KindInfo } from '../../../engine/index.ts';
import schema from '../../../engine/manifest/schema/kubernetes.schema.json' with { type: 'json' };
import { output, type CommandOutput } from '../../types.ts';
import { flag, isSet } from '../flags.ts';
import type { KubectlContext } from '../context.ts';
import { renderExplain, type Definitions } from './explain-render.ts';

const DEFINITIONS = (schema as unknown as { definitions: Definitions }).definitions;
/** The group/versions the simulated API server serves (its /api/v1 and /apis/G/V OpenAPI paths). */
const SERVED_GROUP_VERSIONS = new Set(Object.values(KINDS).map((k) => k.apiVersion));

export function explainVerb(ctx: KubectlContext): CommandOutput {
  const fail = (message: string) => output(ctx.state, { stderr: message.endsWith('\n') ? message : message + '\n', exitCode: 1 });
  const args = ctx.flags.args;
  // ExplainOptions.Validate; its messages end in a newline of their own, and CheckErr adds none.
  if (args.length === 0) {
    return fail('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
  }
  if (args.length > 1) return fail('error: We accept only this format: explain RESOURCE\n');
  const format = flag(ctx.flags, 'output') ?? 'plaintext';
  const request = splitResource(args[0]!);
  if (!request.ok) return fail(`error: ${request.error}`);
  const { info, fieldPath } = request;
  let group = info.group;
  let version = info.apiVersion.slice(info.apiVersion.indexOf('/') + 1);
  const apiVersion = flag(ctx.flags, 'api-version') ?? '';
  if (apiVersion !== '') {
    const parts = apiVersion.split('/');
    if (parts.length > 2) return fail(`error: unexpected GroupVersion string: ${apiVersion}`);
    [group, version] = parts.length === 2 ? [parts[0]!, parts[1]!] : ['', parts[0]!];
  }
  if (format !== 'plaintext' && format !== 'plaintext-openapiv2') return fail(`error: unrecognized format: ${format}`);
  const gvr = `${group}/${version}, Resource=${info.plural}`;
  if (!SERVED_GROUP_VERSIONS.has(group ? `${group}/${version}` : version)) return fail(`error: couldn't find resource for "${gvr}"`);
  // The OpenAPI document of that group/version has no path for this resource.
  if (group !== info.group || `${group ? `${group}/` : ''}${version}` !== info.apiVersion) return fail(`error: GVR (${gvr}) not found in OpenAPI schema`);
  const result = renderExplain(DEFINITIONS, { group, kind: info.kind, version, fieldPath, recursive: isSet(ctx.flags, 'recursive'), maxDepth: 0 });
  if (!result.ok) return fail(result.error);
  return output(ctx.state, { stdout: result.text });
}

type Split = { ok: true; info: KindInfo; fieldPath: string[] } | { ok: false; error: string };

/**
 * `pods`, `pod.spec.volumes`, `deployments.apps.spec`: the first segment names the resource as
 * `get` resolves it; the path is what follows, or what follows `<plural>.<group>` when the text
 * starts with the resource's group-qualified name (kubectl's "matching prefix"). So
 * `deploy.apps.spec` looks for a field `apps`, as kubectl does.
 */
function splitResource(text: string): Split {
  const segments = text.split('.');
  const info = resolveResource(segments[0]!);
  if (!info || segments[0] === '') return { ok: false, error: `the server doesn't have a resource type "${segments[0]}"` };
  const qualified = info.group ? `${info.plural}.${info.group}` : info.plural;
  if (info.group && text.startsWith(qualified)) {
    return { ok: true, info, fieldPath: text.slice(qualified.length).split('.').filter(Boolean) };
  }
  return { ok: true, info, fieldPath: segments.slice(1).filter(Boolean) };
}
