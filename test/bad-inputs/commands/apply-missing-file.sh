kubectl apply -f missing.yaml
