// Every built-in lesson: it parses, its setup runs, its reference solution meets every goal (step
// by step, and as one learner script), and `check` tells right from wrong: an empty script and a
// plausible wrong one fail, an alternative correct one (other names, other commands) passes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_LESSON_IDS } from './builtin/index.ts';
import { builtinLessonText, loadBuiltinLessons } from './builtin/load-node.ts';
import { parseLesson } from './parse.ts';
import { checkLesson, solveLesson, startLesson, type LessonReport } from './run.ts';
import type { Lesson } from './types.ts';

const lessons = new Map<string, Lesson>();
for (const { id, result } of loadBuiltinLessons()) {
  if (!result.ok) throw new Error(result.errors.join('\n'));
  lessons.set(id, result.lesson);
}

const unmet = (r: LessonReport) => r.steps.flatMap((s) => s.results.filter((g) => !g.met).map((g) => `${g.goal.id}: ${g.detail}`));

const PVC = (name: string, size: string, extra = '') =>
  `kubectl apply -f - <<EOF\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\nspec:\n${extra}  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: ${size}\nEOF\n`;
const POD = (name: string, claim: string, extra = '', image = 'nginx', mount = '/usr/share/nginx/html') =>
  `kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${extra}  containers:\n  - name: c\n    image: ${image}\n    volumeMounts:\n    - {name: d, mountPath: ${mount}}\n  volumes:\n  - name: d\n    persistentVolumeClaim: {claimName: ${claim}}\nEOF\n`;

const DOCKER_WRONG = `docker build -t my-image .\ndocker history my-image\ndocker run -d --name my-cont-1 my-image\ndocker exec my-cont-1 sh -c 'echo "This is my delta data" > /app/file.txt'\ndocker rm -f my-cont-1\ndocker run -d --name my-cont-2 my-image\ndocker exec my-cont-2 sh -c 'echo "This is my delta data" > /app/file.txt'\ndocker rm -f my-cont-2\ndocker info\ndocker run -d --name web -v site:/usr/share/nginx/html nginx\ndocker exec web sh -c 'echo "<h1>hello</h1>" > /usr/share/nginx/html/index.html'\n`;
const DOCKER_ALTERNATIVE = `docker build --tag my-image:latest .\ndocker history my-image:latest\ndocker container run -d --name my-cont-1 my-image\ndocker exec my-cont-1 sh -c 'printf "This is my delta data\\n" >> /app/file.txt'\ndocker container stop my-cont-1\ndocker run -d --name my-cont-2 --mount source=my-vol,target=/app my-image\ndocker exec my-cont-2 sh -c 'echo "This is my delta data" > /app/file.txt'\ndocker stop my-cont-2\ndocker rm my-cont-2\ndocker info\nsudo mkdir -p /srv/site\ndocker run -d --name web --mount type=bind,source=/srv/site,target=/usr/share/nginx/html --tmpfs /cache nginx\ndocker exec web sh -c 'echo hello > /usr/share/nginx/html/index.html'\n`;
const BUSYBOX = (name: string, spec: string) => `kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n${spec}EOF\n`;
const HOSTPATH_POD = (name: string, node: string, how = 'nodeName') =>
  BUSYBOX(name, `  ${how === 'nodeName' ? `nodeName: ${node}` : `nodeSelector: {kubernetes.io/hostname: ${node}}`}\n  containers:\n  - {name: c, image: busybox, command: [sleep, "3600"], volumeMounts: [{name: h, mountPath: /data}]}\n  volumes:\n  - {name: h, hostPath: {path: /tmp/hostfile, type: FileOrCreate}}\n`);
const READER = (node: string) =>
  BUSYBOX('reader', `  nodeSelector: {kubernetes.io/hostname: ${node}}\n  containers:\n  - {name: r, image: busybox, command: [sleep, "3600"], volumeMounts: [{name: reports, mountPath: /reports}]}\n  volumes:\n  - {name: reports, hostPath: {path: /var/reports, type: DirectoryOrCreate}}\n`);
