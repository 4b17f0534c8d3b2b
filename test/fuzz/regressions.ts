// Known bad inputs: the fuzzer's shrunk counterexamples (and a few found by hand while reading
// them), kept as fixed cases so a fix stays fixed. Each is replayed by regressions.test.ts
// through the same checks as the fuzzer. /tmp/h/fuzz-findings.md has the story of each.
import type { FuzzCase } from './check.ts';

const script = (text: string, preset: FuzzCase['preset'] = 'kind'): FuzzCase => ({ preset, seed: 1, dir: 'static-pv-pvc', steps: [{ via: 'script', text }] });
const heredoc = (cmd: string, yaml: string) => `${cmd} <<EOF\n${yaml}EOF\n`;

const laughs = (width: number, depth: number) =>
  ['x0: &a0 "lol"', ...Array.from({ length: depth }, (_, i) => `x${i + 1}: &a${i + 1} [${Array(width).fill(`*a${i}`).join(', ')}]`)].map((l) => `    ${l}\n`).join('');

export const REGRESSIONS: readonly { name: string; case: FuzzCase }[] = [
  {
    // F1: applyManifest's delete mode with a nameless cluster-scoped document: key.split on undefined.
    name: 'editor Delete of a StorageClass without metadata',
    case: { preset: 'kind', seed: 0, dir: 'configmap', steps: [{ via: 'apply', mode: 'delete', text: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nprovisioner: x\n' }] },
  },
  {
    // F2: kubectl delete -f resolves a kind that is not a string.
    name: 'kubectl delete -f with kind: [ConfigMap]',
    case: script(heredoc('kubectl delete -f -', 'apiVersion: v1\nkind: [ConfigMap]\nmetadata: {name: x}\n')),
  },
  {
    // F3: a name that is a map with a prototype-like key breaks string conversion in apply's pre-check.
    name: 'kubectl apply -f with metadata.name: {toString: 0}',
    case: script(heredoc('kubectl apply -f -', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {toString: 0}\n')),
  },
  {
    name: 'kubectl delete -f with metadata.name: {toString: 0}',
    case: script(heredoc('kubectl delete -f -', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {toString: 0}\n')),
  },
  {
    // F3 again, through getOwn(KINDS, kind) in apply's pre-check: a kind that stringifies through a shadowed toString.
    name: 'kubectl apply -f with kind: [{toString: 0}]',
    case: script(heredoc('kubectl apply -f -', 'apiVersion: v1\nkind: [{toString: 0}]\nmetadata: {name: x}\n')),
  },
  {
    // F5: a downwardAPI item without `path` passes validation; the container's first look at the volume crashes.
    name: 'downwardAPI item without path, read by the container command',
    case: script(heredoc('kubectl apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: busybox, command: [sh, -c, "ls /d && sleep 3600"], volumeMounts: [{name: d, mountPath: /d}]}]\n  volumes:\n  - name: d\n    downwardAPI:\n      items:\n      - fieldRef: {fieldPath: metadata.labels}\n')),
  },
  {
    name: 'configMap item without path',
    case: script(heredoc('kubectl apply -f -', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {a: x}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: busybox, command: [sh, -c, "ls /d && sleep 3600"], volumeMounts: [{name: d, mountPath: /d}]}]\n  volumes:\n  - name: d\n    configMap:\n      name: cm\n      items:\n      - key: a\n')),
  },
  {
    // F7: no ephemeral-volume controller: the pod runs although its claim <pod>-<volume> was never created.
    name: 'generic ephemeral volume: the pod must wait for its claim',
    case: script(heredoc('kubectl apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: busybox, command: [sh, -c, "sleep 3600"], volumeMounts: [{name: d, mountPath: /d}]}]\n  volumes:\n  - name: d\n    ephemeral:\n      volumeClaimTemplate:\n        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n')),
  },
  {
    // F6: dd's count/bs parsed with Number(): NaN or Infinity ends up as a file size in the state.
    name: 'dd count=1e308 on the Docker host',
    case: script("sudo sh -c 'dd if=/dev/zero of=/tmp/f bs=1M count=1e308'\n"),
  },
  {
    name: 'dd count=NaN in a docker container',
    case: script('docker run -d --name c1 busybox sleep 3600\ndocker exec c1 dd if=/dev/zero of=/tmp/f bs=1M count=NaN\n'),
  },
  {
    name: 'dd count=1e308 in a pod',
    case: script(heredoc('kubectl apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: busybox, command: [sh, -c, "sleep 3600"]}]\n') + 'kubectl exec p -- dd if=/dev/zero of=/tmp/f bs=1M count=1e308\n'),
  },
  {
    // F4: sleeping for 2^32 s while a container restarts every hour steps through every restart.
    name: 'sleep 4294967296 with a pod that restarts hourly',
    case: script(heredoc('kubectl apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: busybox, command: [sh, -c, "sleep 3600"]}]\n') + 'sleep 4294967296\n'),
  },
  {
    name: 'sleep 4294967296 on an empty cluster',
    case: script('sleep 4294967296 | cat\n'),
  },
  {
    // A bounded alias bomb (4^9 = 262,144 leaves) as a pod's finalizers: took 2.6 s at first.
    name: 'alias bomb in metadata.finalizers',
    case: { preset: 'kind', seed: 0, dir: 'configmap', steps: [{ via: 'apply', mode: 'apply', text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: laughs\n  finalizers:\n${laughs(4, 9)}` }] },
  },
  {
    name: 'alias bomb in ConfigMap data through kubectl apply',
    case: script(heredoc('kubectl apply -f -', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: laughs\ndata:\n${laughs(9, 6).replace(/^ {2}/gm, '')}`)),
  },
  {
    name: 'prototype-like names as commands and arguments',
    case: script(['constructor', '__proto__', 'toString', 'kubectl constructor', 'kubectl get __proto__', 'docker __proto__', 'docker image valueOf', 'kubesim hasOwnProperty', 'kubesim node fail __proto__', 'kubesim zone down constructor', 'kubectl get pvc toString -o yaml'].join('\n') + '\n'),
  },
  {
    // F8 (seed 2690): a stray quote on line 1 of a long script made the script reader parse the
    // growing text once per line (quadratic: 2.5 s for 450 KB). It now skips to the closing quote's line.
    name: 'a long script with an unclosed quote on its first line',
    case: script('"docker exec c sh -c true\n' + Array.from({ length: 400 }, (_, i) => `kubectl get pods ${' '.repeat(1000)}# ${i}`).join('\n') + '\n'),
  },
  {
    // F9 (seed 7621): an Immediate zonal StorageClass whose allowedTopologies requirement has no values crashed the provisioner.
    name: 'allowedTopologies requirement without values',
    case: { ...script(heredoc('kubectl apply -f -', 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: z\nprovisioner: ebs.csi.aws.com\nvolumeBindingMode: Immediate\nallowedTopologies:\n- matchLabelExpressions:\n  - key: topology.kubernetes.io/zone\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c}\nspec:\n  storageClassName: z\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n')), preset: 'multi-az' },
  },
];
