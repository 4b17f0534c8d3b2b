# HTTP to a Service: a ConfigMap's index.html served by nginx, reached through a NodePort from the
# host and through cluster DNS from another pod; then a page written into a PersistentVolume,
# which outlives the pod that wrote it.
# Run with: npx kubesim run examples/service-http/demo.sh

# The page lives in a ConfigMap; two nginx pods mount it over their document root.
kubectl create configmap site --from-file=index.html
kubectl apply -f web.yaml
kubectl get svc web

# From the host: kind publishes node ports on localhost (the playground treats every node port as
# mapped), and every node answers on its own address too.
curl http://localhost:30080
NODE_IP=$(kubectl get node kind-control-plane -o jsonpath='{.status.addresses[0].address}')
curl -s http://$NODE_IP:30080/missing.html -o /dev/null -w '%{http_code}\n'
# Cluster names mean nothing to the host's resolver.
curl http://web

# From a pod: its resolv.conf points at the cluster DNS (the kube-dns Service) and searches the
# pod's namespace first, so `web` is web.default.svc.cluster.local.
kubectl get svc -n kube-system kube-dns
kubectl run client --image=busybox --restart=Never -- sleep 3600
kubectl exec client -- cat /etc/resolv.conf
kubectl exec client -- wget -qO- http://web
kubectl exec client -- wget -O /tmp/page.html http://web.default.svc.cluster.local
kubectl exec client -- head -4 /tmp/page.html
# busybox has wget but no curl; the nginx image has curl.
kubectl exec client -- sh -c 'curl http://web'
POD=$(kubectl get pods -l app=web -o jsonpath='{.items[0].metadata.name}')
kubectl exec $POD -- curl -s http://web | grep h1

# One Service, several pods: each connection goes to one of the ready endpoints. (kube-proxy picks
# at random; the playground takes them in turn, so the same script always prints the same.)
kubectl apply -f whoami.yaml
kubectl exec client -- sh -c 'for i in 1 2 3 4; do wget -qO- http://whoami; done'

# No ready endpoints: kube-proxy rejects the connection.
kubectl scale deployment web --replicas=0
curl http://localhost:30080
kubectl exec client -- wget -qO- http://web
kubectl scale deployment web --replicas=2

# A page written into a PersistentVolume survives the pod: an empty volume first (nginx: 403, no
# index.html), then a page written through one pod, served by its replacement.
kubectl apply -f notes.yaml
curl -s -o /dev/null -w '%{http_code}\n' http://localhost:30081/
OLD=$(kubectl get pods -l app=notes -o jsonpath='{.items[0].metadata.name}')
kubectl exec $OLD -- sh -c 'echo "<h1>Written into a PersistentVolume</h1>" > /usr/share/nginx/html/index.html'
curl http://localhost:30081/
kubectl delete pod $OLD
NEW=$(kubectl get pods -l app=notes -o jsonpath='{.items[0].metadata.name}')
test "$NEW" != "$OLD" && echo "new pod: $NEW"
curl http://localhost:30081/
