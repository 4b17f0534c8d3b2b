// The overview's code (its view-model and its layer), loaded the first time the canvas holds
// enough cards to need it (overview-mode.ts): most sessions never do, so the first screen does without it.
export { toOverview } from './overview.ts';
export { OverviewLayer } from './OverviewLayer.tsx';
