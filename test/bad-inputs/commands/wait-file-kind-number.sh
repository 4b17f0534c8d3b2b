kubectl wait --for=delete -f - <<YAML
apiVersion: v1
kind: 5
YAML