const STS = (kind: string) =>
  `kubectl apply -f - <<EOF\napiVersion: apps/v1\nkind: ${kind}\nmetadata: {name: web}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n        volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]\n${kind === 'StatefulSet' ? '  serviceName: web\n  volumeClaimTemplates:\n  - metadata: {name: www}\n    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n' : '      volumes: [{name: www, persistentVolumeClaim: {claimName: www}}]\n'}EOF\n`;
const SITE = (mount: string) =>
  `kubectl apply -f - <<EOF\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n        volumeMounts: [${mount}]\n      volumes: [{name: site, configMap: {name: site, items: [{key: index.html, path: index.html}]}}]\nEOF\n`;

/** For each lesson: a plausible wrong script (fails `check`) and another correct one (passes). */
const SCRIPTS: Record<(typeof BUILTIN_LESSON_IDS)[number], { wrong: string; alternative: string }> = {
  'static-binding': {
    // A claim too big for the volume: it stays Pending, so the pod never starts.
    wrong: `kubectl apply -f pv.yaml\n${PVC('example-pvc', '8Gi')}kubectl get pvc\nkubectl apply -f pod.yaml\n`,
    alternative: `kubectl apply -f - <<EOF\napiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: admin-disk\nspec:\n  capacity: {storage: 5120Mi}\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Retain\n  hostPath: {path: /mnt/data}\nEOF\n${PVC('mine', '2048Mi')}kubectl get persistentvolumeclaims -o wide\n${POD('site', 'mine')}kubectl exec site -- sh -c 'echo "hello from the PV, again" > /usr/share/nginx/html/index.html'\n`,
  },
  'emptydir-shared': {
    // The file written to /tmp, outside the shared volume: the other container cannot see it.
    wrong: `kubectl apply -f pod.yaml\nkubectl exec emptydir-example -c busybox-container -- sh -c 'echo "What a file!" > /tmp/myfile.txt'\nkubectl exec emptydir-example -c busybox-container -- sh -c 'echo only mine > /data/private.txt'\n`,
    alternative: `kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata: {name: pair}\nspec:\n  containers:\n  - {name: left, image: busybox, command: [sleep, "3600"], volumeMounts: [{name: shared, mountPath: /data}]}\n  - {name: right, image: busybox, command: [sleep, "3600"], volumeMounts: [{name: shared, mountPath: /data}]}\n  volumes:\n  - {name: shared, emptyDir: {}}\nEOF\nkubectl exec pair -c right -- sh -c 'printf "What a file!\\n" > /data/myfile.txt'\nkubectl exec pair -c left -- touch /tmp/private.txt\n`,
  },
  'access-modes': {
    // ReadWriteOnce everywhere: the RWX and RWOP volumes stay unclaimed.
    wrong: `${PVC('shared', '1Gi')}kubectl apply -f log-pods.yaml\n`,
    alternative: `kubectl apply -f - <<EOF\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: everyone}\nspec:\n  accessModes: [ReadWriteMany]\n  resources: {requests: {storage: 500Mi}}\nEOF\n${POD('one', 'logs', '', 'busybox', '/l').replace('image: busybox', 'image: busybox\n    command: [sleep, "3600"]')}${POD('two', 'logs', '', 'busybox', '/l').replace('image: busybox', 'image: busybox\n    command: [sleep, "3600"]')}kubectl apply -f - <<EOF\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: only-one}\nspec:\n  accessModes: [ReadWriteOncePod]\n  resources: {requests: {storage: 1Gi}}\nEOF\n${POD('first', 'only-one')}${POD('second', 'only-one')}kubectl get events\n`,
  },
  'reclaim-retain': {
    // Deleting the volume instead of freeing it: nothing is reused.
    wrong: `kubectl delete pvc example-pvc\nkubectl delete pv example-pv\n${PVC('second-pvc', '2Gi')}`,
    alternative: `kubectl delete -f example-pvc.yaml\nkubectl get pv example-pv\n${PVC('again', '1Gi')}kubectl patch pv example-pv -p '{"spec":{"claimRef":null}}'\nkubectl get pvc again\n`,
  },
  'default-class': {
    // An explicit empty class opts out of the default: nothing is provisioned.
    wrong: `kubectl get sc\n${PVC('example-pvc', '2Gi', '  storageClassName: ""\n')}kubectl apply -f pod.yaml\n`,
    alternative: `kubectl get storageclasses.storage.k8s.io\n${PVC('cache', '2Gi')}kubectl describe pvc cache\n${POD('web', 'cache')}`,
  },
  'zones-wait-for-consumer': {
    // An Immediate class from the start, and no pod pinned to us-east-1b.
    wrong: `kubectl apply -f immediate.yaml\n${POD('orders', 'reports-db', '  nodeSelector: {topology.kubernetes.io/zone: us-east-1c}\n')}`,
    alternative: `${PVC('db', '20Gi')}${POD('api', 'db', '  nodeSelector: {topology.kubernetes.io/zone: us-east-1b}\n')}kubectl apply -f - <<EOF\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: gp3-immediate}\nprovisioner: ebs.csi.aws.com\nvolumeBindingMode: Immediate\nEOF\n${PVC('reports-db', '5Gi', '  storageClassName: gp3-immediate\n')}${POD('batch', 'reports-db', '  nodeSelector: {topology.kubernetes.io/zone: us-east-1b}\n')}`,
  },
  'configmap-env-files': {
    // The ConfigMap updated but no time allowed to pass and no restart: neither file nor env follows.
    wrong: `kubectl apply -f frontend-cm.yaml\nkubectl apply -f frontend-deploy.yaml\nkubectl apply -f frontend-cm-v2.yaml\nkubectl exec deploy/frontend-deploy -- cat /usr/share/nginx/html/index.html\n`,
    alternative: `kubectl create configmap settings --from-literal=ENVIRONMENT=production --from-literal=index.html='<h1>v1</h1>'\nkubectl apply -f - <<EOF\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: site}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: frontend}}\n  template:\n    metadata: {labels: {app: frontend}}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        envFrom: [{configMapRef: {name: settings}}]\n        volumeMounts: [{name: html, mountPath: /usr/share/nginx/html}]\n      volumes: [{name: html, configMap: {name: settings}}]\nEOF\nkubectl create configmap settings --from-literal=ENVIRONMENT=staging --from-literal=index.html='<h1>Version 2</h1>' --dry-run=client -o yaml | kubectl apply -f -\nsleep 90\nkubectl delete pod -l app=frontend\n`,
  },
  'secret-base64': {
    // The password base64-encoded by hand and then again by kubectl, and read without decoding it.
    wrong: `kubectl create secret generic frontend-secret --from-literal=DB_USER=frontenduser --from-literal=DB_PASSWORD=$(echo frontendpass | base64)\nkubectl get secret frontend-secret -o jsonpath='{.data.DB_PASSWORD}'\nkubectl apply -f frontend-pod.yaml\n`,
    alternative: `kubectl create secret generic frontend-secret --from-literal=DB_USER=frontenduser --from-literal=DB_PASSWORD=frontendpass\nkubectl get secrets frontend-secret -o yaml | grep DB_PASSWORD | cut -d: -f2 | tr -d ' ' | base64 -d\nkubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata: {name: reader, labels: {app: frontend}}\nspec:\n  containers:\n  - name: app\n    image: busybox\n    command: [sleep, "3600"]\n    envFrom: [{secretRef: {name: frontend-secret}}]\n    volumeMounts: [{name: s, mountPath: /etc/secrets}]\n  volumes: [{name: s, secret: {secretName: frontend-secret}}]\nEOF\n`,
  },
  'fix-pending-claim': {
    // Patching instead of recreating: the API server refuses, the claims stay Pending.
    wrong: `kubectl patch pvc web-data --type merge -p '{"spec":{"storageClassName":"manual"}}'\nkubectl patch pvc reports --type merge -p '{"spec":{"resources":{"requests":{"storage":"10Gi"}}}}'\nkubectl patch pvc uploads --type merge -p '{"spec":{"accessModes":["ReadWriteOnce"]}}'\n`,
    alternative: `kubectl delete pvc web-data reports uploads\n${PVC('web-data', '3Gi', '  storageClassName: manual\n')}${PVC('reports', '6Gi')}${PVC('uploads', '1Gi')}`,
  },
  'docker-storage': {
    // The container removed instead of stopped, no volume, a named volume instead of a bind mount.
    wrong: DOCKER_WRONG,
    alternative: DOCKER_ALTERNATIVE,
  },
  'downward-api': {
    // The values typed in by hand rather than taken from the pod, and no volume.
    wrong: BUSYBOX('downwardapi-example', '  containers:\n  - {name: c, image: busybox, command: [sleep, "3600"], env: [{name: POD_NAME, value: downwardapi-example}, {name: POD_NAMESPACE, value: default}]}\n'),
    alternative:
      BUSYBOX('downwardapi-example', '  containers:\n  - name: app\n    image: busybox\n    command: [sleep, "3600"]\n    env:\n    - {name: POD_NAMESPACE, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}\n    - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}\n') +
      `kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: downwardapi-volume\n  labels: {owner: hr, app: good_app}\n  annotations: {version: good_version}\nspec:\n  containers:\n  - {name: c, image: busybox, command: [sleep, "3600"], volumeMounts: [{name: info, mountPath: /etc/podinfo}]}\n  volumes:\n  - name: info\n    downwardAPI:\n      items:\n      - {path: annotations, fieldRef: {fieldPath: metadata.annotations}}\n      - {path: labels, fieldRef: {fieldPath: metadata.labels}}\nEOF\nkubectl label pods downwardapi-volume tier=backend --overwrite\nsleep 90\n`,
  },
  'hostpath-nodes': {
    // The third pod put on the same node as the others: it sees the file, which is not the point.
    wrong: `${HOSTPATH_POD('hostpath-example', 'kind-worker2')}kubectl exec hostpath-example -- sh -c 'echo "Hey you!!" > /data'\n${HOSTPATH_POD('hostpath-verify', 'kind-worker2')}${HOSTPATH_POD('third', 'kind-worker2')}`,
    alternative: `${HOSTPATH_POD('hostpath-example', 'kind-worker2', 'selector')}${HOSTPATH_POD('hostpath-verify', 'kind-worker2', 'selector')}kubectl exec hostpath-verify -- sh -c 'printf "Hey you!!\\n" > /data'\n${HOSTPATH_POD('elsewhere', 'kind-worker', 'selector')}kubectl exec elsewhere -- wc -c /data\n`,
  },
  'csi-lifecycle': {
    // The claim without a pod: nothing is provisioned, attached or mounted, and no resize is tried on the fixed class.
    wrong: `${PVC('ebs-claim', '10Gi')}kubectl get volumeattachments\nkubectl patch pvc ebs-claim -p '{"spec":{"resources":{"requests":{"storage":"20Gi"}}}}'\n`,
    alternative: `${PVC('ebs-claim', '10Gi', '  storageClassName: gp3\n')}${POD('app', 'ebs-claim', '', 'busybox', '/data').replace('image: busybox', 'image: busybox\n    command: [sleep, "3600"]')}kubectl get volumeattachment\nkubectl exec app -- touch /data/note.txt\n${PVC('ebs-claim', '20Gi', '  storageClassName: gp3\n')}kubectl apply -f - <<EOF\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: no-grow}\nprovisioner: ebs.csi.aws.com\nvolumeBindingMode: Immediate\nEOF\n${PVC('fixed', '10Gi', '  storageClassName: no-grow\n')}kubectl patch pvc fixed --type merge -p '{"spec":{"resources":{"requests":{"storage":"30Gi"}}}}'\n`,
  },
  'statefulset-claims': {
    // A Deployment sharing one claim: one disk, in one zone, and no claim per replica.
    wrong: `${PVC('www', '1Gi')}${STS('Deployment')}kubectl scale deployment web --replicas=1\nkubectl scale deployment web --replicas=3\n`,
    alternative: `${STS('StatefulSet')}kubectl patch statefulset web --type merge -p '{"spec":{"replicas":1}}'\nkubectl get pvc\nkubectl scale sts/web --replicas 3\n`,
  },
  'ephemeral-volumes': {
    // A claim of the same name made by hand: not owned by the pod, so it outlives it.
    wrong: `${PVC('report-builder-scratch', '1Gi')}${POD('report-builder', 'report-builder-scratch')}kubectl delete pod report-builder\n`,
    alternative: `kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata: {name: report-builder}\nspec:\n  containers:\n  - {name: b, image: busybox, command: [sleep, "3600"], volumeMounts: [{name: scratch, mountPath: /work}]}\n  volumes:\n  - name: scratch\n    ephemeral:\n      volumeClaimTemplate:\n        metadata: {labels: {purpose: scratch}}\n        spec: {storageClassName: standard, accessModes: [ReadWriteOnce], resources: {requests: {storage: 2Gi}}}\nEOF\nkubectl get pvc report-builder-scratch -o yaml\nkubectl delete pods/report-builder\n`,
  },
  'fix-hostpath-node': {
    // The reader created again exactly as it was: still on the other node.
    wrong: `kubectl get pods -o wide\nkubectl delete pod reader\nkubectl apply -f reader.yaml\n`,
    alternative: `kubectl describe pods\nkubectl delete pod/reader\n${READER('kind-worker')}`,
  },
  'fix-missing-secret-key': {
    // The variable dropped: the pod runs, without the password the application needs.
    wrong: `kubectl describe pod api\nkubectl delete pod api\n${BUSYBOX('api', '  containers:\n  - name: api\n    image: busybox\n    command: [sleep, "3600"]\n    env: [{name: DB_USER, valueFrom: {secretKeyRef: {name: db-secret, key: DB_USER}}}]\n')}`,
    alternative: `kubectl get events\nkubectl patch secret db-secret -p "{\\"data\\":{\\"DB_PASSWORD\\":\\"$(echo -n frontendpass | base64)\\"}}"\nkubectl delete pod/api\nkubectl apply -f api.yaml\n`,
  },
  'fix-statefulset-zone': {
    // Deleting the claim: web-1 starts again, on a new empty disk in another zone.
    wrong: `kubectl describe pod web-1\nkubectl get nodes\nkubectl delete pvc www-web-1 --wait=false\nkubectl delete pod web-1\n`,
    alternative: `kubesim explain pod/web-1\nkubectl get nodes -o wide\nkubectl uncordon worker-b2\nkubectl uncordon worker-b1\n`,
  },
  'fix-configmap-subpath': {
    // A restart: Version 3 is then stuck as Version 2 was, since the subPath stays.
    wrong: `kubectl get deploy web -o yaml\nkubectl exec deploy/web -- cat /usr/share/nginx/html/index.html\nkubectl rollout restart deployment/web\nkubectl create configmap site --from-literal=index.html='<h1>Version 3</h1>' --dry-run=client -o yaml | kubectl apply -f -\nsleep 60\n`,
    alternative: `kubectl exec deploy/web -- cat /usr/share/nginx/html/index.html\nkubectl describe deployment web\nkubectl delete deployment web\n${SITE('{name: site, mountPath: /usr/share/nginx/html, readOnly: true}')}kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: site}\ndata:\n  index.html: <h1>Version 3</h1>\nEOF\nsleep 90\n`,
  },
  'fix-zone-conflict': {
    // Moving the pod to the disk's zone breaks the requirement that ledger runs in us-east-1c.
    wrong: `kubectl describe pod ledger\nkubectl delete pod ledger\n${POD('ledger', 'ledger-db', '  nodeSelector: {topology.kubernetes.io/zone: us-east-1a}\n', 'postgres', '/var/lib/postgresql/data')}`,
    alternative: `kubesim explain pod/ledger\nkubectl delete pod ledger\nkubectl delete pvc ledger-db\nkubectl apply -f - <<EOF\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: gp3-later}\nprovisioner: ebs.csi.aws.com\nvolumeBindingMode: WaitForFirstConsumer\nEOF\n${PVC('ledger-db', '10Gi', '  storageClassName: gp3-later\n')}${POD('ledger', 'ledger-db', '  nodeSelector: {topology.kubernetes.io/zone: us-east-1c}\n', 'postgres', '/var/lib/postgresql/data')}`,
  },
};

