# Secrets as environment variables and as files (decoded, on a tmpfs).
# Run with: npx kubesim run examples/secret/demo.sh

kubectl apply -f secret.yaml
kubectl apply -f pod.yaml
kubectl get secret db-secret
kubectl describe secret db-secret

kubectl exec secret-demo -- printenv DB_USER
kubectl exec secret-demo -- ls /etc/db-creds
kubectl exec secret-demo -- cat /etc/db-creds/password
kubectl exec secret-demo -- mount
