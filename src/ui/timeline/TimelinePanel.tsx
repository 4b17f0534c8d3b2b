// The dock's Timeline tab: every user action and controller step, in order, under the branches
// what-if forks left behind. Owned by the lead.
import { BranchList } from './BranchList.tsx';
import { StepsList } from './StepsList.tsx';

export function TimelinePanel() {
  return (
    <div className="flex h-full min-h-0 w-full flex-col">
      <BranchList />
      <StepsList />
    </div>
  );
}
