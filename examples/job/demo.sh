# Jobs run pods to completion: `completions` pods must succeed, `parallelism` at a time.
# Run with: npx kubesim run examples/job/demo.sh

kubectl apply -f pi.yaml
kubectl get jobs
kubectl get pods
sleep 5
kubectl get jobs
sleep 5
kubectl get jobs -o wide
kubectl get pods
kubectl describe job pi

# A Job whose pods fail: each failure is retried after a back-off, until backoffLimit is passed.
kubectl apply -f fail.yaml
sleep 120
kubectl get jobs flaky
kubectl get pods -l job-name=flaky
kubectl get events --field-selector involvedObject.name=flaky

# A Job needs pods that end: a template without restartPolicy (so Always) is refused.
kubectl apply -f - <<EOF
apiVersion: batch/v1
kind: Job
metadata:
  name: never-ends
spec:
  template:
    spec:
      containers:
      - name: web
        image: nginx
EOF
