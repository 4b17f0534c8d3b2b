// A small harness over the engine for tests: apply YAML, read objects and events back.
import { createCluster, viewOf, type ClusterState, type Kind, type PresetName, type Stored } from '../index.ts';
import { applyManifest } from '../write.ts';
import type { DocumentResult } from '../manifest/apply-documents.ts';
import { yaml } from './builders.ts';

export class TestCluster {
  constructor(public state: ClusterState) {}

  static of(preset: PresetName = 'bare', seed = 1): TestCluster {
    return new TestCluster(createCluster({ preset, seed }));
  }

  /** Applies objects (or YAML text); returns the per-document results. */
  apply(...objects: unknown[]): DocumentResult[] {
    const text = objects.length === 1 && typeof objects[0] === 'string' ? objects[0] : yaml(...objects);
    const r = applyManifest(this.state, text, { mode: 'apply' });
    this.state = r.state;
    return r.result;
  }

  get<K extends Kind>(kind: K, key: string): Stored<K> | undefined {
    return viewOf(this.state).get(kind, key);
  }

  list<K extends Kind>(kind: K): Stored<K>[] {
    return viewOf(this.state).list(kind);
  }

  phase(kind: 'PersistentVolume' | 'PersistentVolumeClaim' | 'Pod', key: string): string | undefined {
    return (this.get(kind, key)?.status as { phase?: string } | undefined)?.phase;
  }

  /** `Type Reason message` lines for events about one object, oldest first. */
  events(kind: Kind, name: string): string[] {
    return viewOf(this.state)
      .list('Event')
      .filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name)
      .sort((a, b) => (a.firstTimestamp ?? '').localeCompare(b.firstTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name))
      .map((e) => `${e.type} ${e.reason} ${e.message}`);
  }
}
