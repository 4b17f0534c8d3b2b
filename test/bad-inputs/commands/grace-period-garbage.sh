kubectl delete pod web --grace-period=soon
