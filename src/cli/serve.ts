// `kubesim serve`: the simulated cluster as a Kubernetes API server on 127.0.0.1, for the real
// kubectl (and other clients). It optionally runs a script first, writes a kubeconfig, prints how
// to use it, and serves until interrupted; simulated time follows the wall clock.
import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createCluster, PRESETS, type ClusterState, type PresetName } from '../engine/index.ts';
import { runScript } from '../commands/script/run-script.ts';
import { createSession } from '../server/session.ts';
import { startKubeServer, type KubeServer } from '../server/server.ts';
import { kubeconfigText } from '../server/kubeconfig.ts';
import { startDockerServer, type DockerServer } from '../server/docker/server.ts';
import type { CliIO } from './main.ts';
import { cannotReadReason } from './fs-reason.ts';
import { readRegularFile } from './read-file.ts';
import { scriptFiles } from './script-files.ts';

export interface ServeOptions {
  port: number;
  preset: PresetName;
  seed: number;
  kubeconfig: string;
  script?: string;
  /** The Docker Engine API's port (0: not served). */
  dockerPort: number;
  /** Whether --docker-port was given: only then is a busy port an error (the default one is skipped with a warning). */
  dockerPortGiven?: boolean;
}

/** Where the kubeconfig goes without --kubeconfig (never ~/.kube/config: the learner's own stays untouched). */
export function defaultKubeconfig(): string {
  return join(homedir(), '.kube', 'kubesim.yaml');
}

export function parseServeArgs(args: readonly string[], io: CliIO): ServeOptions | undefined {
  const opts: ServeOptions = { port: 6443, preset: 'kind', seed: 1, kubeconfig: defaultKubeconfig(), dockerPort: 2375 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => {
      const v = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (v === undefined) io.stderr(`kubesim: flag needs an argument: ${name}\n`);
      return v;
    };
    if (name === '--port' || name === '--docker-port') {
      const v = value();
      if (v === undefined) return undefined;
      if (!/^\d+$/.test(v) || Number(v) > 65535) {
        io.stderr(`kubesim: invalid port "${v}": must be a number from 0 to 65535\n`);
        return undefined;
      }
      if (name === '--port') opts.port = Number(v);
      // 0 turns the Docker Engine API off (the Kubernetes API's --port 0 means any free port).
      else {
        opts.dockerPort = Number(v);
        opts.dockerPortGiven = true;
      }
    } else if (name === '--cluster') {
      const v = value();
      if (v === undefined) return undefined;
      if (!PRESETS.includes(v as PresetName)) {
        io.stderr(`kubesim: unknown cluster preset "${v}" (choose one of: ${PRESETS.join(', ')})\n`);
        return undefined;
      }
      opts.preset = v as PresetName;
    } else if (name === '--seed') {
      const v = value();
      if (v === undefined) return undefined;
      if (!/^-?\d+$/.test(v)) {
        io.stderr(`kubesim: invalid seed "${v}": must be an integer\n`);
        return undefined;
      }
      opts.seed = Number(v);
    } else if (name === '--kubeconfig') {
      const v = value();
      if (v === undefined) return undefined;
      opts.kubeconfig = resolve(v);
    } else if (name === '--script') {
      const v = value();
      if (v === undefined) return undefined;
      opts.script = v;
    } else {
      io.stderr(`kubesim: unknown flag: ${a}\nRun 'kubesim --help' for usage.\n`);
      return undefined;
    }
  }
  return opts;
}

/** The starting state: the preset, after the script if one was given (its output is printed as `kubesim run` prints it). */
function startingState(opts: ServeOptions, io: CliIO): ClusterState | undefined {
  if (opts.script === undefined) return createCluster({ preset: opts.preset, seed: opts.seed });
  const path = resolve(opts.script);
  let text: string;
  try {
    text = readRegularFile(path);
  } catch (e) {
    io.stderr(`kubesim: cannot read ${opts.script}: ${cannotReadReason(e)}\n`);
    return undefined;
  }
  const base = dirname(path);
  const result = runScript(text, {
    preset: opts.preset,
    seed: opts.seed,
    onChunk: (c) => (c.stream === 'stdout' ? io.stdout : io.stderr)(c.text),
    files: scriptFiles(base),
  });
  return result.exitCode === 2 ? undefined : result.state;
}

/** Starts serving; resolves with the server (the caller keeps the process alive), or undefined after printing why not. */
export async function serve(args: readonly string[], io: CliIO): Promise<(KubeServer & { docker?: DockerServer }) | undefined> {
  const opts = parseServeArgs(args, io);
  if (!opts) return undefined;
  const state = startingState(opts, io);
  if (!state) return undefined;
  let server: KubeServer & { docker?: DockerServer };
  const session = createSession(state);
  try {
    server = await startKubeServer(session, opts.port);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(`kubesim: cannot listen on 127.0.0.1:${opts.port}: ${code === 'EADDRINUSE' ? 'address already in use' : (e as Error).message}\n`);
    return undefined;
  }
  try {
    mkdirSync(dirname(opts.kubeconfig), { recursive: true });
    writeFileSync(opts.kubeconfig, kubeconfigText(server.port), { mode: 0o600 });
  } catch (e) {
    io.stderr(`kubesim: cannot write ${opts.kubeconfig}: ${(e as Error).message}\n`);
    await server.close();
    return undefined;
  }
  // The Docker Engine API on its own listener, over the same session (one simulated host and cluster).
  if (opts.dockerPort !== 0) {
    const kube = server;
    try {
      const docker = await startDockerServer(session, opts.dockerPort);
      server = { ...kube, docker, close: () => docker.close().then(() => kube.close()) };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'EADDRINUSE' ? 'address already in use' : (e as Error).message;
      if (opts.dockerPortGiven) {
        io.stderr(`kubesim: cannot listen on 127.0.0.1:${opts.dockerPort}: ${why}\n`);
        await kube.close();
        return undefined;
      }
      // The default port may be a real Docker daemon's: the Kubernetes API is served all the same.
      io.stderr(`kubesim: cannot listen on 127.0.0.1:${opts.dockerPort}: ${why}; the Docker Engine API is not served (choose a port with --docker-port)\n`);
    }
  }
  io.stdout(
    `kubesim: serving the ${opts.preset} cluster (seed ${opts.seed}) at http://127.0.0.1:${server.port}\n` +
      `Kubeconfig written to ${opts.kubeconfig}. Point kubectl at it:\n\n` +
      `  export KUBECONFIG=${opts.kubeconfig}\n  kubectl get nodes\n\n` +
      (server.docker ? `The Docker Engine API (1.47) is at tcp://127.0.0.1:${server.docker.port}. Point docker at it:\n\n  export DOCKER_HOST=tcp://127.0.0.1:${server.docker.port}\n  docker ps\n\n` : '') +
      `Simulated time follows the wall clock. Press Ctrl+C to stop.\n`,
  );
  return server;
}

/**
 * The CLI's entry: `main` is synchronous, so serving goes on in the background (the listening
 * socket keeps the process alive) and a failure to start sets the exit status when it is known.
 */
export function serveMain(args: readonly string[], io: CliIO): number {
  void serve(args, io).then((server) => {
    if (!server) {
      process.exitCode = 2;
      return;
    }
    // Ctrl+C (or a supervisor's TERM): close the listening socket and the open streams, then end.
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
