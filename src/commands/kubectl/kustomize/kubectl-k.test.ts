// `kubectl apply|create|delete -k DIR` and `kubectl kustomize DIR` through the script host, as a
// learner types them: kustomize's order and names, kubectl's lines, and both tools' errors.
import { describe, expect, it } from 'vitest';
import { getObject, readerOf } from '../../../engine/index.ts';
import { runScript } from '../../script/run-script.ts';
import type { FileSource } from '../../types.ts';

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
      - name: nginx
        image: nginx
        envFrom:
        - configMapRef: {name: app-config}
`;
const KUSTOMIZATION = 'resources:\n- deploy.yaml\nconfigMapGenerator:\n- name: app-config\n  literals:\n  - a=b\n';

/** The script's folder: paths relative to it, as the host reads them. */
function folder(tree: Record<string, string>): FileSource {
  const norm = (p: string) => p.replace(/^\.\/?/, '').replace(/\/$/, '');
  return {
    read: (p) => tree[norm(p)],
    list: (p) => {
      const dir = norm(p);
      const names = Object.keys(tree).filter((f) => dir === '' || f.startsWith(`${dir}/`)).map((f) => (dir === '' ? f : f.slice(dir.length + 1)).split('/')[0]!);
      return names.length ? [...new Set(names)].sort() : undefined;
    },
  };
}

const files = folder({ 'app/kustomization.yaml': KUSTOMIZATION, 'app/deploy.yaml': DEPLOY, 'web.yaml': DEPLOY });
const run = (script: string) => runScript(script, { preset: 'kind', quiet: true, files });

describe('kubectl -k', () => {
  it('apply -k creates in kustomize\'s order with the hashed name, and the Deployment refers to it', () => {
    const r = run('kubectl apply -k app\n');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('configmap/app-config-4h2mbtbbt6 created\ndeployment.apps/web created\n');
    const deploy = getObject(readerOf(r.state), 'Deployment', 'default', 'web');
    expect(deploy.ok && deploy.value.kind === 'Deployment' ? deploy.value.spec?.template.spec?.containers[0]?.envFrom?.[0]?.configMapRef?.name : undefined).toBe('app-config-4h2mbtbbt6');
  });

  // app-config-8f2d5hh62d is what real kubectl kustomize names the a=c ConfigMap.
  it('a changed literal makes a new ConfigMap and reconfigures the Deployment; apply again is unchanged', () => {
    const r = run(`kubectl apply -k app
cat <<'EOF' > app/kustomization.yaml
resources:
- deploy.yaml
configMapGenerator:
- name: app-config
  literals:
  - a=c
EOF
kubectl apply -k app
kubectl apply -k app
`);
    expect(r.stdout).toBe(
      'configmap/app-config-4h2mbtbbt6 created\ndeployment.apps/web created\n' +
        'configmap/app-config-8f2d5hh62d created\ndeployment.apps/web configured\n' +
        'configmap/app-config-8f2d5hh62d unchanged\ndeployment.apps/web unchanged\n',
    );
  });

  it('delete -k deletes what the build names; create -k creates; --dry-run and -o name work as with -f', () => {
    const r = run('kubectl create -k app\nkubectl apply -k app --dry-run=server -o name\nkubectl delete -k app\n');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'configmap/app-config-4h2mbtbbt6 created\ndeployment.apps/web created\n' +
        'configmap/app-config-4h2mbtbbt6\ndeployment.apps/web\n' +
        'configmap "app-config-4h2mbtbbt6" deleted from default namespace\ndeployment.apps "web" deleted from default namespace\n',
    );
  });

  it('refuses -f with -k, a missing directory, and a build error, before sending anything', () => {
    const r = run('kubectl apply -k app -f web.yaml\nkubectl delete -k nowhere\nkubectl apply -k .\nkubectl apply -k web.yaml\n');
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: only one of -f or -k can be specified\n' +
        "error: must build at directory: not a valid directory: evalsymlink failure on 'nowhere' : lstat /home/learner/nowhere: no such file or directory\n" +
        "error: unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '/home/learner'\n" +
        "error: must build at directory: 'web.yaml': file is not directory\n",
    );
    expect(r.exitCode).toBe(1);
  });

  it('a server error names the kustomization directory as the source', () => {
    const bad = folder({ 'k/kustomization.yaml': 'resources:\n- pvc.yaml\n', 'k/pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n' });
    const r = runScript('kubectl apply -k k\n', { preset: 'kind', quiet: true, files: bad });
    expect(r.stderr).toMatch(/^The PersistentVolumeClaim "data" is invalid: spec.resources\[storage\]: Required value\n$/);
  });
});

describe('deprecated fields', () => {
  it('kustomize warns on stderr as it loads each kustomization, before anything else is printed', () => {
    const old = folder({ 'k/kustomization.yaml': 'bases:\n- ../b\ncommonLabels:\n  team: a\n', 'b/kustomization.yaml': 'configMapGenerator:\n- name: c\n  literals: [a=b]\n' });
    const r = runScript('kubectl apply -k k\nkubectl kustomize k\n', { preset: 'kind', quiet: true, files: old });
    const warned = "# Warning: 'bases' is deprecated. Please use 'resources' instead. Run 'kustomize edit fix' to update your Kustomization automatically.\n# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. Run 'kustomize edit fix' to update your Kustomization automatically.\n";
    expect(r.stderr).toBe(warned + warned);
    expect(r.stdout).toContain('configmap/c-4h2mbtbbt6 created\napiVersion: v1\ndata:\n  a: b\nkind: ConfigMap\nmetadata:\n  labels:\n    team: a\n  name: c-4h2mbtbbt6\n');
  });
});

describe('kubectl kustomize', () => {
  it('prints the build; a cd changes where relative paths start', () => {
    const r = run('kubectl kustomize app\ncd app\nkubectl kustomize\n');
    expect(r.stderr).toBe('');
    const one = 'apiVersion: v1\ndata:\n  a: b\nkind: ConfigMap\nmetadata:\n  name: app-config-4h2mbtbbt6\n---\napiVersion: apps/v1\nkind: Deployment\n';
    expect(r.stdout.startsWith(one)).toBe(true);
    expect(r.stdout.split(one)).toHaveLength(3);
  });

  it('errors are logged by klog as kubectl kustomize does, with the simulated clock and pid 1', () => {
    const r = run('kubectl kustomize nowhere\nkubectl kustomize a b\n');
    expect(r.stderr).toMatch(/^E\d{4} \d\d:\d\d:\d\d\.\d{6}       1 run\.go:72\] "command failed" err="must build at directory: not a valid directory: evalsymlink failure on 'nowhere' : lstat \/home\/learner\/nowhere: no such file or directory"\n/);
    expect(r.stderr).toMatch(/run\.go:72\] "command failed" err="specify one path to kustomization.yaml"\n$/);
    expect(r.exitCode).toBe(1);
  });
});
