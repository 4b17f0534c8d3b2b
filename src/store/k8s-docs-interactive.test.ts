// The kubernetes.io storage tasks followed word for word at the browser terminal, their
// interactive steps included: `kubectl exec -it POD -- /bin/bash` opens the container's shell,
// the lines the page shows are typed at its prompt (apt-get update, apt-get install procps,
// ps aux, curl localhost, kill), and `exit` comes back. The manifests are the pages' own
// (k8s.io/examples). Each test keeps the screen as a terminal shows it: prompt, typed line,
// output, so an assertion reads like the page.
import { describe, expect, it } from 'vitest';
import { createAppStore } from './app-store.ts';

/** A terminal in a fresh kind cluster: `type` sends lines to whatever is in the foreground and returns what they put on the screen. */
async function terminal(): Promise<{ type: (...lines: string[]) => Promise<string>; prompt: () => string }> {
  const store = createAppStore({ seed: 1 });
  await store.getState().resetCluster('kind');
  let prompt = '$ ';
  const type = async (...lines: string[]) => {
    let screen = '';
    for (const line of lines) {
      const r = await store.getState().runCommand(line, prompt === '$ ' ? undefined : 'line');
      screen += `${prompt}${line}\n${r.chunks.map((c) => c.text).join('')}`;
      prompt = r.interactive?.prompt ?? '$ ';
    }
    return screen;
  };
  return { type, prompt: () => prompt };
}

const apply = (yaml: string) => `kubectl apply -f - <<'EOF'\n${yaml}EOF`;

/** What `apt-get update` prints at a terminal the first time: bookworm's three sources and their package lists. */
const APT_GET_UPDATE =
  'Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]\n' +
  'Get:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]\n' +
  'Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]\n' +
  'Get:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8792 kB]\n' +
  'Get:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [13.5 kB]\n' +
  'Get:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [276 kB]\n' +
  'Fetched 9336 kB in 1s (9336 kB/s)\n' +
  'Reading package lists... Done\n';

const READING = 'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n';

/** procps unpacked by dpkg, after apt's summary. */
const PROCPS_INSTALLED =
  'The following NEW packages will be installed:\n  procps\n' +
  '0 upgraded, 1 newly installed, 0 to remove and 0 not upgraded.\n' +
  'Need to get 709 kB of archives.\n' +
  'After this operation, 5000 kB of additional disk space will be used.\n' +
  'Get:1 http://deb.debian.org/debian bookworm/main amd64 procps amd64 2:4.0.2-3 [709 kB]\n' +
  'debconf: delaying package configuration, since apt-utils is not installed\n' +
  'Fetched 709 kB in 0s (7090 kB/s)\n' +
  'Selecting previously unselected package procps.\n' +
  '(Reading database ... 6089 files and directories currently installed.)\n' +
  'Preparing to unpack .../procps_2%3a4.0.2-3_amd64.deb ...\n' +
  'Unpacking procps (2:4.0.2-3) ...\n' +
  'Setting up procps (2:4.0.2-3) ...\n';

const PS_HEADER = 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n';

