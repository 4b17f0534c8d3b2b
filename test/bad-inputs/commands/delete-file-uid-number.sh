kubectl delete -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: x
  uid: 5
YAML
