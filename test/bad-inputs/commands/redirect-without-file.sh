kubectl get nodes >
