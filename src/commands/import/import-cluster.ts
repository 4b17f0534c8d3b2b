// `Import from a cluster`: a fresh, empty simulated cluster with the pasted objects imported as
// they were (status included), then settled, so the controllers carry on from the real state.
import { createCluster } from '../../engine/index.ts';
import { importObjects, type ImportOutcome } from '../../engine/cluster/import-objects.ts';
import { parseImport, type ParsedImport } from './parse-import.ts';

export interface ClusterImport {
  parsed: ParsedImport;
  /** Absent when the input was refused as a whole (`parsed.fatal`). */
  outcome?: ImportOutcome;
}

export function importCluster(text: string, opts: { seed?: number } = {}): ClusterImport {
  const parsed = parseImport(text);
  if (parsed.fatal) return { parsed };
  // The `empty` preset: no nodes, no classes, no provisioners — everything comes from the import.
  const base = createCluster({ preset: 'empty', seed: opts.seed ?? 1 });
  return { parsed, outcome: importObjects(base, parsed.objects) };
}
