// The course's ConfigMap section, command by command: environment variables in a shell, then
// frontend-cm as environment variables of frontend-deploy (demo 1), created imperatively, then as
// an index.html file served by nginx (demo 2: items, all keys, subPath), exposed by the NodePort
// Service frontend-svc on 31000, and what an update reaches. `<pod-name>` in the course is a
// name the learner copies from `kubectl get pods -l app=frontend`; here the script reads it the
// same way into $POD.
import { describe, expect, it } from 'vitest';
import { runCourse } from './course-script.ts';

const PICK = "POD=$(kubectl get pods -l app=frontend -o jsonpath='{.items[0].metadata.name}')\n";

const CM_ENV = `cat <<'EOF' > frontend-cm.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: frontend-cm
data:
  APP: "frontend"
  ENVIRONMENT: "production"
EOF
kubectl apply -f frontend-cm.yaml
`;

const DEPLOY_ENV = `cat <<'EOF' > frontend-deploy.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend-deploy
spec:
  replicas: 3
  selector:
    matchLabels:
      app: frontend
  template:
    metadata:
      labels:
        app: frontend
    spec:
      containers:
      - name: frontend-container
        image: nginx
        env:
        - name: APP
          valueFrom:
            configMapKeyRef:
              name: frontend-cm
              key: APP
        - name: ENVIRONMENT
          valueFrom:
            configMapKeyRef:
              name: frontend-cm
              key: ENVIRONMENT

EOF
kubectl apply -f frontend-deploy.yaml
kubectl get pods -l app=frontend
${PICK}kubectl exec -it $POD -- printenv | grep -E 'APP|ENVIRONMENT'
`;

const CM_HTML = `cat <<'EOF' > frontend-cm.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: frontend-cm
data:
  APP: "frontend"
  ENVIRONMENT: "production"
  index.html: |
    <!DOCTYPE html>
    <html>
    <head><title>Welcome</title></head>
    <body>
      <h1>This page is served by nginx. Welcome to Cloud With VarJosh!!</h1>
    </body>
    </html>
EOF
kubectl apply -f frontend-cm.yaml
`;

/** Demo 2's Deployment; `volumes` and `mounts` swap in the course's variants (all keys, subPath). */
const deployHtml = (
  mounts = `        volumeMounts:
        - name: html-volume
          mountPath: /usr/share/nginx/html
          readOnly: true
`,
  volumes = `      volumes:
      - name: html-volume
        configMap:
          name: frontend-cm
          items:
          - key: index.html
            path: index.html
`,
) => `cat <<'EOF' > frontend-deploy.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend-deploy
spec:
  replicas: 3
  selector:
    matchLabels:
      app: frontend
  template:
    metadata:
      labels:
        app: frontend
    spec:
      containers:
      - name: frontend-container
        image: nginx
        env:
        - name: APP
          valueFrom:
            configMapKeyRef:
              name: frontend-cm
              key: APP
        - name: ENVIRONMENT
          valueFrom:
            configMapKeyRef:
              name: frontend-cm
              key: ENVIRONMENT
${mounts}${volumes}EOF
kubectl apply -f frontend-deploy.yaml
`;

const SVC = `cat <<'EOF' > frontend-svc.yaml
apiVersion: v1
kind: Service
metadata:
  name: frontend-svc
spec:
  type: NodePort
  selector:
    app: frontend
  ports:
    - protocol: TCP
      port: 80
      targetPort: 80
      nodePort: 31000
EOF
kubectl apply -f frontend-svc.yaml
kubectl get pods -l app=frontend
${PICK}kubectl exec -it $POD -- cat /usr/share/nginx/html/index.html
`;

const PAGE =
  '<!DOCTYPE html>\n<html>\n<head><title>Welcome</title></head>\n<body>\n  <h1>This page is served by nginx. Welcome to Cloud With VarJosh!!</h1>\n</body>\n</html>\n';

const PODS = /^NAME +READY   STATUS    RESTARTS   AGE\n(frontend-deploy-[a-z0-9]{8,10}-[a-z0-9]{5} +1\/1     Running   0          \d+s\n){3}$/;

describe('course: environment variables', () => {
  it('export, then echo', () => {
    const r = runCourse('export APP_NAME=frontend\nexport ENVIRONMENT=production\necho $APP_NAME     # Output: frontend\necho $ENVIRONMENT  # Output: production\n');
    expect(r.out('echo $APP_NAME     # Output: frontend')).toBe('frontend\n');
    expect(r.out('echo $ENVIRONMENT  # Output: production')).toBe('production\n');
  });
});

