// kustomize builds compared with what real `kubectl kustomize` (kustomize v5.5.0) printed for the
// same folders, and its errors word for word.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kustomizeBuild } from './build.ts';
import { renderYaml } from './sources.ts';
import { memoryFiles } from './test-files.ts';

const build = (tree: Record<string, string>, target = '.') => {
  const r = kustomizeBuild(memoryFiles(tree), target);
  return r.ok ? renderYaml(r.objects) : `ERR ${r.error}`;
};

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
        envFrom:
        - configMapRef: {name: app-config}
        - secretRef: {name: creds}
---
apiVersion: v1
kind: Namespace
metadata:
  name: zz
`;

describe('kustomize build', () => {
  it('generates hashed ConfigMaps and Secrets, prefixes names, fixes references, and orders kinds legacy-style', () => {
    const out = build({
      'kustomization.yaml': 'namePrefix: my-\nresources:\n- deploy.yaml\nconfigMapGenerator:\n- name: app-config\n  literals:\n  - color=blue\n  - greeting=hello <world> & "friends"\nsecretGenerator:\n- name: creds\n  literals:\n  - password=s3cr3t\n',
      'deploy.yaml': DEPLOY,
    });
    expect(out).toBe(`apiVersion: v1
kind: Namespace
metadata:
  name: zz
---
apiVersion: v1
data:
  color: blue
  greeting: hello <world> & "friends"
kind: ConfigMap
metadata:
  name: my-app-config-t8h2k7tfc9
---
apiVersion: v1
data:
  password: czNjcjN0
kind: Secret
metadata:
  name: my-creds-25k92892fb
type: Opaque
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: my-app-config-t8h2k7tfc9
        - secretRef:
            name: my-creds-25k92892fb
        image: nginx
        name: web
`);
  });

  it('reads files (key=path too), env files, options; wraps long Secret data; a base directory gets its namespace', () => {
    const out = build({
      'kustomization.yaml': `resources:
- base
- pod.yaml
generatorOptions:
  labels:
    gen: "yes"
  annotations:
    note: hi
configMapGenerator:
- name: files
  files:
  - conf/nginx.conf
  - site=conf/nginx.conf
- name: env
  envs:
  - app.env
- name: plain
  options:
    disableNameSuffixHash: true
  literals:
  - x=1
secretGenerator:
- name: long
  type: kubernetes.io/tls
  literals:
  - tls.crt=${'a'.repeat(94)}
  - tls.key=k
