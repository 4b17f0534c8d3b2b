# What survives a container: its writable layer does not outlive `docker rm`, a named volume does.
# Run with: npx kubesim run examples/docker-volumes/demo.sh

docker build -q -t my-image ../docker-layers/app
# nginx shares its Debian base layer with my-image's python base: that layer is not pulled twice.
docker pull nginx
docker pull alpine
docker pull busybox

# Without a volume: the file lives in the container's writable layer.
docker run -d --name my-cont-1 my-image
docker exec my-cont-1 sh -c 'echo "This is my delta data" > /app/file.txt'
docker exec my-cont-1 cat /app/file.txt

# Stopped, the container keeps its writable layer...
docker stop my-cont-1
docker start my-cont-1
docker exec my-cont-1 cat /app/file.txt

# ...removed, it is gone, and a new container from the same image starts clean.
docker rm -f my-cont-1
docker run -d --name my-cont-1 my-image
docker exec my-cont-1 cat /app/file.txt
docker rm -f my-cont-1

# With a named volume mounted at /app, the data lives outside the container.
docker volume create my-vol
docker run -d --name my-cont-2 -v my-vol:/app my-image
docker exec my-cont-2 sh -c 'echo "This is my delta data" > /app/file.txt'
docker rm -f my-cont-2

# The volume outlives the container: its data is a directory of the Docker host...
docker volume ls
docker volume inspect my-vol
sudo cat /var/lib/docker/volumes/my-vol/_data/file.txt
# ...and any new container that mounts it sees the file.
docker run --rm -v my-vol:/app alpine cat /app/file.txt

# A bind mount is a directory of the host; tmpfs lives in memory and is gone when the container stops.
docker run -d --name web -v /srv/site:/usr/share/nginx/html --mount type=tmpfs,target=/cache nginx
docker exec web sh -c 'echo "<h1>hello</h1>" > /usr/share/nginx/html/index.html; echo cached > /cache/page'
docker exec web mount
docker run --rm -v /srv/site:/site busybox cat /site/index.html
sudo ls -l /srv/site
docker restart web
docker exec web ls /cache

# A volume in use cannot be removed; once nothing uses it, it can.
docker run -d --name my-cont-3 -v my-vol:/app my-image
docker volume rm my-vol
docker rm -f my-cont-3 web
docker volume rm my-vol
docker system df
