kubectl label -f - a=b <<YAML
apiVersion: v1
kind: 5
YAML
