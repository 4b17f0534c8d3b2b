// kubectl as the learner types it: outputs and errors as the real tool prints them.
import { describe, expect, it } from 'vitest';
import { runScript } from '../script/run-script.ts';
import type { PresetName } from '../../engine/index.ts';

const PV_AND_PVC = `kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolume
metadata:
  name: example-pv
spec:
  capacity:
    storage: 5Gi
  accessModes: [ReadWriteOnce]
  hostPath:
    path: /mnt/data
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: example-pvc
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 2Gi
EOF
`;

function sh(script: string, preset: PresetName = 'bare', files: Record<string, string> = {}) {
  return runScript(script, { preset, quiet: true, files: { read: (p) => files[p] } });
}

describe('kubectl apply / create', () => {
  it('prints resource/name created, then unchanged, then configured', () => {
    const cm = (v: string) => `kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "${v}"\nEOF\n`;
    expect(sh(cm('1') + cm('1') + cm('2')).stdout).toBe('configmap/cfg created\nconfigmap/cfg unchanged\nconfigmap/cfg configured\n');
  });

  it('create refuses an object that exists, with the file name', () => {
    const files = { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n' };
    const r = sh('kubectl create -f cm.yaml\nkubectl create -f cm.yaml\n', 'bare', files);
    expect(r.stderr).toBe('Error from server (AlreadyExists): error when creating "cm.yaml": configmaps "cfg" already exists\n');
    expect(r.exitCode).toBe(1);
  });

  it('wraps server errors with the file, and lists several causes on their own lines', () => {
    const files = {
      'pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  namespace: nope\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n',
      'bad.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  volumeMode: Filesystem\n',
      'quantity.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 2GB\n',
      'foo.yaml': 'apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n',
    };
    const r = sh('kubectl apply -f pvc.yaml\nkubectl apply -f bad.yaml\nkubectl apply -f quantity.yaml\nkubectl apply -f foo.yaml\nkubectl apply -f missing.yaml\n', 'bare', files);
    expect(r.stderr).toBe(
      [
        'Error from server (NotFound): error when creating "pvc.yaml": namespaces "nope" not found',
        'The PersistentVolumeClaim "data" is invalid: ',
        '* spec.accessModes: Required value: at least 1 access mode is required',
        '* spec.resources[storage]: Required value',
        'Error from server (BadRequest): error when creating "quantity.yaml": PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
        'error: resource mapping not found for name: "x" namespace: "" from "foo.yaml": no matches for kind "Foo" in version "v1"',
        'ensure CRDs are installed first',
        'error: the path "missing.yaml" does not exist',
        '',
      ].join('\n'),
    );
  });

  it('stops a file at its first YAML syntax error, applying what came before', () => {
    const files = { 'two.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n labels: {}\n' };
    const r = sh('kubectl apply -f two.yaml\n', 'bare', files);
    expect(r.stdout).toBe('configmap/a created\n');
    expect(r.stderr).toBe('error: error parsing two.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key\n');
  });

  it('prints the Recycle deprecation warning on stderr but succeeds', () => {
    const r = sh('kubectl apply -f - <<EOF\napiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: v\nspec:\n  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Recycle\n  hostPath:\n    path: /x\nEOF\n');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('Warning: spec.persistentVolumeReclaimPolicy: The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic provisioning.\n');
  });
});

describe('kubectl get', () => {
  it('-o json of mixed kinds is a v1 List with items', () => {
    const r = sh(PV_AND_PVC + 'kubectl get pv,pvc -A -o json\n');
    const list = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
    expect(list.kind).toBe('List');
    expect(list.apiVersion).toBe('v1');
    expect(list.metadata).toEqual({ resourceVersion: '' });
    expect(list.items.map((i: { kind: string }) => i.kind)).toEqual(['PersistentVolume', 'PersistentVolumeClaim']);
    expect(r.stdout).toContain('\n    "apiVersion": "v1",\n');
  });

  it('-o yaml prints a single object the way kubectl does (sorted keys, unindented lists, quoted "yes")', () => {
    const r = sh(PV_AND_PVC + 'kubectl get pvc example-pvc -o yaml\n');
    expect(r.stdout).toContain('  accessModes:\n  - ReadWriteOnce\n');
    expect(r.stdout).toContain('    pv.kubernetes.io/bind-completed: "yes"\n');
    expect(r.stdout).toContain('status:\n  accessModes:\n  - ReadWriteOnce\n  capacity:\n    storage: 5Gi\n  phase: Bound\n');
  });

  it('several kinds: one table each, names prefixed, blank line between', () => {
    const r = sh(PV_AND_PVC + 'kubectl get pv,pvc\n');
    expect(r.stdout).toContain('persistentvolume/example-pv   5Gi');
    expect(r.stdout).toContain('\n\nNAME                                STATUS');
    expect(r.stdout).toContain('persistentvolumeclaim/example-pvc   Bound');
  });

  it('empty lists and missing objects', () => {
    const r = sh('kubectl get pvc\nkubectl get pv\nkubectl get pvc data -n kube-system\nkubectl get widgets\n');
    expect(r.stderr).toBe(
      'No resources found in default namespace.\nNo resources found\nError from server (NotFound): persistentvolumeclaims "data" not found\nerror: the server doesn\'t have a resource type "widgets"\n',
    );
  });

  it('-l, --show-labels and -o name', () => {
    const r = sh(PV_AND_PVC + 'kubectl label pv example-pv tier=gold\nkubectl get pv -l tier=gold -o name\nkubectl get pv -l tier=silver -o name\nkubectl get pv --show-labels\n');
    expect(r.stdout).toContain('persistentvolume/example-pv created\npersistentvolumeclaim/example-pvc created\npersistentvolume/example-pv labeled\npersistentvolume/example-pv\nNAME ');
    expect(r.stdout).toMatch(/AGE {3}LABELS\n.* {3}tier=gold\n$/);
  });

  it('get events with a field selector shows the WaitForFirstConsumer event', () => {
    const r = sh('kubectl apply -f - <<EOF\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\nEOF\nsleep 30\nkubectl get events --field-selector involvedObject.name=data\n', 'kind');
    expect(r.stdout).toBe(
      'persistentvolumeclaim/data created\nLAST SEEN   TYPE     REASON                 OBJECT                       MESSAGE\n0s          Normal   WaitForFirstConsumer   persistentvolumeclaim/data   waiting for first consumer to be created before binding\n',
    );
  });

  it('rejects an unknown output format', () => {
    expect(sh('kubectl get pods -o foo\n').stderr).toBe('error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n');
  });
});

describe('changing and deleting', () => {
  it('label refuses to overwrite without --overwrite; annotate and patch report what they did', () => {
    const r = sh(
      PV_AND_PVC +
        'kubectl label pv example-pv tier=gold\nkubectl label pv example-pv tier=silver\nkubectl label pv example-pv tier=silver --overwrite\nkubectl annotate pvc example-pvc note=demo\n' +
        `kubectl patch pv example-pv --type merge -p '{"spec":{"persistentVolumeReclaimPolicy":"Delete"}}'\nkubectl patch pv example-pv --type merge -p '{"spec":{"persistentVolumeReclaimPolicy":"Delete"}}'\n`,
    );
    expect(r.stdout).toBe(
      'persistentvolume/example-pv created\npersistentvolumeclaim/example-pvc created\npersistentvolume/example-pv labeled\npersistentvolume/example-pv labeled\npersistentvolumeclaim/example-pvc annotated\npersistentvolume/example-pv patched\npersistentvolume/example-pv patched (no change)\n',
    );
    expect(r.stderr).toBe("error: 'tier' already has a value (gold), and --overwrite is false\n");
  });

  it('deleting a claim in use leaves it Terminating until its pod is deleted; the Retain volume is then Released', () => {
    const pod =
      'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n    volumeMounts:\n    - {name: d, mountPath: /d}\n  volumes:\n  - name: d\n    persistentVolumeClaim: {claimName: example-pvc}\nEOF\n';
    const r = sh(PV_AND_PVC + pod + 'kubectl delete pvc example-pvc\nkubectl get pvc\nkubectl delete pod web\nkubectl get pvc\nkubectl get pv\n');
    expect(r.stdout).toContain(
      'persistentvolumeclaim "example-pvc" deleted from default namespace\nNAME          STATUS        VOLUME       CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\nexample-pvc   Terminating   example-pv   5Gi        RWO                           <unset>                 0s\npod "web" deleted from default namespace\n',
    );
    expect(r.stdout).toMatch(/example-pv {3}5Gi {8}RWO {12}Retain {11}Released {3}default\/example-pvc/);
    expect(r.stderr).toBe('No resources found in default namespace.\n');
  });

  it('cordon, drain and uncordon', () => {
    const r = sh('kubectl cordon node-1\nkubectl get nodes\nkubectl uncordon node-1\nkubectl drain node-1 --ignore-daemonsets\nkubectl cordon\n');
    expect(r.stdout).toBe(
      'node/node-1 cordoned\nNAME     STATUS                     ROLES    AGE   VERSION\nnode-1   Ready,SchedulingDisabled   <none>   0s    v1.34.0\nnode/node-1 uncordoned\nnode/node-1 cordoned\nnode/node-1 drained\n',
    );
    expect(r.stderr).toBe("error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n");
  });

  it('delete without names, and delete of what is missing', () => {
    const r = sh('kubectl delete pvc\nkubectl delete pvc nope\nkubectl delete\n');
    expect(r.stderr).toBe(
      "error: resource(s) were provided, but no name was specified\nError from server (NotFound): persistentvolumeclaims \"nope\" not found\nerror: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
  });
});

describe('kubectl itself', () => {
  it("unknown commands and flags read like cobra's", () => {
    const r = sh('kubectl zzzzzz\nkubectl get pods -z\nkubectl get pods --namespace\nkubectl apply\nkubectl label pod a\nkubectl patch pv x --type foo -p {}\n');
    expect(r.stderr).toBe(
      [
        'Error: unknown command "zzzzzz" for "kubectl"',
        "Error: unknown shorthand flag: 'z' in -z",
        "See 'kubectl get --help' for usage.",
        'Error: flag needs an argument: --namespace',
        "See 'kubectl get --help' for usage.",
        'error: must specify one of -f and -k',
        'error: at least one label update is required',
        'error: --type must be one of [json merge strategic], not "foo"',
        '',
      ].join('\n'),
    );
  });
});

describe('kubectl get -L', () => {
  it('adds one column per label key, headed by its last segment in capitals', () => {
    const r = runScript('kubectl get nodes -L topology.kubernetes.io/zone,kubernetes.io/hostname\n', { preset: 'multi-az', quiet: true, files: { read: () => undefined } });
    expect(r.stdout.split('\n')[0]).toBe('NAME        STATUS   ROLES    AGE   VERSION   ZONE         HOSTNAME');
    expect(r.stdout.split('\n')[3]).toBe('worker-b1   Ready    <none>   0s    v1.34.0   us-east-1b   worker-b1');
  });
});

describe('kubectl create, imperatively', () => {
  it('makes ConfigMaps, Secrets and namespaces from the command line', () => {
    const r = runScript(
      'kubectl create configmap frontend-cm --from-literal=APP=frontend --from-literal=ENVIRONMENT=production\nkubectl get cm frontend-cm\nkubectl create secret generic db --from-literal=password=s3cr3t\nkubectl create namespace team-a\nkubectl create configmap frontend-cm\nkubectl create configmap\n',
      { preset: 'bare', quiet: true, files: { read: () => undefined } },
    );
    expect(r.stdout).toContain('configmap/frontend-cm created\nNAME          DATA   AGE\nfrontend-cm   2      0s\nsecret/db created\n');
    expect(r.stdout).toContain('namespace/team-a created\n');
    expect(r.stderr).toContain('error: failed to create configmap: configmaps "frontend-cm" already exists\n');
    expect(r.stderr).toContain("error: exactly one NAME is required, got 0\nSee 'kubectl create configmap -h' for help and examples\n");
    const secret = r.state.objects.Secret?.['default/db'];
    expect(secret && 'data' in secret ? secret.data : undefined).toEqual({ password: 'czNjcjN0' });
  });
});
