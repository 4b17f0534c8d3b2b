# The file to read stdin from does not exist.
kubectl apply -f - < missing.yaml
