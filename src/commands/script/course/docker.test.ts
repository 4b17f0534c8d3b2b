// The course's Docker section, command by command: image layers and `docker image history`,
// the writable layer, the storage and volume drivers, a named volume that outlives its
// container, bind mounts and tmpfs. The image is built from the course's Dockerfile
// (fixtures/my-image, with an app.py of the 170 bytes the course's history shows), on a Docker
// host without a cluster (preset empty), so no kind node containers show in `docker ps`.
import { describe, expect, it } from 'vitest';
import { runCourse } from './course-script.ts';

// The course built my-image in an earlier lesson; `-q` keeps BuildKit's progress off stderr.
const BUILD = 'docker build -q -t my-image my-image\n';

describe('course: Docker image layers', () => {
  it('docker image history my-image: FROM, ADD and RUN make layers, the rest 0B', () => {
    const r = runCourse(`${BUILD}docker image history my-image\n`, 'empty');
    expect(r.stderr).toBe('');
    const lines = r.out('docker image history my-image').split('\n');
    expect(lines[0]).toBe('IMAGE          CREATED                  CREATED BY                                      SIZE      COMMENT');
    // The course's rows, newest first; the image id and the ages differ from the course's.
    const rows = lines.slice(1, 6).map((l) => l.slice(15).replace(/^.{25}/, ''));
    expect(rows).toEqual([
      'CMD ["python" "app.py"]                         0B        buildkit.dockerfile.v0',
      'EXPOSE map[5000/tcp:{}]                         0B        buildkit.dockerfile.v0',
      'RUN /bin/sh -c pip install flask # buildkit     11.5MB    buildkit.dockerfile.v0',
      'ADD app.py app.py # buildkit                    170B      buildkit.dockerfile.v0',
      'WORKDIR /app                                    0B        buildkit.dockerfile.v0',
    ]);
    expect(lines[1]).toMatch(/^[0-9a-f]{12} {3}/);
    expect(lines[2]).toMatch(/^<missing> {6}/);
    // The course folds python:3.9-slim into one "FROM python:3.9-slim 97.1MB" row; the real
    // `docker image history` lists the base image's own steps, ending with its debuerreotype rootfs.
    expect(lines.at(-2)).toMatch(/^<missing> +3 months ago +# debian\.sh --arch 'amd64' out\/ 'bookworm' '… +74\.8MB +debuerreotype 0\.15$/);
  });

  it('docker info names the storage driver overlay2 and the local volume driver', () => {
    const r = runCourse('docker info\n', 'empty');
    expect(r.out('docker info')).toContain('\n Storage Driver: overlay2\n');
    expect(r.out('docker info')).toContain('\n  Volume: local\n');
  });
});

describe('course: the writable layer', () => {
  // The course says a stopped container loses its writable layer; Docker keeps it until the
  // container is removed. The test follows Docker.
  it('a stopped container keeps its delta data, a removed one loses it', () => {
    const r = runCourse(
      BUILD +
        'docker run -d --name my-cont-1 my-image\n' +
        'docker exec my-cont-1 sh -c \'echo "This is my delta data" > file.txt\'\n' +
        'docker stop my-cont-1\n' +
        'docker start my-cont-1\n' +
        'docker exec my-cont-1 cat file.txt\n' +
        'docker rm -f my-cont-1\n' +
        'docker run -d --name my-cont-1 my-image\n' +
        'docker exec my-cont-1 cat file.txt\n',
      'empty',
    );
    expect(r.out('docker exec my-cont-1 cat file.txt', 0)).toBe('This is my delta data\n');
    expect(r.out('docker exec my-cont-1 cat file.txt', 1)).toBe('');
    // my-image is Debian-based: GNU cat's message.
    expect(r.stderr).toBe('cat: file.txt: No such file or directory\n');
  });

  // docker ps -s and docker system df split the shared image from each writable layer.
  it('three containers writing 4, 10 and 6 MB share the image: 50MB + 20MB', () => {
    const r = runCourse(
      BUILD +
        'docker run -d --name container-1 my-image\n' +
        'docker run -d --name container-2 my-image\n' +
        'docker run -d --name container-3 my-image\n' +
        'docker exec container-1 dd if=/dev/zero of=/delta bs=1M count=4\n' +
        'docker exec container-2 dd if=/dev/zero of=/delta bs=1M count=10\n' +
        'docker exec container-3 dd if=/dev/zero of=/delta bs=1M count=6\n' +
        'docker ps -s --format "{{.Names}} {{.Size}}"\n',
      'empty',
    );
    expect(r.out('docker ps -s --format "{{.Names}} {{.Size}}"')).toMatch(/^container-3 6\.29MB \(virtual .*\)\ncontainer-2 10\.5MB \(virtual .*\)\ncontainer-1 4\.19MB \(virtual .*\)\n$/);
  });
});

describe('course: Docker volumes', () => {
  // The course types the three lines inside `docker exec -it my-cont-1 bash`; a script has no
  // terminal, so they go to bash's stdin (`-i`): with `-t` Docker would refuse a non-TTY input.
  const DEMO =
    BUILD +
    'docker volume create my-vol\n' +
    'docker run -d --name my-cont-1 -v my-vol:/app my-image\n' +
    'docker exec -i my-cont-1 bash <<EOF\ncd /app\necho "This is my delta data" > file.txt\ncat file.txt\nEOF\n' +
    'docker rm -f my-cont-1\n' +
    'sudo cat /var/lib/docker/volumes/my-vol/_data/file.txt\n' +
    'docker volume inspect my-vol\n';

  it('the named volume my-vol outlives docker rm -f', () => {
    const r = runCourse(DEMO, 'empty');
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.out('docker volume create my-vol')).toBe('my-vol\n');
    expect(r.out('docker run -d --name my-cont-1 -v my-vol:/app my-image')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(r.out('docker exec -i my-cont-1 bash <<EOF')).toBe('This is my delta data\n');
    expect(r.out('docker rm -f my-cont-1')).toBe('my-cont-1\n');
    expect(r.out('sudo cat /var/lib/docker/volumes/my-vol/_data/file.txt')).toBe('This is my delta data\n');
    const inspect = r.out('docker volume inspect my-vol');
    expect(inspect).toContain('        "Driver": "local",\n');
    expect(inspect).toContain('        "Mountpoint": "/var/lib/docker/volumes/my-vol/_data",\n');
  });

  // -it without a TTY: Docker 27 refuses `-t` when stdin is not a terminal.
  it('docker exec -it with the typed lines on a non-terminal stdin is refused', () => {
    const r = runCourse(BUILD + 'docker run -d --name my-cont-1 my-image\ndocker exec -it my-cont-1 bash <<EOF\ncd /app\nEOF\n', 'empty');
    expect(r.stderr).toBe('the input device is not a TTY\n');
  });

  it('another container sees the file: docker run --rm -v my-vol:/app alpine', () => {
    // The course lists /app from an interactive alpine shell; here its two lines go to sh's stdin.
    const r = runCourse(DEMO + 'docker run -i --rm -v my-vol:/app alpine sh <<EOF\ncd /app\nls -l\nEOF\n', 'empty');
    const out = r.out('docker run -i --rm -v my-vol:/app alpine sh <<EOF');
    expect(out).toMatch(/-rw-r--r-- +1 root +root +22 \w{3} [ \d]\d \d\d:\d\d file\.txt\n$/);
  });

  // busybox (built with CONFIG_DESKTOP, as alpine's and the busybox image's are) starts
  // `ls -l DIR` with "total N" (ls.c, scan_and_display_dirs_recur): a 4 KiB block each for
  // file.txt and app.py, which Docker copied from my-image's /app into the empty volume.
  it('busybox ls -l of a directory starts with its total', () => {
    const r = runCourse(DEMO + 'docker run -i --rm -v my-vol:/app alpine sh <<EOF\ncd /app\nls -l\nEOF\n', 'empty');
    expect(r.out('docker run -i --rm -v my-vol:/app alpine sh <<EOF')).toMatch(/^total 8\n-rw-r--r-- .* app\.py\n-rw-r--r-- .* file\.txt\n$/);
  });

  // docker cp: the course copies from my-cont-2, which has the volume at /app.
  it('docker cp copies the file out of a container', () => {
    const r = runCourse(
      BUILD + 'docker volume create my-vol\ndocker run -d --name my-cont-2 -v my-vol:/app my-image\n' +
        'docker exec my-cont-2 sh -c \'echo "This is my delta data" > /app/file.txt\'\n' +
        'docker cp my-cont-2:/app/file.txt .\ncat file.txt\n',
      'empty',
    );
    expect(r.stderr).toBe('');
    expect(r.out('docker cp my-cont-2:/app/file.txt .')).toBe('');
    expect(r.out('cat file.txt')).toBe('This is my delta data\n');
  });

  it('a bind mount shares a host directory; tmpfs lives in memory', () => {
    const r = runCourse(
      BUILD +
        'docker run -d --name dev -v /Users/yourname/data:/app/data my-image\n' +
        'docker exec dev sh -c \'echo hello > /app/data/note.txt\'\n' +
        'sudo cat /Users/yourname/data/note.txt\n' +
        'docker run -d --name scratch --tmpfs /cache my-image\n' +
        'docker exec scratch sh -c \'echo temp > /cache/x\'\n' +
        'docker restart scratch\n' +
        'docker exec scratch ls /cache\n',
      'empty',
    );
    expect(r.stderr).toBe('');
    expect(r.out('sudo cat /Users/yourname/data/note.txt')).toBe('hello\n');
    expect(r.out('docker restart scratch')).toBe('scratch\n');
    expect(r.out('docker exec scratch ls /cache')).toBe('');
  });
});
