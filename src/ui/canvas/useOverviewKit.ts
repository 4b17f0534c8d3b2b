// Loads the overview's code once the graph is large enough that zooming out would switch to it,
// so the switch itself never waits on the network. Kept for the session.
import { useEffect, useState } from 'react';

export type OverviewKit = typeof import('./overview-kit.ts');

let loaded: OverviewKit | null = null;
let loading: Promise<OverviewKit> | null = null;

export function useOverviewKit(wanted: boolean): OverviewKit | null {
  const [kit, setKit] = useState<OverviewKit | null>(loaded);
  useEffect(() => {
    if (!wanted || kit) return;
    let live = true;
    loading ??= import('./overview-kit.ts').then((k) => (loaded = k));
    void loading.then((k) => live && setKit(k));
    return () => {
      live = false;
    };
  }, [wanted, kit]);
  return kit;
}
