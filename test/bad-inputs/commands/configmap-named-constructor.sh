# Valid names that are also Object.prototype properties work like any other name.
kubectl create configmap constructor --from-literal=toString=valueOf
kubectl get configmap constructor -o name
