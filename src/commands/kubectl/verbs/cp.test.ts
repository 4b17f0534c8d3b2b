// `kubectl cp`: both ways between the script host and a container, through the exec path (so
// mounts count), with kubectl's and tar's words for what goes wrong.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../script/run-script.ts';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  volumes:
  - name: shared
    emptyDir: {}
  - name: conf
    configMap:
      name: conf
  containers:
  - name: writer
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    volumeMounts:
    - {name: shared, mountPath: /shared}
    - {name: conf, mountPath: /etc/conf}
  - name: reader
    image: nginx:1.27
    volumeMounts:
    - {name: shared, mountPath: /data}
`;
const FILES: Record<string, string> = { 'two.yaml': POD, 'note.txt': 'hello\n', 'site/index.html': '<h1>hi</h1>\n', 'site/css/main.css': 'h1{}\n' };
const files = {
  read: (p: string) => FILES[p],
  list: (p: string) => {
    const prefix = p === '.' ? '' : `${p.replace(/\/$/, '')}/`;
    const names = Object.keys(FILES).filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split('/')[0]!);
    return names.length ? [...new Set(names)] : undefined;
  },
};
const SETUP = 'kubectl create configmap conf --from-literal=a=1\nkubectl apply -f two.yaml\nkubectl run box --image=busybox:1.36 -- sleep 3600\nkubectl run web --image=nginx:1.27\n';
const run = (script: string) => runScript(SETUP + script, { preset: 'kind', quiet: true, files });
const after = (r: { stdout: string }) => r.stdout.split('pod/web created\n')[1];

describe('kubectl cp', () => {
  it('copies a local file into a container, and a directory into an existing directory under its own name', () => {
    const r = run('kubectl cp note.txt box:/tmp/note.txt\nkubectl exec box -- cat /tmp/note.txt\nkubectl cp site box:/tmp\nkubectl exec box -- cat /tmp/site/css/main.css\nkubectl cp site box:/tmp/www\nkubectl exec box -- ls /tmp/www\n');
    expect(r.stderr).toBe('');
    expect(after(r)).toBe('hello\nh1{}\ncss\nindex.html\n');
  });

  it('a file copied into a mounted volume lands in the volume: the other container sees it', () => {
    const r = run('kubectl cp note.txt two:/shared/note.txt -c writer\nkubectl exec two -c reader -- cat /data/note.txt\n');
    expect(r.stderr).toBe('');
    expect(after(r)).toBe('hello\n');
  });

  it('names the default container on stderr going in, and a read-only mount refuses the file as tar does', () => {
    const r = run('kubectl cp note.txt two:/etc/conf/x\n');
    expect(r.stderr).toBe('Defaulted container "writer" out of: writer, reader\ntar: can\'t open \'x\': Read-only file system\ncommand terminated with exit code 1\n');
    expect(r.exitCode).toBe(1);
  });

  it('copies from a container: tar\'s note on stdout, a file to DEST, a directory\'s contents into DEST', () => {
    const r = run('kubectl exec web -- sh -c "mkdir -p /srv/d && echo one > /srv/d/1 && echo two > /srv/f"\nkubectl cp web:/srv/f ./f.txt\ncat f.txt\nkubectl cp web:/srv/d out\nls out\nkubectl cp box:/etc/passwd pw\n');
    expect(r.stderr).toBe('');
    expect(after(r)).toBe("tar: Removing leading `/' from member names\ntwo\ntar: Removing leading `/' from member names\n1\ntar: removing leading '/' from member names\n");
  });

  it('a missing path in the container: GNU tar and busybox tar words, and the exit code', () => {
    const r = run('kubectl cp web:/nope x\n');
    expect(after(r)).toBe("tar: Removing leading `/' from member names\ntar: /nope: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n");
    expect(r.stderr).toBe('command terminated with exit code 2\n');
    const b = run('kubectl cp note.txt box:/nope/x\n');
    expect(b.stderr).toBe("tar: can't change directory to '/nope': No such file or directory\ncommand terminated with exit code 1\n");
  });

  it('skips symlinks with kubectl\'s warning, the first one saying how to keep them', () => {
    const r = run('kubectl exec box -- sh -c "mkdir -p /d && echo x > /d/f && ln -s /etc/passwd /d/a && ln -s /d /d/b"\nkubectl cp box:/d out\nls out\n');
    expect(r.stderr).toBe('warning: skipping symlink: "out/a" -> "/etc/passwd" (consider using "kubectl exec -n "default" "box" -- tar cf - "/d" | tar xf -")\nwarning: skipping symlink: "out/b" -> "/d"\n');
    expect(after(r)).toBe("tar: removing leading '/' from member names\nf\n");
  });

  it('an image without tar (distroless) cannot be copied to or from', () => {
    const r = run('kubectl run dl --image=gcr.io/distroless/static-debian12\nkubectl cp note.txt dl:/tmp/x\nkubectl cp dl:/etc/passwd x\n');
    const line = /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{32}": OCI runtime exec failed: exec failed: unable to start container process: exec: "tar": executable file not found in \$PATH: unknown$/;
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).toMatch(line);
  });

  it("kubectl's own errors", () => {
    const r = run('kubectl cp a:b c:d\nkubectl cp a b\nkubectl cp a\nkubectl cp missing.txt box:/tmp\nkubectl cp note.txt nope:/tmp\nkubectl cp note.txt :x\nkubectl cp note.txt box:\n');
    expect(r.stderr).toBe(
      [
        'error: one of src or dest must be a local file specification',
        'error: one of src or dest must be a remote file specification',
        'error: source and destination are required',
        "error: missing.txt doesn't exist in local filesystem",
        'Error from server (NotFound): pods "nope" not found',
        'error: filespec must match the canonical format: [[namespace/]pod:]file/path',
        'error: filepath can not be empty',
        '',
      ].join('\n'),
    );
  });
});
