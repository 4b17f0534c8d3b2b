// A volume in flight from its StorageClass to where it lands (motion.ts): a card outline with no
// handles, shown only while it animates.
import { memo } from 'react';
import type { NodeProps, Node } from '@xyflow/react';

export const Flyer = memo(function Flyer({ data }: NodeProps<Node<{ label: string }, 'flyer'>>) {
  return (
    <div className="flex h-full w-full items-center gap-2 rounded-lg border-2 border-violet-400 bg-violet-50/95 px-3 shadow-lg dark:border-violet-400/70 dark:bg-violet-950/90">
      <span className="rounded bg-violet-600 px-1.5 py-px font-mono text-[10px] font-bold text-white">PV</span>
      <span className="min-w-0 truncate font-mono text-[13px] font-semibold text-violet-900 dark:text-violet-100">{data.label}</span>
    </div>
  );
});
