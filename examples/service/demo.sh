# A Service gives a set of pods one address. The API server allocates its cluster IP (and here a
# node port); the EndpointSlice controller lists the ready pods behind it, and follows them.
# Run with: npx kubesim run examples/service/demo.sh

# kind starts with the API server's own Service.
kubectl get svc

# Two nginx pods and a NodePort Service selecting them; targetPort names the container port.
kubectl apply -f web.yaml
kubectl get svc,ep,endpointslices -o wide
kubectl describe svc web

# Scale up: the new pod joins the endpoints as soon as it is ready.
kubectl scale deployment web --replicas=3
kubectl get endpointslices -l kubernetes.io/service-name=web
kubectl get ep web

# A LoadBalancer Service: a cluster IP, a node port, and an EXTERNAL-IP that stays <pending>
# without a cloud provider (as in kind).
kubectl apply -f - <<YAML
apiVersion: v1
kind: Service
metadata:
  name: web-lb
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
  - name: http
    port: 8080
    targetPort: 80
YAML
kubectl get svc web-lb

# The API server's refusals: a node port outside 30000-32767, one already taken, a changed cluster IP.
kubectl apply -f - <<YAML
apiVersion: v1
kind: Service
metadata:
  name: low
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
    nodePort: 80
YAML
kubectl apply -f - <<YAML
apiVersion: v1
kind: Service
metadata:
  name: taken
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
    nodePort: 30080
YAML
kubectl patch svc web -p '{"spec":{"clusterIP":"10.96.0.99"}}'

# Deleting the Service removes its Endpoints and EndpointSlice too.
kubectl delete svc web web-lb
kubectl get ep,endpointslices
