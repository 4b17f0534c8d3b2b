// `/_ping`, `/version` and `/info`: the simulated host presents itself as Docker Engine 27
// (API 1.47), so a newer client negotiates down to 1.47 and an older one (1.24+) is served too.
// Who it is comes from the same table as `kubesim run`'s `docker version` and `docker info`.
import type { ClusterState } from '../../engine/index.ts';
import { ENGINE } from '../../commands/docker/engine-version.ts';

export const API_VERSION = ENGINE.apiVersion;
export const MIN_API_VERSION = ENGINE.minApiVersion;
export const ENGINE_VERSION = ENGINE.version;
const KERNEL = ENGINE.kernel;

/** Headers the daemon puts on every answer; the client reads API-Version from `/_ping` to negotiate. */
export const SERVER_HEADERS = {
  'Api-Version': API_VERSION,
  'Docker-Experimental': 'false',
  Ostype: 'linux',
  Server: `Docker/${ENGINE_VERSION} (linux)`,
};

export function versionJson(): unknown {
  const engine = { Version: ENGINE_VERSION, ApiVersion: API_VERSION, MinAPIVersion: MIN_API_VERSION, GitCommit: ENGINE.gitCommit, GoVersion: ENGINE.goVersion, Os: 'linux', Arch: 'amd64', KernelVersion: KERNEL, BuildTime: ENGINE.buildTime };
  return {
    Platform: { Name: 'Docker Engine - Community' },
    Components: [
      { Name: 'Engine', Version: ENGINE_VERSION, Details: { ApiVersion: API_VERSION, Arch: 'amd64', BuildTime: engine.BuildTime, Experimental: 'false', GitCommit: engine.GitCommit, GoVersion: engine.GoVersion, KernelVersion: KERNEL, MinAPIVersion: MIN_API_VERSION, Os: 'linux' } },
      { Name: 'containerd', Version: ENGINE.containerd.version, Details: { GitCommit: ENGINE.containerd.commit } },
      { Name: 'runc', Version: ENGINE.runc.version, Details: { GitCommit: ENGINE.runc.commit } },
      { Name: 'docker-init', Version: ENGINE.init.version, Details: { GitCommit: ENGINE.init.commit } },
    ],
    ...engine,
  };
}

export function infoJson(state: ClusterState, wallNow: number): unknown {
  const containers = Object.values(state.docker.containers);
  const running = containers.filter((c) => c.state === 'running').length;
  return {
    ID: ENGINE.id,
    Containers: containers.length,
    ContainersRunning: running,
    ContainersPaused: 0,
    ContainersStopped: containers.length - running,
    Images: Object.keys(state.docker.images).length,
    Driver: 'overlay2',
    DriverStatus: [
      ['Backing Filesystem', 'extfs'],
      ['Supports d_type', 'true'],
      ['Using metacopy', 'false'],
      ['Native Overlay Diff', 'true'],
      ['userxattr', 'false'],
    ],
    Plugins: { Volume: ['local'], Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'], Authorization: null, Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'] },
    MemoryLimit: true,
    SwapLimit: true,
    CpuCfsPeriod: true,
    CpuCfsQuota: true,
    CPUShares: true,
    CPUSet: true,
    PidsLimit: true,
    IPv4Forwarding: true,
    Debug: false,
    NFd: 30,
    OomKillDisable: false,
    NGoroutines: 45,
    SystemTime: new Date(wallNow).toISOString(),
    LoggingDriver: 'json-file',
    CgroupDriver: 'systemd',
    CgroupVersion: '2',
    NEventsListener: 0,
    KernelVersion: KERNEL,
    OperatingSystem: ENGINE.os,
    OSVersion: ENGINE.osVersion,
    OSType: 'linux',
    Architecture: 'x86_64',
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: { InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'], IndexConfigs: { 'docker.io': { Name: 'docker.io', Mirrors: [], Secure: true, Official: true } }, Mirrors: null },
    NCPU: ENGINE.cpus,
    MemTotal: ENGINE.memTotal,
    GenericResources: null,
    DockerRootDir: '/var/lib/docker',
    HttpProxy: '',
    HttpsProxy: '',
    NoProxy: '',
    Name: ENGINE.name,
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: ENGINE_VERSION,
    Runtimes: { 'io.containerd.runc.v2': { path: 'runc', status: { 'org.opencontainers.runtime-spec.features': '{}' } }, runc: { path: 'runc' } },
    DefaultRuntime: 'runc',
    Swarm: { NodeID: '', NodeAddr: '', LocalNodeState: 'inactive', ControlAvailable: false, Error: '', RemoteManagers: null },
    LiveRestoreEnabled: false,
    Isolation: '',
    InitBinary: 'docker-init',
    ContainerdCommit: { ID: ENGINE.containerd.commit },
    RuncCommit: { ID: ENGINE.runc.commit },
    InitCommit: { ID: ENGINE.init.commit },
    SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
    Warnings: null,
  };
}
