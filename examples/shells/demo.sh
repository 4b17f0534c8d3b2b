# Shells: the script host is bash-like; each container runs its image's own shell
# (busybox ash, Debian's dash as /bin/sh, bash where the image has it).
# Run with: npx kubesim run examples/shells/demo.sh

# On the host: variables, arithmetic, loops, command substitution and pipes.
USER_NAME=frontenduser
echo -n "$USER_NAME" | base64
echo -n 'ZnJvbnRlbmR1c2Vy' | base64 --decode; echo
for i in 1 2 3; do echo "replica $i of $((1 + 2))"; done
cat <<EOF > app.env
MODE=production
LEVEL=debug
EOF
grep -c = app.env
kubectl create configmap app --from-env-file=app.env
COUNT=$(kubectl get configmap app -o jsonpath='{.data}' | grep -o '":"' | wc -l)
echo "the configmap holds $COUNT keys"

# The kubelet expands $(VAR) in command and args from the container's env; the shell sees plain text.
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: greeter
spec:
  containers:
  - name: main
    image: busybox
    env:
    - name: GREETING
      value: hello
    # $(GREETING) is defined, $(HOME) is not (the image sets it, not the pod), and $$ is an escaped $.
    command: ["sh", "-c", "echo '$(GREETING), $(HOME) stays as written'; echo \"$$(echo the shell ran this)\"; sleep 3600"]
EOF
kubectl logs greeter

# busybox: ash, with busybox's own messages.
kubectl exec greeter -- sh -c 'i=0; while [ $i -lt 3 ]; do i=$((i+1)); printf "%s-" $i; done; echo'
kubectl exec greeter -- sh -c 'case "$HOSTNAME" in greet*) echo "I am $HOSTNAME";; *) echo other;; esac'
kubectl exec greeter -- sh -c 'nosuchtool --version'

# A Debian-based image: /bin/sh is dash, and bash is there too.
kubectl run py --image=python:3.12-slim --restart=Never -- sleep 3600
kubectl exec py -- sh -c 'echo -n "dash: "; echo "a\tb"'
kubectl exec py -- bash -c 'echo -n "bash: "; echo -e "a\tb"; [[ "abc" == a* ]] && echo matched'
kubectl exec py -- sh -c 'nosuchtool'
kubectl exec py -- bash -c 'nosuchtool'
kubectl exec py -- sh -c 'apt-get install -y curl'