// Pages that start several pods: the first test pays for loading the command layer.
describe('kubernetes.io storage tasks, typed at the terminal', { timeout: 60_000 }, () => {
  it('Configure a Pod to Use a Volume for Storage: a file in the emptyDir outlives the redis process the learner kills', async () => {
    const t = await terminal();
    await t.type(
      apply(`apiVersion: v1
kind: Pod
metadata:
  name: redis
spec:
  containers:
  - name: redis
    image: redis
    volumeMounts:
    - name: redis-storage
      mountPath: /data/redis
  volumes:
  - name: redis-storage
    emptyDir: {}
`),
    );
    // The terminal has no second window to keep a watch in: --watch prints the table and returns.
    expect(await t.type('kubectl get pod redis --watch')).toBe('$ kubectl get pod redis --watch\nNAME    READY   STATUS    RESTARTS   AGE\nredis   1/1     Running   0          0s\n');
    expect(await t.type('kubectl exec -it redis -- /bin/bash', 'cd /data/redis/', 'echo Hello > test-file')).toBe(
      '$ kubectl exec -it redis -- /bin/bash\nroot@redis:/data# cd /data/redis/\nroot@redis:/data/redis# echo Hello > test-file\n',
    );
    expect(await t.type('apt-get update')).toBe(`root@redis:/data/redis# apt-get update\n${APT_GET_UPDATE}`);
    // procps has no dependencies in the catalogue, so apt installs it without asking [Y/n].
    expect(await t.type('apt-get install procps')).toBe(`root@redis:/data/redis# apt-get install procps\n${READING}${PROCPS_INSTALLED}`);
    expect(await t.type('ps aux')).toBe(
      'root@redis:/data/redis# ps aux\n' +
        PS_HEADER +
        'redis          1  0.0  0.0  33308  3828 ?        Ssl  00:00   0:00 redis-server *:6379\n' +
        'root           2  0.0  0.0   4188  3456 pts/0    Ss   00:00   0:00 /bin/bash\n' +
        'root           9  0.0  0.0   8088  4096 pts/0    R+   00:00   0:00 ps aux\n',
    );
    // `kill <pid>`: redis-server is PID 1; the container ends, and this shell with it.
    expect(await t.type('kill 1')).toBe('root@redis:/data/redis# kill 1\ncommand terminated with exit code 137\n');
    expect(t.prompt()).toBe('$ ');
    expect(await t.type('kubectl get pod redis')).toBe('$ kubectl get pod redis\nNAME    READY   STATUS    RESTARTS     AGE\nredis   1/1     Running   1 (0s ago)   0s\n');
    expect(await t.type('kubectl exec -it redis -- /bin/bash', 'cd /data/redis/', 'ls')).toBe(
      '$ kubectl exec -it redis -- /bin/bash\nroot@redis:/data# cd /data/redis/\nroot@redis:/data/redis# ls\ntest-file\n',
    );
    // What apt installed was in the old container's writable layer: the restarted one has no ps.
    expect(await t.type('ps aux', 'exit')).toBe('root@redis:/data/redis# ps aux\nbash: ps: command not found\nroot@redis:/data/redis# exit\nexit\ncommand terminated with exit code 127\n');
    expect(await t.type('kubectl delete pod redis')).toBe('$ kubectl delete pod redis\npod "redis" deleted from default namespace\n');
  });

  it('Configure a Pod to Use a PersistentVolume for Storage: the node’s index.html served through the claim', async () => {
    const t = await terminal();
    // On kind the node is a container: `docker exec -it kind-control-plane bash` stands for `minikube ssh`.
    // kind's node runs its shell as root and has no sudo: the page's `sudo` lines are typed without it.
    expect(
      await t.type(
        'docker exec -it kind-control-plane bash',
        'sudo mkdir /mnt/data',
        'mkdir /mnt/data',
        `sh -c "echo 'Hello from Kubernetes storage' > /mnt/data/index.html"`,
        'cat /mnt/data/index.html',
        'exit',
      ),
    ).toBe(
      '$ docker exec -it kind-control-plane bash\n' +
        'root@kind-control-plane:/# sudo mkdir /mnt/data\nbash: sudo: command not found\n' +
        'root@kind-control-plane:/# mkdir /mnt/data\n' +
        `root@kind-control-plane:/# sh -c "echo 'Hello from Kubernetes storage' > /mnt/data/index.html"\n` +
        'root@kind-control-plane:/# cat /mnt/data/index.html\nHello from Kubernetes storage\n' +
        'root@kind-control-plane:/# exit\nexit\n',
    );
    await t.type(
      apply(`apiVersion: v1
kind: PersistentVolume
metadata:
  name: task-pv-volume
  labels:
    type: local
spec:
  storageClassName: manual
  capacity:
    storage: 10Gi
  accessModes:
    - ReadWriteOnce
  hostPath:
    path: "/mnt/data"
`),
    );
    expect(await t.type('kubectl get pv task-pv-volume')).toContain('task-pv-volume   10Gi       RWO            Retain           Available           manual');
    await t.type(
      apply(`apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: task-pv-claim
spec:
  storageClassName: manual
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 3Gi
`),
    );
    expect(await t.type('kubectl get pv task-pv-volume')).toContain('Bound    default/task-pv-claim   manual');
    expect(await t.type('kubectl get pvc task-pv-claim')).toContain('task-pv-claim   Bound    task-pv-volume   10Gi       RWO            manual');
    await t.type(
      apply(`apiVersion: v1
kind: Pod
metadata:
  name: task-pv-pod
spec:
  containers:
  - image: nginx
    name: task-pv-container
    ports:
    - containerPort: 80
      name: http-server
    volumeMounts:
    - mountPath: /usr/share/nginx/html
      name: task-pv-storage
  volumes:
  - name: task-pv-storage
    persistentVolumeClaim:
      claimName: task-pv-claim
`),
    );
    expect(await t.type('kubectl get pod task-pv-pod')).toContain('task-pv-pod   1/1     Running   0');
    await t.type('kubectl exec -it task-pv-pod -- /bin/bash');
    // apt (not apt-get) at a terminal: no CLI warning, and it says whether anything can be upgraded.
    expect(await t.type('# Be sure to run these 3 commands inside the root shell that comes from', 'apt update')).toBe(
      'root@task-pv-pod:/# # Be sure to run these 3 commands inside the root shell that comes from\n' +
        `root@task-pv-pod:/# apt update\n${APT_GET_UPDATE}Building dependency tree... Done\nReading state information... Done\nAll packages are up to date.\n`,
    );
    // The nginx image ships curl.
    expect(await t.type('apt install curl')).toBe(
      `root@task-pv-pod:/# apt install curl\n${READING}curl is already the newest version (7.88.1-10+deb12u12).\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n`,
    );
    // curl's stdout is the terminal: the page's text and no progress meter.
    expect(await t.type('curl http://localhost/')).toBe('root@task-pv-pod:/# curl http://localhost/\nHello from Kubernetes storage\n');
    expect(await t.type('exit')).toBe('root@task-pv-pod:/# exit\nexit\n');
    expect(await t.type('kubectl delete pod task-pv-pod', 'kubectl delete pvc task-pv-claim', 'kubectl delete pv task-pv-volume')).toBe(
      '$ kubectl delete pod task-pv-pod\npod "task-pv-pod" deleted from default namespace\n' +
        '$ kubectl delete pvc task-pv-claim\npersistentvolumeclaim "task-pv-claim" deleted from default namespace\n' +
        '$ kubectl delete pv task-pv-volume\npersistentvolume "task-pv-volume" deleted\n',
    );
    // The clean-up on the node: the file outlived the volume (Retain).
    expect(await t.type('docker exec -it kind-control-plane bash', 'rm /mnt/data/index.html', 'rmdir /mnt/data', 'ls /mnt', 'exit')).toBe(
      '$ docker exec -it kind-control-plane bash\nroot@kind-control-plane:/# rm /mnt/data/index.html\nroot@kind-control-plane:/# rmdir /mnt/data\nroot@kind-control-plane:/# ls /mnt\nroot@kind-control-plane:/# exit\nexit\n',
    );
  });

  it('Communicate Between Containers in the Same Pod Using a Shared Volume: nginx serves what the debian container wrote', async () => {
    const t = await terminal();
    // The page's manifest is JSON-style YAML.
    await t.type(
      apply(`---
{
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name: "two-containers",
  },
  spec: {
    restartPolicy: "Never",
    volumes: [{
      name: "shared-data",
      emptyDir: {},
    }],
    containers: [{
      name: "nginx-container",
      image: "nginx",
      volumeMounts: [{
        name: "shared-data",
        mountPath: "/usr/share/nginx/html",
      }],
    }, {
      name: "debian-container",
      image: "debian",
      volumeMounts: [{
        name: "shared-data",
        mountPath: "/pod-data",
      }],
      command: [
        "/bin/sh",
      ],
      args: [
        "-c",
        "echo Hello from the debian container > /pod-data/index.html",
      ],
    }],
  },
}
`),
    );
    const yaml = await t.type('kubectl get pod two-containers --output=yaml');
    expect(yaml).toMatch(/- containerID: containerd:\/\/[0-9a-f]{64}\n {4}image: docker\.io\/library\/debian:latest\n[\s\S]*name: debian-container\n[\s\S]*terminated:\n/);
    await t.type('kubectl exec -it two-containers -c nginx-container -- /bin/bash');
    expect(await t.type('apt-get update')).toBe(`root@two-containers:/# apt-get update\n${APT_GET_UPDATE}`);
    expect(await t.type('apt-get install curl procps')).toBe(
      `root@two-containers:/# apt-get install curl procps\n${READING}curl is already the newest version (7.88.1-10+deb12u12).\n${PROCPS_INSTALLED}`,
    );
    expect(await t.type('ps aux')).toBe(
      'root@two-containers:/# ps aux\n' +
        PS_HEADER +
        'root           1  0.0  0.0  11404  7484 ?        Ss   00:00   0:00 nginx: master process nginx -g daemon off;\n' +
        'nginx         29  0.0  0.0  11868  2900 ?        S    00:00   0:00 nginx: worker process\n' +
        'nginx         30  0.0  0.0  11868  2900 ?        S    00:00   0:00 nginx: worker process\n' +
        'root          31  0.0  0.0   4188  3456 pts/0    Ss   00:00   0:00 /bin/bash\n' +
        'root          38  0.0  0.0   8088  4096 pts/0    R+   00:00   0:00 ps aux\n',
    );
    expect(await t.type('curl localhost')).toBe('root@two-containers:/# curl localhost\nHello from the debian container\n');
    expect(await t.type('exit')).toBe('root@two-containers:/# exit\nexit\n');
  });

  it('Expose Pod Information to Containers Through Files: the labels file and the ..data symlinks, from sh', async () => {
    const t = await terminal();
    await t.type(
      apply(`---
{
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name: "kubernetes-downwardapi-volume-example",
    labels: {
      zone: "us-est-coast",
      cluster: "test-cluster1",
      rack: "rack-22",
    },
    annotations: {
      build: "two",
      builder: "john-doe",
    },
  },
  spec: {
    containers: [{
      name: "client-container",
      image: "registry.k8s.io/busybox:1.27.2",
      command: [
        "sh",
        "-c",
      ],
      args: [
        "while true; do if [[ -e /etc/podinfo/labels ]]; then echo -en '\\\\n\\\\n'; cat /etc/podinfo/labels; fi; if [[ -e /etc/podinfo/annotations ]]; then echo -en '\\\\n\\\\n'; cat /etc/podinfo/annotations; fi; sleep 5; done;",
      ],
      volumeMounts: [{
        name: "podinfo",
        mountPath: "/etc/podinfo",
      }],
    }],
    volumes: [{
      name: "podinfo",
      downwardAPI: {
        items: [{
          path: "labels",
          fieldRef: {
            fieldPath: "metadata.labels",
          },
        }, {
          path: "annotations",
          fieldRef: {
            fieldPath: "metadata.annotations",
          },
        }],
      },
    }],
  },
}
`),
    );
    // The page's output, then the annotation `kubectl apply` adds, which a real cluster writes into the file too.
    expect(await t.type('kubectl logs kubernetes-downwardapi-volume-example')).toMatch(
      /^\$ kubectl logs kubernetes-downwardapi-volume-example\n\n\ncluster="test-cluster1"\nrack="rack-22"\nzone="us-est-coast"\n\nbuild="two"\nbuilder="john-doe"\nkubectl\.kubernetes\.io\/last-applied-configuration="\{\\"apiVersion\\":\\"v1\\",/,
    );
    // busybox's ash prompt; the files have no final newline, so the next prompt follows on the line.
    expect(await t.type('kubectl exec -it kubernetes-downwardapi-volume-example -- sh', 'cat /etc/podinfo/labels')).toBe(
      '$ kubectl exec -it kubernetes-downwardapi-volume-example -- sh\n/ # cat /etc/podinfo/labels\ncluster="test-cluster1"\nrack="rack-22"\nzone="us-est-coast"',
    );
    expect(await t.type('cat /etc/podinfo/annotations')).toMatch(/^\/ # cat \/etc\/podinfo\/annotations\nbuild="two"\nbuilder="john-doe"\nkubectl\.kubernetes\.io\/last-applied-configuration="\{.*\}\\n"$/);
    const listing = await t.type('ls -laR /etc/podinfo');
    const dir = /\.\.data -> (\.\.2026_01_01_00_00_00\.\d+)\n/.exec(listing)?.[1];
    expect(dir).toBeDefined();
    expect(listing).toMatch(/\nlrwxrwxrwx +1 root +root +\d+ Jan +1 00:00 annotations -> \.\.data\/annotations\n/);
    expect(listing).toMatch(/\nlrwxrwxrwx +1 root +root +\d+ Jan +1 00:00 labels -> \.\.data\/labels\n/);
    expect(listing).toContain(`\n/etc/podinfo/${dir}:\ntotal `);
    expect(listing).toMatch(/\n-rw-r--r-- +1 root +root +\d+ Jan +1 00:00 labels\n/);
    expect(await t.type('exit')).toBe('/ # exit\n');
    expect(t.prompt()).toBe('$ ');
  });

  it('Configure a Pod to Use a Projected Volume for Storage: both Secrets in one directory, listed from /bin/sh', async () => {
    const t = await terminal();
    await t.type('echo -n "admin" > ./username.txt', 'echo -n "1f2d1e2e67df" > ./password.txt');
    expect(await t.type('kubectl create secret generic user --from-file=./username.txt', 'kubectl create secret generic pass --from-file=./password.txt')).toBe(
      '$ kubectl create secret generic user --from-file=./username.txt\nsecret/user created\n$ kubectl create secret generic pass --from-file=./password.txt\nsecret/pass created\n',
    );
    await t.type(
      apply(`apiVersion: v1
kind: Pod
metadata:
  name: test-projected-volume
spec:
  containers:
  - args:
    - sleep
    - "86400"
    image: busybox:1.28
    name: test-projected-volume
    volumeMounts:
    - mountPath: /projected-volume
      name: all-in-one
      readOnly: true
  volumes:
  - name: all-in-one
    projected:
      sources:
      - secret:
          name: user
      - secret:
          name: pass
`),
    );
    expect(await t.type('kubectl get --watch pod test-projected-volume')).toBe(
      '$ kubectl get --watch pod test-projected-volume\nNAME                    READY   STATUS    RESTARTS   AGE\ntest-projected-volume   1/1     Running   0          0s\n',
    );
    // ls at a terminal: the names in columns, as busybox prints them.
    expect(await t.type('kubectl exec -it test-projected-volume -- /bin/sh', 'ls /projected-volume/', 'exit')).toBe(
      '$ kubectl exec -it test-projected-volume -- /bin/sh\n/ # ls /projected-volume/\npassword.txt  username.txt\n/ # exit\n',
    );
    expect(await t.type('kubectl delete pod test-projected-volume', 'kubectl delete secret user pass')).toBe(
      '$ kubectl delete pod test-projected-volume\npod "test-projected-volume" deleted from default namespace\n$ kubectl delete secret user pass\nsecret "user" deleted from default namespace\nsecret "pass" deleted from default namespace\n',
    );
  });
});
