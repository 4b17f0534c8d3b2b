kubectl create secret generic db --from-literal==hunter2
