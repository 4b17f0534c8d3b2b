# Shared image layers versus each container's writable layer: the course's 50 MB + 4 + 10 + 6 MB.
# Run with: npx kubesim run examples/docker-storage-usage/demo.sh

# A 50 MB image: busybox (4.27 MB) plus one 45.73 MB layer.
docker build -t my-image - <<'EOF'
FROM busybox
RUN dd if=/dev/zero of=/app.bin bs=10000 count=4573
EOF

# Three containers from it, each writing its own delta (4, 10 and 6 MB) into its writable layer.
docker run -d --name container-1 my-image sh -c 'dd if=/dev/zero of=/delta.bin bs=1000000 count=4 && sleep 3600'
docker run -d --name container-2 my-image sh -c 'dd if=/dev/zero of=/delta.bin bs=1000000 count=10 && sleep 3600'
docker run -d --name container-3 my-image sh -c 'dd if=/dev/zero of=/delta.bin bs=1000000 count=6 && sleep 3600'
docker ps

# The image is stored once (50 MB); the containers add only their deltas (20 MB): 70 MB in all.
docker system df
docker system df -v

# Stopping keeps a container's writable layer; removing it frees the space.
docker stop container-2
docker system df
docker rm container-2
docker system df
