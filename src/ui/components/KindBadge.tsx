// The kind as kubectl abbreviates it (PVC, PV, SC, POD, NODE), for compact cards and headers.
const SHORT: Record<string, string> = {
  PersistentVolumeClaim: 'PVC',
  PersistentVolume: 'PV',
  StorageClass: 'SC',
  Pod: 'POD',
  Node: 'NODE',
  ConfigMap: 'CM',
  Secret: 'SECRET',
};

export function KindBadge({ kind }: { kind: string }) {
  return (
    <span title={kind} className="inline-flex shrink-0 items-center rounded bg-slate-900/[0.06] px-1.5 py-px font-mono text-[10px] font-bold tracking-wider text-slate-600 dark:bg-white/10 dark:text-slate-300">
      {SHORT[kind] ?? kind}
    </span>
  );
}
