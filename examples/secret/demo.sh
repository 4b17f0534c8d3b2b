# Secrets as environment variables and as files: decoded for the container, on a tmpfs.
# Run with: npx kubesim run examples/secret/demo.sh

kubectl apply -f frontend-secret.yaml
kubectl get secret frontend-secret
kubectl describe secret frontend-secret

kubectl apply -f frontend-deploy.yaml
kubectl get pods -l app=frontend

# The container sees the plain values.
kubectl exec deploy/frontend-deploy -- sh -c 'echo $DB_USER; echo $DB_PASSWORD'
kubectl exec deploy/frontend-deploy -- ls /etc/secrets
kubectl exec deploy/frontend-deploy -- cat /etc/secrets/DB_USER
kubectl exec deploy/frontend-deploy -- mount
