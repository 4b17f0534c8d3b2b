kubectl get pods -n __proto__
