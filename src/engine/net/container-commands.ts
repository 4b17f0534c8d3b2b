// The network commands a pod's container has, for its shell's command table: curl and wget where
// the image ships them (image-tools.ts), sending requests from the pod, and the web servers a
// shell script may start in the foreground (`httpd -f …` in busybox, `python3 -m http.server`),
// which print nothing and serve for as long as the container runs (web-servers.ts reads them
// from the container's command; process.ts keeps the container running).
import type { Stored } from '../api/objects.ts';
import type { ClusterState } from '../cluster/state.ts';
import { ASH, imageFamily } from '../shell/dialect.ts';
import { where, type CommandFn } from '../shell/interpreter.ts';
import { installedInLayer } from '../shell/package-catalog.ts';
import { containerKey } from '../containers/mounts.ts';
import type { NetAccess } from './client.ts';
import { curl } from './curl.ts';
import { imageTools } from './image-tools.ts';
import { nslookup } from './nslookup.ts';
import { getent } from './getent.ts';
import { readerOf } from '../cluster/reads.ts';
import { webServersOf } from './web-servers.ts';
import { wget } from './wget.ts';

/** The names these commands may take, so `kubectl exec POD -- curl …` finds them. */
export const NET_COMMAND_NAMES: readonly string[] = ['curl', 'wget', 'nginx', 'nslookup', 'getent'];

const webServerImage = (image: string) => image.replace(/^docker\.io\/(library\/)?/, '').split(/[:@]/)[0];

/**
 * The nginx binary as a learner uses it after changing a ConfigMap: `nginx -t` checks the
 * configuration, `nginx -s reload` signals the master (the simulation serves the files as they
 * are, so there is nothing to reload), `nginx -v` its version; `nginx -g 'daemon off;'` is the
 * server itself, in the foreground.
 */
function nginxCommand(image: string): CommandFn {
  return (args, io) => {
    const software = webServersOf({ name: 'nginx', image }, NO_FILES)[0]?.software ?? 'nginx';
    if (args.includes('-v') || args.includes('-V')) return { stdout: '', stderr: `nginx version: ${software}\n`, code: 0 };
    if (args.includes('-t') || args.includes('-T')) {
      return { stdout: '', stderr: 'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n', code: 0 };
    }
    // The master is told by signal; the new process says so on stderr (ngx_signal_process).
    if (args.includes('-s')) return { stdout: '', stderr: `${errorLogDate(io.ctx.fs.now)} [notice] ${SIGNAL_PID}#${SIGNAL_PID}: signal process started\n`, code: 0 };
    return { stdout: '', stderr: '', code: 0 };
  };
}

/** The pid the `nginx -s` process gets: a few after the container's first processes. */
const SIGNAL_PID = 29;

/** nginx's error-log time: `2026/01/01 00:00:00`. */
function errorLogDate(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** No files: only the image decides nginx's version. */
const NO_FILES = { stat: () => undefined, read: () => ({ ok: false as const, code: 'ENOENT' }), list: () => ({ ok: false as const, code: 'ENOENT' }) };

export function containerNetCommands(view: { state: ClusterState }, pod: Stored<'Pod'>, image: string): Record<string, CommandFn> {
  const net: NetAccess = {
    origin: { kind: 'pod', pod },
    terminal: false,
    state: () => view.state,
    // Only kube-proxy's counts and the servers' logs change; the state the exec runs in is its own copy.
    commit: (next) => {
      view.state.connections = next.connections;
      // A server's access log line: the containers table comes back copied, with the line added.
      view.state.containers = next.containers;
    },
  };
  const tools = imageTools(image);
  const out: Record<string, CommandFn> = Object.create(null) as Record<string, CommandFn>;
  // In a shell at a terminal (`kubectl exec -it`), not piped or redirected, curl's stdout is that terminal: no progress meter.
  // curl that apt installed into this pod's container (a container of this image) runs as the image's own would.
  const installedCurl = (pod.spec?.containers ?? []).some((c) => c.image === image && installedInLayer(view.state.containers[containerKey(pod, c.name)]?.upper, 'curl'));
  if (tools.curl || installedCurl) out['curl'] = (args, io) => curl(args, io, io.ctx.terminalOut ? { ...net, terminal: true } : net);
  if (tools.wget) out['wget'] = (args, io) => wget(args, io, net);
  if (webServerImage(image) === 'nginx') out['nginx'] = nginxCommand(image);
  const family = imageFamily(image);
  if (family === 'busybox') out['httpd'] = () => ({ stdout: '', stderr: '', code: 0 });
  // Name lookups against the cluster DNS, read when they run (a wait loop sees a Service appear):
  // busybox's nslookup, glibc's getent in Debian-based images (which have no nslookup).
  const dnsWorld = { view: () => readerOf(view.state), pod, namespace: pod.metadata.namespace ?? 'default' };
  if (family === 'busybox') out['nslookup'] = (args, io) => nslookup(args, io, image, dnsWorld);
  else out['getent'] = (args, io) => getent(args, io, dnsWorld);
  if (/^(docker\.io\/(library\/)?)?python[:@]|^(docker\.io\/(library\/)?)?python$/.test(image)) {
    const python =
      (name: string): CommandFn =>
      (args, io) => {
        if (args.join(' ').includes('-m http.server')) return { stdout: '', stderr: '', code: 0 };
        // Anything else is not simulated: as before, the shell does not know it.
        return { stdout: '', stderr: `${where(io.ctx)}${(io.ctx.dialect ?? ASH).notFound(name)}\n`, code: 127 };
      };
    out['python'] = python('python');
    out['python3'] = python('python3');
  }
  return out;
}
