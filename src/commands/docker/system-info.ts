// `docker version`, `docker --version` and `docker info` (`docker system info`): the lines the
// docker 28.2.2 CLI prints for the simulated host, whose identity (Docker 27.5.1, API 1.47) is the
// one `kubesim serve`'s Engine API reports, so both faces print the same thing word for word.
import { output, type CommandInput, type CommandOutput } from '../types.ts';
import { CLIENT, ENGINE } from './engine-version.ts';
import { fail } from './errors.ts';
import { flagValue, parseDockerFlags } from './flags.ts';

/** cli.NoArgs' refusal, as the docker 28 CLI words it. */
const noArgs = (name: string) => `docker: 'docker ${name}' accepts no arguments\n\nUsage:  docker ${name} [OPTIONS]\n\nRun 'docker ${name} --help' for more information`;

/** The fields of `docker version --format`: system.clientVersion and types.Version, as the CLI fills them. */
const VERSION_FIELDS: Record<'Client' | 'Server', Record<string, string>> = {
  Client: { Version: CLIENT.version, APIVersion: ENGINE.apiVersion, DefaultAPIVersion: CLIENT.apiVersion, GoVersion: CLIENT.goVersion, GitCommit: CLIENT.gitCommit, BuildTime: CLIENT.built, Os: 'linux', Arch: 'amd64', Context: 'default' },
  Server: { Version: ENGINE.version, APIVersion: ENGINE.apiVersion, MinAPIVersion: ENGINE.minApiVersion, GoVersion: ENGINE.goVersion, GitCommit: ENGINE.gitCommit, BuildTime: ENGINE.buildTime, Os: 'linux', Arch: 'amd64', KernelVersion: ENGINE.kernel, Experimental: 'false' },
};
const TYPE_NAMES = { Client: 'system.clientVersion', Server: '*types.Version' } as const;

/**
 * `docker version --format`: text and `{{.Client.X}}` / `{{.Server.X}}` fields. Go's template
 * writes what it has until a field it cannot evaluate, then the CLI prints the error.
 */
function versionTemplate(input: CommandInput, format: string): CommandOutput {
  let stdout = '';
  const re = /\{\{\s*\.(Client|Server)\.(\w+)\s*\}\}/g;
  let at = 0;
  for (let m = re.exec(format); m; m = re.exec(format)) {
    stdout += format.slice(at, m.index);
    const side = m[1] as 'Client' | 'Server';
    const value = VERSION_FIELDS[side][m[2]!];
    if (value === undefined) {
      // text/template's ErrorContext: the byte offset of the field that failed (`.Foo`).
      const column = m.index + m[0].lastIndexOf('.');
      return output(input.state, { stdout: stdout + '\n', stderr: `template: version:1:${column}: executing "version" at <.${side}.${m[2]}>: can't evaluate field ${m[2]} in type ${TYPE_NAMES[side]}\n`, exitCode: 1 });
    }
    stdout += value;
    at = m.index + m[0].length;
  }
  return output(input.state, { stdout: stdout + format.slice(at) + '\n' });
}

/** `docker --version`: the client's one line (cli/cobra.go's version template). */
export function versionLine(): string {
  return `Docker version ${CLIENT.version}, build ${CLIENT.gitCommit}\n`;
}

