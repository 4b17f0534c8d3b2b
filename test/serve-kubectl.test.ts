// The real kubectl against `kubesim serve`: the same commands run by the installed kubectl over
// HTTP and by `kubesim run`'s kubectl must print the same (ages aside), and the API server's
// errors must come out of the real client as a real cluster's do.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster } from '../src/engine/index.ts';
import { runScript } from '../src/commands/script/run-script.ts';
import { createSession } from '../src/server/session.ts';
import { startKubeServer, type KubeServer } from '../src/server/server.ts';
import { kubeconfigText } from '../src/server/kubeconfig.ts';

function findKubectl(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}
const KUBECTL = findKubectl();
if (!KUBECTL) console.warn('serve-kubectl: no kubectl on PATH; the real-client tests are skipped');

const FILES: Record<string, string> = {
  'app.yaml': `apiVersion: v1
kind: PersistentVolume
metadata:
  name: task-pv
spec:
  capacity:
    storage: 5Gi
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: manual
  hostPath:
    path: /mnt/data
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: task-pvc
spec:
  storageClassName: manual
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 2Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx
    volumeMounts:
    - name: data
      mountPath: /usr/share/nginx/html
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: task-pvc
`,
  'odd.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: odd
colour: blue
data:
  a: "1"
`,
  'bad.yaml': `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: Bad_Name
spec:
  accessModes: [ReadWriteOnce]
`,
};

/** Each command as argv after `kubectl`; the same line goes to `kubesim run`. */
const COMMANDS: string[][] = [
  ['apply', '-f', 'app.yaml'],
  ['get', 'pv,pvc'],
  ['get', 'pvc', '-o', 'wide'],
  ['get', 'pods', '-A', '-o', 'wide'],
  ['get', 'pvc', 'task-pvc', '-o', 'jsonpath={.spec.volumeName} {.status.phase} {.status.capacity.storage}{"\\n"}'],
  ['describe', 'pvc', 'task-pvc'],
  ['describe', 'pod', 'web'],
  ['logs', 'web', '--tail=3'],
  ['logs', 'web', '-c', 'sidecar'],
  ['logs', 'web', '--previous'],
  ['get', 'events', '--field-selector', 'involvedObject.kind=Pod'],
  ['patch', 'pvc', 'task-pvc', '-p', '{"metadata":{"labels":{"tier":"db"}}}'],
  ['patch', 'pvc', 'task-pvc', '--type', 'merge', '-p', '{"metadata":{"annotations":{"note":"x"}}}'],
  ['patch', 'pvc', 'task-pvc', '--type', 'json', '-p', '[{"op":"add","path":"/metadata/labels/app","value":"web"}]'],
  ['patch', 'pod', 'web', '-p', '{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}'],
  ['get', 'pod', 'web', '-o', 'jsonpath={range .spec.containers[*]}{.name}={.image} {.volumeMounts[0].mountPath}{end}{"\\n"}'],
  ['get', 'pvc', '--show-labels'],
  ['patch', 'pvc', 'task-pvc', '--type', 'json', '-p', '[{"op":"remove","path":"/metadata/labels/zzz"}]'],
  ['patch', 'pvc', 'task-pvc', '-p', '{"spec":{"resources":{"requests":{"storage":"1Gi"}}}}'],
  ['apply', '-f', 'bad.yaml'],
  ['apply', '-f', 'odd.yaml'],
  ['create', '-f', 'app.yaml'],
  ['get', 'pvc', 'nope'],
  // kubectl's typed clients send these as protobuf.
  ['create', 'configmap', 'cfg', '--from-literal=a=1', '--from-literal=n=2'],
  ['create', 'secret', 'generic', 'pw', '--from-literal=password=s3cret'],
  ['get', 'secret', 'pw', '-o', 'jsonpath={.data.password}{"\\n"}'],
  ['create', 'deployment', 'd', '--image=nginx', '--replicas=2'],
  ['get', 'deploy', 'd', '-o', 'wide'],
  ['get', 'cm', 'cfg', '-o', 'jsonpath={.data}{"\\n"}'],
  ['describe', 'deploy', 'd'],
  ['delete', 'pod', 'web'],
  ['delete', 'pvc', 'task-pvc'],
  ['get', 'pv'],
];

const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
const lineOf = (argv: string[]) => ['kubectl', ...argv].map(quote).join(' ');

/**
 * Ages (AGE, LAST SEEN, describe's event ages) differ with the clock; column widths follow them.
 * The installed client is kubectl 1.32, `kubesim run` prints 1.34's words: 1.33 added the
 * namespace to `delete`'s line (pkg/cmd/delete: "%s from %s namespace").
 */
function normalise(text: string): string {
  return text
    .replace(/ deleted from [a-z0-9-]+ namespace( \(server dry run\))?$/gm, ' deleted$1')
    // And 1.33 names a projected ConfigMap's optional flag `Optional: false` (kubectl #129457).
    .replace(/^(\s+)ConfigMapOptional: +<nil>$/gm, '$1Optional:  false')
    // And 1.33's metav1.Time is omitted when zero (omitzero): 1.32 prints it in client-side YAML.
    .replace(/^\s*creationTimestamp: null\n/gm, '')
    // And 1.32's describe of a Secret lists its keys in Go's map order (newer kubectl sorts them).
    .replace(/(?:^\S+:\s+\d+ bytes\n)+/gm, (block) => block.split('\n').filter(Boolean).sort().join('\n') + '\n')
    // `logs -l` with several pods: kubectl ranges over a Go map of requests, so the pods come in
    // any order (logs.go sequentialConsumeRequest); `kubesim run` prints them by name.
    .replace(/(?:^\[pod\/[^\]]+\] .*\n)+/gm, (block) => block.split('\n').filter(Boolean).sort().join('\n') + '\n')
    // describe's absolute times: the server sends today's, `kubesim run` keeps the simulated epoch.
    .replace(/[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4}/g, '<date>').replace(/(?<=^|\s)(\d+d)?(\d+h)?(\d+m)?(\d+s)?(?=\s|$)/gm, (m) => (/^\d+[dhms]/.test(m) ? '<age>' : m)).replace(/ {2,}/g, '  ');
}

/**
 * The commands of an example script both sides run: `kubectl` lines, `cat > FILE <<EOF` lines that
 * write files later lines read (each with its heredoc, as one command, as `kubesim run` echoes
 * it), and `sleep N`. Comments, blank lines and `kubesim` lines (chaos: a node's power, a zone,
 * which have no API) are left out of both runs.
 */
function scriptCommands(script: string): string[] {
  const out: string[] = [];
  const lines = script.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!/^(kubectl |cat .*<<|sleep \d+$)/.test(line)) continue;
    const heredoc = /<<-?\s*(['"]?)(\w+)\1/.exec(line);
    if (!heredoc) {
      out.push(line);
      continue;
    }
    const body = [line];
    while (++i < lines.length && lines[i] !== heredoc[2]) body.push(lines[i]!);
    out.push([...body, heredoc[2]].join('\n'));
  }
  return out;
}

/**
 * Pod-template hashes (ReplicaSet names, their pods' names, `pod-template-hash=` labels) as
 * `<hash>`, with a table's rows sorted again, since the names sorted them.
 */
function withoutHashes(text: string): string {
  const hashed = text.replace(/(?<=[a-z0-9]-|pod-template-hash=)[bcdfghjklmnpqrstvwxz2456789]{6,10}(?=-[a-z0-9]{5}\b|\b)/g, '<hash>');
  const [head, ...rows] = hashed.split('\n');
  return /^NAME\s/.test(head ?? '') ? [head, ...rows.filter(Boolean).sort(), ''].join('\n') : hashed;
}

interface Out {
  stdout: string;
  stderr: string;
  code: number;
}

/** Each command's output from `kubesim run` (split at its `$ command` echoes). */
function simulated(): Out[] {
  const script = COMMANDS.map(lineOf).join('\n') + '\n';
  const result = runScript(script, { preset: 'kind', seed: 1, files: { read: (p) => FILES[p.replace(/^\.\//, '')], list: () => undefined } });
  const outs: Out[] = [];
  for (const chunk of result.chunks) {
    if (chunk.stream === 'stdout' && outs.length < COMMANDS.length && chunk.text === `$ ${lineOf(COMMANDS[outs.length]!)}\n`) {
      outs.push({ stdout: '', stderr: '', code: 0 });
      continue;
    }
    const cur = outs[outs.length - 1]!;
    cur[chunk.stream] += chunk.text;
  }
  return outs;
}

describe.skipIf(!KUBECTL)('the real kubectl against kubesim serve', () => {
  let server: KubeServer;
  let dir: string;

  const kubectl = (argv: string[]): Promise<Out> =>
    new Promise((resolve) => {
      execFile(
        KUBECTL!,
        argv,
        { cwd: dir, timeout: 15_000, env: { ...process.env, KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir } },
        (err, stdout, stderr) => resolve({ stdout, stderr, code: err ? (typeof err.code === 'number' ? err.code : 1) : 0 }),
      );
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubesim-serve-'));
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
    server = await startKubeServer(createSession(createCluster({ preset: 'kind', seed: 1 })), 0);
    writeFileSync(join(dir, 'kubeconfig'), kubeconfigText(server.port));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints what kubesim run prints, command by command', async () => {
    const expected = simulated();
    // The comparison means something only if the simulation printed what we think it did.
    expect(expected[1]!.stdout).toMatch(/persistentvolumeclaim\/task-pvc\s+Bound\s+task-pv\s+5Gi\s+RWO\s+manual/);
    expect(expected[2]!.stdout).toMatch(/VOLUMEMODE\n.*Filesystem\n$/);
    expect(expected[COMMANDS.findIndex((c) => c.join(' ') === 'describe pvc task-pvc')]!.stdout).toMatch(/Used By:\s+web\n/);
    expect(expected[COMMANDS.findIndex((c) => c.join(' ') === 'apply -f bad.yaml')]!.stderr).toMatch(/^The PersistentVolumeClaim "Bad_Name" is invalid: \n\* metadata.name: Invalid value: "Bad_Name"/);
    expect(expected).toHaveLength(COMMANDS.length);
    for (const [i, argv] of COMMANDS.entries()) {
      const real = await kubectl(argv);
      const want = expected[i]!;
      const label = lineOf(argv);
      expect({ cmd: label, stdout: normalise(real.stdout), stderr: normalise(real.stderr), failed: real.code !== 0 }).toEqual({
        cmd: label,
        stdout: normalise(want.stdout),
        stderr: normalise(want.stderr),
        failed: want.stderr.startsWith('Error') || want.stderr.startsWith('error') || want.stderr.startsWith('The '),
      });
    }
  }, 50_000);

  it('answers a stale update with 409 Conflict and -o json with the stored object', async () => {
    // The first test left task-pv Released (Retain): a fresh volume lets the claim bind again.
    await kubectl(['delete', 'pv', 'task-pv', '--wait=false']);
    await kubectl(['apply', '-f', 'app.yaml']);
    const json = await kubectl(['get', 'pvc', 'task-pvc', '-o', 'json']);
    const claim = JSON.parse(json.stdout);
    expect(claim).toMatchObject({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'task-pvc', namespace: 'default' }, spec: { volumeName: 'task-pv' }, status: { phase: 'Bound' } });
    // Written from an older version than the live one: the store's optimistic lock refuses it.
    await kubectl(['label', 'pvc', 'task-pvc', 'fresh=yes']);
    writeFileSync(join(dir, 'stale.json'), JSON.stringify(claim));
    const stale = await kubectl(['replace', '-f', 'stale.json']);
    expect(stale.code).not.toBe(0);
    expect(stale.stderr).toBe(
      'Error from server (Conflict): error when replacing "stale.json": Operation cannot be fulfilled on persistentvolumeclaims "task-pvc": the object has been modified; please apply your changes to the latest version and try again\n',
    );
    // With the live version it goes through.
    const live = JSON.parse((await kubectl(['get', 'pvc', 'task-pvc', '-o', 'json'])).stdout);
    writeFileSync(join(dir, 'fresh.json'), JSON.stringify({ ...live, metadata: { ...live.metadata, labels: { fresh: 'no' } } }));
    expect(await kubectl(['replace', '-f', 'fresh.json'])).toMatchObject({ stdout: 'persistentvolumeclaim/task-pvc replaced\n', code: 0 });
    const dry = await kubectl(['delete', 'pvc', 'task-pvc', '--dry-run=server']);
    expect(dry.stdout).toMatch(/^persistentvolumeclaim "task-pvc" deleted.*\(server dry run\)\n$/);
    expect((await kubectl(['get', 'pvc', 'task-pvc', '-o', 'jsonpath={.metadata.labels.fresh}'])).stdout).toBe('no');
    expect((await kubectl(['explain', 'pvc.spec.accessModes'])).stdout).toMatch(/^KIND:\s+PersistentVolumeClaim\nVERSION:\s+v1\n\nFIELD: accessModes <\[\]string>/);
    expect((await kubectl(['wait', '--for=condition=Ready', 'pod/web', '--timeout=10s'])).stdout).toBe('pod/web condition met\n');
    // --validate=false sends fieldValidation=Ignore: the unknown field is dropped, silently.
    expect(await kubectl(['apply', '-f', 'odd.yaml', '--validate=false'])).toMatchObject({ stdout: 'configmap/odd created\n', stderr: '', code: 0 });
  }, 30_000);

  it('applies on the server: conflicts, --force-conflicts, managed fields, removal of what is no longer applied', async () => {
    const cm = (name: string, data: Record<string, string>) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n${Object.entries(data).map(([k, v]) => `  ${k}: "${v}"`).join('\n')}\n`;
    writeFileSync(join(dir, 'ssa1.yaml'), cm('ssa', { a: '1' }));
    writeFileSync(join(dir, 'ssa2.yaml'), cm('ssa', { a: '2' }));
    expect(await kubectl(['apply', '-f', 'ssa1.yaml'])).toMatchObject({ stdout: 'configmap/ssa created\n', code: 0 });
    // Client-side apply owns .data.a (manager kubectl-client-side-apply, an Update), but its
    // last-applied annotation recorded the value the object still has: for manager kubectl that is
    // no conflict (the API server's lastAppliedManager), and kubectl then moves the ownership over.
    expect(await kubectl(['apply', '--server-side', '-f', 'ssa2.yaml'])).toMatchObject({ stdout: 'configmap/ssa serverside-applied\n', code: 0 });
    expect((await kubectl(['get', 'cm', 'ssa', '-o', 'jsonpath={.data.a}'])).stdout).toBe('2');
    // Once another manager changed the field, it conflicts: the annotation no longer matches the object.
    expect(await kubectl(['apply', '-f', 'ssa1.yaml'])).toMatchObject({ stdout: 'configmap/ssa configured\n', code: 0 });
    await kubectl(['patch', 'cm', 'ssa', '-p', '{"data":{"a":"3"}}']);
    const refused = await kubectl(['apply', '--server-side', '-f', 'ssa2.yaml']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: Apply failed with 1 conflict: conflict with "kubectl-patch" using v1: \.data\.a\nPlease review the fields above--they currently have other managers\./);
    expect((await kubectl(['get', 'cm', 'ssa', '-o', 'jsonpath={.data.a}'])).stdout).toBe('3');
    await kubectl(['patch', 'cm', 'ssa', '-p', '{"data":{"a":"1"}}']);
    // The same value is no conflict (co-ownership); --force-conflicts takes the field.
    expect(await kubectl(['apply', '--server-side', '-f', 'ssa1.yaml'])).toMatchObject({ stdout: 'configmap/ssa serverside-applied\n', code: 0 });
    expect(await kubectl(['apply', '--server-side', '--force-conflicts', '-f', 'ssa2.yaml'])).toMatchObject({ stdout: 'configmap/ssa serverside-applied\n', code: 0 });
    const live = JSON.parse((await kubectl(['get', 'cm', 'ssa', '-o', 'json', '--show-managed-fields'])).stdout);
    expect(live.data).toEqual({ a: '2' });
    const applier = live.metadata.managedFields.find((e: { manager: string; operation: string }) => e.manager === 'kubectl' && e.operation === 'Apply');
    expect(applier).toMatchObject({ apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { '.': {}, 'f:a': {} } } });
    expect(applier.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // Created by apply; a key dropped from the configuration (and owned by nobody else) is removed.
    writeFileSync(join(dir, 'ssa3.yaml'), cm('ssa-new', { a: '1', b: '2' }));
    expect(await kubectl(['apply', '--server-side', '-f', 'ssa3.yaml'])).toMatchObject({ stdout: 'configmap/ssa-new serverside-applied\n', code: 0 });
    writeFileSync(join(dir, 'ssa3.yaml'), cm('ssa-new', { a: '1' }));
    await kubectl(['apply', '--server-side', '-f', 'ssa3.yaml']);
    expect((await kubectl(['get', 'cm', 'ssa-new', '-o', 'jsonpath={.data}'])).stdout).toBe('{"a":"1"}');
    // kubectl patch records its own manager; a server-side apply of that field then conflicts with it.
    await kubectl(['patch', 'cm', 'ssa-new', '-p', '{"data":{"a":"9"}}']);
    expect((await kubectl(['apply', '--server-side', '-f', 'ssa3.yaml'])).stderr).toMatch(/^error: Apply failed with 1 conflict: conflict with "kubectl-patch" using v1: \.data\.a\n/);
    // `kubectl scale` writes through the scale subresource, and the conflict says so.
    writeFileSync(join(dir, 'ssa-deploy.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ssa\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: ssa}\n  template:\n    metadata:\n      labels: {app: ssa}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n');
    expect((await kubectl(['apply', '--server-side', '-f', 'ssa-deploy.yaml'])).stdout).toBe('deployment.apps/ssa serverside-applied\n');
    expect((await kubectl(['scale', 'deploy', 'ssa', '--replicas=2'])).stdout).toBe('deployment.apps/ssa scaled\n');
    expect((await kubectl(['apply', '--server-side', '-f', 'ssa-deploy.yaml'])).stderr).toMatch(/^error: Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps\/v1: \.spec\.replicas\n/);
  }, 30_000);

  it('execs through the WebSocket protocol: output, exit codes, stdin, containers, and cp both ways', async () => {
    expect((await kubectl(['run', 'bb', '--image=busybox', '--', 'sleep', '3600'])).stdout).toBe('pod/bb created\n');
    expect((await kubectl(['wait', '--for=condition=Ready', 'pod/bb', '--timeout=10s'])).code).toBe(0);
    expect(await kubectl(['exec', 'bb', '--', 'sh', '-c', 'echo out; echo err >&2; exit 3'])).toEqual({ stdout: 'out\n', stderr: 'err\ncommand terminated with exit code 3\n', code: 3 });
    expect(await kubectl(['exec', 'bb', '-c', 'bb', '--', 'ls', '/etc/passwd'])).toEqual({ stdout: '/etc/passwd\n', stderr: '', code: 0 });
    const sh = (line: string) =>
      new Promise<Out>((resolve) =>
        execFile('sh', ['-c', line], { cwd: dir, timeout: 15_000, env: { ...process.env, KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir } }, (err, stdout, stderr) =>
          resolve({ stdout, stderr, code: err ? (typeof err.code === 'number' ? err.code : 1) : 0 }),
        ),
      );
    expect((await sh(`printf 'hi\\nthere\\n' | ${KUBECTL} exec -i bb -- sh -c 'cat > /tmp/f'`)).code).toBe(0);
    expect((await kubectl(['exec', 'bb', '--', 'cat', '/tmp/f'])).stdout).toBe('hi\nthere\n');
    expect((await kubectl(['exec', 'bb', '--', 'nosuch'])).stderr).toMatch(/^error: Internal error occurred: .*exec: "nosuch": executable file not found in \$PATH: unknown\n$/);
    // cp runs tar in the container: a file and a folder in, then the folder back out.
    mkdirSync(join(dir, 'site', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'site', 'index.html'), '<h1>héllo</h1>\n');
    writeFileSync(join(dir, 'site', 'sub', 'b.txt'), 'b\n');
    expect(await kubectl(['cp', 'site/index.html', 'bb:/tmp/index.html'])).toEqual({ stdout: '', stderr: '', code: 0 });
    expect((await kubectl(['exec', 'bb', '--', 'cat', '/tmp/index.html'])).stdout).toBe('<h1>héllo</h1>\n');
    expect((await kubectl(['cp', 'site', 'bb:/tmp/site'])).code).toBe(0);
    expect((await kubectl(['exec', 'bb', '--', 'cat', '/tmp/site/sub/b.txt'])).stdout).toBe('b\n');
    const back = await kubectl(['cp', 'bb:/tmp/site', 'back']);
    expect(back).toEqual({ stdout: "tar: removing leading '/' from member names\n", stderr: '', code: 0 });
    expect(readFileSync(join(dir, 'back', 'index.html'), 'utf8')).toBe('<h1>héllo</h1>\n');
    expect(readFileSync(join(dir, 'back', 'sub', 'b.txt'), 'utf8')).toBe('b\n');
  }, 30_000);

  it('resumes a watch from a resourceVersion: only what changed after it, in order', async () => {
    await kubectl(['create', 'configmap', 'before', '--from-literal=a=1']);
    const rv = (await kubectl(['get', 'cm', 'before', '-o', 'jsonpath={.metadata.resourceVersion}'])).stdout;
    await kubectl(['create', 'configmap', 'after', '--from-literal=a=1']);
    await kubectl(['label', 'cm', 'after', 'x=y']);
    await kubectl(['delete', 'cm', 'before']);
    const watched = await kubectl(['get', '--raw', `/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${rv}&timeoutSeconds=1`]);
    const events = watched.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; object: { metadata: { name: string; labels?: Record<string, string> } } });
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED after', 'MODIFIED after', 'DELETED before']);
    expect(events[0]!.object.metadata.labels).toBeUndefined();
    expect(events[1]!.object.metadata.labels).toEqual({ x: 'y' });
  }, 20_000);

  /**
   * An example's commands (see `scriptCommands`; its sleeps on a wall clock the test moves)
   * through the real kubectl and through `kubesim run`: each command's output the same, ages and
   * dates aside.
   */
  async function compareExample(example: string, preset: 'kind' | 'bare' | 'multi-az' | 'kind-multinode', source = join(process.cwd(), 'examples', example)): Promise<number> {
    // The real shell runs in a copy of the folder, since a script's `cat > file <<EOF` writes there.
    const folder = join(dir, `example-${example}`);
    cpSync(source, folder, { recursive: true });
    const lines = scriptCommands(readFileSync(join(folder, 'demo.sh'), 'utf8'));
    const simulatedRun = runScript(lines.join('\n') + '\n', {
      preset,
      seed: 1,
      files: { read: (p) => { try { return readFileSync(join(folder, p), 'utf8'); } catch { return undefined; } }, list: () => undefined },
    });
    const expected: Out[] = [];
    for (const chunk of simulatedRun.chunks) {
      // After output with no final newline (`cat` of a downward API file) the echo starts on a new line.
      const echo = chunk.stream === 'stdout' ? /^\n?\$ (.*)\n$/s.exec(chunk.text) : null;
      if (echo && lines.includes(echo[1]!)) expected.push({ stdout: '', stderr: '', code: 0 });
      else expected[expected.length - 1]![chunk.stream] += chunk.text;
    }
    // The wall clock stands still between sleeps (and while a command waits, see below), so the
    // server's cluster lives the simulated time `kubesim run`'s does (a pod's IP, a provisioner's timing).
    // It starts in the past, by more than the script sleeps and waits, so that no timestamp the
    // server sends is ahead of kubectl's own clock (describe would print `<invalid>` ages).
    const sleeps = lines.reduce((sum, l) => sum + (/^sleep (\d+)$/.exec(l)?.[1] ? Number(l.slice(6)) : 0), 0);
    let wall = Date.now() - (sleeps + 1800) * 1000;
    const ownServer = await startKubeServer(createSession(createCluster({ preset, seed: 1 }), () => wall), 0);
    const config = join(dir, `${example}.kubeconfig`);
    writeFileSync(config, kubeconfigText(ownServer.port));
    let restarted = false;
    try {
      for (const [i, line] of lines.entries()) {
        const want = expected[i]!;
        if (line.startsWith('sleep ')) {
          wall += Number(line.slice(6)) * 1000;
          continue;
        }
        // A command that waits (delete of a pod whose process ignores SIGTERM, wait --for) waits
        // on the simulated clock in `kubesim run`: here time runs 20× fast while it watches.
        // But a short `--timeout` is kubectl's own wall-clock timer: there time runs at its real
        // pace, so a 5 s timeout sees 5 simulated seconds pass, as `kubesim run` lets it.
        const shortTimeout = Number(/--timeout=(\d+)s\b/.exec(line)?.[1] ?? Infinity) <= 10;
        const ticker = setInterval(() => {
          if (ownServer.watching() > 0) wall += shortTimeout ? 50 : 1000;
        }, 50);
        const real = await new Promise<Out>((resolve) =>
          execFile('sh', ['-c', line], { cwd: folder, timeout: 15_000, env: { ...process.env, KUBECONFIG: config, HOME: dir } }, (err, stdout, stderr) =>
            resolve({ stdout, stderr, code: err ? 1 : 0 }),
          ),
        ).finally(() => clearInterval(ticker));
        // `rollout restart` stamps the template with kubectl's own clock (restartedAt), so from
        // then on the new ReplicaSet's pod-template-hash differs from `kubesim run`'s simulated one.
        const norm = (text: string) => (restarted ? withoutHashes(normalise(text)) : normalise(text));
        expect({ line, stdout: norm(real.stdout), stderr: norm(real.stderr) }).toEqual({ line, stdout: norm(want.stdout), stderr: norm(want.stderr) });
        if (/^kubectl rollout restart /.test(line)) restarted = true;
      }
    } finally {
      await ownServer.close();
    }
    return lines.length;
  }

  it('runs the static and dynamic provisioning examples as kubesim run does', async () => {
    expect(await compareExample('static-pv-pvc', 'bare')).toBeGreaterThan(5);
    expect(await compareExample('dynamic-provisioning', 'kind')).toBeGreaterThan(5);
  }, 40_000);

  it.each([
    ['multi-zone', 'multi-az'],
    ['ebs-storage-classes', 'multi-az'],
    ['emptydir', 'kind'],
    ['hostpath', 'kind-multinode'],
    ['configmap', 'kind'],
    ['downward-api', 'kind'],
    ['kubectl-output', 'bare'],
    ['secret', 'kind'],
    ['kubectl-habits', 'kind'],
    ['service-http', 'kind'],
    ['kubectl-patch', 'kind'],
    ['statefulset-zones', 'multi-az'],
    ['rollout-and-wait', 'kind'],
    ['job', 'kind'],
    ['service', 'kind'],
    ['zone-conflict', 'multi-az'],
    ['node-failure', 'multi-az'],
  ] as const)('example %s', async (example, preset) => {
    await compareExample(example, preset as 'kind');
  }, 60_000);

  it('labels, annotates and replaces as kubesim run does, refusals included', async () => {
    const source = mkdtempSync(join(tmpdir(), 'kubesim-serve-lar-'));
    const cm = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  labels:\n    app: web\ndata:\n  a: "${data}"\n`;
    writeFileSync(join(source, 'cfg.yaml'), cm('2'));
    writeFileSync(join(source, 'other.yaml'), cm('3').replace('name: cfg', 'name: other'));
    writeFileSync(
      join(source, 'demo.sh'),
      [
        'kubectl create configmap cfg --from-literal=a=1',
        'kubectl label cm cfg tier=db',
        'kubectl label cm cfg tier=web',
        'kubectl label cm cfg tier=web --overwrite',
        'kubectl label cm cfg tier-',
        'kubectl label cm cfg tier-',
        'kubectl label cm cfg Bad_Key!=x',
        'kubectl label cm nope x=y',
        'kubectl annotate cm cfg note="first try"',
        'kubectl annotate cm cfg note=second',
        'kubectl annotate cm cfg note=second --overwrite',
        'kubectl annotate cm cfg note-',
        'kubectl get cm cfg --show-labels',
        'kubectl label cm --all team=storage',
        'kubectl get cm --show-labels',
        'kubectl replace -f cfg.yaml',
        'kubectl replace -f other.yaml',
        'kubectl replace --force -f cfg.yaml',
        'kubectl get cm cfg --show-labels',
      ].join('\n') + '\n',
    );
    try {
      expect(await compareExample('label-annotate', 'kind', source)).toBe(19);
    } finally {
      rmSync(source, { recursive: true, force: true });
    }
    // The real kubectl's words, from replace.go and the API server (kubesim run's are compared above).
    writeFileSync(join(dir, 'cfg.yaml'), cm('2'));
    writeFileSync(join(dir, 'other.yaml'), cm('3').replace('name: cfg', 'name: other'));
    await kubectl(['create', 'configmap', 'cfg', '--from-literal=a=1']);
    expect(await kubectl(['replace', '-f', 'cfg.yaml'])).toEqual({ stdout: 'configmap/cfg replaced\n', stderr: '', code: 0 });
    expect((await kubectl(['get', 'cm', 'cfg', '-o', 'jsonpath={.data.a} {.metadata.labels}'])).stdout).toBe('2 {"app":"web"}');
    expect(await kubectl(['replace', '-f', 'other.yaml'])).toEqual({ stdout: '', stderr: 'Error from server (NotFound): error when replacing "other.yaml": configmaps "other" not found\n', code: 1 });
    const uid = (await kubectl(['get', 'cm', 'cfg', '-o', 'jsonpath={.metadata.uid}'])).stdout;
    const forced = await kubectl(['replace', '--force', '-f', 'cfg.yaml']);
    expect({ ...forced, stdout: normalise(forced.stdout) }).toEqual({ stdout: 'configmap "cfg" deleted\nconfigmap/cfg replaced\n', stderr: '', code: 0 });
    expect((await kubectl(['get', 'cm', 'cfg', '-o', 'jsonpath={.metadata.uid}'])).stdout).not.toBe(uid);
  }, 30_000);

  it('watches as kubectl get -w prints: the list, then a row for each change', async () => {
    await kubectl(['create', 'configmap', 'watched', '--from-literal=a=1']);
    const child = spawn(KUBECTL!, ['get', 'cm', 'watched', '-w', '--output-watch-events'], { cwd: dir, env: { ...process.env, KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const rows = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const poll = setInterval(() => {
          if (out.split('\n').length > n) resolve(clearInterval(poll));
          else if (Date.now() - started > 8000) {
            clearInterval(poll);
            reject(new Error(`waited for ${n} lines of get -w, got: ${out}${err}`));
          }
        }, 20);
      });
    try {
      await rows(2);
      await kubectl(['label', 'cm', 'watched', 'x=y']);
      await rows(3);
      await kubectl(['delete', 'cm', 'watched']);
      await rows(4);
    } finally {
      child.kill();
    }
    // kubectl 1.32 prints the watch's Table rows with an EVENT column, each row on its own line.
    expect(normalise(out).split('\n')).toEqual(['EVENT  NAME  DATA  AGE', 'ADDED  watched  1  <age>', 'MODIFIED  watched  1  <age>', 'DELETED  watched  1  <age>', '']);
    expect(err).toBe('');
    // Without --output-watch-events: the list with its header, then the bare rows.
    await kubectl(['create', 'configmap', 'w3', '--from-literal=a=1', '--from-literal=b=2']);
    const plain = spawn(KUBECTL!, ['get', 'cm', 'w3', '-w'], { cwd: dir, env: { ...process.env, KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir } });
    out = '';
    plain.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await rows(2);
      await kubectl(['annotate', 'cm', 'w3', 'n=1']);
      await rows(3);
    } finally {
      plain.kill();
    }
    expect(normalise(out).split('\n')).toEqual(['NAME  DATA  AGE', 'w3  2  <age>', 'w3  2  <age>', '']);
    // `kubesim run` cannot change objects while a command runs: its `get -w` is the first table.
    const simulatedWatch = runScript('kubectl create configmap w3 --from-literal=a=1 --from-literal=b=2\nkubectl get cm w3 -w\n', { preset: 'kind', seed: 1, files: { read: () => undefined, list: () => undefined } });
    expect(normalise(simulatedWatch.chunks.map((c) => c.text).join('')).split('\n').slice(-3)).toEqual(['NAME  DATA  AGE', 'w3  2  <age>', '']);
  }, 30_000);

  it('deletes in the foreground: the owner waits, with its finalizer, until its pods are gone', async () => {
    expect((await kubectl(['create', 'deployment', 'fg', '--image=busybox', '--replicas=2', '--', 'sleep', '3600'])).code).toBe(0);
    expect((await kubectl(['rollout', 'status', 'deployment/fg', '--timeout=10s'])).code).toBe(0);
    // sleep ignores SIGTERM: the pods take their 30 s grace period, and the Deployment stays meanwhile.
    expect(await kubectl(['delete', 'deployment', 'fg', '--cascade=foreground', '--wait=false'])).toMatchObject({ stdout: expect.stringMatching(/^deployment.apps "fg" deleted/), code: 0 });
    const owner = JSON.parse((await kubectl(['get', 'deployment', 'fg', '-o', 'json'])).stdout);
    expect(owner.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(owner.metadata.deletionTimestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await kubectl(['get', 'rs', '-l', 'app=fg', '-o', 'jsonpath={.items[*].metadata.finalizers}'])).stdout).toBe('["foregroundDeletion"]');
    // Once the pods are gone (forced), the collector lets the ReplicaSet and then the Deployment go.
    await kubectl(['delete', 'pods', '-l', 'app=fg', '--force', '--grace-period=0']);
    expect(await kubectl(['wait', '--for=delete', 'deployment/fg', '--timeout=10s'])).toMatchObject({ code: 0 });
    expect((await kubectl(['get', 'rs', '-l', 'app=fg'])).stderr).toBe('No resources found in default namespace.\n');
  }, 30_000);

  it('deletes with --cascade as kubesim run does: foreground, orphan, and the flag refused', async () => {
    const source = mkdtempSync(join(tmpdir(), 'kubesim-serve-cascade-'));
    writeFileSync(
      join(source, 'demo.sh'),
      [
        'kubectl create deployment fg --image=busybox --replicas=2 -- sleep 3600',
        'kubectl delete deployment fg --cascade=foreground --wait=false',
        'kubectl get deploy,rs',
        "kubectl get deploy fg -o jsonpath='{.metadata.finalizers}'",
        'sleep 40',
        'kubectl get deploy,rs,pods',
        'kubectl delete deploy x --cascade=sideways',
        'kubectl create deployment o --image=nginx',
        'kubectl delete deploy o --cascade=false',
        'kubectl get rs -o name',
      ].join('\n') + '\n',
    );
    try {
      expect(await compareExample('cascade', 'kind', source)).toBe(10);
    } finally {
      rmSync(source, { recursive: true, force: true });
    }
  }, 30_000);

  it('keeps the last-applied annotation up to date on a server-side apply by kubectl, so a later client-side apply removes what it dropped', async () => {
    const cm = (data: Record<string, string>) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: annotated\ndata:\n${Object.entries(data).map(([k, v]) => `  ${k}: "${v}"`).join('\n')}\n`;
    writeFileSync(join(dir, 'la1.yaml'), cm({ a: '1' }));
    writeFileSync(join(dir, 'la2.yaml'), cm({ a: '2', c: '3' }));
    expect(await kubectl(['apply', '-f', 'la1.yaml'])).toMatchObject({ stdout: 'configmap/annotated created\n', code: 0 });
    expect(await kubectl(['apply', '--server-side', '-f', 'la2.yaml'])).toMatchObject({ stdout: 'configmap/annotated serverside-applied\n', code: 0 });
    const annotation = (await kubectl(['get', 'cm', 'annotated', '-o', "jsonpath={.metadata.annotations['kubectl\\.kubernetes\\.io/last-applied-configuration']}"])).stdout;
    // buildLastApplied: the configuration kubectl sent (its namespace filled in), without an annotations map it did not have.
    expect(annotation).toBe('{"apiVersion":"v1","data":{"a":"2","c":"3"},"kind":"ConfigMap","metadata":{"name":"annotated","namespace":"default"}}\n');
    // Client-side again: the three-way patch starts from la2, so `c` (dropped in la1) is removed.
    expect(await kubectl(['apply', '-f', 'la1.yaml'])).toMatchObject({ stdout: 'configmap/annotated configured\n', code: 0 });
    expect((await kubectl(['get', 'cm', 'annotated', '-o', 'jsonpath={.data}'])).stdout).toBe('{"a":"1"}');
    expect(await kubectl(['apply', '-f', 'la1.yaml'])).toMatchObject({ stdout: 'configmap/annotated unchanged\n', code: 0 });
    // Another field manager opts out: its apply leaves the annotation as it was. (Sent as a plain
    // apply PATCH: `kubectl apply --server-side --field-manager=x` would hand x the client-side
    // fields, the annotation included, and so drop it on its own.)
    const other = await fetch(`http://127.0.0.1:${server.port}/api/v1/namespaces/default/configmaps/annotated?fieldManager=tool`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/apply-patch+yaml' },
      body: cm({ a: '1', d: '4' }),
    });
    expect(other.status).toBe(200);
    const after = (await other.json()) as { data: Record<string, string>; metadata: { annotations: Record<string, string> } };
    expect(after.data).toEqual({ a: '1', d: '4' });
    expect(after.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toBe('{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"annotated","namespace":"default"}}\n');
  }, 30_000);

  it('waits for a foreground deletion as kubesim run does: the owner goes after its pods', async () => {
    const source = mkdtempSync(join(tmpdir(), 'kubesim-serve-foreground-'));
    writeFileSync(
      join(source, 'demo.sh'),
      ['kubectl create deployment fw --image=busybox --replicas=2 -- sleep 3600', 'kubectl delete deployment fw --cascade=foreground', 'kubectl get deploy,rs,pods'].join('\n') + '\n',
    );
    try {
      expect(await compareExample('foreground', 'kind', source)).toBe(3);
    } finally {
      rmSync(source, { recursive: true, force: true });
    }
  }, 30_000);

  it('owns container ports by containerPort and protocol, as the schema keys them, and tolerations whole', async () => {
    writeFileSync(
      join(dir, 'dns.yaml'),
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: dns\nspec:\n  tolerations: [{key: k, operator: Exists}]\n  containers:\n  - name: dns\n    image: busybox\n    command: [sleep, "3600"]\n    ports: [{containerPort: 53, protocol: UDP}, {containerPort: 53}]\n',
    );
    expect(await kubectl(['apply', '--server-side', '-f', 'dns.yaml'])).toMatchObject({ stdout: 'pod/dns serverside-applied\n', code: 0 });
    const live = JSON.parse((await kubectl(['get', 'pod', 'dns', '-o', 'json', '--show-managed-fields'])).stdout);
    const applied = live.metadata.managedFields.find((e: { manager: string }) => e.manager === 'kubectl').fieldsV1;
    expect(Object.keys(applied['f:spec']['f:containers']['k:{"name":"dns"}']['f:ports'])).toEqual(['k:{"containerPort":53,"protocol":"TCP"}', 'k:{"containerPort":53,"protocol":"UDP"}']);
    expect(applied['f:spec']['f:tolerations']).toEqual({});
  }, 30_000);

  it('watches with --request-timeout as kubesim run does: the first table with its EVENT column, then exit 0; the refusals', async () => {
    const source = mkdtempSync(join(tmpdir(), 'kubesim-serve-watch-'));
    writeFileSync(
      join(source, 'demo.sh'),
      [
        'kubectl create configmap watched --from-literal=a=1',
        'kubectl get cm -w --output-watch-events --request-timeout=1s',
        'kubectl get cm watched -o name -w --request-timeout=1s',
        'kubectl get cm,sa -w',
        'kubectl get cm -w --request-timeout=abc',
        'kubectl get cm nope -w',
      ].join('\n') + '\n',
    );
    try {
      expect(await compareExample('watch', 'kind', source)).toBe(6);
    } finally {
      rmSync(source, { recursive: true, force: true });
    }
  }, 30_000);
});