describe('course: ConfigMap demo 1, as environment variables', () => {
  it('three pods, each with APP and ENVIRONMENT from frontend-cm', () => {
    const r = runCourse(CM_ENV + DEPLOY_ENV);
    expect(r.stderr).toBe('');
    expect(r.out('kubectl apply -f frontend-cm.yaml')).toBe('configmap/frontend-cm created\n');
    expect(r.out('kubectl apply -f frontend-deploy.yaml')).toBe('deployment.apps/frontend-deploy created\n');
    expect(r.out('kubectl get pods -l app=frontend')).toMatch(PODS);
    expect(r.out("kubectl exec -it $POD -- printenv | grep -E 'APP|ENVIRONMENT'")).toBe('APP=frontend\nENVIRONMENT=production\n');
  });

  it('kubectl create configmap --from-literal makes the same ConfigMap', () => {
    const r = runCourse(
      'kubectl create configmap frontend-cm --from-literal=APP=frontend --from-literal=ENVIRONMENT=production\n' +
        "kubectl get configmap frontend-cm -o jsonpath='{.data}{\"\\n\"}'\n" +
        DEPLOY_ENV,
    );
    expect(r.stderr).toBe('');
    expect(r.out('kubectl create configmap frontend-cm --from-literal=APP=frontend --from-literal=ENVIRONMENT=production')).toBe('configmap/frontend-cm created\n');
    expect(r.out(`kubectl get configmap frontend-cm -o jsonpath='{.data}{"\\n"}'`)).toBe('{"APP":"frontend","ENVIRONMENT":"production"}\n');
    expect(r.out("kubectl exec -it $POD -- printenv | grep -E 'APP|ENVIRONMENT'")).toBe('APP=frontend\nENVIRONMENT=production\n');
  });

  it('after demo 1 the imperative create meets the existing frontend-cm', () => {
    const r = runCourse(CM_ENV + 'kubectl create configmap frontend-cm --from-literal=APP=frontend --from-literal=ENVIRONMENT=production\n');
    expect(r.stderr).toBe('error: failed to create configmap: configmaps "frontend-cm" already exists\n');
    expect(r.exitCode).toBe(1);
  });
});

describe('course: ConfigMap demo 2, as a file served by nginx', () => {
  const DEMO = CM_ENV + DEPLOY_ENV + CM_HTML + deployHtml() + SVC;

  it('frontend-cm and frontend-deploy are updated; index.html is the ConfigMap key', () => {
    const r = runCourse(DEMO + 'kubectl exec $POD -- ls /usr/share/nginx/html\nkubectl get svc frontend-svc\n');
    expect(r.stderr).toBe('');
    expect(r.out('kubectl apply -f frontend-cm.yaml', 1)).toBe('configmap/frontend-cm configured\n');
    expect(r.out('kubectl apply -f frontend-deploy.yaml', 1)).toBe('deployment.apps/frontend-deploy configured\n');
    expect(r.out('kubectl apply -f frontend-svc.yaml')).toBe('service/frontend-svc created\n');
    expect(r.out('kubectl get pods -l app=frontend', 1)).toMatch(PODS);
    expect(r.out('kubectl exec -it $POD -- cat /usr/share/nginx/html/index.html')).toBe(PAGE);
    // items: only index.html, not APP or ENVIRONMENT.
    expect(r.out('kubectl exec $POD -- ls /usr/share/nginx/html')).toBe('index.html\n');
    expect(r.out('kubectl get svc frontend-svc')).toMatch(
      /^NAME           TYPE       CLUSTER-IP +EXTERNAL-IP   PORT\(S\)        AGE\nfrontend-svc   NodePort   10\.96\.\d+\.\d+ +<none>        80:31000\/TCP   \d+s\n$/,
    );
  });

  it('without items, every key is a file', () => {
    const r = runCourse(
      CM_HTML + deployHtml(undefined, '      volumes:\n        - name: html-volume\n          configMap:\n            name: frontend-cm\n') + PICK + 'kubectl exec $POD -- ls /usr/share/nginx/html\n',
    );
    expect(r.stderr).toBe('');
    expect(r.out('kubectl exec $POD -- ls /usr/share/nginx/html')).toBe('APP\nENVIRONMENT\nindex.html\n');
  });

  it('with subPath, index.html alone replaces the image’s file and the rest of the directory stays', () => {
    const r = runCourse(
      CM_HTML +
        deployHtml(
          '        volumeMounts:\n          - name: html-volume                    # the volume below\n            mountPath: /usr/share/nginx/html/index.html  # the file inside the container\n            subPath: index.html                  # only this key\n',
          '      volumes:\n        - name: html-volume\n          configMap:\n            name: frontend-cm\n',
        ) +
        PICK +
        'kubectl exec $POD -- cat /usr/share/nginx/html/index.html\nkubectl exec $POD -- ls /usr/share/nginx/html\n',
    );
    expect(r.stderr).toBe('');
    expect(r.out('kubectl exec $POD -- cat /usr/share/nginx/html/index.html')).toBe(PAGE);
    // nginx's own 50x.html is still there: a file was mounted over a file, not a directory.
    expect(r.out('kubectl exec $POD -- ls /usr/share/nginx/html')).toBe('50x.html\nindex.html\n');
  });

  // The course warns that a ConfigMap volume (a directory) mounted where the image has a file
  // makes the container fail to start: runc cannot make a directory mount point over a file
  // ("not a directory"), the kubelet reports RunContainerError, then CrashLoopBackOff.
  it('without subPath, a ConfigMap volume over the image’s index.html file cannot start', () => {
    const r = runCourse(
      CM_HTML +
        deployHtml(
          '        volumeMounts:\n        - name: html-volume\n          mountPath: /usr/share/nginx/html/index.html\n',
          '      volumes:\n      - name: html-volume\n        configMap:\n          name: frontend-cm\n',
        ) +
        'kubectl get pods -l app=frontend\nkubectl get events --field-selector reason=Failed\n',
    );
    expect(r.out('kubectl get pods -l app=frontend')).toMatch(/^(frontend-deploy-\S+ +0\/1 +(RunContainerError|CrashLoopBackOff) +\d+ .*\n){3}/m);
    expect(r.out('kubectl get events --field-selector reason=Failed')).toContain('to rootfs at "/usr/share/nginx/html/index.html"');
    expect(r.out('kubectl get events --field-selector reason=Failed')).toContain('not a directory: unknown');
  });

  // The node port answers on every node's IP, and nginx serves the ConfigMap's page.
  it('curl http://<Node-IP>:31000 returns the page from any node', () => {
    const r = runCourse(DEMO + 'kubectl get nodes -o wide\ncurl http://172.18.0.2:31000\ncurl http://172.18.0.4:31000\n');
    expect(r.out('curl http://172.18.0.2:31000')).toBe(PAGE);
    // The control plane's kube-proxy serves the node port too, though no frontend pod runs there.
    expect(r.out('curl http://172.18.0.4:31000')).toBe(PAGE);
  });

  // kind's extraPortMappings: the course's cluster (its Day 12 setup) maps
  // the node port 31000 to the host, so localhost:31000 reaches the page from the host.
  it('curl http://localhost:31000 from the host', () => {
    const r = runCourse(DEMO + 'curl http://localhost:31000\n');
    expect(r.out('curl http://localhost:31000')).toBe(PAGE);
  });
});

