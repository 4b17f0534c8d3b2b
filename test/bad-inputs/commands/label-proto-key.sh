kubectl apply -f - <<YAML
apiVersion: v1
kind: Pod
metadata:
  name: x
spec:
  containers:
  - name: web
    image: nginx
YAML
kubectl label pods x __proto__=y
