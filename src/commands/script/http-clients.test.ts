// curl and wget in whole scripts, as a learner types them: on the script host and inside pods,
// with the tools each image really has, and their output and errors word for word.
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.ts';

const files = { read: () => undefined };

const WEB = `kubectl create configmap site --from-literal=index.html='<h1>hello</h1>'
kubectl apply -f - <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        volumeMounts: [{name: site, mountPath: /usr/share/nginx/html}]
      volumes: [{name: site, configMap: {name: site}}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80, nodePort: 30080}]
EOF
kubectl run client --image=busybox --restart=Never -- sleep 3600
`;

/** Runs the web setup, then `lines`; returns the later commands' interleaved output and the exit status. */
function after(lines: string, preset: 'kind' | 'bare' = 'kind'): { out: string; exitCode: number } {
  const setup = runScript(WEB, { preset, quiet: true, files });
  expect(setup.stderr).toBe('');
  const r = runScript(lines, { state: setup.state, files });
  return { out: r.chunks.map((c) => c.text).join(''), exitCode: r.exitCode };
}

describe('curl on the script host', () => {
  it("prints the page a NodePort Service's pods serve, on localhost and on the node's address", () => {
    expect(after('curl http://localhost:30080\ncurl -s 172.18.0.2:30080/index.html\n').out).toBe('$ curl http://localhost:30080\n<h1>hello</h1>\n$ curl -s 172.18.0.2:30080/index.html\n<h1>hello</h1>');
  });

  it('words each failure as curl 7.88 does, with its exit status, and -s hides it unless -S', () => {
    const r = after('curl http://web; echo "status $?"\ncurl -s http://web; echo "status $?"\ncurl -sS http://localhost:30099; echo "status $?"\ncurl -f http://localhost:30080/nope; echo "status $?"\n');
    expect(r.out).toBe(
      [
        '$ curl http://web; echo "status $?"',
        'curl: (6) Could not resolve host: web',
        'status 6',
        '$ curl -s http://web; echo "status $?"',
        'status 6',
        '$ curl -sS http://localhost:30099; echo "status $?"',
        "curl: (7) Failed to connect to localhost port 30099 after 0 ms: Couldn't connect to server",
        'status 7',
        '$ curl -f http://localhost:30080/nope; echo "status $?"',
        'curl: (22) The requested URL returned error: 404',
        'status 22',
        '',
      ].join('\n'),
    );
  });

  it('-o writes the file, -w reports the status, -i shows the headers nginx sent', () => {
    const r = after("curl -s -o page.html -w '%{http_code} %{content_type}\\n' http://localhost:30080/\ncat page.html\ncurl -si http://localhost:30080/ | head -3\ncurl -s -o /dev/null -w '%{http_code}\\n' http://localhost:30080/nope\n");
    expect(r.out).toBe(
      "$ curl -s -o page.html -w '%{http_code} %{content_type}\\n' http://localhost:30080/\n200 text/html\n$ cat page.html\n<h1>hello</h1>\n$ curl -si http://localhost:30080/ | head -3\n" +
        'HTTP/1.1 200 OK\r\nServer: nginx/1.27.5\r\nDate: Thu, 01 Jan 2026 00:00:00 GMT\r\n' +
        "$ curl -s -o /dev/null -w '%{http_code}\\n' http://localhost:30080/nope\n404\n",
    );
  });

  it('on a cluster other than kind, localhost has no node ports', () => {
    const r = after('curl -s -o /dev/null -w "%{http_code}\\n" http://192.168.49.2:30080\ncurl http://localhost:30080\n', 'bare');
    expect(r.out).toContain('\n200\n');
    expect(r.out).toContain("curl: (7) Failed to connect to localhost port 30080 after 0 ms: Couldn't connect to server\n");
  });
});

