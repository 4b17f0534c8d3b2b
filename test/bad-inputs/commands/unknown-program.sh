helm install db bitnami/postgresql
