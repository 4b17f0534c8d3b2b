// The course's ephemeral volumes, command by command: two containers sharing an emptyDir, and
// the downward API as environment variables and as files. Manifests with the course's fields and
// values, written with a quoted heredoc (<<'EOF'), so that bash expands nothing in them: the
// course's own copies carry comments with backquotes, which an unquoted <<EOF runs as commands.
import { describe, expect, it } from 'vitest';
import { runCourse } from './course-script.ts';

const EMPTYDIR = `cat <<'EOF' > emptydir.yaml
apiVersion: v1
kind: Pod
metadata:
  name: emptydir-example
spec:
  containers:
  - name: busybox-container
    image: busybox
    command: ["/bin/sh", "-c", "sleep 3600"]
    volumeMounts:
    - mountPath: /data
      name: temp-storage
  - name: busybox-container-2
    image: busybox
    command: ["/bin/sh", "-c", "sleep 3600"]
    volumeMounts:
    - mountPath: /data
      name: temp-storage
  volumes:
  - name: temp-storage
    emptyDir: {}
EOF
kubectl apply -f emptydir.yaml
kubectl exec emptydir-example -c busybox-container -- sh -c 'echo "What a file!" > /data/myfile.txt'
kubectl exec emptydir-example -c busybox-container-2 -- cat /data/myfile.txt
`;

describe('course: emptyDir', () => {
  it('a file written by one container is read by the other', () => {
    const r = runCourse(EMPTYDIR);
    expect(r.stderr).toBe('');
    expect(r.out('kubectl apply -f emptydir.yaml')).toBe('pod/emptydir-example created\n');
    expect(r.out(`kubectl exec emptydir-example -c busybox-container -- sh -c 'echo "What a file!" > /data/myfile.txt'`)).toBe('');
    expect(r.out('kubectl exec emptydir-example -c busybox-container-2 -- cat /data/myfile.txt')).toBe('What a file!\n');
  });

  it('outside the shared volume each container keeps its own writable layer', () => {
    const r = runCourse(
      EMPTYDIR +
        "kubectl exec emptydir-example -c busybox-container -- sh -c 'echo mine > /tmp/own.txt'\n" +
        'kubectl exec emptydir-example -c busybox-container-2 -- cat /tmp/own.txt\n',
    );
    expect(r.out('kubectl exec emptydir-example -c busybox-container-2 -- cat /tmp/own.txt')).toBe('');
    expect(r.stderr).toBe("cat: can't open '/tmp/own.txt': No such file or directory\ncommand terminated with exit code 1\n");
  });
});

const DOWNWARD_ENV = `cat <<'EOF' > downwardapi-example.yaml
apiVersion: v1
kind: Pod
metadata:
  name: downwardapi-example
  labels:
    app: demo
spec:
  containers:
  - name: metadata-container
    image: busybox
    command: ["/bin/sh", "-c", "env && sleep 3600"] 
    env:
    - name: POD_NAME
      valueFrom:
        fieldRef:
          fieldPath: metadata.name
    - name: POD_NAMESPACE
      valueFrom:
        fieldRef:
          fieldPath: metadata.namespace
EOF
kubectl apply -f downwardapi-example.yaml
kubectl exec downwardapi-example -- env | grep POD_
`;

const DOWNWARD_FILES = `cat <<'EOF' > downwardapi-volume.yaml
apiVersion: v1
kind: Pod
metadata:
  name: downwardapi-volume
  labels:
    app: good_app
    owner: hr
  annotations:
    version: "good_version"
spec:
  containers:
  - name: metadata-container
    image: busybox
    command: ["/bin/sh", "-c", "cat /etc/podinfo/* && sleep 3600"]
    volumeMounts:
    - name: downwardapi-volume
      mountPath: /etc/podinfo
  volumes:
  - name: downwardapi-volume
    downwardAPI:
      items:
      - path: "labels"
        fieldRef:
          fieldPath: metadata.labels
      - path: "annotations"
        fieldRef:
          fieldPath: metadata.annotations
EOF
kubectl apply -f downwardapi-volume.yaml
`;

