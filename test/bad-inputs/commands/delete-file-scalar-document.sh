echo hello | kubectl delete -f -
