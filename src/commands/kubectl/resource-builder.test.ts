// The resource builder's rule for `-f`: what each document becomes (an object to act on, or
// kubectl's error for it), and how the verbs that use it print those errors. The expected texts
// were printed by the real kubectl 1.32 (against a dead server for the decode errors, and against
// `kubesim serve` where an object has to be fetched).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runScript } from '../script/run-script.ts';
import { memoryFiles } from './kustomize/test-files.ts';
import { checkErr, continueOnError, visitStream, type Visited } from './resource-builder.ts';
import { decodeUnstructured } from './unstructured-decode.ts';
import { goJsonMarshal } from './go-json-marshal.ts';

const ctx = { namespace: 'default', namespaceGiven: false };
const errorsOf = (visited: Visited[]) => visited.map((v) => ('error' in v ? v.error : `object ${v.object.info.kind} ${v.object.namespace}/${v.object.name}`));

describe('decodeUnstructured (metadataValidatingDecoder over UnstructuredJSONScheme)', () => {
  const message = (value: unknown, raw?: string) => {
    const d = decodeUnstructured(value, raw);
    return d.ok ? 'ok' : d.message;
  };

  it('refuses a document that is not an object, naming its JSON type', () => {
    expect(message('hello')).toBe('json: cannot unmarshal string into Go value of type unstructured.detector');
    expect(message(['a'])).toBe('json: cannot unmarshal array into Go value of type unstructured.detector');
    expect(message(4)).toBe('json: cannot unmarshal number into Go value of type unstructured.detector');
    expect(message(true)).toBe('json: cannot unmarshal bool into Go value of type unstructured.detector');
  });

  it('a kind that is not a non-empty string, or an apiVersion with two slashes, is a missing kind quoting the document', () => {
    expect(message({ metadata: { name: 'x' }, kind: 5, apiVersion: 'v1' })).toBe(`Object 'Kind' is missing in '{"apiVersion":"v1","kind":5,"metadata":{"name":"x"}}'`);
    expect(message({ apiVersion: 'v1', kind: '' })).toBe(`Object 'Kind' is missing in '{"apiVersion":"v1","kind":""}'`);
    expect(message({ apiVersion: 'v1' })).toBe(`Object 'Kind' is missing in '{"apiVersion":"v1"}'`);
    expect(message({ apiVersion: 'a/b/c', kind: 'Pod' })).toBe(`Object 'Kind' is missing in '{"apiVersion":"a/b/c","kind":"Pod"}'`);
    // JSON input is quoted as written, not re-marshalled.
    expect(message({ kind: 5 }, '{"kind": 5 }')).toBe(`Object 'Kind' is missing in '{"kind": 5 }'`);
  });

  it('then checks TypeMeta and ObjectMeta types, the first mistake in key order winning', () => {
    expect(message({ apiVersion: 1, kind: 'Pod' })).toBe('json: cannot unmarshal number into Go struct field metadataOnlyObject.apiVersion of type string');
    expect(message({ apiVersion: 'v1', kind: 'Pod', metadata: 5 })).toBe('json: cannot unmarshal number into Go struct field metadataOnlyObject.metadata of type v1.ObjectMeta');
    expect(message({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 5 } })).toBe('json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string');
    // YAML reaches the decoder with sorted keys: labels before name.
    expect(message({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 5, labels: ['a'] } })).toBe(
      'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string',
    );
    // JSON keeps its own order: name first.
    expect(message({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 5, labels: ['a'] } }, '{}')).toBe('json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string');
    expect(message({ apiVersion: 'v1', kind: 'Pod', metadata: { labels: { a: 1 } } })).toBe('json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string');
    expect(message({ apiVersion: 'v1', kind: 'Pod', metadata: { generation: 1.5 } })).toBe('json: cannot unmarshal number 1.5 into Go struct field ObjectMeta.metadata.generation of type int64');
    expect(message({ apiVersion: 'v1', kind: 'Pod', metadata: { uid: 5 } })).toBe('json: cannot unmarshal number into Go struct field ObjectMeta.metadata.uid of type types.UID');
    expect(message({ apiVersion: 'v1', kind: 'Pod', metadata: { finalizers: [1] } })).toBe('json: cannot unmarshal number into Go struct field ObjectMeta.metadata.finalizers of type string');
    // metav1.Time's own error stops the decoder, ahead of an earlier one.
    expect(message({ apiVersion: 'v1', kind: 'Pod', metadata: { annotations: { a: 1 }, creationTimestamp: 5 } })).toBe(
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string',
    );
    // Nulls and fields it does not know (or spelled in another case) are left alone.
    expect(message({ apiVersion: null, kind: 'Pod', metadata: { name: null, Name: 5, spec: 1 } })).toBe('ok');
  });

  it('reads a document with items as a list: items must be a list of objects; items without a kind take the list’s', () => {
    expect(message({ apiVersion: 'v1', kind: 'List', items: 5 })).toBe('json: cannot unmarshal number into Go struct field decodeList.items of type []json.RawMessage');
    expect(message({ apiVersion: 'v1', kind: 'List', items: ['x'] })).toBe('json: cannot unmarshal string into Go value of type map[string]interface {}');
    const d = decodeUnstructured({ apiVersion: 'v1', kind: 'PodList', items: [{ metadata: { name: 'a' } }, { apiVersion: 'v1', kind: 5 }] });
    expect(d.ok && d.objects.map((o) => [o.kind, o.apiVersion, o.name, o.itemError])).toEqual([
      ['Pod', 'v1', 'a', undefined],
      ['', 'v1', '', `unable to get type info from the object "*unstructured.Unstructured": Object 'Kind' is missing in 'object has no kind field '`],
    ]);
  });
});

