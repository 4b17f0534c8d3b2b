// glibc's getent (Debian-based images; busybox has no such applet) for the databases a learner
// checks in a pod: `getent hosts NAME` resolves as every glibc program in the pod does (files,
// the kubelet's /etc/hosts, then the cluster DNS through resolv.conf's search list) and prints `%-15s %s` per address with
// the name that answered (`10.96.0.12      web.default.svc.cluster.local`); an address is looked
// up by its PTR record; `passwd` and `group` read the image's files. A key not found sets status 2
// with nothing printed, as getent does.
import type { Stored } from '../api/objects.ts';
import type { Reader } from '../cluster/reads.ts';
import type { CommandIO } from '../shell/commands.ts';
import type { ShellResult } from '../shell/interpreter.ts';
import { CLUSTER_DOMAIN, isIPv4 } from './dns.ts';
import { lookupFromPod, reverseName } from './dns-server.ts';

export interface GetentWorld {
  view(): Reader;
  pod: Stored<'Pod'>;
}

const TRY = "Try `getent --help' or `getent --usage' for more information.\n";

/** The databases glibc's getent knows, of which `hosts`, `passwd` and `group` are modelled. */
const DATABASES = new Set(['ahosts', 'ahostsv4', 'ahostsv6', 'aliases', 'ethers', 'group', 'gshadow', 'hosts', 'initgroups', 'netgroup', 'networks', 'passwd', 'protocols', 'rpc', 'services', 'shadow']);

export function getent(args: string[], io: CommandIO, world: GetentWorld): ShellResult {
  const [database, ...keys] = args;
  if (database === undefined) return { stdout: TRY, stderr: 'getent: wrong number of arguments\n', code: 1 };
  if (!DATABASES.has(database)) return { stdout: TRY, stderr: `Unknown database: ${database}\n`, code: 1 };
  if (database === 'hosts') return hosts(keys, world);
  if (database === 'passwd' || database === 'group') return colonFile(`/etc/${database}`, keys, io);
  // The other databases are not modelled: nothing found.
  return { stdout: '', stderr: '', code: 2 };
}

interface HostEntry {
  address: string;
  names: string[];
}

/**
 * The hosts file the kubelet mounts at /etc/hosts in every pod (managedHostsFileContent): the
 * loopback names, then the pod's address with its hostname (and its FQDN under a subdomain).
 */
function kubeletHosts(pod: Stored<'Pod'>): HostEntry[] {
  const entries: HostEntry[] = [
    { address: '127.0.0.1', names: ['localhost'] },
    { address: '::1', names: ['localhost', 'ip6-localhost', 'ip6-loopback'] },
    // As inet_ntop prints them (the file says fe00::0).
    { address: 'fe00::', names: ['ip6-localnet'] },
    { address: 'fe00::', names: ['ip6-mcastprefix'] },
    { address: 'fe00::1', names: ['ip6-allnodes'] },
    { address: 'fe00::2', names: ['ip6-allrouters'] },
  ];
  const ip = pod.status?.podIP;
  const hostname = pod.spec?.hostname ?? pod.metadata.name;
  const subdomain = pod.spec?.subdomain;
  if (ip) entries.push({ address: ip, names: subdomain ? [`${hostname}.${subdomain}.${pod.metadata.namespace}.svc.${CLUSTER_DOMAIN}`, hostname] : [hostname] });
  return entries;
}

const row = (address: string, names: readonly string[]) => `${address.padEnd(15)} ${names.join(' ')}\n`;

function hosts(keys: string[], world: GetentWorld): ShellResult {
  const file = kubeletHosts(world.pod);
  if (keys.length === 0) return { stdout: file.map((e) => row(e.address, e.names)).join(''), stderr: '', code: 0 };
  let stdout = '';
  let code = 0;
  for (const key of keys) {
    const found = hostByKey(key, file, world);
    if (found.length === 0) code = 2;
    stdout += found.join('');
  }
  return { stdout, stderr: '', code };
}

function hostByKey(key: string, file: HostEntry[], world: GetentWorld): string[] {
  if (isIPv4(key)) {
    const entry = file.find((e) => e.address === key);
    if (entry) return [row(key, entry.names)];
    const name = reverseName(world.view(), key);
    return name ? [row(key, [name])] : [];
  }
  // gethostbyname2 for IPv6 first, then IPv4: /etc/hosts' `::1 localhost …` wins for localhost.
  const lower = key.toLowerCase();
  for (const v6 of [true, false]) {
    const entries = file.filter((e) => e.address.includes(':') === v6 && e.names.some((n) => n.toLowerCase() === lower));
    if (entries.length > 0) return entries.map((e) => row(e.address, e.names));
  }
  const found = lookupFromPod(world.view(), key, world.pod.metadata.namespace ?? 'default');
  return found ? found.addresses.map((a) => row(a, [found.fqdn])) : [];
}

/** `passwd` and `group`: the line whose name, or numeric id, is the key; every line without one. */
function colonFile(path: string, keys: string[], io: CommandIO): ShellResult {
  const read = io.ctx.fs.read(path);
  const lines = read.ok ? read.value.split('\n').filter((l) => l.includes(':')) : [];
  if (keys.length === 0) return { stdout: lines.map((l) => `${l}\n`).join(''), stderr: '', code: 0 };
  let stdout = '';
  let code = 0;
  for (const key of keys) {
    const line = lines.find((l) => {
      const f = l.split(':');
      return /^\d+$/.test(key) ? f[2] === key : f[0] === key;
    });
    if (line === undefined) code = 2;
    else stdout += `${line}\n`;
  }
  return { stdout, stderr: '', code };
}
