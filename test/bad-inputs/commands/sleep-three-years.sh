# A long but possible sleep returns at once: nothing happens on an idle cluster.
sleep 99999999
kubectl get nodes -o name
