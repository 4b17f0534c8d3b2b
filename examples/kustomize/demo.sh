# kustomize: generated ConfigMaps and Secrets get a hash of their data in the name, and the
# Deployment that names them is rewritten to match, so changing the data rolls the Deployment.
# Run with: npx kubesim run examples/kustomize/demo.sh

# What kubectl would send: the generated objects first (kustomize's order), with hashed names.
kubectl kustomize app

kubectl apply -k app
kubectl get configmaps,secrets
kubectl exec deploy/web -- printenv GREETING
kubectl exec deploy/web -- cat /usr/share/nginx/html/index.html

# Change a literal: the data changes, so the hash and the name change, and so does the
# Deployment's pod template, which rolls out a new ReplicaSet. The old ConfigMap stays.
cat <<'YAML' > app/kustomization.yaml
resources:
- deployment.yaml
configMapGenerator:
- name: app-config
  literals:
  - GREETING=bonjour
  - COLOR=blue
  files:
  - index.html
secretGenerator:
- name: db-creds
  literals:
  - password=s3cr3t
YAML
kubectl apply -k app
kubectl rollout status deployment/web
kubectl get configmaps
kubectl get replicasets
kubectl exec deploy/web -- printenv GREETING

# An overlay that puts a prefix on everything from ../app: the ConfigMap keeps its suffix, since
# kustomize hashes the data, not the name; the Deployment's references follow the new names.
mkdir staging
cat <<'YAML' > staging/kustomization.yaml
namePrefix: staging-
resources:
- ../app
YAML
kubectl kustomize staging | grep 'name: '

# Errors: -f with -k, a directory without a kustomization, and a field the playground does not build.
kubectl apply -k app -f app/deployment.yaml
kubectl apply -k nowhere
mkdir overlay
cat <<'YAML' > overlay/kustomization.yaml
resources:
- ../app
patches:
- path: replicas.yaml
YAML
kubectl apply -k overlay

kubectl delete -k app
