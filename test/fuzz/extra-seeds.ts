// Seed documents the examples do not cover but the engine accepts: pre-bound volumes and claims,
// every projected volume source, generic ephemeral volumes, inline CSI, expansion, block mode,
// a Deployment with a claim, nodes and classes. Mutations start from these too.
export const EXTRA_MANIFESTS: readonly string[] = [
  `apiVersion: v1
kind: PersistentVolume
metadata: {name: pre-bound}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  claimRef: {namespace: default, name: data}
  hostPath: {path: /mnt/pre}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  volumeName: pre-bound
  resources: {requests: {storage: 1Gi}}
`,
  `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: grow}
spec:
  accessModes: [ReadWriteOnce]
  volumeMode: Block
  resources: {requests: {storage: 1Gi}, limits: {storage: 2Gi}}
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: expandable, annotations: {storageclass.kubernetes.io/is-default-class: "true"}}
provisioner: ebs.csi.aws.com
allowVolumeExpansion: true
volumeBindingMode: Immediate
reclaimPolicy: Retain
allowedTopologies:
- matchLabelExpressions:
  - {key: topology.kubernetes.io/zone, values: [us-east-1a]}
`,
  `apiVersion: v1
kind: Pod
metadata: {name: every-source, labels: {app: web}}
spec:
  containers:
  - name: c
    image: busybox
    command: [sh, -c, "ls -R /v && sleep 3600"]
    volumeMounts:
    - {name: cm, mountPath: /v/cm}
    - {name: sec, mountPath: /v/sec, readOnly: true}
    - {name: proj, mountPath: /v/proj}
    - {name: eph, mountPath: /v/eph}
    - {name: tmp, mountPath: /v/tmp, subPath: sub}
    - {name: inline, mountPath: /v/inline}
  volumes:
  - name: cm
    configMap: {name: frontend-cm, items: [{key: APP, path: app}], defaultMode: 0400, optional: true}
  - name: sec
    secret: {secretName: frontend-secret, optional: true}
  - name: proj
    projected:
      sources:
      - configMap: {name: frontend-cm, optional: true}
      - downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]}
      - serviceAccountToken: {path: token, expirationSeconds: 3600}
  - name: eph
    ephemeral:
      volumeClaimTemplate:
        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
  - name: tmp
    emptyDir: {medium: Memory, sizeLimit: 64Mi}
  - name: inline
    csi: {driver: ebs.csi.aws.com, volumeAttributes: {size: 1Gi}}
`,
  `apiVersion: apps/v1
kind: Deployment
metadata: {name: db}
spec:
  replicas: 2
  selector: {matchLabels: {app: db}}
  strategy: {type: Recreate}
  template:
    metadata: {labels: {app: db}}
    spec:
      nodeSelector: {topology.kubernetes.io/zone: us-east-1a}
      tolerations: [{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 0}]
      containers:
      - name: postgres
        image: postgres
        volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]
      volumes:
      - name: data
        persistentVolumeClaim: {claimName: data}
`,
  `apiVersion: v1
kind: Node
metadata:
  name: extra-node
  labels: {topology.kubernetes.io/zone: us-east-1a, kubernetes.io/hostname: extra-node}
spec:
  taints: [{key: dedicated, value: db, effect: NoSchedule}]
---
apiVersion: storage.k8s.io/v1
kind: CSIDriver
metadata: {name: efs.csi.aws.com}
spec: {attachRequired: false}
---
apiVersion: v1
kind: Namespace
metadata: {name: team-a}
`,
];