describe('inside pods', () => {
  it("busybox's wget: what it prints on stderr, the file it saves, and that it will not overwrite one", () => {
    const r = after('kubectl exec client -- wget http://web\nkubectl exec client -- cat index.html\nkubectl exec client -- wget http://web\n');
    const ip = /Connecting to web \((10\.96\.\d+\.\d+):80\)/.exec(r.out)?.[1];
    expect(ip).toBeDefined();
    expect(r.out).toBe(
      `$ kubectl exec client -- wget http://web\nConnecting to web (${ip}:80)\nsaving to 'index.html'\nindex.html           100% |********************************|    14  0:00:00 ETA\n'index.html' saved\n` +
        '$ kubectl exec client -- cat index.html\n<h1>hello</h1>\n' +
        `$ kubectl exec client -- wget http://web\nConnecting to web (${ip}:80)\nwget: can't open 'index.html': File exists\ncommand terminated with exit code 1\n`,
    );
  });

  it("wget's errors: a name that does not resolve, a refused connection, a server error", () => {
    const r = after('kubectl exec client -- wget -qO- http://nothere\nkubectl exec client -- wget -qO- web.default.svc.cluster.local/nope\nkubectl scale deployment web --replicas=0\nkubectl exec client -- wget -O- http://web\n');
    expect(r.out).toContain("$ kubectl exec client -- wget -qO- http://nothere\nwget: bad address 'nothere'\ncommand terminated with exit code 1\n");
    expect(r.out).toContain('/nope\nwget: server returned error: HTTP/1.1 404 Not Found\ncommand terminated with exit code 1\n');
    expect(r.out).toMatch(/\$ kubectl exec client -- wget -O- http:\/\/web\nConnecting to web \((10\.96\.\d+\.\d+):80\)\nwget: can't connect to remote host \(\1\): Connection refused\ncommand terminated with exit code 1\n$/);
  });

  it('each image has the tools it really ships: curl in nginx, wget but no curl in busybox, neither in python:slim', () => {
    const r = after(
      "kubectl run py --image=python:3.9-slim -- sleep 3600\nPOD=$(kubectl get pods -l app=web -o jsonpath='{.items[0].metadata.name}')\nkubectl exec $POD -- curl -s http://web\nkubectl exec client -- sh -c 'curl http://web'\nkubectl exec py -- sh -c 'wget http://web'\nkubectl exec py -- bash -c 'curl http://web'\nkubectl exec $POD -- wget http://web\n",
    );
    expect(r.out).toContain('-- curl -s http://web\n<h1>hello</h1>\n$ ');
    expect(r.out).toContain("-- sh -c 'curl http://web'\nsh: curl: not found\ncommand terminated with exit code 127\n");
    expect(r.out).toContain("-- sh -c 'wget http://web'\nsh: 1: wget: not found\ncommand terminated with exit code 127\n");
    expect(r.out).toContain("-- bash -c 'curl http://web'\nbash: line 1: curl: command not found\ncommand terminated with exit code 127\n");
    expect(r.out).toMatch(/-- wget http:\/\/web\nerror: Internal error occurred: .*exec: "wget": executable file not found in \$PATH: unknown\n/);
  });
});

describe('web servers a pod starts itself', () => {
  it('busybox httpd -f and python -m http.server keep running and serve their directories', () => {
    const script = `kubectl run bb --image=busybox -- sh -c 'mkdir -p /www && echo from-busybox > /www/index.html && httpd -f -p 8080 -h /www'
kubectl run py --image=python:3.9-slim -- sh -c 'mkdir -p /srv/a && cd /srv && python3 -m http.server 9000'
kubectl run client --image=busybox --restart=Never -- sleep 3600
sleep 120
kubectl get pods
BB=$(kubectl get pod bb -o jsonpath='{.status.podIP}')
PY=$(kubectl get pod py -o jsonpath='{.status.podIP}')
kubectl exec client -- wget -qO- http://$BB:8080/
kubectl exec client -- wget -qO- http://$PY:9000/
kubectl exec client -- wget -qO- http://$PY:9000/x
`;
    const r = runScript(script, { preset: 'kind', files });
    const out = r.chunks.map((c) => c.text).join('');
    expect(out).toMatch(/bb +1\/1 +Running +0 /);
    expect(out).toMatch(/py +1\/1 +Running +0 /);
    expect(out).toContain(':8080/\nfrom-busybox\n');
    expect(out).toContain('<title>Directory listing for /</title>');
    expect(out).toContain('<li><a href="a/">a/</a></li>');
    expect(out).toContain(':9000/x\nwget: server returned error: HTTP/1.0 404 File not found\n');
  });
});

describe('the nginx binary', () => {
  it('-t checks the configuration, -v gives the version, -s reload signals the master', () => {
    const r = runScript('kubectl run n --image=nginx:1.27\nkubectl exec n -- nginx -t\nkubectl exec n -- nginx -v\nkubectl exec n -- nginx -s reload\n', { preset: 'kind', quiet: true, files });
    expect(r.stderr).toBe(
      'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\nnginx version: nginx/1.27.5\n2026/01/01 00:00:00 [notice] 29#29: signal process started\n',
    );
  });
});

describe("curl's details", () => {
  it('under kubectl exec (no terminal) it shows its progress meter; a failure leaves the first line, the error on the same line', () => {
    const r = after("POD=$(kubectl get pods -l app=web -o jsonpath='{.items[0].metadata.name}')\nkubectl exec $POD -- curl http://nothere\nkubectl exec $POD -- curl http://web\n");
    const start = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';
    expect(r.out).toContain(`-- curl http://nothere\n${start}curl: (6) Could not resolve host: nothere\ncommand terminated with exit code 6\n`);
    expect(r.out).toContain(`-- curl http://web\n<h1>hello</h1>${start}\r100    14  100    14    0     0  14000      0 --:--:-- --:--:-- --:--:-- 14000\n`);
  });

  it('-L follows the redirect nginx sends for a directory without its slash', () => {
    const r = runScript(
      "kubectl run n --image=nginx:1.27\nkubectl exec n -- sh -c 'mkdir /usr/share/nginx/html/docs && echo docs > /usr/share/nginx/html/docs/index.html'\nkubectl exec n -- curl -s -o /dev/null -w '%{http_code}\\n' http://localhost/docs\nkubectl exec n -- curl -sL http://localhost/docs\nkubectl exec n -- curl -sI http://localhost/docs\n",
      { preset: 'kind', quiet: true, files },
    );
    expect(r.stdout).toContain('301\ndocs\nHTTP/1.1 301 Moved Permanently\r\n');
    expect(r.stdout).toContain('Location: http://localhost/docs/\r\n');
  });

  it("usage errors as curl's option parser words them", () => {
    const r = runScript('curl\ncurl --nope http://x\ncurl -sZ http://x\n', { preset: 'kind', quiet: true, files });
    const tryHelp = "curl: try 'curl --help' or 'curl --manual' for more information\n";
    expect(r.stderr).toBe(`curl: no URL specified!\n${tryHelp}curl: option --nope: is unknown\n${tryHelp}curl: option -sZ: is unknown\n${tryHelp}`);
  });
});

describe("the servers' logs", () => {
  it("nginx logs each request to stdout in the image's main format; python logs to stderr, with the error first", () => {
    const r = runScript(
      "kubectl run n --image=nginx:1.27\nkubectl run py --image=python:3.9-slim -- python -m http.server\nkubectl run client --image=busybox --restart=Never -- sleep 3600\nkubectl exec client -- wget -qO- $(kubectl get pod n -o jsonpath='{.status.podIP}')\nkubectl exec n -- curl -s localhost/nope\nkubectl exec client -- wget -q $(kubectl get pod py -o jsonpath='{.status.podIP}'):8000/x\nkubectl logs n\nkubectl logs py\n",
      { preset: 'kind', quiet: true, files },
    );
    const client = (r.state.objects.Pod?.['default/client'] as { status?: { podIP?: string } } | undefined)?.status?.podIP ?? '';
    expect(r.stdout).toContain(
      `${client} - - [01/Jan/2026:00:00:00 +0000] "GET / HTTP/1.1" 200 245 "-" "Wget" "-"\n127.0.0.1 - - [01/Jan/2026:00:00:00 +0000] "GET /nope HTTP/1.1" 404 153 "-" "curl/7.88.1" "-"\n` +
        `${client} - - [01/Jan/2026 00:00:00] code 404, message File not found\n${client} - - [01/Jan/2026 00:00:00] "GET /x HTTP/1.1" 404 -\n`,
    );
  });
});
