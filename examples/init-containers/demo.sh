# Init containers prepare a pod's volumes before its app starts; a native sidecar runs beside it.
# Run with: npx kubesim run examples/init-containers/demo.sh

# kubernetes.io's "Configure Pod Initialization": an init container writes the page nginx serves.
kubectl apply -f init-demo.yaml
kubectl get pod init-demo
kubectl exec init-demo -- cat /usr/share/nginx/html/index.html
kubectl get pod init-demo -o jsonpath='{.status.initContainerStatuses[0].state.terminated.reason} {.status.initContainerStatuses[0].ready}{"\n"}'

# Seed data written into a PersistentVolume by two init containers, one at a time, in order:
# the pod stays Init:0/2 while the first one runs (3 s), and its app waits in PodInitializing.
kubectl apply -f seed.yaml
kubectl get pods seeded
kubectl get pod seeded -o jsonpath='{.status.conditions[?(@.type=="Initialized")].message}{"\n"}'
kubectl logs seeded
sleep 3
kubectl get pods seeded
kubectl logs seeded -c migrate
kubectl logs seeded

# A failing init container: with restartPolicy Never the pod fails and its app never starts.
kubectl apply -f broken.yaml
kubectl get pod broken
kubectl logs broken -c check

# A native sidecar (restartPolicy: Always on an init container) starts before the app, so the app
# finds what it wrote, and keeps running beside it: READY counts it, 2/2.
kubectl apply -f sidecar.yaml
sleep 25
kubectl get pod with-sidecar
kubectl logs with-sidecar
kubectl logs with-sidecar -c agent
