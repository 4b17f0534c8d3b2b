// `kubectl replace`: the words of replace.go (1.34) and the API server's PUT, as
// test/serve-kubectl.test.ts records the real kubectl printing them against `kubesim serve`.
import { describe, expect, it } from 'vitest';
import { getObject, readerOf, type ClusterState } from '../../../engine/index.ts';
import { runScript } from '../../script/run-script.ts';

const run = (script: string) => runScript(script, { preset: 'kind', quiet: true, files: { read: () => undefined } });
const heredoc = (command: string, body: string) => `${command} <<EOF\n${body}EOF\n`;
const CM = (name: string, value: string, extra = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  labels:\n    app: web\n${extra}data:\n  a: "${value}"\n`;
const cmData = (state: ClusterState, name: string) => {
  const r = getObject(readerOf(state), 'ConfigMap', 'default', name);
  return r.ok && r.value.kind === 'ConfigMap' ? r.value : undefined;
};
// A pod whose PID 1 ignores SIGTERM: it goes when its 30 s grace period ends.
const POD = (volume: boolean) =>
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: busybox\n    command: ["sleep", "3600"]\n' +
  (volume ? '    volumeMounts:\n    - name: scratch\n      mountPath: /scratch\n  volumes:\n  - name: scratch\n    emptyDir: {}\n' : '');

describe('kubectl replace -f', () => {
  it('replaces the whole object: fields the file leaves out are gone', () => {
    const r = run('kubectl create configmap cfg --from-literal=a=1 --from-literal=b=2\n' + heredoc('kubectl replace -f -', CM('cfg', '2')));
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['configmap/cfg created\nconfigmap/cfg replaced\n', '', 0]);
    const cm = cmData(r.state, 'cfg');
    expect(cm?.data).toEqual({ a: '2' });
    expect(cm?.metadata.labels).toEqual({ app: 'web' });
  });

  it('refuses a missing object as the API server does (NotFound), naming the file', () => {
    const r = run(heredoc('cat > other.yaml', CM('other', '3')) + 'kubectl replace -f other.yaml\n');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', 'Error from server (NotFound): error when replacing "other.yaml": configmaps "other" not found\n', 1]);
    expect(cmData(r.state, 'other')).toBeUndefined();
  });

  it('takes `get -o yaml` edited in place: the live resourceVersion goes through once, then conflicts', () => {
    const script =
      'kubectl create configmap cfg --from-literal=a=1\n' +
      'kubectl get cm cfg -o yaml > x.yaml\n' +
      // The edit (the script host has no sed): the file without its data, then the new data.
      'grep -v "a: \\"1\\"" x.yaml | grep -v "^data:" > y.yaml\n' +
      'echo "data:" >> y.yaml\necho \'  a: "5"\' >> y.yaml\n' +
      'kubectl replace -f y.yaml\nkubectl replace -f y.yaml\n';
    const r = run(script);
    expect(r.stdout).toBe('configmap/cfg created\nconfigmap/cfg replaced\n');
    expect(r.stderr).toBe(
      'Error from server (Conflict): error when replacing "y.yaml": Operation cannot be fulfilled on configmaps "cfg": the object has been modified; please apply your changes to the latest version and try again\n',
    );
    expect(r.exitCode).toBe(1);
    expect(cmData(r.state, 'cfg')?.data).toEqual({ a: '5' });
  });

  it('is unconditional without a resourceVersion', () => {
    const r = run('kubectl create configmap cfg --from-literal=a=1\nkubectl label cm cfg x=y\n' + heredoc('kubectl replace -f -', CM('cfg', '7')));
    expect([r.stderr, r.exitCode]).toEqual(['', 0]);
    expect(cmData(r.state, 'cfg')?.data).toEqual({ a: '7' });
  });

  it('pipes: `get -o yaml | replace -f -`', () => {
    const r = run('kubectl create configmap cfg --from-literal=a=1\nkubectl get cm cfg -o yaml | kubectl replace -f -\n');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['configmap/cfg created\nconfigmap/cfg replaced\n', '', 0]);
  });

  it('refuses an immutable change with the API server\'s Invalid, and --force replaces the pod', () => {
    const r = run(heredoc('kubectl apply -f -', POD(false)) + heredoc('kubectl replace -f -', POD(true)));
    expect(r.stdout).toBe('pod/p created\n');
    expect(r.stderr).toMatch(/^The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/);
    expect(r.exitCode).toBe(1);
    const uid = (s: ClusterState) => {
      const p = getObject(readerOf(s), 'Pod', 'default', 'p');
      return p.ok ? p.value.metadata.uid : undefined;
    };
    const forced = run(heredoc('kubectl apply -f -', POD(false)) + heredoc('kubectl replace --force -f -', POD(true)));
    expect([forced.stdout, forced.stderr, forced.exitCode]).toEqual(['pod/p created\npod "p" deleted from default namespace\npod/p replaced\n', '', 0]);
    const p = getObject(readerOf(forced.state), 'Pod', 'default', 'p');
    expect(p.ok && p.value.kind === 'Pod' ? p.value.spec?.volumes?.map((v) => v.name) : undefined).toContain('scratch');
    // Same seed, so the refused run's pod is the one --force deleted: a new pod has a new uid.
    expect(uid(forced.state)).not.toBe(uid(r.state));
    // kubectl polls until the old pod is gone: sleep ignores SIGTERM, so its 30 s grace period passes.
    expect(forced.state.now - r.state.now).toBeGreaterThanOrEqual(30_000);
  });

  it('--force on a missing object only creates it', () => {
    const r = run(heredoc('kubectl replace --force -f -', CM('cfg', '1')));
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['configmap/cfg replaced\n', '', 0]);
  });

  it('--force gives up after --timeout when the object stays (a claim a pod mounts)', () => {
    const claim = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n';
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: user\nspec:\n  containers:\n  - name: c\n    image: nginx\n    volumeMounts:\n    - name: d\n      mountPath: /d\n  volumes:\n  - name: d\n    persistentVolumeClaim:\n      claimName: data\n';
    const r = run(heredoc('cat > pvc.yaml', claim) + 'kubectl apply -f pvc.yaml\n' + heredoc('kubectl apply -f -', pod) + 'kubectl replace --force --timeout=20s -f pvc.yaml\n');
    expect(r.stdout).toBe('persistentvolumeclaim/data created\npod/user created\npersistentvolumeclaim "data" deleted from default namespace\n');
    expect([r.stderr, r.exitCode]).toEqual(['error: context deadline exceeded\n', 1]);
  });

  it('dry runs: the client sends nothing, the server checks and keeps nothing', () => {
    const client = run(heredoc('kubectl replace --dry-run=client -f -', CM('nope', '1')));
    expect([client.stdout, client.stderr, client.exitCode]).toEqual(['configmap/nope replaced (dry run)\n', '', 0]);
    const server = run(heredoc('kubectl replace --dry-run=server -f -', CM('nope', '1')));
    expect([server.stdout, server.stderr]).toEqual(['', 'Error from server (NotFound): error when replacing "STDIN": configmaps "nope" not found\n']);
    const kept = run('kubectl create configmap cfg --from-literal=a=1\n' + heredoc('kubectl replace --dry-run=server -f -', CM('cfg', '9')));
    expect(kept.stdout).toBe('configmap/cfg created\nconfigmap/cfg replaced (server dry run)\n');
    expect(cmData(kept.state, 'cfg')?.data).toEqual({ a: '1' });
  });

  it('prints -o name and -o yaml', () => {
    const r = run('kubectl create configmap cfg --from-literal=a=1\n' + heredoc('kubectl replace -o name -f -', CM('cfg', '2')) + heredoc('kubectl replace -o yaml -f -', CM('cfg', '3')));
    expect(r.stdout).toMatch(/^configmap\/cfg created\nconfigmap\/cfg\napiVersion: v1\ndata:\n {2}a: "3"\nkind: ConfigMap\n/);
  });

  it('keeps the last-applied annotation up to date when the file has one, writes it with --save-config', () => {
    const withAnnotation = run(heredoc('kubectl apply -f -', CM('cfg', '1')) + 'kubectl get cm cfg -o yaml > cfg.yaml\nkubectl replace -f cfg.yaml\n');
    expect(withAnnotation.stderr).toBe('');
    const last = cmData(withAnnotation.state, 'cfg')?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
    // Now the whole file, server fields included, as CreateOrUpdateAnnotation records it.
    expect(JSON.parse(last!)).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { a: '1' } });
    expect(JSON.parse(last!).metadata.resourceVersion).toBeDefined();
    const saved = run('kubectl create configmap cfg --from-literal=a=1\n' + heredoc('kubectl replace --save-config -f -', CM('cfg', '2')));
    expect(cmData(saved.state, 'cfg')?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"v1","data":{"a":"2"},"kind":"ConfigMap","metadata":{"annotations":{},"labels":{"app":"web"},"name":"cfg"}}\n',
    );
    const plain = run('kubectl create configmap cfg --from-literal=a=1\n' + heredoc('kubectl replace -f -', CM('cfg', '2')));
    expect(cmData(plain.state, 'cfg')?.metadata.annotations).toBeUndefined();
  });

  it('reads a directory\'s manifest files by name, its subdirectories only with -R', () => {
    const cm = (name: string) => `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"${name}"},"data":{"x":"2"}}\n`;
    const setup =
      'mkdir -p conf/sub\nfor n in a b c; do kubectl create configmap $n --from-literal=x=1; done\n' +
      heredoc('cat > conf/b.yaml', cm('b')) + heredoc('cat > conf/a.yml', cm('a')) + heredoc('cat > conf/notes.txt', 'not a manifest\n') + heredoc('cat > conf/sub/c.json', cm('c'));
    const flat = run(setup + 'kubectl replace -f conf/\n');
    expect([flat.stdout, flat.stderr]).toEqual(['configmap/a created\nconfigmap/b created\nconfigmap/c created\nconfigmap/a replaced\nconfigmap/b replaced\n', '']);
    expect(cmData(flat.state, 'c')?.data).toEqual({ x: '1' });
    const deep = run(setup + 'kubectl replace -R -f conf\n');
    expect(deep.stdout).toMatch(/configmap\/a replaced\nconfigmap\/b replaced\nconfigmap\/c replaced\n$/);
    expect(cmData(deep.state, 'c')?.data).toEqual({ x: '2' });
  });

  it('refuses its flags as replace.go does, before anything is sent', () => {
    const lines = [
      ['kubectl replace', 'error: must specify one of -f and -k\n'],
      ['kubectl replace -f x.yaml --grace-period=0', 'error: --grace-period must have --force specified\n'],
      ['kubectl replace -f x.yaml --timeout=5s', 'error: --timeout must have --force specified\n'],
      ['kubectl replace -f x.yaml --force --dry-run=client', 'error: --dry-run can not be used when --force is set\n'],
      ['kubectl replace -f x.yaml --dry-run=maybe', 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n'],
      ['kubectl replace -f x.yaml --cascade=sideways', 'error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"\n'],
      ['kubectl replace -f x.yaml', 'error: the path "x.yaml" does not exist\n'],
    ] as const;
    for (const [line, stderr] of lines) expect([line, run(line + '\n').stderr]).toEqual([line, stderr]);
  });
});

describe('kubectl replace --raw and --subresource', () => {
  it("refuses what ReplaceOptions.Validate refuses, in kubectl 1.34's words", () => {
    const lines = [
      ['kubectl replace --raw foo -f a.yaml', 'error: --raw must be a valid URL path: parse "foo": invalid URI for request\n'],
      ['kubectl replace --raw /x -f a.yaml -o yaml', 'error: --raw and --output are mutually exclusive\n'],
      ['kubectl replace --raw /x -f a.yaml -f b.yaml', 'error: --raw can only use a single local file or stdin\n'],
      ['kubectl replace --raw /x -f https://example.com/a.yaml', 'error: --raw cannot read from a url\n'],
      ['kubectl replace --raw /x -R -f a.yaml', 'error: --raw and --recursive are mutually exclusive\n'],
    ] as const;
    for (const [line, stderr] of lines) expect([line, run(line + '\n').stderr]).toEqual([line, stderr]);
  });

  it('says a raw PUT and a subresource replace are not simulated, instead of an unknown flag', () => {
    const raw = run(heredoc('kubectl replace --raw /api/v1/namespaces/default/configmaps/c -f -', CM('c', '1')));
    expect(raw).toMatchObject({ stderr: 'error: kubectl replace --raw is not simulated: use the real kubectl against kubesim serve\n', exitCode: 1 });
    expect(run(heredoc('kubectl replace --subresource status -f -', CM('c', '1'))).stderr).toMatch(/^error: kubectl replace --subresource status is not simulated/);
  });
});
