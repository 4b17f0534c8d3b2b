# kubectl patch: a strategic merge patch (the default) merges lists by their merge key; a JSON
# merge patch replaces them; a JSON patch (RFC 6902) edits by position.
kubectl run web --image=nginx:1.27 --labels=app=web
kubectl patch pod web -p '{"spec":{"containers":[{"name":"web","image":"nginx:1.28"}]}}'
kubectl get pod web -o jsonpath='{.spec.containers[0].image} {.spec.containers[0].volumeMounts[0].mountPath}{"\n"}'
kubectl patch pod web -p '{"spec":{"containers":[{"name":"web","image":"nginx:1.28"}]}}'
# the same list as a merge patch replaces the container whole: the server refuses it
kubectl patch pod web --type merge -p '{"spec":{"containers":[{"name":"web","image":"nginx:1.29"}]}}'
# a merge key is needed to find the item
kubectl patch pod web -p '{"spec":{"containers":[{"image":"nginx:1.29"}]}}'
# a patch may be YAML, here from a file; labels merge with the ones the pod has
cat > labels.yaml <<'YAML'
metadata:
  labels:
    tier: front
YAML
kubectl patch pod web --patch-file labels.yaml
kubectl get pod web --show-labels
kubectl create deployment api --image=busybox:1.36 --replicas=1
kubectl patch deployment api --type json -p '[{"op":"replace","path":"/spec/replicas","value":3},{"op":"add","path":"/metadata/annotations/example.com~1owner","value":"team-a"}]'
kubectl get deployment api -o jsonpath='{.spec.replicas} {.metadata.annotations}{"\n"}'
kubectl patch deployment api --type json -p '[{"op":"test","path":"/spec/replicas","value":5}]'
kubectl patch deployment api --type json -p '[{"op":"remove","path":"/spec/template/spec/containers/3"}]'
kubectl patch deployment api --type json -p '[{"op":"remove","path":"/spec/template/spec/containers/3"}]' --dry-run=client
kubectl patch deployment api --type json -p '{"op":"remove"}'
# an env var added by a strategic merge patch goes first; $patch: delete removes one by key
kubectl patch deployment api -p '{"spec":{"template":{"spec":{"containers":[{"name":"busybox","env":[{"name":"A","value":"1"}]}]}}}}'
kubectl patch deployment api -p '{"spec":{"template":{"spec":{"containers":[{"name":"busybox","env":[{"name":"B","value":"2"}]}]}}}}'
kubectl get deployment api -o jsonpath='{.spec.template.spec.containers[0].env}{"\n"}'
kubectl patch deployment api -p '{"spec":{"template":{"spec":{"containers":[{"name":"busybox","env":[{"name":"A","$patch":"delete"}]}]}}}}'
kubectl get deployment api -o jsonpath='{.spec.template.spec.containers[0].env}{"\n"}'
cat > replicas.yaml <<'YAML'
spec:
  replicas: 2
YAML
kubectl patch deployment api --patch-file replicas.yaml
kubectl patch deployment api -p '{"spec":{"replicas":"two"}}'
kubectl patch deployment api -p '{"spec":{"replica":4}}'
kubectl patch deployment api -p '{"spec":'
kubectl patch deployment api -p 'spec: ['
kubectl patch deployment api -p '{"spec":{"replicas":1}}' --dry-run=server -o jsonpath='{.spec.replicas}{"\n"}'
kubectl get deployment api -o jsonpath='{.spec.replicas}{"\n"}'
