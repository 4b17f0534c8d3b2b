kubectl get pods constructor