/** `docker version`: cli/command/system/version.go's template, the client negotiated down to the daemon's API. */
export function version(input: CommandInput, args: readonly string[] = []): CommandOutput {
  const p = parseDockerFlags(args, { bool: [], value: ['f', 'format'] });
  if (!p.ok) return fail(input.state, `${p.error}\nSee 'docker version --help'.`, 125);
  if (p.positional.length > 0) return fail(input.state, noArgs('version'), 1);
  const format = flagValue(p.flags, 'format', 'f');
  if (format !== undefined && format !== '') return versionTemplate(input, format);
  // The client's own API version is newer than the daemon's, so it negotiated down and says so.
  const api = `${ENGINE.apiVersion} (downgraded from ${CLIENT.apiVersion})`;
  const lines = [
    'Client:',
    ` Version:           ${CLIENT.version}`,
    ` API version:       ${api}`,
    ` Go version:        ${CLIENT.goVersion}`,
    ` Git commit:        ${CLIENT.gitCommit}`,
    ` Built:             ${CLIENT.built}`,
    ' OS/Arch:           linux/amd64',
    ' Context:           default',
    '',
    'Server: Docker Engine - Community',
    ' Engine:',
    `  Version:          ${ENGINE.version}`,
    `  API version:      ${ENGINE.apiVersion} (minimum version ${ENGINE.minApiVersion})`,
    `  Go version:       ${ENGINE.goVersion}`,
    `  Git commit:       ${ENGINE.gitCommit}`,
    `  Built:            ${ENGINE.built}`,
    '  OS/Arch:          linux/amd64',
    '  Experimental:     false',
    ' containerd:',
    `  Version:          ${ENGINE.containerd.version}`,
    `  GitCommit:        ${ENGINE.containerd.commit}`,
    ' runc:',
    `  Version:          ${ENGINE.runc.version}`,
    `  GitCommit:        ${ENGINE.runc.commit}`,
    ' docker-init:',
    `  Version:          ${ENGINE.init.version}`,
    `  GitCommit:        ${ENGINE.init.commit}`,
  ];
  return output(input.state, { stdout: lines.join('\n') + '\n' });
}

/** `docker info`: cli/command/system/info.go's pretty form, with the counts of the simulated host. */
export function info(input: CommandInput, args: readonly string[] = []): CommandOutput {
  const { state } = input;
  const p = parseDockerFlags(args, { bool: [], value: ['f', 'format'] });
  if (!p.ok) return fail(state, `${p.error}\nSee 'docker info --help'.`, 125);
  if (p.positional.length > 0) return fail(state, noArgs('info'), 1);
  const containers = Object.values(state.docker.containers);
  const running = containers.filter((c) => c.state === 'running').length;
  const lines = [
    'Client:',
    ` Version:    ${CLIENT.version}`,
    ' Context:    default',
    ' Debug Mode: false',
    '',
    'Server:',
    ` Containers: ${containers.length}`,
    `  Running: ${running}`,
    '  Paused: 0',
    `  Stopped: ${containers.length - running}`,
    ` Images: ${Object.keys(state.docker.images).length}`,
    ` Server Version: ${ENGINE.version}`,
    ' Storage Driver: overlay2',
    '  Backing Filesystem: extfs',
    '  Supports d_type: true',
    '  Using metacopy: false',
    '  Native Overlay Diff: true',
    '  userxattr: false',
    ' Logging Driver: json-file',
    ' Cgroup Driver: systemd',
    ' Cgroup Version: 2',
    ' Plugins:',
    '  Volume: local',
    '  Network: bridge host ipvlan macvlan null overlay',
    '  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog',
    ' Swarm: inactive',
    ' Runtimes: io.containerd.runc.v2 runc',
    ' Default Runtime: runc',
    ' Init Binary: docker-init',
    ` containerd version: ${ENGINE.containerd.commit}`,
    ` runc version: ${ENGINE.runc.commit}`,
    ` init version: ${ENGINE.init.commit}`,
    ' Security Options:',
    '  apparmor',
    '  seccomp',
    '   Profile: builtin',
    '  cgroupns',
    ` Kernel Version: ${ENGINE.kernel}`,
    ` Operating System: ${ENGINE.os}`,
    ' OSType: linux',
    ' Architecture: x86_64',
    ` CPUs: ${ENGINE.cpus}`,
    ` Total Memory: ${ENGINE.memTotalText}`,
    ` Name: ${ENGINE.name}`,
    ` ID: ${ENGINE.id}`,
    ' Docker Root Dir: /var/lib/docker',
    ' Debug Mode: false',
    ' Experimental: false',
    ' Insecure Registries:',
    '  ::1/128',
    '  127.0.0.0/8',
    ' Live Restore Enabled: false',
    '',
  ];
  return output(state, { stdout: lines.join('\n') + '\n' });
}