describe('course: what an update of frontend-cm reaches', () => {
  // The course's closing notes: env is read once at start, a volume without subPath follows
  // the ConfigMap (after the kubelet's next sync), a subPath file does not.
  const UPDATE = "kubectl patch configmap frontend-cm -p '{\"data\":{\"APP\":\"frontend-v2\",\"index.html\":\"v2\\n\"}}'\n";

  it('a mounted volume follows after the kubelet syncs; env does not', () => {
    const r = runCourse(
      CM_HTML + deployHtml() + PICK + UPDATE + 'sleep 120\n' +
        'kubectl exec $POD -- cat /usr/share/nginx/html/index.html\nkubectl exec $POD -- printenv APP\n',
    );
    expect(r.stderr).toBe('');
    expect(r.out('kubectl exec $POD -- cat /usr/share/nginx/html/index.html')).toBe('v2\n');
    expect(r.out('kubectl exec $POD -- printenv APP')).toBe('frontend\n');
  });

  // Right after the update the file is still the old one, as the kubelet has not synced the pod yet.
  it('right after the update the mounted file is still the old one', () => {
    const r = runCourse(CM_HTML + deployHtml() + PICK + UPDATE + 'kubectl exec $POD -- cat /usr/share/nginx/html/index.html\n');
    expect(r.out('kubectl exec $POD -- cat /usr/share/nginx/html/index.html')).toBe(PAGE);
  });

  it('a subPath file keeps the old content', () => {
    const r = runCourse(
      CM_HTML +
        deployHtml(
          '        volumeMounts:\n          - name: html-volume\n            mountPath: /usr/share/nginx/html/index.html\n            subPath: index.html\n',
          '      volumes:\n        - name: html-volume\n          configMap:\n            name: frontend-cm\n',
        ) +
        PICK + UPDATE + 'sleep 120\nkubectl exec $POD -- cat /usr/share/nginx/html/index.html\n',
    );
    expect(r.stderr).toBe('');
    expect(r.out('kubectl exec $POD -- cat /usr/share/nginx/html/index.html')).toBe(PAGE);
  });
});
