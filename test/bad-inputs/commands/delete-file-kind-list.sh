kubectl delete -f - <<YAML
apiVersion: v1
kind: [Pod]
metadata: {name: x, labels: {b: "1", a: "<&>"}}
YAML
