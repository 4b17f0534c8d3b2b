// busybox nslookup in a pod, against the cluster DNS (dns-server.ts). Two programs share the name
// (networking/nslookup.c):
// - up to 1.28 (`busybox:1.28`, the image the kubernetes.io DNS pages use), a wrapper over libc:
//   getaddrinfo() walks resolv.conf's search list, and each address is shown with its reverse
//   name: `Server:    10.96.0.10` / `Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local`
//   / blank / `Name:      web-0.nginx` / `Address 1: 10.244.1.5 web-0.nginx.default.svc.cluster.local`;
//   a failure is `nslookup: can't resolve 'x'` on stderr, status 1.
// - from 1.29 (current busybox, Alpine), the OpenWrt one sending its own queries, A then AAAA,
//   and printing each reply as it comes: `Server:\t\t10.96.0.10` / `Address:\t10.96.0.10:53` /
//   blank, then per reply `Name:\t<fqdn>` / `Address: <ip>` or `** server can't find <name>:
//   NXDOMAIN`, and a blank line. A name without a dot is tried under each search domain (1.30+),
//   and never bare; a failed reply makes the status 1 (1.31+); an empty reply (NODATA, every
//   AAAA here) says `*** Can't find <name>: No answer` in 1.32 and 1.33 only. A server that never
//   answers (one that is not the kube-dns Service) gives `;; connection timed out; no servers
//   could be reached`.
import type { Reader } from '../cluster/reads.ts';
import type { CommandIO } from '../shell/commands.ts';
import type { ShellResult } from '../shell/interpreter.ts';
import { atLeast, busyboxOf, type BusyboxBuild } from './busybox-version.ts';
import { isIPv4, resolveFromPod } from './dns.ts';
import { answersDns, queryClusterDns, reverseName, type DnsReply } from './dns-server.ts';

/** Where nslookup runs: the cluster as it is now (read at each call), and the pod's namespace. */
export interface NslookupWorld {
  view(): Reader;
  namespace: string;
}

export function nslookup(args: string[], io: CommandIO, image: string, world: NslookupWorld): ShellResult {
  const build = busyboxOf(image);
  return atLeast(build, 1, 29) ? modern(args, io, build, world) : classic(args, io, build, world);
}

const fail = (stderr: string, stdout = ''): ShellResult => ({ stdout, stderr, code: 1 });

/** What resolv.conf says: the first nameserver and the search list. */
function resolvConfOf(io: CommandIO): { nameservers: string[]; search?: string[] } {
  const read = io.ctx.fs.read('/etc/resolv.conf');
  if (!read.ok) return { nameservers: [] };
  const nameservers: string[] = [];
  let search: string[] | undefined;
  for (const line of read.value.split('\n')) {
    const [key, ...rest] = line.trim().split(/[ \t]+/);
    if (key === 'nameserver' && rest[0]) nameservers.push(rest[0]);
    else if (key === 'search' && rest.length > 0) search = rest;
    else if (key === 'domain' && rest[0] && !search) search = [rest[0]];
  }
  return { nameservers, search };
}

// ---- busybox up to 1.28: libc's resolver ----

const CLASSIC_USAGE = `Usage: nslookup [HOST] [SERVER]

Query the nameserver for the IP address of the given HOST
optionally using a specified DNS server
`;

function classic(args: string[], io: CommandIO, build: BusyboxBuild, world: NslookupWorld): ShellResult {
  if (args.length === 0 || args[0]!.startsWith('-') || args.length > 2) return fail(`${build.banner}\n\n${CLASSIC_USAGE}`);
  const view = world.view();
  // The server argument replaces resolv.conf's nameserver; a name is resolved first (xhost2sockaddr).
  let server = resolvConfOf(io).nameservers[0] ?? '127.0.0.1';
  if (args[1] !== undefined) {
    const given = isIPv4(args[1]) ? args[1] : resolveFromPod(view, args[1], world.namespace)[0];
    if (given === undefined) return fail(`nslookup: bad address '${args[1]}'\n`);
    server = given;
  }
  const answering = answersDns(server, 53);
  // Each address with its reverse name (getnameinfo NI_NAMEREQD): none when nothing answers.
  const reverse = (ip: string) => (ip === '127.0.0.1' ? 'localhost' : answering ? reverseName(view, ip) : undefined);
  const addressLines = (addresses: string[]) => addresses.map((ip, i) => `Address ${i + 1}: ${ip}${reverse(ip) ? ` ${reverse(ip)}` : ''}\n`).join('');
  const header = (label: string, name: string) => `${label.padEnd(10)} ${name}\n`;
  let stdout = `${header('Server:', server)}${addressLines([server])}\n`;
  const name = args[0]!;
  const addresses = isIPv4(name) ? [name] : answering || name === 'localhost' ? resolveFromPod(view, name, world.namespace) : [];
  if (addresses.length === 0) return fail(`nslookup: can't resolve '${name}'\n`, stdout);
  stdout += `${header('Name:', name)}${addressLines(addresses)}`;
  return { stdout, stderr: '', code: 0 };
}

// ---- busybox 1.29 and later: its own queries ----

/** The query types it knows, in the order it sends them (qtypes[] in nslookup.c). */
const QTYPES = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'PTR', 'ANY'];

const modernUsage = (build: BusyboxBuild) =>
  `${build.banner}\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,${atLeast(build, 1, 34) ? 'srv,' : ''}any\n`;

/** Its options, matched by unique prefix as index_in_substrings does. */
const OPTIONS = ['type', 'querytype', 'port', 'retry', 'debug', 't', 'timeout'];

