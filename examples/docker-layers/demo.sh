# Image layers: which Dockerfile steps make a layer, and how big each one is.
# Run with: npx kubesim run examples/docker-layers/demo.sh

docker build -t my-image app

# FROM, ADD and RUN made layers; WORKDIR, EXPOSE and CMD only changed the image's settings (0B).
docker image history my-image

docker images
docker image inspect my-image
