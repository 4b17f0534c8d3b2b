kubectl get nodes | jq .items
