# hostPath: a file or directory of the node itself. Pods on the same node share it; a pod on
# another node sees that node's own (here: new and empty) file.
# Run with: npx kubesim run examples/hostpath/demo.sh --cluster kind-multinode

kubectl apply -f pods.yaml
kubectl exec hostpath-example -- sh -c 'echo "Hey you!!" > /data'
kubectl get pods -o wide

kubectl apply -f verify.yaml
kubectl exec hostpath-verify -- cat /data
kubectl exec hostpath-other-node -- wc -c /data
