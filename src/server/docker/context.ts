// What the Docker Engine API's handlers share: the served session (its state is the Docker host's
// and the cluster's), who waits for containers to end, and the exec instances made so far.
import { isAnonymousVolume, removeContainer, type ClusterState, type DockerContainer } from '../../engine/index.ts';
import { docker } from '../../commands/docker/index.ts';
import type { CommandOutput } from '../../commands/types.ts';
import type { ServeSession } from '../session.ts';
import { ExitTracker } from './exits.ts';
import type { MainProcess } from './main-stream.ts';

export interface ExecRecord {
  id: string;
  /** The container, or the kind node (by name) it runs in. */
  container: string;
  node?: string;
  cmd: string[];
  attachStdin: boolean;
  /** `docker exec -t`: a pseudo-terminal, so the stream is raw (not multiplexed). */
  tty: boolean;
  running: boolean;
  exitCode: number | null;
}

export interface DockerContext {
  session: ServeSession;
  exits: ExitTracker;
  execs: Map<string, ExecRecord>;
  /**
   * How each container was created for its stdin (Config.Tty, Config.StdinOnce): the engine keeps
   * only OpenStdin, and the stream's framing and what closing an attached stdin does depend on these.
   */
  terminals: Map<string, { tty: boolean; stdinOnce: boolean }>;
  /** Containers whose main process reads its stdin (`docker run -it busybox sh`): attached clients type into it. */
  mains: Map<string, MainProcess>;
  /** Makes `state` the served state, after announcing the containers that ended (and removing `--rm` ones). */
  commit(state: ClusterState): void;
  /** Runs a `docker` command line through the command layer (the CLI's own verbs: stop, restart, rm, rmi). */
  run(argv: readonly string[]): CommandOutput;
}

/** `--rm` and `rm -v`: anonymous volumes go with their container; named ones never do. */
export function removeWithAnonymousVolumes(state: ClusterState, id: string): ClusterState {
  const c: DockerContainer | undefined = state.docker.containers[id];
  if (!c) return state;
  const next = removeContainer(state, id);
  const anonymous = c.mounts.filter((m) => m.type === 'volume' && isAnonymousVolume(m.source)).map((m) => m.source);
  if (anonymous.length === 0) return next;
  const volumes = { ...next.docker.volumes };
  for (const v of anonymous) delete volumes[v];
  const volumeData = Object.fromEntries(Object.entries(next.volumeData).filter(([k]) => !anonymous.some((v) => k === `docker-volume/${v}`)));
  return { ...next, volumeData, docker: { ...next.docker, volumes } };
}

export function createContext(session: ServeSession): DockerContext {
  const exits = new ExitTracker(session.state);
  const ctx: DockerContext = {
    session,
    exits,
    execs: new Map(),
    terminals: new Map(),
    mains: new Map(),
    commit(state) {
      session.state = exits.observe(state, removeWithAnonymousVolumes);
    },
    run(argv) {
      return docker({ state: session.state, argv: ['docker', ...argv], files: { read: () => undefined } });
    },
  };
  return ctx;
}
