kubectl delete -f - <<YAML
kind: ""
apiVersion: v1
metadata:
  name: x
YAML
