kubectl delete -f - <<YAML
apiVersion: v1
kind: Pod
metadata:
  name: 5
YAML
