kubectl get nodes
kubectl apply -f - <<EOF2
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
