// busybox nslookup in pods, both programs (1.28's libc wrapper, 1.29+'s own queries), and glibc's
// getent in a Debian image, against the simulated cluster DNS.
import { describe, expect, it } from 'vitest';
import { readerOf } from '../cluster/reads.ts';
import { execInPod } from '../containers/runtime.ts';
import { TestCluster } from '../testing/harness.ts';
import { atLeast, busyboxOf } from './busybox-version.ts';
import { queryClusterDns, reverseName } from './dns-server.ts';

const CLUSTER = `apiVersion: v1
kind: Service
metadata: {name: myservice}
spec:
  selector: {app: my}
  ports: [{port: 80, targetPort: 9376}]
---
apiVersion: v1
kind: Service
metadata: {name: nginx}
spec:
  clusterIP: None
  selector: {app: nginx}
  ports: [{port: 80}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 2
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers: [{name: nginx, image: nginx:1.27}]
`;

const pod = (name: string, image: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers: [{name: c, image: "${image}", command: [sleep, "3600"]}]\n`;

function cluster() {
  const c = TestCluster.of('kind');
  c.apply(CLUSTER);
  for (const [name, image] of [['old', 'busybox:1.28'], ['new', 'busybox'], ['mid', 'busybox:1.32'], ['alp', 'alpine:3.8'], ['deb', 'python:3.9-slim']] as const) c.apply(pod(name, image));
  const ip = (kind: 'Service' | 'Pod', key: string) => (kind === 'Service' ? c.get('Service', key)!.spec!.clusterIP! : c.get('Pod', key)!.status!.podIP!);
  const exec = (podName: string, ...argv: string[]) => {
    const r = execInPod(c.state, 'default', podName, podName === 'web-0' ? 'nginx' : 'c', argv, '');
    if (!r.ok) throw new Error(r.detail);
    return { stdout: r.stdout, stderr: r.stderr, code: r.code };
  };
  return { c, ip, exec, svc: ip('Service', 'default/myservice'), web0: ip('Pod', 'default/web-0'), web1: ip('Pod', 'default/web-1') };
}

const OLD_SERVER = 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n';
const NEW_SERVER = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';

describe('which busybox an image has', () => {
  it.each([
    ['busybox', 1, 37],
    ['busybox:latest', 1, 37],
    ['docker.io/library/busybox:1.28', 1, 28],
    ['busybox:1.28.4', 1, 28],
    ['busybox:1.36.1-glibc', 1, 36],
    ['busybox:musl', 1, 37],
    ['alpine', 1, 37],
    ['alpine:3.8', 1, 28],
    ['alpine:3.12', 1, 31],
    ['alpine:3.19', 1, 36],
    ['nginx:alpine', 1, 37],
  ])('%s is %i.%i', (image, major, minor) => {
    expect(busyboxOf(image)).toMatchObject({ major, minor });
  });

  it('names the build in its banner', () => {
    expect(busyboxOf('busybox:1.28').banner).toBe('BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.');
    expect(busyboxOf('busybox').banner).toBe('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.');
    expect(atLeast(busyboxOf('busybox:1.30'), 1, 29)).toBe(true);
    expect(atLeast(busyboxOf('busybox:1.28'), 1, 29)).toBe(false);
  });
});

describe('what the kube-dns Service answers', () => {
  const { c, svc, web0 } = cluster();
  const view = readerOf(c.state);

  it('is authoritative for cluster.local: A records, NODATA for AAAA, NXDOMAIN for a name that is not there', () => {
    expect(queryClusterDns(view, 'myservice.default.svc.cluster.local', 'A')).toEqual({ rcode: 'NOERROR', authoritative: true, records: [{ type: 'A', name: 'myservice.default.svc.cluster.local', value: svc }] });
    expect(queryClusterDns(view, 'myservice.default.svc.cluster.local', 'AAAA')).toEqual({ rcode: 'NOERROR', authoritative: true, records: [] });
    expect(queryClusterDns(view, 'myservice.svc.cluster.local', 'A').rcode).toBe('NXDOMAIN');
  });

  it('answers PTR for cluster IPs and ready endpoints, the StatefulSet pod by its hostname', () => {
    expect(reverseName(view, '10.96.0.10')).toBe('kube-dns.kube-system.svc.cluster.local');
    expect(reverseName(view, web0)).toBe('web-0.nginx.default.svc.cluster.local');
    const ptr = web0.split('.').reverse().join('.') + '.in-addr.arpa';
    expect(queryClusterDns(view, ptr, 'PTR').records).toEqual([{ type: 'PTR', name: ptr, value: 'web-0.nginx.default.svc.cluster.local' }]);
  });

  it('forwards everything else to an upstream the cluster cannot reach: SERVFAIL', () => {
    expect(queryClusterDns(view, 'google.com', 'A')).toEqual({ rcode: 'SERVFAIL', authoritative: false, records: [] });
    expect(queryClusterDns(view, '9.9.9.9.in-addr.arpa', 'PTR').rcode).toBe('SERVFAIL');
  });
});

describe('nslookup in busybox 1.28 (getaddrinfo, reverse names)', () => {
  const { exec, svc, web0, web1 } = cluster();

  it("resolves a StatefulSet pod's name under its headless Service through the search list", () => {
    expect(exec('old', 'nslookup', 'web-0.nginx')).toEqual({ stdout: `${OLD_SERVER}Name:      web-0.nginx\nAddress 1: ${web0} web-0.nginx.default.svc.cluster.local\n`, stderr: '', code: 0 });
  });

  it('gives a headless Service one address line per ready pod, a ClusterIP Service its cluster IP', () => {
    expect(exec('old', 'nslookup', 'nginx').stdout).toBe(
      `${OLD_SERVER}Name:      nginx\nAddress 1: ${web0} web-0.nginx.default.svc.cluster.local\nAddress 2: ${web1} web-1.nginx.default.svc.cluster.local\n`,
    );
    expect(exec('old', 'nslookup', 'myservice').stdout).toBe(`${OLD_SERVER}Name:      myservice\nAddress 1: ${svc} myservice.default.svc.cluster.local\n`);
    expect(exec('old', 'nslookup', 'kubernetes.default').stdout).toBe(`${OLD_SERVER}Name:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n`);
  });

  it("says it can't resolve a name that is not there, or outside the cluster, with status 1", () => {
    expect(exec('old', 'nslookup', 'nothere')).toEqual({ stdout: OLD_SERVER, stderr: "nslookup: can't resolve 'nothere'\n", code: 1 });
    expect(exec('old', 'nslookup', 'google.com')).toEqual({ stdout: OLD_SERVER, stderr: "nslookup: can't resolve 'google.com'\n", code: 1 });
  });

  it('asks another server when given one: one that is not DNS answers nothing', () => {
    expect(exec('old', 'nslookup', 'myservice', '8.8.8.8')).toEqual({ stdout: 'Server:    8.8.8.8\nAddress 1: 8.8.8.8\n\n', stderr: "nslookup: can't resolve 'myservice'\n", code: 1 });
    expect(exec('old', 'nslookup', 'myservice', 'kube-dns.kube-system').stdout).toContain(`Address 1: ${svc} myservice.default.svc.cluster.local\n`);
    expect(exec('old', 'nslookup', 'x', 'nosuch')).toEqual({ stdout: '', stderr: "nslookup: bad address 'nosuch'\n", code: 1 });
  });

  it('prints its usage without a host', () => {
    const r = exec('old', 'nslookup');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n\nQuery the nameserver for the IP address of the given HOST\noptionally using a specified DNS server\n');
  });

  it('is the old program in alpine 3.8 too', () => {
    expect(exec('alp', 'nslookup', 'myservice').stdout).toBe(`${OLD_SERVER}Name:      myservice\nAddress 1: ${svc} myservice.default.svc.cluster.local\n`);
  });
});

describe('nslookup in busybox 1.37 (its own A and AAAA queries)', () => {
  const { exec, svc, web0, web1 } = cluster();

  it('answers a fully qualified name: the A record, then an empty AAAA reply', () => {
    expect(exec('new', 'nslookup', 'myservice.default.svc.cluster.local')).toEqual({ stdout: `${NEW_SERVER}Name:\tmyservice.default.svc.cluster.local\nAddress: ${svc}\n\n\n`, stderr: '', code: 0 });
  });

  it('tries a short name under every search domain and fails on the NXDOMAINs', () => {
    const nx = (n: string) => `** server can't find ${n}: NXDOMAIN\n\n`;
    expect(exec('new', 'nslookup', 'myservice')).toEqual({
      stdout: `${NEW_SERVER}Name:\tmyservice.default.svc.cluster.local\nAddress: ${svc}\n\n${nx('myservice.svc.cluster.local')}${nx('myservice.cluster.local')}\n${nx('myservice.svc.cluster.local')}${nx('myservice.cluster.local')}`,
      stderr: '',
      code: 1,
    });
  });

  it('lists each pod of a headless Service as its own Name/Address pair', () => {
    expect(exec('new', 'nslookup', 'nginx.default.svc.cluster.local').stdout).toBe(
      `${NEW_SERVER}Name:\tnginx.default.svc.cluster.local\nAddress: ${web0}\nName:\tnginx.default.svc.cluster.local\nAddress: ${web1}\n\n\n`,
    );
  });

  it('does not search a dotted name: kubernetes.default goes upstream, which the cluster cannot reach', () => {
    expect(exec('new', 'nslookup', 'kubernetes.default')).toEqual({ stdout: `${NEW_SERVER}** server can't find kubernetes.default: SERVFAIL\n\n** server can't find kubernetes.default: SERVFAIL\n\n`, stderr: '', code: 1 });
  });

  it('looks an address up by its PTR record', () => {
    expect(exec('new', 'nslookup', '10.96.0.1')).toEqual({ stdout: `${NEW_SERVER}1.0.96.10.in-addr.arpa\tname = kubernetes.default.svc.cluster.local\n\n`, stderr: '', code: 0 });
  });

  it('times out against a server that is not the cluster DNS, and on another port', () => {
    const timeout = { stdout: ';; connection timed out; no servers could be reached\n\n', stderr: '', code: 1 };
    expect(exec('new', 'nslookup', 'myservice', '8.8.8.8')).toEqual(timeout);
    expect(exec('new', 'nslookup', '-port=5353', 'myservice')).toEqual(timeout);
  });

  it('uses no search list with a server given, and shows the server as named', () => {
    const r = exec('new', 'nslookup', 'myservice', 'kube-dns.kube-system');
    expect(r.stdout).toBe("Server:\t\tkube-dns.kube-system\nAddress:\t10.96.0.10:53\n\n** server can't find myservice: SERVFAIL\n\n** server can't find myservice: SERVFAIL\n\n");
  });

  it('takes -type (by any unique prefix) and refuses unknown types and options', () => {
    expect(exec('new', 'nslookup', '-q=a', 'myservice.default.svc.cluster.local').stdout).toBe(`${NEW_SERVER}Name:\tmyservice.default.svc.cluster.local\nAddress: ${svc}\n\n`);
    expect(exec('new', 'nslookup', '-type=bogus', 'x')).toEqual({ stdout: '', stderr: 'nslookup: invalid query type "bogus"\n', code: 1 });
    expect(exec('new', 'nslookup', '-zap', 'x').stderr).toContain('Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n');
    expect(exec('new', 'nslookup', 'x', 'y', 'z').code).toBe(1);
  });

  it('says No answer for an empty reply in 1.32, and does not fail on it', () => {
    expect(exec('mid', 'nslookup', 'myservice.default.svc.cluster.local')).toEqual({
      stdout: `${NEW_SERVER}Name:\tmyservice.default.svc.cluster.local\nAddress: ${svc}\n\n*** Can't find myservice.default.svc.cluster.local: No answer\n\n`,
      stderr: '',
      code: 0,
    });
  });
});

