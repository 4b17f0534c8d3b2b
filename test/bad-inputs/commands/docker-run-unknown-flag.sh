docker run --nope alpine
