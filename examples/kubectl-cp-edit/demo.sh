# kubectl cp, set image, create job and edit: moving files, changing images and editing objects
# without writing YAML by hand.
# Run with: npx kubesim run examples/kubectl-cp-edit/demo.sh

# An nginx serving an emptyDir, and a busybox to copy files out of.
kubectl apply -f - <<YAML
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  volumes:
  - name: html
    emptyDir: {}
  containers:
  - name: nginx
    image: nginx:1.27
    volumeMounts:
    - name: html
      mountPath: /usr/share/nginx/html
YAML
kubectl wait --for=condition=Ready pod/web

# Into the container: a directory into an existing one lands under its own name; a file copied
# into the mounted volume is in the volume.
kubectl cp site web:/usr/share/nginx/html
kubectl cp site/index.html web:/usr/share/nginx/html/index.html
kubectl exec web -- ls /usr/share/nginx/html /usr/share/nginx/html/site
kubectl exec web -- cat /usr/share/nginx/html/index.html

# Out of it: tar in the container says it removed the leading '/' (on stdout, as kubectl passes it on).
kubectl exec web -- sh -c 'mkdir -p /var/log/app && echo started > /var/log/app/boot.log'
kubectl cp web:/var/log/app ./logs
cat logs/boot.log
kubectl cp web:/nope ./nope
kubectl cp web:/a other:/b

# A new image is a new rollout.
kubectl create deployment api --image=nginx:1.27 --replicas=2
kubectl rollout status deployment/api
kubectl set image deployment/api nginx=nginx:1.28
kubectl rollout status deployment/api
kubectl rollout history deployment/api
kubectl set image deployment/api app=nginx:1.28

# A one-off Job without YAML, and the Job kubectl would create.
kubectl create job hello --image=busybox:1.36 --dry-run=client -o yaml -- echo hello
kubectl create job hello --image=busybox:1.36 -- echo hello
kubectl wait --for=condition=complete job/hello
kubectl logs job/hello
kubectl create job nightly --from=cronjob/backup

# kubectl edit runs $KUBE_EDITOR, else $EDITOR, else vi, which a script does not have.
kubectl edit deployment/api
# Any program that changes the file will do: here one that copies a prepared version over it.
KUBE_EDITOR="cp api-3-replicas.yaml" kubectl edit deployment/api
kubectl get deployment api
# An editor that leaves the file as it was: nothing to do.
EDITOR=true kubectl edit deployment/api
