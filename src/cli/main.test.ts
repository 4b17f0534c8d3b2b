// The kubesim CLI contract (architecture.md): echo, streams, exit codes 0/1/2, presets, seeds.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  let both = '';
  const code = main(args, { stdout: (t) => ((stdout += t), (both += t)), stderr: (t) => ((stderr += t), (both += t)) });
  return { code, stdout, stderr, both };
}

function script(text: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const path = join(dir, 'demo.sh');
  writeFileSync(path, text);
  return path;
}

describe('kubesim run', () => {
  it('echoes each command, prints stdout, exits 0 when everything succeeds', () => {
    const r = run(['run', script('kubectl get nodes\n'), '--cluster', 'bare']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('$ kubectl get nodes\nNAME     STATUS   ROLES    AGE   VERSION\nnode-1   Ready    <none>   0s    v1.34.0\n');
    expect(r.stderr).toBe('');
  });

  it('keeps going after a failing command, prints its error on stderr and exits 1', () => {
    const r = run(['run', script('kubectl get pvc data\nkubectl get ns default\n'), '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error from server (NotFound): persistentvolumeclaims "data" not found\n');
    expect(r.stdout).toContain('default   Active   0s');
    expect(r.stdout).not.toContain('$ ');
  });

  it('reads -f files relative to the script and supports heredocs, continuations and comments', () => {
    const pv = 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: v\nspec:\n  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  hostPath:\n    path: /x\n';
    const text = "# a comment\n\nkubectl apply \\\n  -f pv.yaml\nkubectl apply -f - <<'EOF'\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\nEOF\n";
    const r = run(['run', script(text, { 'pv.yaml': pv }), '--cluster', 'bare']);
    expect(r.stdout).toBe(`$ kubectl apply \\\n  -f pv.yaml\npersistentvolume/v created\n$ kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\nEOF\nconfigmap/cfg created\n`);
    expect(r.code).toBe(0);
  });

  it('keeps what a command writes with > for later commands, as the course\'s sc.yaml backup does', () => {
    const text = 'kubectl get sc standard -o yaml > sc.yaml\nkubectl delete sc standard\nkubectl apply -f sc.yaml\nkubectl get sc\n';
    const r = run(['run', script(text), '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('storageclass.storage.k8s.io "standard" deleted\nstorageclass.storage.k8s.io/standard created\n');
    expect(r.stdout).toContain('standard (default)   rancher.io/local-path');
  });

  it('sleep advances the simulated clock', () => {
    const r = run(['run', script('sleep 6m\nkubectl get ns default\n'), '--quiet']);
    expect(r.stdout).toBe('NAME      STATUS   AGE\ndefault   Active   6m\n');
  });

  it('the same script and seed print the same thing; the seed changes generated names', () => {
    const path = script('kubectl apply -f - <<EOF\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n    volumeMounts:\n    - {name: d, mountPath: /d}\n  volumes:\n  - name: d\n    persistentVolumeClaim: {claimName: c}\nEOF\nkubectl get pv -o name\n');
    expect(run(['run', path, '--seed', '5']).stdout).toBe(run(['run', path, '--seed', '5']).stdout);
    expect(run(['run', path, '--seed', '5']).stdout).not.toBe(run(['run', path, '--seed', '6']).stdout);
  });

  it('exits 2 for a script that cannot be read, a bad preset, a bad seed or an unknown flag', () => {
    expect(run(['run', '/nonexistent/script.sh'])).toMatchObject({ code: 2, stderr: 'kubesim: cannot read /nonexistent/script.sh: no such file\n' });
    expect(run(['run', script(''), '--cluster', 'gke'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown cluster preset "gke"') });
    expect(run(['run', script(''), '--seed', 'abc']).code).toBe(2);
    expect(run(['run', script(''), '--verbose']).code).toBe(2);
    expect(run(['run']).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
  });

  it('exits 2 for an unterminated heredoc, naming its line', () => {
    const r = run(['run', script('kubectl get ns\nkubectl apply -f - <<EOF\nkind: Pod\n')]);
    expect(r).toMatchObject({ code: 2, stderr: "kubesim: line 2: here-document at line 2 delimited by end-of-file (wanted `EOF')\n" });
  });

  it('prints help with --help', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kubesim run SCRIPT [--cluster PRESET] [--seed N] [--quiet]');
    expect(r.stdout).toContain('multi-az');
  });

  it('unknown tools and kubectl typos read like the real ones', () => {
    const r = run(['run', script('helm list\nkubectl gt pods\nkubectl get pods --bogus\n'), '--quiet']);
    expect(r.stderr).toBe(
      'helm: command not found\nError: unknown command "gt" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\tcp\n\nError: unknown flag: --bogus\nSee \'kubectl get --help\' for usage.\n',
    );
  });
});

describe('kubesim explain inside a script', () => {
  it('explains a Pending claim, and fails clearly for what it cannot explain', () => {
    const r = run(['run', script('kubectl apply -f - <<EOF\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\nEOF\nkubesim explain pvc/data\nkubesim explain pvc/nope\nkubesim frob\n'), '--quiet']);
    expect(r.stdout).toContain('PersistentVolumeClaim default/data is Pending.\nIts class "standard" uses volumeBindingMode WaitForFirstConsumer');
    expect(r.stderr).toBe('kubesim: persistentvolumeclaims "nope" not found\nkubesim: unknown command "frob"\nUsage: kubesim explain pvc/NAME|pod/NAME [-n NAMESPACE]\n       kubesim node fail|recover NODE...\n       kubesim zone down|up ZONE\n       kubesim container kill POD [-c CONTAINER] [-n NAMESPACE]\n       kubesim import FILE|-\n');
    expect(r.code).toBe(1);
  });
});

describe('the examples print the course\'s outputs (golden files)', () => {
  it.each([
    ['static-pv-pvc', 'bare'],
    ['dynamic-provisioning', 'kind'],
    ['multi-zone', 'multi-az'],
    ['zone-conflict', 'multi-az'],
    ['ebs-storage-classes', 'multi-az'],
    ['emptydir', 'kind'],
    ['downward-api', 'kind'],
    ['hostpath', 'kind-multinode'],
    ['configmap', 'kind'],
    ['secret', 'kind'],
    ['docker-layers', 'kind'],
    ['docker-storage-usage', 'kind'],
    ['docker-volumes', 'kind'],
    ['docker-additions', 'kind'],
    ['kind-node-shell', 'kind'],
    ['node-failure', 'multi-az'],
    ['statefulset-zones', 'multi-az'],
    ['job', 'kind'],
    ['kubectl-habits', 'kind'],
    ['kubectl-output', 'bare'],
    ['rollout-and-wait', 'kind'],
    ['service', 'kind'],
    ['service-http', 'kind'],
    ['kustomize', 'kind'],
    ['kubectl-cp-edit', 'kind'],
    ['ephemeral-volumes', 'kind'],
    ['shells', 'kind'],
    ['kubectl-patch', 'kind'],
    ['init-containers', 'kind'],
  ])('examples/%s on %s', (dir, preset) => {
    const r = run(['run', `examples/${dir}/demo.sh`, '--cluster', preset]);
    // Some demos show a failure on purpose (a read-only write, a file another container cannot see).
    expect(r.code).toBe(['emptydir', 'downward-api', 'docker-volumes', 'docker-additions', 'kind-node-shell', 'statefulset-zones', 'job', 'kubectl-habits', 'kubectl-output', 'rollout-and-wait', 'service', 'service-http', 'kustomize', 'kubectl-cp-edit', 'shells', 'kubectl-patch', 'init-containers'].includes(dir) ? 1 : 0);
    // The golden files hold stdout and stderr interleaved, as `2>&1` captures them.
    expect(r.both).toBe(readFileSync(`examples/${dir}/expected-output.txt`, 'utf8'));
  });

  it('multi-zone: the WFFC disk lands in the pod\'s zone; the Immediate one leaves its pod Pending with the node-affinity conflict', () => {
    const out = readFileSync('examples/multi-zone/expected-output.txt', 'utf8');
    expect(out).toContain('Term 0:        topology.kubernetes.io/zone in [us-east-1b]');
    expect(out).toMatch(/orders {3}1\/1 {5}Running .* worker-b[12] /);
    expect(out).toContain("FailedScheduling  0s    default-scheduler  0/6 nodes are available: 2 node(s) didn't match PersistentVolume's node affinity, 4 node(s) didn't match Pod's node affinity/selector.");
  });

  it('the course\'s exec demos print what the course shows', () => {
    const read = (d: string) => readFileSync(`examples/${d}/expected-output.txt`, 'utf8');
    expect(read('emptydir')).toContain("-- cat /data/myfile.txt\nWhat a file!\n");
    expect(read('downward-api')).toContain('-- env | grep POD_\nPOD_NAME=downwardapi-example\nPOD_NAMESPACE=default\n');
    expect(read('downward-api')).toContain('annotations -> ..data/annotations\n');
    expect(read('downward-api')).toContain('labels\napp="good_app"\nowner="hr"\n$ ');
    expect(read('hostpath')).toContain('kubectl exec hostpath-verify -- cat /data\nHey you!!\n');
    expect(read('hostpath')).toContain('-- wc -c /data\n0 /data\n');
    expect(read('configmap')).toContain("printenv | grep -E 'APP|ENVIRONMENT'\nAPP=frontend\nENVIRONMENT=production\n");
    expect(read('configmap')).toContain('printenv ENVIRONMENT\nproduction\n');
    expect(read('secret')).toContain("echo $DB_USER; echo $DB_PASSWORD'\nfrontenduser\nfrontendpass\n");
  });

  it("the course's Docker figures: my-image's layers, 50 MB + 4 + 10 + 6 MB, my-vol after rm -f", () => {
    const read = (d: string) => readFileSync(`examples/${d}/expected-output.txt`, 'utf8');
    const history = read('docker-layers');
    expect(history).toMatch(/RUN \/bin\/sh -c pip install flask # buildkit {5}11\.5MB {4}buildkit\.dockerfile\.v0\n/);
    expect(history).toMatch(/ADD app\.py app\.py # buildkit {20}170B {6}buildkit\.dockerfile\.v0\n/);
    expect(history).toMatch(/WORKDIR \/app {36}0B {8}buildkit\.dockerfile\.v0\n/);
    const usage = read('docker-storage-usage');
    expect(usage).toContain('Images          1         1         50MB      0B (0%)\nContainers      3         3         20MB      0B (0%)\n');
    for (const [name, size] of [['container-1', '4MB'], ['container-2', '10MB'], ['container-3', '6MB']]) expect(usage).toMatch(new RegExp(` 0 {15}${size} +Less than a second ago +Up Less than a second +${name}\n`));
    const volumes = read('docker-volumes');
    expect(volumes).toContain('$ docker rm -f my-cont-2\nmy-cont-2\n');
    expect(volumes).toContain('$ docker run --rm -v my-vol:/app alpine cat /app/file.txt\nThis is my delta data\n');
    expect(volumes).toContain('$ sudo cat /var/lib/docker/volumes/my-vol/_data/file.txt\nThis is my delta data\n');
  });

  it('the static demo goes Available → Bound → Running, in kubectl\'s format', () => {
    const out = readFileSync('examples/static-pv-pvc/expected-output.txt', 'utf8');
    expect(out).toMatch(/example-pv {3}5Gi {8}RWO {12}Retain {11}Available/);
    expect(out).toMatch(/example-pvc {3}Bound {4}example-pv {3}5Gi {8}RWO/);
    expect(out).toMatch(/example-pod {3}1\/1 {5}Running {3}0/);
  });
});

describe('the kubesim bin under plain Node', () => {
  it('runs through npx-style invocation of bin/kubesim.mjs', () => {
    const out = execFileSync(process.execPath, ['bin/kubesim.mjs', 'run', 'examples/static-pv-pvc/demo.sh', '--cluster', 'bare', '--quiet'], { encoding: 'utf8' });
    expect(out).toContain('persistentvolume/example-pv created');
    const failing = spawnSync(process.execPath, ['bin/kubesim.mjs', 'run', 'nope.sh'], { encoding: 'utf8' });
    expect(failing.status).toBe(2);
    expect(failing.stderr).toBe('kubesim: cannot read nope.sh: no such file\n');
  }, 20_000);
});
