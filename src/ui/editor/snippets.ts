// Manifest templates for the editor: offered as completions (type `pvc` at the start of a line)
// and in the toolbar's Insert menu. Bodies use Monaco's snippet syntax, so Tab walks through the
// values a learner is likely to change; the defaults are the course's own (example-pv,
// example-pvc, 2Gi, /mnt/data, nginx, frontend-cm, …) so what they insert matches the lessons.
//
// Pure data plus a small expander: the Insert menu's fallback (before Monaco has loaded) and the
// tests need the text a snippet produces when every value is left as it is.

export interface ManifestSnippet {
  /** What the learner types to be offered it (matched by Monaco's fuzzy filter). */
  prefix: string;
  /** The Kubernetes kind, as the menu and completion list show it. */
  kind: string;
  /** One line on what it is for. */
  description: string;
  /** Monaco snippet syntax: `${1:default}`, `${2|a,b|}`, `$1` mirrors, `$0` final cursor. */
  body: string;
}

/** A choice of access mode at tab stop `stop`, ReadWriteOnce first (what the course uses). */
const accessModes = (stop: number) => `\${${stop}|ReadWriteOnce,ReadOnlyMany,ReadWriteMany,ReadWriteOncePod|}`;

const lines = (...l: string[]) => l.join('\n');

export const SNIPPETS: readonly ManifestSnippet[] = [
  {
    prefix: 'pv',
    kind: 'PersistentVolume',
    description: 'Made by hand: 5Gi at /mnt/data on the node',
    body: lines(
      'apiVersion: v1',
      'kind: PersistentVolume',
      'metadata:',
      '  name: ${1:example-pv}',
      'spec:',
      '  capacity:',
      '    storage: ${2:5Gi}',
      '  accessModes:',
      `    - ${accessModes(3)}`,
      '  persistentVolumeReclaimPolicy: ${4|Retain,Delete|}',
      '  hostPath:',
      '    path: ${5:/mnt/data}',
      '$0',
    ),
  },
  {
    prefix: 'pvc',
    kind: 'PersistentVolumeClaim',
    description: 'Asks for 2Gi, ReadWriteOnce',
    body: lines(
      'apiVersion: v1',
      'kind: PersistentVolumeClaim',
      'metadata:',
      '  name: ${1:example-pvc}',
      'spec:',
      '  accessModes:',
      `    - ${accessModes(2)}`,
      '  resources:',
      '    requests:',
      '      storage: ${3:2Gi}',
      '$0',
    ),
  },
  {
    prefix: 'sc',
    kind: 'StorageClass',
    description: 'Makes volumes on demand: local-path, EBS, …',
    body: lines(
      'apiVersion: storage.k8s.io/v1',
      'kind: StorageClass',
      'metadata:',
      '  name: ${1:example-sc}',
      'provisioner: ${2|rancher.io/local-path,ebs.csi.aws.com,kubernetes.io/no-provisioner|}',
      'reclaimPolicy: ${3|Delete,Retain|}',
      'volumeBindingMode: ${4|WaitForFirstConsumer,Immediate|}',
      '$0',
    ),
  },
  {
    prefix: 'pod',
    kind: 'Pod',
    description: 'nginx with the claim example-pvc and an emptyDir',
    body: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: ${1:example-pod}',
      'spec:',
      '  containers:',
      '    - name: ${2:nginx}',
      '      image: ${3:nginx}',
      '      volumeMounts:',
      '        - name: persistent-storage',
      '          mountPath: ${4:/usr/share/nginx/html}',
      '        - name: temp-storage',
      '          mountPath: ${5:/data}',
      '  volumes:',
      '    - name: persistent-storage',
      '      persistentVolumeClaim:',
      '        claimName: ${6:example-pvc}',
      '    - name: temp-storage',
      '      emptyDir: {}',
      '$0',
    ),
  },
  {
    prefix: 'configmap',
    kind: 'ConfigMap',
    description: 'Settings as key-value pairs',
    body: lines(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: ${1:frontend-cm}',
      'data:',
      '  APP: "${2:frontend}"',
      '  ENVIRONMENT: "${3:production}"',
      '$0',
    ),
  },
  {
    prefix: 'secret',
    kind: 'Secret',
    description: 'Credentials, stored base64-encoded',
    body: lines(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: ${1:frontend-secret}',
      'type: Opaque',
      'stringData:',
      '  DB_USER: ${2:frontenduser}',
      '  DB_PASSWORD: ${3:frontendpass}',
      '$0',
    ),
  },
  {
    prefix: 'deployment',
    kind: 'Deployment',
    description: 'Two nginx replicas, kept running',
    body: lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: ${1:frontend-deploy}',
      'spec:',
      '  replicas: ${2:2}',
      '  selector:',
      '    matchLabels:',
      '      app: ${3:frontend}',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: $3',
      '    spec:',
      '      containers:',
      '        - name: ${4:frontend-container}',
      '          image: ${5:nginx}',
      '$0',
    ),
  },
  {
    prefix: 'node',
    kind: 'Node',
    description: 'One more node joins, in a zone',
    body: lines(
      'apiVersion: v1',
      'kind: Node',
      'metadata:',
      '  name: ${1:kind-worker3}',
      '  labels:',
      '    topology.kubernetes.io/zone: ${2:us-east-1a}',
      '$0',
    ),
  },
];

