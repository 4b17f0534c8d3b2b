kubectl api-resources pods
