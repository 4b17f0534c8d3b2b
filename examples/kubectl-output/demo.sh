# kubectl's output habits on volumes, claims and pods: jsonpath, custom columns, --sort-by.
# Run with: npx kubesim run examples/kubectl-output/demo.sh --cluster bare

# Three volumes of different sizes, a 1Gi claim (it binds the smallest that fits: 2Gi) and a pod.
kubectl apply -f volumes.yaml
kubectl apply -f claims.yaml

# jsonpath on a list reads the List object: every capacity, space separated, no newline of its own.
kubectl get pv -o jsonpath='{.items[*].spec.capacity.storage}{"\n"}'

# range/end for one line per object; a filter picks the bound volume.
kubectl get pv -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.status.phase}{"\n"}{end}'
kubectl get pv -o jsonpath='{.items[?(@.status.phase=="Bound")].metadata.name}{"\n"}'

# One named object: the template reads the object itself. Maps and lists print as JSON.
kubectl get pvc data -o jsonpath='{.spec.volumeName} {.status.capacity.storage}{"\n"}'
kubectl get pv pv-large -o jsonpath='{.spec.capacity}{"\n"}{.spec.accessModes}{"\n"}'
kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.spec.nodeName}{"\t"}{.spec.volumes[0].persistentVolumeClaim.claimName}{"\n"}{end}'

# Custom columns: a missing field prints <none>; several results are joined by commas.
kubectl get pvc -o custom-columns=NAME:.metadata.name,CAP:.status.capacity.storage,VOLUME:.spec.volumeName
kubectl get pv -o custom-columns=NAME:.metadata.name,MODES:.spec.accessModes,TIER:.metadata.labels.tier --no-headers
kubectl get pv -o custom-columns-file=columns.txt

# --sort-by compares quantities as quantities: 500Mi < 2Gi < 10Gi.
kubectl get pv --sort-by=.spec.capacity.storage
kubectl get pv --sort-by=.metadata.name -o custom-columns=NAME:.metadata.name,SIZE:.spec.capacity.storage

# Mistakes, in kubectl's words.
kubectl get pv -o jsonpath='{.items[*].metadata.name'
kubectl get pv -o jsonpath
kubectl get pv -o name --sort-by=.spec.nothing
# A table whose rows cannot be sorted is silently left out: kubectl ignores that printer error.
kubectl get pv --sort-by=.spec.nothing
kubectl get pv -o custom-columns=NAME
