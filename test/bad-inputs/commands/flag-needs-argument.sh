kubectl get pvc -o
