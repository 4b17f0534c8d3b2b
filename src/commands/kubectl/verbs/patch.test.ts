// `kubectl patch`: strategic merge (the default), merge and JSON patches through the write door,
// with kubectl's and the API server's words for each failure.
import { describe, expect, it } from 'vitest';
import { getObject, readerOf } from '../../../engine/index.ts';
import { runScript } from '../../script/run-script.ts';

const FILES: Record<string, string> = {
  'replicas.yaml': 'spec:\n  replicas: 4\n',
  'pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n',
};
const run = (script: string) =>
  runScript(`kubectl create deployment web --image=nginx:1.27\nkubectl run box --image=busybox:1.36 -- sleep 3600\n${script}`, { preset: 'kind', quiet: true, files: { read: (p) => FILES[p] } });
const deployment = (r: ReturnType<typeof run>) => {
  const d = getObject(readerOf(r.state), 'Deployment', 'default', 'web');
  if (!d.ok) throw new Error('no deployment');
  return d.value;
};
const HEAD = 'deployment.apps/web created\npod/box created\n';

describe('kubectl patch --type strategic (the default)', () => {
  it('changes a pod\'s image by merging its containers by name: the defaulted fields and the token mount stay, so the server allows it', () => {
    const r = run(`kubectl patch pod box -p '{"spec":{"containers":[{"name":"box","image":"busybox:1.37"}]}}'\nkubectl patch pod box -p '{"spec":{"containers":[{"name":"box","image":"busybox:1.37"}]}}'\n`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${HEAD}pod/box patched\npod/box patched (no change)\n`);
    const pod = getObject(readerOf(r.state), 'Pod', 'default', 'box');
    expect(pod.ok && pod.value.spec?.containers[0]?.image).toBe('busybox:1.37');
    expect(pod.ok && pod.value.spec?.containers[0]?.volumeMounts?.[0]?.mountPath).toBe('/var/run/secrets/kubernetes.io/serviceaccount');
  });

  it('the same list as a merge patch replaces the container, and the pod update is Forbidden', () => {
    const r = run(`kubectl patch pod box --type merge -p '{"spec":{"containers":[{"name":"box","image":"busybox:1.37"}]}}'\n`);
    expect(r.stderr).toMatch(/^The Pod "box" is invalid: spec: Forbidden: pod updates may not change fields other than/);
  });

  it('merges env by name in a template, new entries first; $patch: delete removes one', () => {
    const r = run(
      [
        `kubectl patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","env":[{"name":"A","value":"1"}]}]}}}}'`,
        `kubectl patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","env":[{"name":"B","value":"2"}]}]}}}}'`,
      ].join('\n') + '\n',
    );
    expect(deployment(r).spec?.template.spec?.containers[0]?.env).toEqual([{ name: 'B', value: '2' }, { name: 'A', value: '1' }]);
    const d = run(`kubectl patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","env":[{"name":"A","value":"1"}]}]}}}}'\nkubectl patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","env":[{"name":"A","$patch":"delete"}]}]}}}}'\n`);
    expect(deployment(d).spec?.template.spec?.containers[0]?.env ?? []).toEqual([]);
  });

  it('reads YAML, from --patch-file too; prints -o; a dry run keeps nothing', () => {
    const r = run(`kubectl patch deploy web --patch-file replicas.yaml -o jsonpath='{.spec.replicas}'\nkubectl patch deploy web -p 'spec: {replicas: 2}' --dry-run=server\nkubectl patch deploy web -p '{"spec":{"replicas":3}}' --dry-run=client -o name\n`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${HEAD}4deployment.apps/web patched\ndeployment.apps/web\n`);
    expect(deployment(r).spec?.replicas).toBe(4);
  });

  it('an unknown field is dropped with a warning; a wrong type is Invalid, worded by the converter', () => {
    const r = run(`kubectl patch deploy web -p '{"spec":{"replica":4}}'\nkubectl patch deploy web -p '{"spec":{"replicas":"two"}}'\nkubectl patch deploy web -p '{"metadata":{"labels":{"app":5}}}'\n`);
    expect(r.stdout).toBe(`${HEAD}deployment.apps/web patched (no change)\n`);
    expect(r.stderr).toBe(
      [
        'Warning: unknown field "spec.replica"',
        'The request is invalid: patch: Invalid value: "map[spec:map[replicas:two]]": unrecognized type: int32',
        'The request is invalid: patch: Invalid value: "map[metadata:map[labels:map[app:5]]]": cannot convert int64 to string',
        '',
      ].join('\n'),
    );
  });

  it('finalizers merge as a set, and `"finalizers": null` lets a Terminating claim go', () => {
    const r = run(
      [
        'kubectl create -f pvc.yaml',
        `kubectl patch pvc data -p '{"metadata":{"finalizers":["example.com/keep"]}}'`,
        `kubectl get pvc data -o jsonpath='{.metadata.finalizers}'`,
        'kubectl delete pvc data --wait=false',
        `kubectl patch pvc data -p '{"metadata":{"finalizers":null}}'`,
        'kubectl get pvc data',
      ].join('\n') + '\n',
    );
    expect(r.stdout).toContain('persistentvolumeclaim/data patched\n["example.com/keep","kubernetes.io/pvc-protection"]');
    expect(r.stderr).toBe('Error from server (NotFound): persistentvolumeclaims "data" not found\n');
  });

  it("kubectl's and the server's errors", () => {
    const r = run(
      [
        `kubectl patch deploy web`,
        `kubectl patch deploy web -p '{}' --patch-file replicas.yaml`,
        `kubectl patch deploy web -p '{}' --type foo`,
        `kubectl patch deploy nope -p '{"spec":{}}'`,
        `kubectl patch deploy web -p '{"spec":'`,
        `kubectl patch deploy web -p 'spec: ['`,
        `kubectl patch deploy web --patch-file missing.yaml`,
        `kubectl patch deploy web -p '[1]'`,
        `kubectl patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}'`,
        `kubectl patch deploy web -p '{"metadata":{"name":"other"}}'`,
      ].join('\n') + '\n',
    );
    expect(r.stderr).toBe(
      [
        'error: must specify --patch or --patch-file containing the contents of the patch',
        'error: cannot specify --patch and --patch-file together',
        'error: --type must be one of [json merge strategic], not "foo"',
        'Error from server (NotFound): deployments.apps "nope" not found',
        'Error from server (BadRequest): invalid JSON patch',
        'error: unable to parse "spec: [": yaml: line 1: did not find expected node content',
        'error: unable to read patch file: open missing.yaml: no such file or directory',
        'Error from server (BadRequest): json: cannot unmarshal array into Go value of type map[string]interface {}',
        'Error from server: map: map[image:x] does not contain declared merge key: name',
        'Error from server (BadRequest): the name of the object (other) does not match the name on the URL (web)',
        '',
      ].join('\n'),
    );
  });
});

