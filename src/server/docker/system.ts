// `/_ping`, `/version` and `/info`: the simulated host presents itself as Docker Engine 27
// (API 1.47), so a newer client negotiates down to 1.47 and an older one (1.24+) is served too.
import type { ClusterState } from '../../engine/index.ts';

export const API_VERSION = '1.47';
export const MIN_API_VERSION = '1.24';
export const ENGINE_VERSION = '27.5.1';
const KERNEL = '6.8.0-45-generic';

/** Headers the daemon puts on every answer; the client reads API-Version from `/_ping` to negotiate. */
export const SERVER_HEADERS = {
  'Api-Version': API_VERSION,
  'Docker-Experimental': 'false',
  Ostype: 'linux',
  Server: `Docker/${ENGINE_VERSION} (linux)`,
};

export function versionJson(): unknown {
  const engine = { Version: ENGINE_VERSION, ApiVersion: API_VERSION, MinAPIVersion: MIN_API_VERSION, GitCommit: '4c9b3b0', GoVersion: 'go1.22.11', Os: 'linux', Arch: 'amd64', KernelVersion: KERNEL, BuildTime: '2025-01-21T18:35:07.000000000+00:00' };
  return {
    Platform: { Name: 'Docker Engine - Community' },
    Components: [
      { Name: 'Engine', Version: ENGINE_VERSION, Details: { ApiVersion: API_VERSION, Arch: 'amd64', BuildTime: engine.BuildTime, Experimental: 'false', GitCommit: engine.GitCommit, GoVersion: engine.GoVersion, KernelVersion: KERNEL, MinAPIVersion: MIN_API_VERSION, Os: 'linux' } },
      { Name: 'containerd', Version: '1.7.25', Details: { GitCommit: 'bcc810d6b9066471b0b6fa75f557a15a1cbf31bb' } },
      { Name: 'runc', Version: '1.2.4', Details: { GitCommit: 'v1.2.4-0-g6c52b3f' } },
      { Name: 'docker-init', Version: '0.19.0', Details: { GitCommit: 'de40ad0' } },
    ],
    ...engine,
  };
}

export function infoJson(state: ClusterState, wallNow: number): unknown {
  const containers = Object.values(state.docker.containers);
  const running = containers.filter((c) => c.state === 'running').length;
  return {
    ID: 'd7f5a8c2-3b1e-4f6a-9c0d-kubesim000001',
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
    OperatingSystem: 'Ubuntu 24.04.1 LTS',
    OSVersion: '24.04',
    OSType: 'linux',
    Architecture: 'x86_64',
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: { InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'], IndexConfigs: { 'docker.io': { Name: 'docker.io', Mirrors: [], Secure: true, Official: true } }, Mirrors: null },
    NCPU: 4,
    MemTotal: 16_747_839_488,
    GenericResources: null,
    DockerRootDir: '/var/lib/docker',
    HttpProxy: '',
    HttpsProxy: '',
    NoProxy: '',
    Name: 'docker-host',
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: ENGINE_VERSION,
    Runtimes: { 'io.containerd.runc.v2': { path: 'runc', status: { 'org.opencontainers.runtime-spec.features': '{}' } }, runc: { path: 'runc' } },
    DefaultRuntime: 'runc',
    Swarm: { NodeID: '', NodeAddr: '', LocalNodeState: 'inactive', ControlAvailable: false, Error: '', RemoteManagers: null },
    LiveRestoreEnabled: false,
    Isolation: '',
    InitBinary: 'docker-init',
    ContainerdCommit: { ID: 'bcc810d6b9066471b0b6fa75f557a15a1cbf31bb' },
    RuncCommit: { ID: 'v1.2.4-0-g6c52b3f' },
    InitCommit: { ID: 'de40ad0' },
    SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
    Warnings: null,
  };
}
