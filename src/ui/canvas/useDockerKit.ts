// Loads the Docker view's code on first use and keeps it for the session. The canvas node types
// for Docker cards (node-types.ts) render through `dockerKit()`, which is set before the canvas
// ever draws a Docker node.
import { useEffect, useState } from 'react';

export type DockerKit = typeof import('./docker-kit.ts');

let loaded: DockerKit | null = null;
let loading: Promise<DockerKit> | null = null;

export function dockerKit(): DockerKit | null {
  return loaded;
}

export function useDockerKit(wanted: boolean): DockerKit | null {
  const [kit, setKit] = useState<DockerKit | null>(loaded);
  useEffect(() => {
    if (!wanted || kit) return;
    let live = true;
    loading ??= import('./docker-kit.ts').then((k) => (loaded = k));
    void loading.then((k) => live && setKit(k));
    return () => {
      live = false;
    };
  }, [wanted, kit]);
  return kit;
}
