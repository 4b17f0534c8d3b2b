kubectl label -n kube-system -f - a=b <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: kube-root-ca.crt
  namespace: default
YAML
