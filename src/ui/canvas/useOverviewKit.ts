// The overview's code, loaded once the graph is large enough that zooming out would switch to it
// (so the switch itself never waits on the network), and kept for the session.
import { lazyKit } from './lazy-kit.ts';

export type OverviewKit = typeof import('./overview-kit.ts');

export const useOverviewKit = lazyKit<OverviewKit>(() => import('./overview-kit.ts')).use;
