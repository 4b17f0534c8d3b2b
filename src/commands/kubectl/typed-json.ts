// JSON as kubectl prints an object it holds as a Go struct (what `create`, `run` and the typed
// clients return): fields in the struct's declaration order, map keys sorted, 4-space indent.
// `get` prints unstructured maps instead, with every key sorted (output-formats.ts). The table
// covers the types kubectl's imperative commands build; a field it does not name comes after
// the named ones, sorted.
import { getOwn } from '../../lib/own.ts';

/** Struct field order per Go type (k8s.io/api, k8s.io/apimachinery meta/v1), with the field's own type. */
const STRUCTS: Record<string, Record<string, string>> = {
  ObjectMeta: {
    name: '', generateName: '', namespace: '', selfLink: '', uid: '', resourceVersion: '', generation: '', creationTimestamp: '', deletionTimestamp: '',
    deletionGracePeriodSeconds: '', labels: '', annotations: '', ownerReferences: '', finalizers: '', managedFields: '',
  },
  ConfigMap: { kind: '', apiVersion: '', metadata: 'ObjectMeta', immutable: '', data: '', binaryData: '' },
  Secret: { kind: '', apiVersion: '', metadata: 'ObjectMeta', immutable: '', data: '', stringData: '', type: '' },
  Namespace: { kind: '', apiVersion: '', metadata: 'ObjectMeta', spec: '', status: '' },
  ServiceAccount: { kind: '', apiVersion: '', metadata: 'ObjectMeta', secrets: '', imagePullSecrets: '', automountServiceAccountToken: '' },
  Pod: { kind: '', apiVersion: '', metadata: 'ObjectMeta', spec: 'PodSpec', status: '' },
  Deployment: { kind: '', apiVersion: '', metadata: 'ObjectMeta', spec: 'DeploymentSpec', status: '' },
  StatefulSet: { kind: '', apiVersion: '', metadata: 'ObjectMeta', spec: '', status: '' },
  ReplicaSet: { kind: '', apiVersion: '', metadata: 'ObjectMeta', spec: '', status: '' },
  DeploymentSpec: {
    replicas: '', selector: 'LabelSelector', template: 'PodTemplateSpec', strategy: '', minReadySeconds: '', revisionHistoryLimit: '', paused: '', progressDeadlineSeconds: '',
  },
  LabelSelector: { matchLabels: '', matchExpressions: '' },
  PodTemplateSpec: { metadata: 'ObjectMeta', spec: 'PodSpec' },
  PodSpec: {
    volumes: '', initContainers: 'Container', containers: 'Container', ephemeralContainers: '', restartPolicy: '', terminationGracePeriodSeconds: '',
    activeDeadlineSeconds: '', dnsPolicy: '', nodeSelector: '', serviceAccountName: '', serviceAccount: '', automountServiceAccountToken: '', nodeName: '',
    hostNetwork: '', hostPID: '', hostIPC: '', shareProcessNamespace: '', securityContext: '', imagePullSecrets: '', hostname: '', subdomain: '', affinity: '',
    schedulerName: '', tolerations: '', hostAliases: '', priorityClassName: '', priority: '', dnsConfig: '', readinessGates: '', runtimeClassName: '',
    enableServiceLinks: '', preemptionPolicy: '', overhead: '', topologySpreadConstraints: '', setHostnameAsFQDN: '', os: '', hostUsers: '',
    schedulingGates: '', resourceClaims: '', resources: '',
  },
  Container: {
    name: '', image: '', command: '', args: '', workingDir: '', ports: 'ContainerPort', envFrom: '', env: 'EnvVar', resources: '', resizePolicy: '',
    restartPolicy: '', restartPolicyRules: '', volumeMounts: '', volumeDevices: '', livenessProbe: '', readinessProbe: '', startupProbe: '', lifecycle: '',
    terminationMessagePath: '', terminationMessagePolicy: '', imagePullPolicy: '', securityContext: '', stdin: '', stdinOnce: '', tty: '',
  },
  ContainerPort: { name: '', hostPort: '', containerPort: '', protocol: '', hostIP: '' },
  EnvVar: { name: '', value: '', valueFrom: '' },
};

/** `kubectl create … -o json`: the object in its Go struct's field order. */
export function toTypedJson(obj: { kind: string }): string {
  return JSON.stringify(ordered(obj, obj.kind), null, 4) + '\n';
}

function ordered(v: unknown, type: string): unknown {
  if (Array.isArray(v)) return v.map((x) => ordered(x, type));
  if (!v || typeof v !== 'object') return v;
  const record = v as Record<string, unknown>;
  const fields = getOwn(STRUCTS, type);
  const keys = Object.keys(record);
  // A map (or a struct we do not list): encoding/json sorts map keys.
  const known = fields ? Object.keys(fields).filter((k) => keys.includes(k)) : [];
  const rest = keys.filter((k) => !known.includes(k)).sort();
  // Null prototype: any key (`__proto__` among them) is an ordinary property.
  const out = Object.create(null) as Record<string, unknown>;
  for (const k of [...known, ...rest]) out[k] = ordered(record[k], getOwn(fields, k) ?? '');
  return out;
}
