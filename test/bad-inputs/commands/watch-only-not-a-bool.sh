kubectl get pods --watch-only=maybe
