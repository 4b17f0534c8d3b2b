// A node whose machine is switched off (`kubesim node fail`): hatched red, with "kubelet not
// responding" on its border. Drawn from the moment it goes off; its status pill keeps saying
// what the API says (Ready for the 50 s grace period, then NotReady).
import { isPoweredOff } from '../../../engine/index.ts';
import { useAppStore } from '../../../store/index.ts';

const HATCH = 'repeating-linear-gradient(135deg, rgb(244 63 94 / 0.13) 0 7px, transparent 7px 14px)';

export function NodeOutage({ name }: { name: string }) {
  const off = useAppStore((s) => isPoweredOff(s.cluster, name));
  if (!off) return null;
  return (
    <>
      <div aria-hidden className="pointer-events-none absolute -inset-px rounded-xl border-2 border-dashed border-rose-400 dark:border-rose-500/70" style={{ backgroundImage: HATCH }} />
      <span
        data-testid={`node-outage-${name}`}
        title="The machine is off: its kubelet posts no status, starts and stops nothing"
        className="absolute -top-2.5 right-3 inline-flex items-center gap-1 rounded-full bg-rose-600 px-2 py-px text-[10px] leading-4 font-semibold text-white shadow-sm dark:bg-rose-500"
      >
        <svg viewBox="0 0 24 24" className="size-3" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth={2.4} strokeLinecap="round">
          <path d="M12 3v8M6.3 6.8a8 8 0 1 0 11.4 0" />
        </svg>
        kubelet not responding
      </span>
    </>
  );
}
