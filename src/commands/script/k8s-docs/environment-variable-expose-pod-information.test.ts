// kubernetes.io/docs/tasks/inject-data-application/environment-variable-expose-pod-information/:
// the downward API as environment variables: pod fields (node, name, namespace, IP, service
// account) with fieldRef, and a container's requests and limits with resourceFieldRef.
import { describe, expect, it } from 'vitest';
import { follow } from './follow.ts';

const FIELDS_POD = `kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: whoami-fields
spec:
  containers:
    - name: test-container
      image: registry.k8s.io/busybox:1.27.2
      command: [ "sh", "-c"]
      args:
      - while true; do
          echo -en '\\n';
          printenv MY_NODE_NAME MY_POD_NAME MY_POD_NAMESPACE;
          printenv MY_POD_IP MY_POD_SERVICE_ACCOUNT;
          sleep 10;
        done;
      env:
        - name: MY_NODE_NAME
          valueFrom:
            fieldRef:
              fieldPath: spec.nodeName
        - name: MY_POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        - name: MY_POD_NAMESPACE
          valueFrom:
            fieldRef:
              fieldPath: metadata.namespace
        - name: MY_POD_IP
          valueFrom:
            fieldRef:
              fieldPath: status.podIP
        - name: MY_POD_SERVICE_ACCOUNT
          valueFrom:
            fieldRef:
              fieldPath: spec.serviceAccountName
  restartPolicy: Never
YAML
kubectl get pods
kubectl logs whoami-fields
kubectl exec whoami-fields -- printenv
kubectl get pod whoami-fields -o jsonpath='{.status.podIP}'
`;

const RESOURCES_POD = `kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: whoami-resources
spec:
  containers:
    - name: test-container
      image: registry.k8s.io/busybox:1.24
      command: [ "sh", "-c"]
      args:
      - while true; do
          echo -en '\\n';
          printenv MY_CPU_REQUEST MY_CPU_LIMIT;
          printenv MY_MEM_REQUEST MY_MEM_LIMIT;
          sleep 10;
        done;
      resources:
        requests:
          memory: "48Mi"
          cpu: "100m"
        limits:
          memory: "96Mi"
          cpu: "1500m"
      env:
        - name: MY_CPU_REQUEST
          valueFrom:
            resourceFieldRef:
              containerName: test-container
              resource: requests.cpu
        - name: MY_CPU_LIMIT
          valueFrom:
            resourceFieldRef:
              containerName: test-container
              resource: limits.cpu
        - name: MY_MEM_REQUEST
          valueFrom:
            resourceFieldRef:
              containerName: test-container
              resource: requests.memory
        - name: MY_MEM_LIMIT
          valueFrom:
            resourceFieldRef:
              containerName: test-container
              resource: limits.memory
        - name: MY_CPU_LIMIT_MILLIS
          valueFrom:
            resourceFieldRef:
              resource: limits.cpu
              divisor: 1m
  restartPolicy: Never
YAML
kubectl logs whoami-resources
kubectl exec whoami-resources -- printenv MY_CPU_LIMIT_MILLIS
`;

describe('Expose Pod Information to Containers Through Environment Variables', () => {
  it("prints the pod's fields, which printenv shows among the variables", () => {
    const f = follow(FIELDS_POD);
    expect(f.out('kubectl get pods')).toBe('NAME            READY   STATUS    RESTARTS   AGE\nwhoami-fields   1/1     Running   0          0s\n');
    const ip = f.out("kubectl get pod whoami-fields -o jsonpath='{.status.podIP}'");
    expect(ip).toMatch(/^10\.244\.0\.\d+$/);
    expect(f.out('kubectl logs whoami-fields')).toBe(`\nkind-control-plane\nwhoami-fields\ndefault\n${ip}\ndefault\n`);
    const env = f.out('kubectl exec whoami-fields -- printenv').split('\n');
    expect(env).toEqual(expect.arrayContaining(['MY_POD_SERVICE_ACCOUNT=default', 'MY_POD_NAMESPACE=default', `MY_POD_IP=${ip}`, 'MY_NODE_NAME=kind-control-plane', 'MY_POD_NAME=whoami-fields', 'HOSTNAME=whoami-fields']));
  });

  it("prints the container's requests and limits, rounded up to the divisor (1 by default)", () => {
    const f = follow(RESOURCES_POD);
    // 100m and 1500m of CPU round up to 1 and 2 cores; 48Mi and 96Mi are bytes.
    expect(f.out('kubectl logs whoami-resources')).toBe('\n1\n2\n50331648\n100663296\n');
    // containerName may be left out in env: it is the container's own.
    expect(f.out('kubectl exec whoami-resources -- printenv MY_CPU_LIMIT_MILLIS')).toBe('1500\n');
  });

  it("uses the node's allocatable for a limit the container does not set", () => {
    const f = follow(`kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: no-limits
spec:
  containers:
    - name: c
      image: busybox
      command: ["sh", "-c", "sleep 3600"]
      env:
        - name: CPU_LIMIT
          valueFrom:
            resourceFieldRef:
              resource: limits.cpu
        - name: CPU_REQUEST
          valueFrom:
            resourceFieldRef:
              resource: requests.cpu
YAML
kubectl exec no-limits -- printenv CPU_LIMIT CPU_REQUEST
kubectl get node kind-control-plane -o jsonpath='{.status.allocatable.cpu}'
`);
    const cores = f.out("kubectl get node kind-control-plane -o jsonpath='{.status.allocatable.cpu}'");
    expect(f.out('kubectl exec no-limits -- printenv CPU_LIMIT CPU_REQUEST')).toBe(`${cores}\n0\n`);
  });
});
