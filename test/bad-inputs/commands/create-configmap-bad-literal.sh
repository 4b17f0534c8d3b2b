kubectl create configmap settings --from-literal=novalue
