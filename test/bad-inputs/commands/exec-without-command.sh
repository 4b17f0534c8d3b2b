kubectl exec web