// What `kubectl apply` records on the pod; the downward API writes every annotation.
const LAST_APPLIED =
  'kubectl.kubernetes.io/last-applied-configuration="{\\"apiVersion\\":\\"v1\\",\\"kind\\":\\"Pod\\",\\"metadata\\":{\\"annotations\\":{\\"version\\":\\"good_version\\"},\\"labels\\":{\\"app\\":\\"good_app\\",\\"owner\\":\\"hr\\"},\\"name\\":\\"downwardapi-volume\\",\\"namespace\\":\\"default\\"},' +
  '\\"spec\\":{\\"containers\\":[{\\"command\\":[\\"/bin/sh\\",\\"-c\\",\\"cat /etc/podinfo/* \\\\u0026\\\\u0026 sleep 3600\\"],\\"image\\":\\"busybox\\",\\"name\\":\\"metadata-container\\",\\"volumeMounts\\":[{\\"mountPath\\":\\"/etc/podinfo\\",\\"name\\":\\"downwardapi-volume\\"}]}],' +
  '\\"volumes\\":[{\\"downwardAPI\\":{\\"items\\":[{\\"fieldRef\\":{\\"fieldPath\\":\\"metadata.labels\\"},\\"path\\":\\"labels\\"},{\\"fieldRef\\":{\\"fieldPath\\":\\"metadata.annotations\\"},\\"path\\":\\"annotations\\"}]},\\"name\\":\\"downwardapi-volume\\"}]}}\\n"';

describe('course: downward API', () => {
  it('as environment variables: POD_NAME and POD_NAMESPACE', () => {
    const r = runCourse(DOWNWARD_ENV);
    expect(r.stderr).toBe('');
    expect(r.out('kubectl exec downwardapi-example -- env | grep POD_')).toBe('POD_NAME=downwardapi-example\nPOD_NAMESPACE=default\n');
  });

  it('as files: symlinks through ..data, the labels and the annotations', () => {
    // The course types these lines in `kubectl exec -it downwardapi-volume -- /bin/sh`; a script
    // gives them to the shell on its stdin, and kubectl says it has no terminal.
    const r = runCourse(DOWNWARD_FILES + 'kubectl exec -it downwardapi-volume -- /bin/sh <<EOF\ncd /etc/podinfo\nls -l\nEOF\n' +
      'kubectl exec downwardapi-volume -- cat /etc/podinfo/labels\n');
    expect(r.stderr).toBe('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    expect(r.out('kubectl exec -it downwardapi-volume -- /bin/sh <<EOF')).toMatch(
      /lrwxrwxrwx +1 root +root +18 \w{3} [ \d]\d \d\d:\d\d annotations -> \.\.data\/annotations\nlrwxrwxrwx +1 root +root +13 \w{3} [ \d]\d \d\d:\d\d labels -> \.\.data\/labels\n$/,
    );
    // As the course shows, one key="value" per line; the kubelet writes no final newline.
    expect(r.out('kubectl exec downwardapi-volume -- cat /etc/podinfo/labels')).toBe('app="good_app"\nowner="hr"');
  });

  it('as files: the annotations', () => {
    const r = runCourse(DOWNWARD_FILES + 'kubectl exec downwardapi-volume -- cat /etc/podinfo/annotations\n');
    // The course shows only version="good_version": it created the pod without `kubectl apply`'s
    // annotation. Sorted by key, the last-applied-configuration comes first.
    expect(r.out('kubectl exec downwardapi-volume -- cat /etc/podinfo/annotations')).toBe(`${LAST_APPLIED}\nversion="good_version"`);
  });

  // busybox (CONFIG_DESKTOP) starts `ls -l DIR` with its total: the two symlinks use no blocks.
  it('ls -l in /etc/podinfo starts with total 0', () => {
    const r = runCourse(DOWNWARD_FILES + 'kubectl exec -i downwardapi-volume -- /bin/sh <<EOF\ncd /etc/podinfo\nls -l\nEOF\n');
    expect(r.out('kubectl exec -i downwardapi-volume -- /bin/sh <<EOF')).toMatch(/^total 0\nlrwxrwxrwx /);
  });

  it('kubectl logs: the container printed both files as it started', () => {
    const r = runCourse(DOWNWARD_FILES + 'kubectl logs downwardapi-volume\n');
    // `cat /etc/podinfo/*`: the shell sorts the names (annotations before labels), and with no
    // final newline in the files, the last annotation and the first label share a line. The
    // course shows labels first, each on its own line.
    expect(r.out('kubectl logs downwardapi-volume')).toBe(`${LAST_APPLIED}\nversion="good_version"app="good_app"\nowner="hr"`);
  });
});