describe('goJsonMarshal', () => {
  it('sorts keys and escapes as Go does', () => {
    expect(goJsonMarshal({ b: 1, a: ['<&>', 'é\u2028', '\b\f\n\u0001'], c: null, d: true })).toBe('{"a":["\\u003c\\u0026\\u003e","é\\u2028","\\b\\f\\n\\u0001"],"b":1,"c":null,"d":true}');
    expect(goJsonMarshal([1.5e-7, 1e21, 100, -0, 0.000001])).toBe('[1.5e-7,1e+21,100,-0,0.000001]');
  });
});

describe('visitStream', () => {
  it('skips empty and null documents, stops at a syntax error, and maps each object', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n---\nnull\n---\nkind: Foo\nmetadata: {name: f, namespace: n1}\n---\nkind: Foo\nmetadata: {namespace: n}\n---\na: b: c\n---\nkind: 6\n';
    expect(errorsOf(visitStream(ctx, 'x.yaml', text))).toEqual([
      'object ConfigMap default/a',
      'resource mapping not found for name: "f" namespace: "n1" from "x.yaml": no matches for kind "Foo" in version ""\nensure CRDs are installed first',
      // YAML 1.1, as go-yaml v2 reads it: `n` is a bool.
      'unable to decode "x.yaml": json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.namespace of type string',
      'error parsing x.yaml: error converting YAML to JSON: yaml: mapping values are not allowed in this context',
    ]);
  });

  it('a kind at another version does not map; cluster-scoped objects have no namespace; -n contradicted is an error of the object', () => {
    const text = 'apiVersion: apps/v1\nkind: Pod\nmetadata: {name: p}\n---\napiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv, namespace: x}\n---\nkind: ConfigMap\nmetadata: {name: c, namespace: other}\n';
    const visited = visitStream({ namespace: 'dev', namespaceGiven: true }, 'STDIN', text);
    expect(errorsOf(visited)).toEqual([
      'resource mapping not found for name: "p" namespace: "" from "STDIN": no matches for kind "Pod" in version "apps/v1"\nensure CRDs are installed first',
      'object PersistentVolume /pv',
      'object ConfigMap other/c',
    ]);
    const cm = visited[2]!;
    expect('object' in cm && [cm.object.unversioned, cm.object.namespaceError]).toEqual([
      true,
      `the namespace from the provided object "other" does not match the namespace "dev". You must pass '--namespace=other' to perform this operation.`,
    ]);
  });

  it('quotes JSON documents as written', () => {
    expect(errorsOf(visitStream(ctx, 'j.json', '{"kind": 5,\n "apiVersion":"v1"}\n{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"j"}}'))).toEqual([
      `unable to decode "j.json": Object 'Kind' is missing in '{"kind": 5,\n "apiVersion":"v1"}'`,
      'object ConfigMap default/j',
    ]);
  });
});

