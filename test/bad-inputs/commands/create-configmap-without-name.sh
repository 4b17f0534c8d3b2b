kubectl create configmap
