# A pod with one volume of every common type, on kind: describe pod, describe pv, describe pvc,
# get events. The expected output beside this file was read line by line against kubectl v1.34.
kubectl apply -f - <<EOF
apiVersion: v1
kind: ConfigMap
metadata:
  name: frontend-cm
data:
  APP_COLOR: blue
  APP_MODE: production
---
apiVersion: v1
kind: Secret
metadata:
  name: db-secret
stringData:
  password: s3cr3t
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: web-data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    env:
    - name: APP_COLOR
      valueFrom:
        configMapKeyRef: {name: frontend-cm, key: APP_COLOR}
    - name: NODE
      valueFrom:
        fieldRef: {fieldPath: spec.nodeName}
    volumeMounts:
    - {name: data, mountPath: /usr/share/nginx/html}
    - {name: config, mountPath: /etc/config, readOnly: true}
    - {name: creds, mountPath: /etc/creds}
    - {name: cache, mountPath: /cache}
    - {name: logs, mountPath: /var/log/nginx}
    - {name: podinfo, mountPath: /etc/podinfo}
  volumes:
  - name: data
    persistentVolumeClaim: {claimName: web-data}
  - name: config
    configMap:
      name: frontend-cm
      items:
      - {key: APP_MODE, path: mode}
  - name: creds
    secret: {secretName: db-secret, defaultMode: 0400}
  - name: cache
    emptyDir: {medium: Memory, sizeLimit: 64Mi}
  - name: logs
    hostPath: {path: /var/log/web, type: DirectoryOrCreate}
  - name: podinfo
    downwardAPI:
      items:
      - path: labels
        fieldRef: {fieldPath: metadata.labels}
EOF
sleep 2m
kubectl describe pod web
kubectl describe pv
kubectl describe pvc web-data
kubectl get events
