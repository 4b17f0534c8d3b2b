// Who the simulated Docker host says it is, in one place: `kubesim run`'s `docker version` and
// `docker info` print these, and `kubesim serve`'s Engine API (`/version`, `/info`, the `Server`
// header) answers with them, so the real docker CLI pointed at the server prints what the script
// prints. The daemon is Docker 27 (API 1.47, as issue 13 asks); the client is the docker 28.2.2 CLI
// installed beside the playground, which negotiates down to 1.47: that is the pair the real tools
// make, so `docker version` reads the same, "(downgraded from 1.50)" included, either way.

export const CLIENT = {
  version: '28.2.2',
  apiVersion: '1.50',
  goVersion: 'go1.24.3',
  gitCommit: 'e6534b4',
  built: 'Fri May 30 12:07:14 2025',
} as const;

export const ENGINE = {
  version: '27.5.1',
  apiVersion: '1.47',
  minApiVersion: '1.24',
  goVersion: 'go1.22.11',
  gitCommit: '4c9b3b0',
  /** RFC 3339 on the wire; the CLI prints it in Go's ANSIC layout (`Built:`). */
  buildTime: '2025-01-21T18:35:07.000000000+00:00',
  built: 'Tue Jan 21 18:35:07 2025',
  kernel: '6.8.0-45-generic',
  os: 'Ubuntu 24.04.1 LTS',
  osVersion: '24.04',
  cpus: 4,
  /** 15.6GiB as the CLI's units.BytesSize prints it. */
  memTotal: 16_747_839_488,
  memTotalText: '15.6GiB',
  name: 'docker-host',
  id: 'd7f5a8c2-3b1e-4f6a-9c0d-kubesim000001',
  containerd: { version: '1.7.25', commit: 'bcc810d6b9066471b0b6fa75f557a15a1cbf31bb' },
  runc: { version: '1.2.4', commit: 'v1.2.4-0-g6c52b3f' },
  init: { version: '0.19.0', commit: 'de40ad0' },
} as const;
