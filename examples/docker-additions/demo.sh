# Docker details a course skips: a named volume's copy-up, docker cp both ways, container sizes,
# docker system df's four digits, how docker stop ends a container, and -it without a terminal.
# Run with: npx kubesim run examples/docker-additions/demo.sh

# The pull's lines (stderr) come before the new container's id (stdout).
docker run -d --name web -v html:/usr/share/nginx/html nginx

# Copy-up: the empty volume `html` received what the image holds at the mount point.
docker run --rm -v html:/data busybox ls /data
# Not with nocopy, and never for a bind mount: those stay empty.
docker run --rm -v bare:/usr/share/nginx/html:nocopy nginx ls /usr/share/nginx/html
docker run --rm -v /srv/site:/usr/share/nginx/html nginx ls /usr/share/nginx/html

# docker cp into a container and out of it. Without a terminal it prints nothing on success.
echo '<h1>Hello from the host</h1>' > index.html
docker cp index.html web:/usr/share/nginx/html/index.html
docker exec web cat /usr/share/nginx/html/index.html
docker cp web:/etc/nginx/nginx.conf .
cat nginx.conf
mkdir backup
docker cp web:/usr/share/nginx/html/. backup
ls backup
docker cp web:/etc/nginx/missing.conf .
docker cp nothing.txt web:/tmp/

# SIZE: the writable layer, and (virtual) the image under it too.
docker run -d --name sleeper busybox sleep 3600
docker exec sleeper dd if=/dev/zero of=/blob bs=1000 count=2500
docker ps -s

# docker system df prints sizes with four significant digits.
docker system df

# nginx stops at once on its STOPSIGNAL (SIGQUIT); `sleep` as PID 1 has no handler and ignores
# SIGTERM, so docker waits the 10 s timeout and kills it: Exited (137).
docker stop web
docker stop sleeper
docker ps -a

# A script has no terminal: -it is refused before anything is created.
docker run -it busybox sh
