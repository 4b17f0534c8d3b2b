kubectl delete -f - <<YAML
- a
- b
YAML
