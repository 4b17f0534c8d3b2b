// kubectl with names and keys that are also Object.prototype members: `constructor` is a valid
// object name and works like any other; `toString`, `valueOf`, `hasOwnProperty` (capitals) and
// `__proto__` are not valid object names, so looking them up finds nothing; as label, annotation
// and ConfigMap keys they are data; as commands, flags and resource types they are unknown.
// Messages are kubectl 1.34's and the API server's, word for word.
import { afterEach, describe, expect, it } from 'vitest';
import { runScript } from '../script/run-script.ts';
import type { PresetName } from '../../engine/index.ts';

function sh(script: string, preset: PresetName = 'kind') {
  return runScript(script, { preset, quiet: true, files: { read: () => undefined } });
}

/** apimachinery v0.34 IsQualifiedName, for a key that starts or ends with `_`. */
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

const POD_X = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: x
spec:
  containers:
  - name: c
    image: busybox
    command: [sh, -c, sleep 3600]
EOF
`;

afterEach(() => {
  expect(Object.keys(Object.prototype)).toEqual([]);
});

describe('objects named constructor', () => {
  it('kubectl create namespace constructor creates it, once', () => {
    const r = sh('kubectl create namespace constructor\nkubectl create namespace constructor\nkubectl get namespace constructor --no-headers\n');
    expect(r.stdout).toBe('namespace/constructor created\nconstructor   Active   0s\n');
    expect(r.stderr).toBe('Error from server (AlreadyExists): namespaces "constructor" already exists\n');
  });

  it('a PV, StorageClass, claim and pod named constructor bind, run, show, label, annotate, patch and delete', () => {
    const r = sh(`kubectl apply -f - <<EOF
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: constructor
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: Immediate
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: constructor
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: constructor
  hostPath: {path: /mnt/constructor}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: constructor
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: constructor
  resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: Pod
metadata:
  name: constructor
spec:
  containers:
  - name: constructor
    image: busybox
    command: [sh, -c, sleep 3600]
    volumeMounts: [{name: data, mountPath: /data}]
  volumes:
  - name: data
    persistentVolumeClaim: {claimName: constructor}
EOF
kubectl get pvc constructor --no-headers
kubectl get pod constructor --no-headers
kubectl label pv constructor toString=1 valueOf=2
kubectl annotate pvc constructor hasOwnProperty=yes
kubectl patch storageclass constructor --type merge -p '{"metadata":{"labels":{"constructor":"c"}}}'
kubectl get pv constructor -o jsonpath
kubectl get pv -l toString=1,valueOf -o name
kubectl get storageclass -l constructor=c -o name
kubectl get storageclass -l '!constructor' -o name
kubectl describe pvc constructor
kubectl delete pod constructor --force --grace-period=0
kubectl delete pvc constructor
kubectl delete pv constructor
kubectl delete storageclass constructor
`);
    const out = r.stdout.split('\n');
    expect(out.slice(0, 4)).toEqual([
      'storageclass.storage.k8s.io/constructor created',
      'persistentvolume/constructor created',
      'persistentvolumeclaim/constructor created',
      'pod/constructor created',
    ]);
    expect(r.stdout).toMatch(/^constructor +Bound +constructor +1Gi +RWO +constructor +<unset> +0s$/m);
    expect(r.stdout).toMatch(/^constructor +1\/1 +Running +0 +0s$/m);
    expect(r.stdout).toContain('persistentvolume/constructor labeled\npersistentvolumeclaim/constructor annotated\nstorageclass.storage.k8s.io/constructor patched\n');
    expect(r.stdout).toContain('persistentvolume/constructor\nstorageclass.storage.k8s.io/constructor\nstorageclass.storage.k8s.io/standard\n');
    expect(r.stdout).toMatch(/^Annotations: +hasOwnProperty: yes$/m);
    expect(r.stdout).toContain('pod "constructor" force deleted from default namespace\npersistentvolumeclaim "constructor" deleted from default namespace\npersistentvolume "constructor" deleted\nstorageclass.storage.k8s.io "constructor" deleted\n');
    expect(r.stderr).toBe(
      'error: template format specified but no template given\n' +
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
  });

  it('a node named constructor takes pods, cordons, fails and comes back', () => {
    const r = sh(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Node
metadata:
  name: constructor
EOF
kubectl cordon constructor
kubectl uncordon constructor
kubesim node fail constructor
sleep 60
kubectl get node constructor --no-headers
kubesim node recover constructor
sleep 10
kubectl get node constructor --no-headers
kubectl delete node constructor
`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'node/constructor created\nnode/constructor cordoned\nnode/constructor uncordoned\n' +
        'node/constructor failed (powered off: its kubelet stopped posting status)\n' +
        'constructor   NotReady   <none>   60s   v1.34.0\n' +
        'node/constructor recovered (powered on: its kubelet posts status again)\n' +
        'constructor   Ready   <none>   70s   v1.34.0\n' +
        'node "constructor" deleted\n',
    );
  });
});

describe('names no object can have', () => {
  it.each([
    ['kubectl delete namespaces hasOwnProperty', 'Error from server (NotFound): namespaces "hasOwnProperty" not found'],
    ['kubectl get pv toString', 'Error from server (NotFound): persistentvolumes "toString" not found'],
    ['kubectl get pv valueOf -o yaml', 'Error from server (NotFound): persistentvolumes "valueOf" not found'],
    ['kubectl describe storageclass hasOwnProperty', 'Error from server (NotFound): storageclasses.storage.k8s.io "hasOwnProperty" not found'],
    ['kubectl delete node __proto__', 'Error from server (NotFound): nodes "__proto__" not found'],
    ['kubectl get pods/__proto__', 'Error from server (NotFound): pods "__proto__" not found'],
    ['kubectl label pv toString a=b', 'Error from server (NotFound): persistentvolumes "toString" not found'],
    ['kubectl patch node valueOf --type merge -p {}', 'Error from server (NotFound): nodes "valueOf" not found'],
    ['kubectl exec constructor -- ls', 'Error from server (NotFound): pods "constructor" not found'],
  ])('%s is NotFound', (command, message) => {
    const r = sh(command);
    expect(r.stderr).toBe(`${message}\n`);
    expect(r.exitCode).toBe(1);
  });
});

