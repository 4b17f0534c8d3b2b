kubectl delete -f - <<YAML
apiVersion: v1
kind: List
items: 5
YAML
