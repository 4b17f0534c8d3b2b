// The Docker view's code, loaded on first use and kept for the session. The canvas node types for
// Docker cards (node-types.ts) render through `dockerKit()`, which is set before the canvas ever
// draws a Docker node.
import { lazyKit } from './lazy-kit.ts';

export type DockerKit = typeof import('./docker-kit.ts');

const kit = lazyKit<DockerKit>(() => import('./docker-kit.ts'));

export const dockerKit = kit.get;
export const useDockerKit = kit.use;