describe('keys that are Object.prototype members', () => {
  it('are ConfigMap keys like any other: created, shown, patched, deleted', () => {
    const r = sh(`kubectl create configmap constructor --from-literal=__proto__=p --from-literal=constructor=c --from-literal=toString=t
kubectl get configmap constructor -o yaml
kubectl patch configmap constructor --type merge -p '{"data":{"valueOf":"v","constructor":null}}'
kubectl describe configmap constructor
`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('configmap/constructor created\napiVersion: v1\ndata:\n  __proto__: p\n  constructor: c\n  toString: t\nkind: ConfigMap\n');
    expect(r.stdout).toContain('configmap/constructor patched\n');
    expect(r.stdout).toContain('Data\n====\n__proto__:\n----\np\n\ntoString:\n----\nt\n\nvalueOf:\n----\nv\n\n');
  });

  it('kubectl label pods x __proto__=y gets the API server\'s validation error, and the pod is untouched', () => {
    const r = sh(`${POD_X}kubectl label pods x __proto__=y\nkubectl get pod x --show-labels --no-headers\n`);
    expect(r.stderr).toBe(`The Pod "x" is invalid: metadata.labels: Invalid value: "__proto__": ${NAME_PART}\n`);
    expect(r.stdout).toMatch(/^x +1\/1 +Running +0 +0s +<none>$/m);
  });

  it('a merge patch with __proto__ keys is validated, not merged into a prototype', () => {
    const r = sh(`${POD_X}kubectl patch pod x --type merge -p '{"metadata":{"annotations":{"__proto__":"y"}}}'\nkubectl patch pod x --type merge -p '{"metadata":{"labels":{"constructor":"c","toString":"t"}}}'\nkubectl get pods -l constructor=c,toString -o name\n`);
    expect(r.stderr).toBe(`The Pod "x" is invalid: metadata.annotations: Invalid value: "__proto__": ${NAME_PART}\n`);
    expect(r.stdout).toBe('pod/x created\npod/x patched\npod/x\n');
  });

  it("describe shows '' for a downward API label the pod does not have", () => {
    const r = sh(POD_X.replace('  name: x\n', '  name: x\n  labels: {app: x}\n').replace('    command:', "    env:\n    - name: A\n      valueFrom: {fieldRef: {fieldPath: \"metadata.labels['constructor']\"}}\n    command:") + 'kubectl describe pod x\n');
    expect(r.stdout).toMatch(/^ {6}A: {3}\(v1:metadata\.labels\['constructor'\]\)$/m);
  });

  it('label columns (-L) for keys an object does not have are empty', () => {
    const r = sh('kubectl get nodes -L constructor,toString\n');
    expect(r.stdout.split('\n')[0]).toMatch(/ VERSION +CONSTRUCTOR +TOSTRING$/);
    expect(r.stdout.split('\n')[1]).toMatch(/^kind-control-plane +Ready +control-plane +0s +v1\.34\.0 *$/);
  });

  it('an existing key is not confused with an inherited one when --overwrite is missing', () => {
    const r = sh(`${POD_X}kubectl label pod x toString=1\nkubectl label pod x toString=2\nkubectl annotate pod x valueOf=1\n`);
    expect(r.stdout).toBe('pod/x created\npod/x labeled\npod/x annotated\n');
    expect(r.stderr).toBe("error: 'toString' already has a value (1), and --overwrite is false\n");
  });
});

describe('commands, flags and resource types', () => {
  it.each([
    ['kubectl get constructor', 'error: the server doesn\'t have a resource type "constructor"\n'],
    ['kubectl get __proto__', 'error: the server doesn\'t have a resource type "__proto__"\n'],
    ['kubectl constructor', 'Error: unknown command "constructor" for "kubectl"\n'],
    ['kubectl __proto__', 'Error: unknown command "__proto__" for "kubectl"\n'],
    ['kubectl get pv --constructor', "Error: unknown flag: --constructor\nSee 'kubectl get --help' for usage.\n"],
    ['constructor', 'constructor: command not found\n'],
  ])('%s is unknown', (command, stderr) => {
    const r = sh(command);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(1);
  });

  it.each(['constructor', '__proto__', 'toString'])('a manifest of kind %s has no resource mapping', (kind) => {
    const r = sh(`kubectl apply -f - <<EOF\napiVersion: v1\nkind: ${kind}\nmetadata:\n  name: a\nEOF\n`);
    expect(r.stderr).toBe(`error: resource mapping not found for name: "a" namespace: "" from "STDIN": no matches for kind "${kind}" in version "v1"\nensure CRDs are installed first\n`);
  });

  it('kubectl exec runs no command named after a prototype member', () => {
    const r = sh(`${POD_X}kubectl exec x -- constructor\nkubectl exec x -- sh -c 'toString; echo "[$__proto__][$constructor]"'\n`);
    expect(r.stderr).toMatch(/exec: "constructor": executable file not found in \$PATH: unknown\n/);
    expect(r.stderr).toContain('sh: toString: not found\n');
    expect(r.stdout).toBe('pod/x created\n[][]\n');
  });
});
