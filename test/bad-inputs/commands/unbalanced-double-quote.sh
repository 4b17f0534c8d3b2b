# The quote is never closed.
kubectl get pods "web
