kubectl get pods --all
