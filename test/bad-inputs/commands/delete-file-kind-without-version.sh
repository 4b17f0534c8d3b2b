kubectl delete -f - <<YAML
kind: Foo
metadata:
  name: x
YAML
