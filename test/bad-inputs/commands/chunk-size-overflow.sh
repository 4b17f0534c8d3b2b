kubectl get pods --chunk-size=99999999999999999999