describe('built-in lessons', () => {
  it('are at least 8, each in its own file named by its id, with 2 to 5 steps', () => {
    expect(lessons.size).toBeGreaterThanOrEqual(8);
    for (const [id, lesson] of lessons) {
      expect(lesson.id).toBe(id);
      expect(lesson.steps.length).toBeGreaterThanOrEqual(2);
      expect(lesson.steps.length).toBeLessThanOrEqual(5);
    }
    expect(new Set([...lessons.values()].map((l) => l.topic)).size).toBeGreaterThanOrEqual(4);
    expect([...lessons.values()].filter((l) => l.setup && l.topic === 'Break-fix challenges').length).toBeGreaterThanOrEqual(2);
  });

  it('the complete example in docs/lessons.md is valid and its solution meets every goal', () => {
    const doc = readFileSync(new URL('../../docs/lessons.md', import.meta.url), 'utf8');
    const yaml = /```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
    const r = parseLesson(yaml, 'docs/lessons.md');
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(unmet(solveLesson(r.lesson))).toEqual([]);
    expect(checkLesson(r.lesson, '').ok).toBe(false);
  });

  it('the browser bundle holds the same lesson files as Node reads', async () => {
    const { builtinLessonText: browserText } = await import('./builtin/load-browser.ts');
    for (const id of BUILTIN_LESSON_IDS) expect(browserText(id)).toBe(builtinLessonText(id));
    expect(browserText('nope')).toBeUndefined();
  });


  for (const id of BUILTIN_LESSON_IDS) {
    describe(id, () => {
      const lesson = lessons.get(id)!;

      it('has a setup that runs without an error', () => {
        expect(startLesson(lesson).setup).toEqual({ exitCode: 0, stderr: '' });
      });

      it('passes solve: every step\'s goals are met after its solution', () => {
        const r = solveLesson(lesson);
        expect(unmet(r)).toEqual([]);
        expect(r.ok).toBe(true);
      });

      it('passes check with the whole reference solution as one script', () => {
        const r = checkLesson(lesson, lesson.steps.map((s) => s.solution).join('\n'));
        expect(unmet(r)).toEqual([]);
      });

      it('fails check with an empty script, and names the first hint', () => {
        const r = checkLesson(lesson, '');
        expect(r.ok).toBe(false);
        expect(r.firstUnmet).toBeDefined();
        expect(r.firstUnmet!.hint).toBe(lesson.steps[r.firstUnmet!.step]!.hints?.[0]);
      });

      it('fails check with a plausible wrong script', () => {
        const r = checkLesson(lesson, SCRIPTS[id].wrong);
        expect(r.error).toBeUndefined();
        expect(r.ok).toBe(false);
      });

      it('passes check with an alternative correct script', () => {
        const r = checkLesson(lesson, SCRIPTS[id].alternative);
        expect(r.error).toBeUndefined();
        expect(unmet(r)).toEqual([]);
      });
    });
  }
});
