// kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/: ConfigMaps made with
// `kubectl create configmap` from a directory, files, env-files and literals (and a kustomize
// generator), then used by pods as environment variables, in `$(VAR)` command arguments and as
// files in a volume.
import { describe, expect, it } from 'vitest';
import { follow } from './follow.ts';

const FILES = `mkdir -p settings/
printf 'planets=7\\nmoons=12\\nmoons.hidden=true\\n' > settings/space.properties
printf 'theme.dark=navy\\ntheme.light=ivory\\n' > settings/look.properties
printf 'planets=7\\nmoons=12\\ncolonised="yes"\\n\\n# this comment and the blank line above are skipped\\n' > settings/space-env.properties
printf 'theme=navy\\nfont=serif\\n' > settings/look-env.properties
`;

const SPACE = 'planets=7\nmoons=12\nmoons.hidden=true\n';
const LOOK = 'theme.dark=navy\ntheme.light=ivory\n';

describe('Configure a Pod to Use a ConfigMap: creating ConfigMaps', () => {
  const f = follow(
    FILES +
      `kubectl create configmap space-config --from-file=settings/
kubectl describe configmaps space-config
kubectl get configmaps space-config -o yaml
kubectl create configmap space-config-2 --from-file=settings/space.properties --from-file=settings/look.properties
kubectl create configmap space-config-2 --from-file=settings/space.properties
kubectl create configmap space-env --from-env-file=settings/space-env.properties
kubectl get configmap space-env -o yaml
kubectl create configmap two-env-files --from-env-file=settings/space-env.properties --from-env-file=settings/look-env.properties
kubectl get configmap two-env-files -o jsonpath='{.data}'
kubectl create configmap space-config-3 --from-file=space-special-key=settings/space.properties
kubectl get configmaps space-config-3 -o jsonpath='{.data.space-special-key}'
kubectl create configmap orbit-config --from-literal=orbit.speed=fast --from-literal=orbit.shape=ellipse
kubectl get configmaps orbit-config -o yaml
kubectl get configmap
`,
  );

  it('packages every file of a directory, one key per file', () => {
    expect(f.out('kubectl create configmap space-config --from-file=settings/')).toBe('configmap/space-config created\n');
    // Each value is followed by a blank line of kubectl's own, so a value ending in a newline shows two.
    expect(f.out('kubectl describe configmaps space-config')).toBe(
      'Name:         space-config\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\n' +
        `look-env.properties:\n----\ntheme=navy\nfont=serif\n\n\n` +
        `look.properties:\n----\n${LOOK}\n\n` +
        `space-env.properties:\n----\nplanets=7\nmoons=12\ncolonised="yes"\n\n# this comment and the blank line above are skipped\n\n\n` +
        `space.properties:\n----\n${SPACE}\n\n` +
        '\nBinaryData\n====\n\nEvents:  <none>\n',
    );
    expect(f.out('kubectl get configmaps space-config -o yaml')).toMatch(
      /^apiVersion: v1\ndata:\n {2}look-env.properties: \|\n {4}theme=navy\n {4}font=serif\n[\s\S]* {2}space.properties: \|\n {4}planets=7\n {4}moons=12\n {4}moons.hidden=true\nkind: ConfigMap\nmetadata:\n {2}creationTimestamp: "2026-01-01T00:00:00Z"\n {2}name: space-config\n {2}namespace: default\n {2}resourceVersion: "\d+"\n {2}uid: [0-9a-f-]{36}\n$/,
    );
  });

  it('takes several --from-file sources, and refuses a name that exists', () => {
    expect(f.out('kubectl create configmap space-config-2 --from-file=settings/space.properties --from-file=settings/look.properties')).toBe('configmap/space-config-2 created\n');
    expect(f.step('kubectl create configmap space-config-2 --from-file=settings/space.properties').stderr).toBe(
      'error: failed to create configmap: configmaps "space-config-2" already exists\n',
    );
  });

  it('reads an env-file: comments and blank lines skipped, quotes kept in the value', () => {
    expect(f.out('kubectl create configmap space-env --from-env-file=settings/space-env.properties')).toBe('configmap/space-env created\n');
    // go-yaml quotes `"yes"` (with its quotes) in single quotes, and the number "12" in double ones.
    expect(f.out('kubectl get configmap space-env -o yaml')).toMatch(/^apiVersion: v1\ndata:\n {2}colonised: '"yes"'\n {2}moons: "12"\n {2}planets: "7"\nkind: ConfigMap\n/);
  });

  it('merges several env-files', () => {
    expect(f.out("kubectl get configmap two-env-files -o jsonpath='{.data}'")).toBe('{"colonised":"\\"yes\\"","font":"serif","moons":"12","planets":"7","theme":"navy"}');
  });

  it('uses the key given with --from-file=KEY=PATH', () => {
    expect(f.out("kubectl get configmaps space-config-3 -o jsonpath='{.data.space-special-key}'")).toBe(SPACE);
  });

  it('makes one key per --from-literal', () => {
    expect(f.out('kubectl get configmaps orbit-config -o yaml')).toMatch(/^apiVersion: v1\ndata:\n {2}orbit.shape: ellipse\n {2}orbit.speed: fast\nkind: ConfigMap\n/);
  });

  it('lists them, with the cluster’s kube-root-ca.crt', () => {
    expect(f.out('kubectl get configmap')).toBe(
      'NAME               DATA   AGE\nkube-root-ca.crt   1      0s\norbit-config       2      0s\nspace-config       4      0s\nspace-config-2     2      0s\nspace-config-3     1      0s\nspace-env          3      0s\ntwo-env-files      5      0s\n',
    );
  });

  it('generates a ConfigMap with a content-hash suffix from kustomization.yaml', () => {
    const k = follow(
      FILES +
        `cat <<END >./kustomization.yaml
configMapGenerator:
- name: space-config-4
  files:
  - settings/space.properties
END
kubectl apply -k .
`,
    );
    expect(k.out('kubectl apply -k .')).toMatch(/^configmap\/space-config-4-[a-z0-9]{10} created\n$/);
  });
});

