// npm run bench: how long applying and settling n PV+PVC pairs takes, and the memory it needs.
// A benchmark, not a test: it prints figures. Goals on the project machine (2 cores): 1,000 pairs
// settle in under 100 ms; 10,000 claims against 10,000 volumes of mixed classes and sizes settle
// in under 1 s; growth stays near n·log n (the binder indexes volumes, it never scans them all per claim).
import { createCluster, parseManifestText } from '../src/engine/index.ts';
import { applyDocuments } from '../src/engine/write.ts';
import { beginTxn } from '../src/engine/cluster/store.ts';
import { CONTROLLERS } from '../src/engine/controllers/registry.ts';
import { runUntilSettled } from '../src/engine/runtime/settle.ts';
import type { Step } from '../src/engine/cluster/state.ts';

const SIZES = [10, 100, 1_000, 10_000];

const CLASSES = ['', 'fast', 'slow', 'manual', 'archive'];

/**
 * n volumes and n claims over five storage classes with mixed sizes and access modes. Claims are
 * not in the volumes' order, so the binder has to search, not just pair them up.
 */
function manifest(n: number): string {
  const docs: string[] = [];
  for (let i = 0; i < n; i++) {
    const size = 1 + (i % 7);
    const modes = i % 4 === 0 ? '[ReadWriteOnce, ReadWriteMany]' : '[ReadWriteOnce]';
    docs.push(
      `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-${i}\nspec:\n  capacity:\n    storage: ${size + 1}Gi\n  accessModes: ${modes}\n  storageClassName: "${CLASSES[i % CLASSES.length]}"\n  hostPath:\n    path: /mnt/pv-${i}\n`,
    );
  }
  for (let i = 0; i < n; i++) {
    const j = (i * 7919) % n; // a fixed permutation: claim i looks like volume j
    docs.push(
      `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: pvc-${i}\nspec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: "${CLASSES[j % CLASSES.length]}"\n  resources:\n    requests:\n      storage: ${1 + (j % 7)}Gi\n`,
    );
  }
  return docs.join('---\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface Sample {
  parse: number;
  write: number;
  settle: number;
  heap: number;
  bound: number;
  steps: number;
}

/** One run, phase by phase: YAML → documents, API writes (decode, default, validate, admit, store), controllers until settled. */
function once(text: string): Sample {
  globalThis.gc?.();
  const base = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const docs = parseManifestText(text);
  const t1 = performance.now();
  const txn = beginTxn(createCluster({ preset: 'bare' }));
  applyDocuments(txn, docs, { mode: 'apply' });
  const t2 = performance.now();
  const steps: Step[] = [];
  runUntilSettled(txn, CONTROLLERS, steps);
  const t3 = performance.now();
  const heap = process.memoryUsage().heapUsed - base;
  const bound = Object.values(txn.state.objects.PersistentVolumeClaim ?? {}).filter((c) => c.kind === 'PersistentVolumeClaim' && c.status?.phase === 'Bound').length;
  return { parse: t1 - t0, write: t2 - t1, settle: t3 - t2, heap, bound, steps: steps.length };
}

const rows: string[][] = [];
let previous: { n: number; ms: number } | undefined;
for (const n of SIZES) {
  const text = manifest(n);
  const runs = n >= 10_000 ? 3 : n >= 1_000 ? 7 : 11;
  once(text); // warm-up: let the JIT compile the hot paths first
  const samples = Array.from({ length: runs }, () => once(text));
  const pick = (k: keyof Sample) => median(samples.map((x) => x[k]));
  const total = pick('parse') + pick('write') + pick('settle');
  const settle = pick('settle');
  // Growth exponent of settle time against the previous size: ~1.0–1.1 is n·log n territory, 2 would be n².
  const exponent = previous ? Math.log(settle / previous.ms) / Math.log(n / previous.n) : undefined;
  rows.push([
    n.toLocaleString('en-US'),
    `${pick('parse').toFixed(1)} ms`,
    `${pick('write').toFixed(1)} ms`,
    `${settle.toFixed(1)} ms`,
    `${total.toFixed(1)} ms`,
    exponent === undefined ? '' : exponent.toFixed(2),
    `${(Math.max(...samples.map((x) => x.heap)) / 1024 / 1024).toFixed(1)} MB`,
    `${samples[0]!.bound}/${n}`,
    String(samples[0]!.steps),
  ]);
  previous = { n, ms: settle };
}

const headers = ['pairs', 'YAML parse', 'API writes', 'settle', 'total', 'settle growth exp.', 'peak heap growth', 'bound', 'steps'];
const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('   ');
console.log(`Node ${process.version}, ${process.platform}/${process.arch}; median of 3–11 runs after a warm-up run`);
console.log(line(headers));
for (const r of rows) console.log(line(r));

// Issue 12: the share-link length of every built-in lesson at its end.
await (await import('./bench-lessons.ts')).benchLessonLinks();
