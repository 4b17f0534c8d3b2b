kubectl get nodes | | wc -l
