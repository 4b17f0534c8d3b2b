# A resource type named like an Object.prototype property.
kubectl get constructor