function optionIndex(key: string): number {
  if (!key) return -1;
  let matched = -1;
  for (let i = 0; i < OPTIONS.length; i++) {
    if (!OPTIONS[i]!.startsWith(key)) continue;
    if (OPTIONS[i] === key) return i;
    if (matched >= 0) return -1;
    matched = i;
  }
  return matched;
}

/** busybox's xatou_range: a number within lo..hi, or the applet ends with its message. */
function number(val: string, lo: number, hi: number): number | string {
  if (!/^\d+$/.test(val)) return `nslookup: invalid number '${val}'\n`;
  const n = Number(val);
  return n < lo || n > hi ? `nslookup: number ${val} is not in ${lo}..${hi} range\n` : n;
}

interface Query {
  name: string;
  type: string;
}

function modern(args: string[], io: CommandIO, build: BusyboxBuild, world: NslookupWorld): ShellResult {
  const types: string[] = [];
  let port = 53;
  let debug = false;
  let i = 0;
  for (;; i++) {
    const a = args[i];
    if (a === undefined) return fail(modernUsage(build));
    if (!a.startsWith('-')) break;
    const eq = a.indexOf('=');
    const key = eq < 0 ? a.slice(1) : a.slice(1, eq);
    const val = eq < 0 ? '' : a.slice(eq + 1);
    const option = optionIndex(key);
    if (option < 0) return fail(modernUsage(build));
    if (option <= 1) {
      const type = QTYPES.find((t) => t.toLowerCase() === val.toLowerCase() && (t !== 'SRV' || atLeast(build, 1, 32)));
      if (!type) return fail(`nslookup: invalid query type "${val}"\n`);
      if (!types.includes(type)) types.push(type);
    } else if (option === 4) debug = true;
    else {
      const n = number(val, 1, option === 2 ? 0xffff : option === 3 ? 2147483647 : 2147483);
      if (typeof n === 'string') return fail(n);
      if (option === 2) port = n;
    }
  }
  const host = args[i]!;
  const serverArg = args[i + 1];
  if (serverArg !== undefined && args[i + 2] !== undefined) return fail(modernUsage(build));
  const view = world.view();

  // The servers: the one given (no search list then: resolv.conf is not read), else resolv.conf's.
  const conf = serverArg === undefined ? resolvConfOf(io) : { nameservers: [serverArg] };
  const servers: { name: string; ip: string }[] = [];
  for (const name of conf.nameservers.length > 0 ? conf.nameservers : ['127.0.0.1']) {
    const ip = isIPv4(name) ? name : resolveFromPod(view, name, world.namespace)[0];
    if (ip === undefined) return fail(`nslookup: bad address '${name}'\n`);
    servers.push({ name, ip });
  }
  const search = 'search' in conf && atLeast(build, 1, 30) ? conf.search : undefined;

  // The questions: an address asks for its PTR; a name for A and AAAA, under each search domain
  // when it has no dot (and then never bare).
  const queries: Query[] = [];
  const ask = (type: string, name: string) => {
    if (type === 'PTR' || !search || name.includes('.')) queries.push({ name, type });
    else for (const domain of search) queries.push({ name: `${name}.${domain}`, type });
  };
  if (types.length === 0) {
    if (isIPv4(host)) queries.push({ name: `${host.split('.').reverse().join('.')}.in-addr.arpa`, type: 'PTR' });
    else {
      ask('A', host);
      ask('AAAA', host);
    }
  } else for (const t of QTYPES) if (types.includes(t)) ask(t, host);

  const server = servers.find((s) => answersDns(s.ip, port));
  if (!server) return { stdout: ';; connection timed out; no servers could be reached\n\n', stderr: '', code: 1 };

  let stdout = `Server:\t\t${server.name}\nAddress:\t${server.ip}:${port}\n\n`;
  let failed = false;
  for (const { index, query, reply } of replyOrder(queries.map((q) => queryClusterDns(view, q.name, q.type)), queries)) {
    if (debug) stdout += `Query #${index} completed in 0ms:\n`;
    if (reply.rcode !== 'NOERROR') {
      stdout += `** server can't find ${query.name}: ${reply.rcode}\n`;
      failed = true;
    } else {
      if (!reply.authoritative) stdout += 'Non-authoritative answer:\n';
      else if (debug && atLeast(build, 1, 34)) stdout += 'authoritative answer:\n';
      for (const r of reply.records) stdout += r.type === 'A' ? `Name:\t${r.name}\nAddress: ${r.value}\n` : `${r.name}\tname = ${r.value}\n`;
      if (reply.records.length === 0 && atLeast(build, 1, 32) && !atLeast(build, 1, 34)) stdout += `*** Can't find ${query.name}: No answer\n`;
    }
    stdout += '\n';
  }
  return { stdout, stderr: '', code: failed && atLeast(build, 1, 31) ? 1 : 0 };
}

/**
 * The order replies are printed in: as they come back, every query sent at once and answered in
 * turn, except that a SERVFAIL is sent again at once while the retry budget (twice the number of
 * queries) lasts, so failed queries come back last (send_queries in nslookup.c).
 */
function replyOrder(replies: DnsReply[], queries: Query[]): { index: number; query: Query; reply: DnsReply }[] {
  const queue = queries.map((_, index) => index);
  const out: { index: number; query: Query; reply: DnsReply }[] = [];
  let retries = 2 * queries.length;
  while (queue.length > 0) {
    const index = queue.shift()!;
    if (replies[index]!.rcode === 'SERVFAIL' && retries > 0) {
      retries--;
      queue.push(index);
      continue;
    }
    out.push({ index, query: queries[index]!, reply: replies[index]! });
  }
  return out;
}
