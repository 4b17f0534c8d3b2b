kubectl describe pvc __proto__
