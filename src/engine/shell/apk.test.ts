// apk in a running alpine container: `apk add curl` fetches both indexes and installs curl into
// the writable layer, where the pod's network tools find it (curl then runs, in sh and exec'd
// directly); a package the catalogue lacks cannot be selected. (A restart losing what apt
// installed: src/store/k8s-docs-interactive.test.ts.)
import { describe, expect, it } from 'vitest';
import { createCluster, execInPod, type ClusterState } from '../index.ts';
import { applyManifest } from '../write.ts';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: al
spec:
  containers:
  - name: c
    image: alpine:3.22
    command: ["sh", "-c", "sleep 3600"]
`;

const FETCH = 'fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/main/x86_64/APKINDEX.tar.gz\nfetch https://dl-cdn.alpinelinux.org/alpine/v3.22/community/x86_64/APKINDEX.tar.gz\n';

function session(state: ClusterState) {
  return {
    exec(argv: string[]) {
      const r = execInPod(state, 'default', 'al', 'c', argv, '');
      if (!r.ok) return { ok: false as const, reason: r.reason };
      state = r.state;
      return { stdout: r.stdout, stderr: r.stderr, code: r.code };
    },
    get state() {
      return state;
    },
  };
}

const cluster = () => applyManifest(createCluster({ preset: 'bare' }), POD, { mode: 'apply' }).state;

describe('apk in alpine', () => {
  it('add curl: fetched, installed, then curl runs from the pod; a second add has nothing to do', () => {
    const s = session(cluster());
    expect(s.exec(['sh', '-c', 'curl -sS http://localhost/'])).toEqual({ stdout: '', stderr: 'sh: curl: not found\n', code: 127 });
    expect(s.exec(['apk', 'add', 'curl'])).toEqual({
      stdout: `${FETCH}(1/1) Installing curl (8.14.1-r1)\nExecuting busybox-1.37.0-r18.trigger\nOK: 10 MiB in 16 packages\n`,
      stderr: '',
      code: 0,
    });
    // Nothing listens on port 80: curl's own error, so curl is running now.
    expect(s.exec(['sh', '-c', 'curl -sS http://localhost/'])).toMatchObject({ stderr: expect.stringMatching(/^curl: \(7\) Failed to connect to localhost port 80/), code: 7 });
    expect(s.exec(['curl', '-sS', 'http://localhost/'])).toMatchObject({ code: 7 });
    expect(s.exec(['apk', 'add', 'curl'])).toEqual({ stdout: `${FETCH}OK: 10 MiB in 16 packages\n`, stderr: '', code: 0 });
  });

  it('update lists both repositories; a package not in the catalogue cannot be selected (1), and nothing is installed', () => {
    const s = session(cluster());
    expect(s.exec(['apk', 'update'])).toMatchObject({ stdout: expect.stringMatching(/^fetch [\s\S]*\nOK: \d+ distinct packages available\n$/), code: 0 });
    expect(s.exec(['apk', 'add', 'curl', 'git'])).toEqual({
      stdout: FETCH,
      stderr: 'ERROR: unable to select packages:\n  git (no such package):\n    required by: world[git]\nkubesim: the simulated package catalogue has only curl\n',
      code: 1,
    });
    expect(s.exec(['sh', '-c', 'curl http://localhost/'])).toMatchObject({ code: 127 });
  });

});
