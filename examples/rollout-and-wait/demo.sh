# Rollouts, waiting, and logs of a workload: the kubectl a CKA candidate lives in.
# Run with: npx kubesim run examples/rollout-and-wait/demo.sh

kubectl apply -f web.yaml
kubectl rollout status deployment/web
kubectl wait --for=condition=Available deployment/web --timeout=60s
kubectl wait --for=condition=Ready pod -l app=web

# Logs of a deployment are its first pod's; kubectl names the pod it picked on stderr.
kubectl logs deployment/web
kubectl logs -l app=web --prefix

# Each change of the pod template is a new ReplicaSet and a new revision.
kubectl annotate deployment web kubernetes.io/change-cause="switch to busybox:1.36"
kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"busybox:1.36"}]}}}}'
kubectl rollout status deployment/web
kubectl rollout restart deployment/web
kubectl rollout history deployment/web
kubectl rollout history deployment/web --revision=2
kubectl get rs

# Undo goes back to the previous template: its old ReplicaSet becomes revision 4.
kubectl rollout undo deployment/web
kubectl rollout history deployment/web
kubectl rollout undo deployment/web --to-revision=9

# A paused deployment keeps its pods while its template changes.
kubectl rollout pause deployment/web
kubectl rollout restart deployment/web
kubectl rollout resume deployment/web

# kubectl wait moves the simulated clock: the Job takes 20 s.
kubectl apply -f migrate.yaml
kubectl wait --for=condition=Complete job/migrate --timeout=5s
kubectl wait --for=condition=Complete job/migrate --timeout=1m
kubectl wait --for=jsonpath='{.status.succeeded}'=1 job/migrate
kubectl logs job/migrate
kubectl get pods -l job-name=migrate

# A pod whose process ignores SIGTERM (sleep) goes only after its 30 s grace period; wait sees it go.
kubectl run sleeper --image=busybox -- sleep 3600
kubectl delete pod sleeper --wait=false
kubectl wait --for=delete pod/sleeper --timeout=60s
