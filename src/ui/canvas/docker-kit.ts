// The Docker view's code (its view-model and its cards), loaded the first time the view is
// switched on: most sessions never leave the cluster view, so the first screen does without it.
export { toDockerGraph } from './docker-graph.ts';
export { DockerContainerCard, DockerImageCard, DockerVolumeCard } from './nodes/DockerCards.tsx';
