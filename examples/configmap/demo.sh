# ConfigMaps as environment variables and as files, and what follows an update.
# Run with: npx kubesim run examples/configmap/demo.sh

kubectl apply -f frontend-cm.yaml
kubectl apply -f frontend-deploy.yaml
kubectl get pods

# Environment variables from the ConfigMap.
kubectl exec deploy/frontend-deploy -- printenv | grep -E 'APP|ENVIRONMENT'

# With items, only index.html is projected into the volume (APP and ENVIRONMENT are not files).
kubectl exec deploy/frontend-deploy -- ls /usr/share/nginx/html
kubectl exec deploy/frontend-deploy -- cat /usr/share/nginx/html/index.html

# Change the ConfigMap: the volume follows, but only when the kubelet next syncs the pod (its
# periodic sync, every minute), so right after the update the file is still the old one.
kubectl apply -f frontend-cm-v2.yaml
kubectl exec deploy/frontend-deploy -- cat /usr/share/nginx/html/index.html
sleep 60
# A minute later the volume shows version 2; the subPath copy and the environment variables keep
# what they had when the container started.
kubectl exec deploy/frontend-deploy -- cat /usr/share/nginx/html/index.html
kubectl exec deploy/frontend-deploy -- cat /srv/copy/index.html
kubectl exec deploy/frontend-deploy -- printenv ENVIRONMENT