`,
      'conf/nginx.conf': 'server {\n  listen 80;\n}\n',
      'app.env': '# comment\nA=1\nB= two words \nexport C=3\nD\n\nE="q"\n',
      'base/kustomization.yaml': 'namespace: team\nresources:\n- pvc.yaml\n',
      'base/pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n',
      'pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: busybox
    env:
    - name: X
      valueFrom:
        configMapKeyRef: {name: env, key: A}
  volumes:
  - name: v
    projected:
      sources:
      - configMap: {name: files}
      - secret: {name: long}
`,
    });
    // Names as real kubectl kustomize printed them for this folder.
    expect(out).toContain('  name: env-mt864f5tft\n');
    expect(out).toContain('  name: files-2hhh6bm796\n');
    expect(out).toContain('  name: plain\n');
    expect(out).toContain('  name: long-459dk952g8\n');
    expect(out).toContain('  tls.crt: |\n    YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYW\n    FhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYQ==\n');
    expect(out).toContain(`data:\n  A: "1"\n  B: ' two words '\n  D: ""\n  E: '"q"'\n  export C: "3"\n`);
    expect(out).toContain('metadata:\n  annotations:\n    note: hi\n  labels:\n    gen: "yes"\n  name: plain\n');
    expect(out).toContain('  name: data\n  namespace: team\n');
    expect(out).toContain('          name: env-mt864f5tft\n');
    expect(out).toContain('      - configMap:\n          name: files-2hhh6bm796\n      - secret:\n          name: long-459dk952g8\n');
    // ConfigMaps, then the Secret, then the claim, then the Pod (a kind outside the legacy list).
    expect([...out.matchAll(/^kind: (\w+)$/gm)].map((m) => m[1])).toEqual(['ConfigMap', 'ConfigMap', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'Pod']);
  });

  it('an overlay merges into its base\'s generated ConfigMap; its prefix and labels reach the base\'s objects', () => {
    const out = build(
      {
        'base/kustomization.yaml': 'configMapGenerator:\n- name: bob\n  literals:\n  - fruit=Indian Gooseberry\n  - year=2020\n  - crisis=true\n',
        'overlay/kustomization.yaml': 'namePrefix: dev-\ncommonLabels:\n  env: dev\nresources:\n- ../base\n- web.yaml\nconfigMapGenerator:\n- name: bob\n  behavior: merge\n  literals:\n  - month=12\n',
        'overlay/web.yaml': DEPLOY.split('---\n')[0]!.replace('{name: app-config}', '{name: bob}'),
      },
      'overlay',
    );
    // krusty's TestGeneratorIntVsStringWithMerge gives bob-bk46gm59c6 for the merged data.
    expect(out).toContain('  name: dev-bob-bk46gm59c6\n');
    expect(out).toContain('        - configMapRef:\n            name: dev-bob-bk46gm59c6\n');
    expect(out).toContain('  selector:\n    matchLabels:\n      app: web\n      env: dev\n');
    expect(out).toContain('  template:\n    metadata:\n      labels:\n        app: web\n        env: dev\n');
  });

  it('labels, annotations and keys named like Object.prototype are ordinary', () => {
    const out = build({ 'kustomization.yaml': 'commonLabels:\n  __proto__: x\ncommonAnnotations:\n  constructor: v\nconfigMapGenerator:\n- name: c\n  literals:\n  - __proto__=z\n' });
    expect(out).toContain('data:\n  __proto__: z\n');
    expect(out).toContain('metadata:\n  annotations:\n    constructor: v\n  labels:\n    __proto__: x\n');
  });

  it('the same data under another name gets the same suffix', () => {
    const cm = 'configMapGenerator:\n- name: bob\n  literals:\n  - a=b\n';
    expect(build({ 'kustomization.yaml': cm })).toContain('name: bob-4h2mbtbbt6\n');
    expect(build({ 'kustomization.yaml': `namePrefix: x-\n${cm}` })).toContain('name: x-bob-4h2mbtbbt6\n');
  });

  it.each([
    ['missing resource', { 'kustomization.yaml': 'resources:\n- missing.yaml\n' }, "accumulating resources: accumulation err='accumulating resources from 'missing.yaml': evalsymlink failure on '/home/learner/missing.yaml' : lstat /home/learner/missing.yaml: no such file or directory': must build at directory: not a valid directory: evalsymlink failure on '/home/learner/missing.yaml' : lstat /home/learner/missing.yaml: no such file or directory"],
    ['missing file source', { 'kustomization.yaml': 'configMapGenerator:\n- name: a\n  files:\n  - nofile.txt\n' }, "loading KV pairs: file sources: [nofile.txt]: evalsymlink failure on '/home/learner/nofile.txt' : lstat /home/learner/nofile.txt: no such file or directory"],
    ['missing env file', { 'kustomization.yaml': 'configMapGenerator:\n- name: a\n  envs:\n  - no.env\n' }, "loading KV pairs: env source files: [no.env]: evalsymlink failure on '/home/learner/no.env' : lstat /home/learner/no.env: no such file or directory"],
    ['literal without =', { 'kustomization.yaml': 'configMapGenerator:\n- name: a\n  literals:\n  - novalue\n' }, 'loading KV pairs: literal sources [novalue]: invalid literal source novalue, expected key=value'],
    ['repeated key', { 'kustomization.yaml': 'configMapGenerator:\n- name: a\n  literals:\n  - k=1\n  - k=2\n' }, 'configmap a illegally repeats the key `k`'],
    ['unknown field', { 'kustomization.yaml': 'bogus: 1\n' }, 'invalid Kustomization: json: unknown field "bogus"'],
    ['unknown generator field', { 'kustomization.yaml': 'configMapGenerator:\n- name: a\n  bogus: 1\n' }, 'invalid Kustomization: json: unknown field "bogus"'],
    ['resources not a list', { 'kustomization.yaml': 'resources: x\n' }, 'invalid Kustomization: json: cannot unmarshal string into Go struct field Kustomization.resources of type []string'],
    ['a number label', { 'kustomization.yaml': 'commonLabels: {a: 1}\n' }, 'invalid Kustomization: json: cannot unmarshal number into Go struct field Kustomization.commonLabels of type string'],
    ['no name', { 'kustomization.yaml': 'configMapGenerator:\n- literals:\n  - k=1\n' }, 'a configmap must have a name'],
    ['no kustomization', { 'x.yaml': '' }, "unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '/home/learner'"],
    ['two kustomizations', { 'kustomization.yaml': 'resources: []\n', Kustomization: 'resources: []\n' }, 'Found multiple kustomization files under: /home/learner\n'],
    ['duplicate id', { 'kustomization.yaml': 'resources:\n- dup.yaml\n', 'dup.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' }, "accumulating resources: accumulation err='accumulating resources from 'dup.yaml': may not add resource with an already registered id: ConfigMap.v1.[noGrp]/a.[noNs]': must build at directory: '/home/learner/dup.yaml': file is not directory"],
    ['no metadata', { 'kustomization.yaml': 'resources:\n- x.yaml\n', 'x.yaml': 'a: 1\n' }, "accumulating resources: accumulation err='accumulating resources from 'x.yaml': missing Resource metadata': must build at directory: '/home/learner/x.yaml': file is not directory"],
    ['a resource file outside the root', { 'o2/kustomization.yaml': 'resources:\n- ../app/deployment.yaml\n', 'app/deployment.yaml': DEPLOY }, "accumulating resources: accumulation err='accumulating resources from '../app/deployment.yaml': security; file '/home/learner/app/deployment.yaml' is not in or below '/home/learner/o2'': must build at directory: '/home/learner/app/deployment.yaml': file is not directory", 'o2'],
    ['a generator file outside the root', { 'o2/kustomization.yaml': 'configMapGenerator:\n- name: x\n  files:\n  - ../app/index.html\n', 'app/index.html': 'hi' }, "loading KV pairs: file sources: [../app/index.html]: security; file '/home/learner/app/index.html' is not in or below '/home/learner/o2'", 'o2'],
    ['unsupported field', { 'kustomization.yaml': 'patches:\n- path: x.yaml\n' }, 'kustomization field "patches" is not supported in this playground (/home/learner/kustomization.yaml)'],
  ])('%s', (_, tree, error, target = '.') => {
    expect(build(tree, target)).toBe(`ERR ${error}`);
  });

  it('an error below a base says where, and a cycle is caught', () => {
    expect(build({ 'base/kustomization.yaml': 'resources:\n- gone.yaml\n', 'ov/kustomization.yaml': 'resources:\n- ../base\n' }, 'ov')).toBe(
      "ERR accumulating resources: accumulation err='accumulating resources from '../base': '/home/learner/base' must resolve to a file': recursed accumulation of path '/home/learner/base': accumulating resources: accumulation err='accumulating resources from 'gone.yaml': evalsymlink failure on '/home/learner/base/gone.yaml' : lstat /home/learner/base/gone.yaml: no such file or directory': must build at directory: not a valid directory: evalsymlink failure on '/home/learner/base/gone.yaml' : lstat /home/learner/base/gone.yaml: no such file or directory",
    );
    expect(build({ 'base/kustomization.yaml': 'resources:\n- ../ov\n', 'ov/kustomization.yaml': 'resources:\n- ../base\n' }, 'ov')).toBe(
      "ERR accumulating resources: accumulation err='accumulating resources from '../base': '/home/learner/base' must resolve to a file': recursed accumulation of path '/home/learner/base': accumulating resources: accumulation err='accumulating resources from '../ov': '/home/learner/ov' must resolve to a file': cycle detected: candidate root '/home/learner/ov' contains visited root '/home/learner/ov'",
    );
  });

  it('a target that is missing or a file is refused', () => {
    expect(build({ 'kustomization.yaml': '' }, 'nodir')).toBe("ERR must build at directory: not a valid directory: evalsymlink failure on 'nodir' : lstat /home/learner/nodir: no such file or directory");
    expect(build({ 'app/deploy.yaml': DEPLOY }, 'app/deploy.yaml')).toBe("ERR must build at directory: 'app/deploy.yaml': file is not directory");
  });
});

describe('a folder built by real kubectl kustomize (testdata/overlay.expected.yaml is its output)', () => {
  it('namespace, nameSuffix, the three kinds of labels, annotations and references come out byte for byte', () => {
    const dir = new URL('./testdata/overlay/', import.meta.url);
    const tree = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(new URL(f, dir), 'utf8')]));
    expect(build(tree)).toBe(readFileSync(new URL('./testdata/overlay.expected.yaml', import.meta.url), 'utf8'));
  });
});
