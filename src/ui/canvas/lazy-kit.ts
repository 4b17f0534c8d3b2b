// A piece of the canvas that loads on first use and stays for the session (the Docker view, the
// overview): `use(wanted)` starts the import once wanted and re-renders when it is there; `get()`
// reads it outside React (node types that render through it).
import { useEffect, useState } from 'react';

export interface LazyKit<K> {
  get: () => K | null;
  use: (wanted: boolean) => K | null;
}

export function lazyKit<K>(load: () => Promise<K>): LazyKit<K> {
  let loaded: K | null = null;
  let loading: Promise<K> | null = null;
  const use = (wanted: boolean): K | null => {
    const [kit, setKit] = useState<K | null>(loaded);
    useEffect(() => {
      if (!wanted || kit) return;
      let live = true;
      loading ??= load().then((k) => (loaded = k));
      void loading.then((k) => live && setKit(() => k));
      return () => {
        live = false;
      };
    }, [wanted, kit]);
    return kit;
  };
  return { get: () => loaded, use };
}
