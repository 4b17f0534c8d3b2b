// The dock's Timeline tab: every user action and controller step, in order. Owned by the lead.
import { StepsList } from './StepsList.tsx';

export function TimelinePanel() {
  return (
    <div className="flex h-full min-h-0 w-full flex-col">
      <StepsList />
    </div>
  );
}
