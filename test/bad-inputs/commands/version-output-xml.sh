kubectl version --output=xml