/**
 * The text a snippet becomes when every value is left at its default: placeholders give their
 * default, choices their first option, mirrors (`$1` after `${1:x}`) the same value, and other
 * tab stops nothing. Covers the syntax the bodies above use (TextMate snippet grammar subset).
 */
export function expandSnippet(body: string): string {
  const values = new Map<string, string>();
  let text = parse(body, 0, values, false).text;
  // A default may itself hold placeholders (`${1:x-${2:y}}`): fill until none is left.
  for (let depth = 0; text.includes('\u0000') && depth <= values.size; depth++) {
    text = text.replace(/\u0000(\d+)\u0000/g, (_, n: string) => values.get(n) ?? '');
  }
  return text;
}

interface Parsed {
  text: string;
  end: number;
}

// Mirrors are written as \0n\0 during the walk and filled in afterwards, because a mirror may come
// before the placeholder that gives it its value.
function parse(src: string, start: number, values: Map<string, string>, nested: boolean): Parsed {
  let out = '';
  let i = start;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\' && i + 1 < src.length && '$}\\'.includes(src[i + 1]!)) {
      out += src[i + 1];
      i += 2;
    } else if (nested && c === '}') {
      return { text: out, end: i + 1 };
    } else if (c === '$') {
      const tabStop = /^\$(\d+)/.exec(src.slice(i));
      const braced = /^\$\{(\d+)([:|}])/.exec(src.slice(i));
      if (tabStop) {
        out += `\u0000${tabStop[1]}\u0000`;
        i += tabStop[0].length;
      } else if (braced) {
        const n = braced[1]!;
        i += braced[0].length;
        if (braced[2] === '}') {
          out += `\u0000${n}\u0000`;
        } else if (braced[2] === ':') {
          const inner = parse(src, i, values, true);
          if (!values.has(n)) values.set(n, inner.text);
          out += `\u0000${n}\u0000`;
          i = inner.end;
        } else {
          const close = src.indexOf('|}', i);
          if (close < 0) throw new Error(`unclosed choice at ${i}`);
          const first = src.slice(i, close).split(',')[0] ?? '';
          if (!values.has(n)) values.set(n, first);
          out += `\u0000${n}\u0000`;
          i = close + 2;
        }
      } else {
        out += c;
        i++;
      }
    } else {
      out += c;
      i++;
    }
  }
  if (nested) throw new Error('unclosed placeholder');
  return { text: out, end: i };
}