const BUSYBOX_POD = (name: string, spec: string) => `kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  restartPolicy: Never
  containers:
    - name: test-container
      image: registry.k8s.io/busybox
${spec}
YAML
`;

const MULTI_KEYS = `kubectl apply -f - <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: orbit-config
  namespace: default
data:
  ORBIT_SPEED: fast
  ORBIT_SHAPE: ellipse
YAML
`;

describe('Configure a Pod to Use a ConfigMap: using them', () => {
  it('sets one variable from one key, and others from other ConfigMaps', () => {
    const f = follow(
      `kubectl create configmap orbit-config --from-literal=orbit.speed=fast
kubectl create configmap log-config --from-literal=log_level=DEBUG
` +
        BUSYBOX_POD(
          'env-pod',
          `      command: [ "/bin/sh", "-c", "env" ]
      env:
        - name: ORBIT_SPEED
          valueFrom:
            configMapKeyRef:
              name: orbit-config
              key: orbit.speed
        - name: LOG_LEVEL
          valueFrom:
            configMapKeyRef:
              name: log-config
              key: log_level`,
        ) +
        'kubectl get pod env-pod\nkubectl logs env-pod\n',
    );
    expect(f.out('kubectl get pod env-pod')).toBe('NAME      READY   STATUS      RESTARTS   AGE\nenv-pod   0/1     Completed   0          0s\n');
    const lines = f.out('kubectl logs env-pod').split('\n');
    expect(lines).toContain('ORBIT_SPEED=fast');
    expect(lines).toContain('LOG_LEVEL=DEBUG');
  });

  it('makes every key a variable with envFrom, usable as $(VAR) in the command', () => {
    const f = follow(
      MULTI_KEYS +
        BUSYBOX_POD(
          'envfrom-pod',
          `      command: [ "/bin/sh", "-c", "env" ]
      envFrom:
      - configMapRef:
          name: orbit-config`,
        ) +
        BUSYBOX_POD(
          'args-pod',
          `      command: [ "/bin/echo", "$(ORBIT_SPEED) $(ORBIT_SHAPE)" ]
      envFrom:
      - configMapRef:
          name: orbit-config`,
        ) +
        'kubectl logs envfrom-pod\nkubectl logs args-pod\n',
    );
    const lines = f.out('kubectl logs envfrom-pod').split('\n');
    expect(lines).toContain('ORBIT_SPEED=fast');
    expect(lines).toContain('ORBIT_SHAPE=ellipse');
    expect(f.out('kubectl logs args-pod')).toBe('fast ellipse\n');
  });

  it('puts each key in a file of the volume, or only the items asked for, at their path', () => {
    const f = follow(
      MULTI_KEYS +
        BUSYBOX_POD(
          'volume-pod',
          `      command: [ "/bin/sh", "-c", "ls /etc/config/" ]
      volumeMounts:
      - name: config-volume
        mountPath: /etc/config
  volumes:
    - name: config-volume
      configMap:
        name: orbit-config`,
        ) +
        BUSYBOX_POD(
          'items-pod',
          `      command: [ "/bin/sh", "-c", "cat /etc/config/keys" ]
      volumeMounts:
      - name: config-volume
        mountPath: /etc/config
  volumes:
    - name: config-volume
      configMap:
        name: orbit-config
        items:
        - key: ORBIT_SHAPE
          path: keys`,
        ) +
        'kubectl logs volume-pod\nkubectl logs items-pod\n',
    );
    expect(f.out('kubectl logs volume-pod')).toBe('ORBIT_SHAPE\nORBIT_SPEED\n');
    expect(f.out('kubectl logs items-pod')).toBe('ellipse');
  });

  it('passes a key that starts with a digit through envFrom (relaxed variable names are GA in 1.34: no InvalidEnvironmentVariableNames event)', () => {
    const f = follow(
      'kubectl create configmap odd-keys --from-literal=1stkey=one --from-literal=ok=two\n' +
        BUSYBOX_POD(
          'odd-env',
          `      command: [ "/bin/sh", "-c", "env" ]
      envFrom:
      - configMapRef:
          name: odd-keys`,
        ) +
        'kubectl logs odd-env\nkubectl get events --field-selector involvedObject.name=odd-env,type=Warning\n',
    );
    expect(f.out('kubectl logs odd-env').split('\n')).toEqual(expect.arrayContaining(['1stkey=one', 'ok=two']));
    expect(f.step('kubectl get events --field-selector involvedObject.name=odd-env,type=Warning').stderr).toBe('No resources found in default namespace.\n');
  });

  it('keeps a pod that needs a missing ConfigMap from starting, and starts one that marks it optional', () => {
    const f = follow(
      BUSYBOX_POD(
        'needs-config',
        `      command: [ "/bin/sh", "-c", "env" ]
      env:
        - name: ORBIT_SPEED
          valueFrom:
            configMapKeyRef:
              name: no-such-config
              key: orbit.speed`,
      ) +
        BUSYBOX_POD(
          'optional-config',
          `      command: [ "/bin/sh", "-c", "ls /etc/config/ && echo listed" ]
      volumeMounts:
      - name: config-volume
        mountPath: /etc/config
  volumes:
    - name: config-volume
      configMap:
        name: no-such-config
        optional: true`,
        ) +
        'kubectl get pods\nkubectl get events --field-selector reason=Failed\nkubectl logs optional-config\n',
    );
    expect(f.out('kubectl get pods')).toBe(
      'NAME              READY   STATUS                       RESTARTS   AGE\nneeds-config      0/1     CreateContainerConfigError   0          0s\noptional-config   0/1     Completed                    0          0s\n',
    );
    expect(f.out('kubectl get events --field-selector reason=Failed')).toBe(
      'LAST SEEN   TYPE      REASON   OBJECT             MESSAGE\n0s          Warning   Failed   pod/needs-config   Error: configmap "no-such-config" not found\n',
    );
    expect(f.out('kubectl logs optional-config')).toBe('listed\n');
  });

  // The kubelet pulls the image before it builds the container's config (startContainer:
  // EnsureImageExists, then generateContainerConfig), so Pulling and Pulled come before Failed.
  it('pulls the image before failing on the missing ConfigMap', () => {
    const f = follow(
      BUSYBOX_POD(
        'needs-config',
        `      env:
        - name: ORBIT_SPEED
          valueFrom:
            configMapKeyRef:
              name: no-such-config
              key: orbit.speed`,
      ) + 'kubectl get events --field-selector involvedObject.name=needs-config -o custom-columns=REASON:.reason --no-headers\n',
    );
    expect(f.out('kubectl get events --field-selector involvedObject.name=needs-config -o custom-columns=REASON:.reason --no-headers')).toMatch(/^Scheduled\nPulling\nPulled\nFailed\n/);
  });

  it('updates the mounted files about a minute after the ConfigMap changes, never the variables', () => {
    const f = follow(
      MULTI_KEYS +
        `kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: watcher
spec:
  containers:
    - name: c
      image: busybox
      command: ["sh", "-c", "sleep 3600"]
      envFrom:
      - configMapRef:
          name: orbit-config
      volumeMounts:
      - name: config-volume
        mountPath: /etc/config
  volumes:
    - name: config-volume
      configMap:
        name: orbit-config
YAML
kubectl patch configmap orbit-config --type merge -p '{"data":{"ORBIT_SPEED":"slow"}}'
kubectl exec watcher -- cat /etc/config/ORBIT_SPEED
sleep 120
kubectl exec watcher -- cat /etc/config/ORBIT_SPEED
kubectl exec watcher -- printenv ORBIT_SPEED
`,
    );
    expect(f.out('kubectl exec watcher -- cat /etc/config/ORBIT_SPEED')).toBe('fast');
    expect(f.out('kubectl exec watcher -- cat /etc/config/ORBIT_SPEED', 1)).toBe('slow');
    expect(f.out('kubectl exec watcher -- printenv ORBIT_SPEED')).toBe('fast\n');
  });
});
