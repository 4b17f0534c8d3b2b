kubectl get nodes
kubectl label nodes kind-control-plane 'tier=gold
