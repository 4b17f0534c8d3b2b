# JSON input is quoted as written.
kubectl delete -f - <<JSON
{"kind": 5,
 "apiVersion": "v1"}
JSON
