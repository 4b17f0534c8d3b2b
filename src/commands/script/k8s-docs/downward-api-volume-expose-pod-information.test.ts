// kubernetes.io/docs/tasks/inject-data-application/downward-api-volume-expose-pod-information/: a
// downwardAPI volume with the pod's labels and annotations as files (behind the atomic writer's
// `..data` symlink), and one with a container's requests and limits divided by a divisor.
import { describe, expect, it } from 'vitest';
import { follow } from './follow.ts';

const LABELS_POD = `kubectl create -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: podinfo-demo
  labels:
    region: north
    tier: backend
    shard: shard-7
  annotations:
    owner: platform-team
    release: "three"
spec:
  containers:
    - name: client-container
      image: registry.k8s.io/busybox:1.27.2
      command: ["sh", "-c"]
      args:
      - while true; do
          if [[ -e /etc/podinfo/labels ]]; then
            echo -en '\\n\\n'; cat /etc/podinfo/labels; fi;
          if [[ -e /etc/podinfo/annotations ]]; then
            echo -en '\\n\\n'; cat /etc/podinfo/annotations; fi;
          sleep 5;
        done;
      volumeMounts:
        - name: podinfo
          mountPath: /etc/podinfo
  volumes:
    - name: podinfo
      downwardAPI:
        items:
          - path: "labels"
            fieldRef:
              fieldPath: metadata.labels
          - path: "annotations"
            fieldRef:
              fieldPath: metadata.annotations
YAML
kubectl get pods
`;

const RESOURCES_POD = `kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: podinfo-resources
spec:
  containers:
    - name: client-container
      image: registry.k8s.io/busybox:1.24
      command: ["sh", "-c", "sleep 3600"]
      resources:
        requests:
          memory: "48Mi"
          cpu: "100m"
        limits:
          memory: "96Mi"
          cpu: "300m"
      volumeMounts:
        - name: podinfo
          mountPath: /etc/podinfo
  volumes:
    - name: podinfo
      downwardAPI:
        items:
          - path: "cpu_limit"
            resourceFieldRef:
              containerName: client-container
              resource: limits.cpu
              divisor: 1m
          - path: "cpu_request"
            resourceFieldRef:
              containerName: client-container
              resource: requests.cpu
              divisor: 1m
          - path: "mem_limit"
            resourceFieldRef:
              containerName: client-container
              resource: limits.memory
              divisor: 1Mi
          - path: "mem_request"
            resourceFieldRef:
              containerName: client-container
              resource: requests.memory
              divisor: 1Mi
YAML
kubectl exec podinfo-resources -- cat /etc/podinfo/cpu_limit
kubectl exec podinfo-resources -- sh -c 'cat /etc/podinfo/cpu_request; echo; cat /etc/podinfo/mem_limit; echo; cat /etc/podinfo/mem_request; echo'
`;

describe('Expose Pod Information to Containers Through Files', () => {
  it('runs the pod, whose log shows the labels and annotations files', () => {
    const f = follow(LABELS_POD + 'kubectl logs podinfo-demo\n');
    expect(f.out('kubectl get pods')).toBe('NAME           READY   STATUS    RESTARTS   AGE\npodinfo-demo   1/1     Running   0          0s\n');
    // Created (not applied), so no last-applied annotation: only the pod's own two.
    expect(f.out('kubectl logs podinfo-demo')).toBe('\n\nregion="north"\nshard="shard-7"\ntier="backend"\n\nowner="platform-team"\nrelease="three"');
  });

  it('describes the volume with its items', () => {
    const f = follow(LABELS_POD + 'kubectl describe pod podinfo-demo\n');
    expect(f.out('kubectl describe pod podinfo-demo')).toContain(
      '\nVolumes:\n  podinfo:\n    Type:  DownwardAPI (a volume populated by information about the pod)\n    Items:\n      metadata.labels -> labels\n      metadata.annotations -> annotations\n',
    );
  });

  it('writes one key="value" line per label, sorted', () => {
    const f = follow(LABELS_POD + 'kubectl exec podinfo-demo -- cat /etc/podinfo/labels\nkubectl exec podinfo-demo -- cat /etc/podinfo/annotations\n');
    expect(f.out('kubectl exec podinfo-demo -- cat /etc/podinfo/labels')).toBe('region="north"\nshard="shard-7"\ntier="backend"');
    expect(f.out('kubectl exec podinfo-demo -- cat /etc/podinfo/annotations')).toBe('owner="platform-team"\nrelease="three"');
  });

  it('keeps the files in a timestamped directory behind the ..data symlink', () => {
    const f = follow(LABELS_POD + 'kubectl exec podinfo-demo -- ls -la /etc/podinfo\n');
    const listing = f.out('kubectl exec podinfo-demo -- ls -la /etc/podinfo');
    expect(listing).toMatch(/^d\S+ .* \.\.2026_01_01_00_00_00\.\d+$/m);
    expect(listing).toMatch(/^l\S+ .* \.\.data -> \.\.2026_01_01_00_00_00\.\d+$/m);
    expect(listing).toMatch(/^l\S+ .* annotations -> \.\.data\/annotations$/m);
    expect(listing).toMatch(/^l\S+ .* labels -> \.\.data\/labels$/m);
  });

  // -R lists the timestamped directory in its own `DIR:` section, after a blank line, with its total.
  it('lists the timestamped directory with ls -laR', () => {
    const f = follow(LABELS_POD + 'kubectl exec podinfo-demo -- ls -laR /etc/podinfo\n');
    expect(f.out('kubectl exec podinfo-demo -- ls -laR /etc/podinfo')).toMatch(/\n\/etc\/podinfo\/\.\.2026_01_01_00_00_00\.\d+:\ntotal \d+\n[\s\S]* annotations\n[\s\S]* labels\n/);
  });

  it("writes the container's limits and requests divided by the divisor", () => {
    const f = follow(RESOURCES_POD);
    expect(f.out('kubectl exec podinfo-resources -- cat /etc/podinfo/cpu_limit')).toBe('300');
    expect(f.out("kubectl exec podinfo-resources -- sh -c 'cat /etc/podinfo/cpu_request; echo; cat /etc/podinfo/mem_limit; echo; cat /etc/podinfo/mem_request; echo'")).toBe('100\n96\n48\n');
  });
});