describe('checkErr and continueOnError', () => {
  it('a lone error gets `error: `, unless it is the server’s; several print one a line; a nested aggregate as [a, b]', () => {
    expect(checkErr([])).toBe('');
    expect(checkErr('boom')).toBe('error: boom\n');
    expect(checkErr([['boom']])).toBe('boom\n');
    expect(checkErr('Error from server (NotFound): x')).toBe('Error from server (NotFound): x\n');
    expect(checkErr(continueOnError([], ['a']))).toBe('error: a\n');
    expect(checkErr(continueOnError([], ['a', 'b']))).toBe('a\nb\n');
    expect(checkErr(continueOnError(['Error from server (NotFound): n'], ['a', 'b', 'a']))).toBe('Error from server (NotFound): n\n[a, b]\n');
    expect(checkErr(continueOnError(['e1', 'e2'], []))).toBe('e1\ne2\n');
  });
});

describe('verbs that take -f', () => {
  const FILES: Record<string, string> = {
    'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
    'dir/one.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
    'dir/sub/two.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n',
    'gone.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gone\n',
  };
  const run = (script: string) => runScript(`kubectl create configmap a\nkubectl create configmap b\n${script}`, { preset: 'kind', quiet: true, files: memoryFiles(FILES) });

  it('label -f and annotate -f change the objects the files name', () => {
    const r = run('kubectl label -f cm.yaml tier=web\nkubectl annotate -f cm.yaml note=hi\nkubectl get cm a -o jsonpath="{.metadata.labels.tier} {.metadata.annotations.note}"\n');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('configmap/a created\nconfigmap/b created\nconfigmap/a labeled\nconfigmap/a annotated\nweb hi');
  });

  it('describe -f describes them; -R reaches into subdirectories', () => {
    const flat = run('kubectl describe -f dir\n');
    expect(flat.stdout.match(/^Name: +\w+$/gm)).toEqual(['Name:         a']);
    const deep = run('kubectl describe -R -f dir\n');
    expect(deep.stdout.match(/^Name: +\w+$/gm)).toEqual(['Name:         a', 'Name:         b']);
    expect(deep.exitCode).toBe(0);
  });

  it('delete names the file an object came from, STDIN for -', () => {
    const r = run('cat gone.yaml | kubectl delete -f - -f cm.yaml -f gone.yaml\n');
    expect(r.stdout).toBe('configmap/a created\nconfigmap/b created\nconfigmap "a" deleted from default namespace\n');
    expect(r.stderr).toBe('Error from server (NotFound): error when deleting "STDIN": configmaps "gone" not found\nError from server (NotFound): error when deleting "gone.yaml": configmaps "gone" not found\n');
  });

  it('an undecodable document fails get -f (exit 1) and deletes nothing', () => {
    const r = run('kubectl get -f - <<EOF\nkind: 5\nEOF\nkubectl delete -f - <<EOF\napiVersion: 1\nkind: ConfigMap\nmetadata: {name: a}\nEOF\nkubectl get cm a -o name\n');
    expect(r.stderr).toBe(`unable to decode "STDIN": Object 'Kind' is missing in '{"kind":5}'\nerror: unable to decode "STDIN": json: cannot unmarshal number into Go struct field metadataOnlyObject.apiVersion of type string\n`);
    expect(r.stdout).toBe('configmap/a created\nconfigmap/b created\nconfigmap/a\n');
    expect(r.exitCode).toBe(1);
  });
});

describe('never throws', () => {
  it('on any value or text (seeded)', () => {
    const key = fc.constantFrom('apiVersion', 'kind', 'metadata', 'items', 'name', 'namespace', 'labels', 'generation', 'creationTimestamp', '__proto__', 'constructor');
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.jsonValue(), fc.dictionary(key, tie('v'), { maxKeys: 4 }), fc.array(tie('v'), { maxLength: 3 })),
    })).v;
    fc.assert(
      fc.property(value, (v) => {
        decodeUnstructured(v);
        decodeUnstructured(v, JSON.stringify(v));
        visitStream(ctx, 'f', JSON.stringify(v) ?? '');
      }),
      { seed: 10, numRuns: 400 },
    );
    fc.assert(fc.property(fc.string(), (t) => void visitStream(ctx, 'f', t)), { seed: 11, numRuns: 200 });
  });
});