describe('kubectl patch --type json', () => {
  it('applies RFC 6902 operations', () => {
    const r = run(`kubectl patch deploy web --type json -p '[{"op":"replace","path":"/spec/replicas","value":3},{"op":"add","path":"/metadata/annotations/example.com~1owner","value":"a"}]'\n`);
    expect(r.stdout).toBe(`${HEAD}deployment.apps/web patched\n`);
    expect(deployment(r).spec?.replicas).toBe(3);
    expect(deployment(r).metadata.annotations?.['example.com/owner']).toBe('a');
  });

  it('a failing operation is a 422 the server words only generally; kubectl itself (client dry run) says more', () => {
    const r = run(
      [
        `kubectl patch deploy web --type json -p '[{"op":"test","path":"/spec/replicas","value":5}]'`,
        `kubectl patch deploy web --type json -p '[{"op":"replace","path":"/spec/template/spec/containers/4","value":{}}]' --dry-run=client`,
        `kubectl patch deploy web --type json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"x"}]' --dry-run=client -o jsonpath='{.spec.template.spec.containers[0].image}'`,
        `kubectl patch deploy web --type json -p '{"op":"add"}'`,
      ].join('\n') + '\n',
    );
    expect(r.stderr).toBe(
      [
        'The request is invalid: the server rejected our request due to an error in our request',
        'error: Object to be patched is missing field (/spec/template/spec/containers/4: missing value)',
        'Error from server (BadRequest): error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp',
        '',
      ].join('\n'),
    );
    expect(r.stdout).toBe(`${HEAD}x`);
    expect(deployment(r).spec?.template.spec?.containers[0]?.image).toBe('nginx:1.27');
  });
});