describe('Debian-based images', () => {
  const { exec, svc, web0 } = cluster();

  it('have no nslookup', () => {
    expect(execInPod(cluster().c.state, 'default', 'deb', 'c', ['sh', '-c', 'nslookup myservice'], '')).toMatchObject({ ok: true, stderr: 'sh: 1: nslookup: not found\n', code: 127 });
  });

  it('resolve with getent hosts: the name that answered, files first, status 2 for one not found', () => {
    expect(exec('deb', 'getent', 'hosts', 'myservice')).toEqual({ stdout: `${svc.padEnd(15)} myservice.default.svc.cluster.local\n`, stderr: '', code: 0 });
    expect(exec('deb', 'getent', 'hosts', 'localhost').stdout).toBe('::1             localhost ip6-localhost ip6-loopback\n');
    expect(exec('deb', 'getent', 'hosts', 'web-0.nginx').stdout).toBe(`${web0.padEnd(15)} web-0.nginx.default.svc.cluster.local\n`);
    expect(exec('deb', 'getent', 'hosts', '10.96.0.10').stdout).toBe('10.96.0.10      kube-dns.kube-system.svc.cluster.local\n');
    expect(exec('deb', 'getent', 'hosts', 'nothere', 'google.com')).toEqual({ stdout: '', stderr: '', code: 2 });
  });

  it('word getent errors as glibc does', () => {
    const tryHelp = "Try `getent --help' or `getent --usage' for more information.\n";
    expect(exec('deb', 'getent')).toEqual({ stdout: tryHelp, stderr: 'getent: wrong number of arguments\n', code: 1 });
    expect(exec('deb', 'getent', 'bogus', 'x')).toEqual({ stdout: tryHelp, stderr: 'Unknown database: bogus\n', code: 1 });
    expect(exec('deb', 'getent', 'passwd', '0').stdout).toMatch(/^root:x:0:0:/);
  });
});
