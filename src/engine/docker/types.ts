// The Docker host's state, plain JSON inside ClusterState.docker.
import type { FsTree } from '../fs/tree.ts';
import type { Continuation } from '../containers/main-process.ts';
import type { HistoryRow } from './catalog.ts';

export interface DockerImage {
  /** sha256 hex (64 characters); `docker images` shows the first 12. */
  id: string;
  /** `my-image:latest` style names pointing at this image. */
  tags: string[];
  created: number;
  /** Every Dockerfile step, newest last; rows with `empty` add no layer. */
  history: HistoryRow[];
  /** Digests of the layers (non-empty rows), bottom first. Shared digests mean shared storage. */
  layers: string[];
  /** The image's merged filesystem (what a container starts from). */
  fs: FsTree;
  cmd: string[];
  entrypoint: string[];
  env: string[];
  workdir: string;
}

export interface DockerMount {
  type: 'volume' | 'bind' | 'tmpfs';
  /** Volume name, host path, or '' for tmpfs. */
  source: string;
  destination: string;
  readOnly: boolean;
  /** `-v NAME:/path:nocopy`, `--mount …,volume-nocopy`: the image's files there are not copied into an empty volume. */
  noCopy?: boolean;
}

export interface DockerContainer {
  id: string;
  name: string;
  /** The image as the user named it. */
  image: string;
  imageId: string;
  command: string[];
  created: number;
  state: 'created' | 'running' | 'exited';
  startedAt: number;
  finishedAt: number;
  exitCode: number;
  mounts: DockerMount[];
  /** The writable layer: kept while the container exists, stopped or not. */
  upper: FsTree;
  logs: string;
  env: string[];
  workdir: string;
  /** `-i` (Config.OpenStdin): its stdin stays open, so a shell waits for input instead of exiting. */
  openStdin?: boolean;
  /** Its main process in simulated time (docker/main-process.ts): sleeps completed, and when the one it waits in ends. */
  sleeps?: number;
  wakeAt?: number;
  /** Where it goes on at `wakeAt` (containers/main-process.ts); absent: it is replayed from its start. */
  resume?: Continuation;
}

export interface DockerVolume {
  name: string;
  created: number;
}

export interface DockerHost {
  images: Record<string, DockerImage>;
  /** `repo:tag` → image id. */
  tags: Record<string, string>;
  /** Layer digest → bytes. */
  layers: Record<string, number>;
  containers: Record<string, DockerContainer>;
  volumes: Record<string, DockerVolume>;
  /** How many container names Docker has generated (for `docker run` without --name). */
  generatedNames: number;
  /** Containers ever created: part of each new container's id, so a re-used name gets a new id. */
  created: number;
  /** kind's node containers (kind presets): when `docker start` last started each one (ms). */
  nodeStarts?: Record<string, number>;
}

export const EMPTY_DOCKER_HOST: DockerHost = { images: {}, tags: {}, layers: {}, containers: {}, volumes: {}, generatedNames: 0, created: 0 };
